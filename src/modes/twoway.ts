/**
 * Two-way reconcile: every open alert issue, and every alert issue updated within the lookback, is
 * brought in step with its alert field by field, whichever side changed (see issue/twoway.ts).
 * Reads: the issue listing, the alerts in bulk, and an issue's events or comments only where a
 * decision needs them. Writes: Defender's changes grouped as reconcile sends them, then per issue
 * at most one comment and one update (state, labels, assignees and the record of agreement).
 */
import type { Config } from "../config.js";
import { describe } from "../github/errors.js";
import type { AlertIssue, AlertIssueStore } from "../github/store.js";
import type { AgreedRecord } from "../issue/record.js";
import { alertView } from "../issue/reconcile-plan.js";
import { withRecord } from "../issue/record.js";
import { announces, fieldTimes, issueTriage, lastCopied, type PlanInput, planReconcile, type ReconcilePlan } from "../issue/reconcile-plan.js";
import { TRIAGE_FIELDS, type Triage } from "../issue/twoway.js";
import { REDIRECTED } from "../issue/incident-plan.js";
import { asReconciled, noneUpdatedBefore, oldestPerAlert, sendUpdates } from "./reconcile.js";
import { type AlertUpdate, emptyResult, explainLabelProblem, type IssueUpdateReport, type SyncDeps, type SyncLog, type SyncResult } from "./sync.js";

interface Planned {
  issue: AlertIssue;
  input: PlanInput;
  plan: ReconcilePlan;
}

export async function reconcileTwoWay(config: Config, deps: SyncDeps, log: SyncLog, now = new Date()): Promise<SyncResult> {
  const result = emptyResult("reconcile", config.dryRun);
  const direction = config.syncDirection === "to-github" ? "to-github" : "both";
  const store = await deps.store();
  const listing = await store.listForReconcile(new Date(now.getTime() - config.lookbackMs));
  // Incident issues are kept in step with their incident the same way.
  const issues = [...oldestPerAlert(listing.issues), ...oldestPerAlert(listing.incidentIssues.map(asReconciled))];
  result.examined = issues.length;

  const readable: Array<{ issue: AlertIssue; triage: PlanInput["triage"] }> = [];
  for (const issue of issues) {
    const reading = issueTriage(issue, config.assigneeMap);
    if (reading.ok) {
      readable.push({ issue, triage: reading.triage });
      continue;
    }
    // The issue's labels say nothing sync can read: neither side is touched until a triager fixes them.
    if (direction === "both") await explainLabelProblem(config, store, issue.number, reading.problems, log);
    else log.warning(`Issue #${issue.number}: ${reading.problems.join("; ")}; left as it is.`);
    result.problems.push({ issueNumber: issue.number, problems: reading.problems });
  }
  if (readable.length === 0) return result;

  const source = await deps.source();
  const alertIssues = readable.filter(({ issue }) => issue.incidentId === undefined).map(({ issue }) => issue);
  const alerts = alertIssues.length === 0 ? new Map() : await source.alertsById(alertIssues.map((issue) => issue.alertId), { updatedSince: new Date(now.getTime() - config.lookbackMs), noneUpdatedBefore: noneUpdatedBefore(alertIssues) });
  const incidentIds = readable.flatMap(({ issue }) => (issue.incidentId === undefined ? [] : [issue.incidentId]));
  const incidents = incidentIds.length === 0 ? new Map() : await source.incidentsById(incidentIds);
  const planned: Planned[] = [];
  for (const { issue, triage } of readable) {
    const found = issue.incidentId !== undefined ? incidents.get(issue.incidentId) : alerts.get(issue.alertId);
    const what = issue.incidentId !== undefined ? `incident ${issue.incidentId}` : `alert ${issue.alertId}`;
    if (!found) {
      log.warning(`Issue #${issue.number}: ${what} is not in Defender (older than the tenant's retention, or deleted); left as it is.`);
      result.skipped.push({ issueNumber: issue.number, reason: `${what.split(" ")[0]} not found in Defender` });
      continue;
    }
    if (found.status === REDIRECTED) {
      // Pull closes a merged incident's issue as a duplicate of the survivor's.
      result.skipped.push({ issueNumber: issue.number, reason: "incident merged into another" });
      continue;
    }
    planned.push(await planIssue(store, { issue, triage, record: issue.record, alert: alertView(found), assigneeMap: config.assigneeMap, direction }));
  }

  const updates: AlertUpdate[] = planned
    .filter(({ plan }) => Object.keys(plan.toDefender).length > 0)
    .map(({ issue, plan }) => ({ alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), issueNumber: issue.number, changes: plan.toDefender }));
  await sendUpdates(config, deps, updates, result, log);
  const refused = new Set(result.failures.map((failure) => failure.issueNumber));

  for (const item of planned) await bringIssueInStep(config, deps, item, refused.has(item.issue.number), result, log);
  result.inStep = planned.filter(({ plan }) => Object.keys(plan.toDefender).length === 0 && !hasIssueChange(plan)).length;
  return result;
}

/**
 * Plans one issue, reading GitHub only where the plan needs it: the issue's events when a field
 * changed on both sides, and the action's own comments when the issue was commented on since its
 * record (a run may have commented and died before it wrote the record).
 */
async function planIssue(store: AlertIssueStore, input: PlanInput & { issue: AlertIssue }): Promise<Planned> {
  const { issue } = input;
  let plan = planReconcile(input);
  if (plan.needsTime.length > 0) {
    // Changed on both sides: the issue's events tell which change was later.
    input.issueTimes = fieldTimes(plan.needsTime, await store.issueEvents(issue.number));
    plan = planReconcile(input);
  }
  const stateChange = plan.toGitHub.state;
  if ((plan.copiedUntil || stateChange) && commentedSinceRecord(issue)) {
    // A run may have commented and died before it wrote the record: its comment says what it
    // copied, and which state change it announced (among the comments made since the record).
    const own = await store.ownComments(issue.number);
    const copied = lastCopied(own.map((comment) => comment.body));
    let replan = false;
    if (plan.copiedUntil && copied && (!issue.record?.commentsUntil || Date.parse(copied) > Date.parse(issue.record.commentsUntil))) {
      input.commentsSince = copied;
      replan = true;
    }
    const since = issue.record?.issueComments ?? 0;
    if (stateChange && own.some((comment) => comment.index >= since && announces(comment.body, stateChange))) {
      input.stateNoted = true;
      replan = true;
    }
    if (replan) plan = planReconcile(input);
  }
  return { issue, input, plan };
}

/** Someone (or a run that died) commented after the record was written. */
function commentedSinceRecord(issue: AlertIssue): boolean {
  return issue.comments > (issue.record?.issueComments ?? 0);
}

function hasIssueChange(plan: ReconcilePlan): boolean {
  const g = plan.toGitHub;
  return Boolean(g.state || g.assignees || g.labelsAdded.length > 0 || g.labelsRemoved.length > 0 || plan.comment);
}

function sameTriage(a: Triage, b: Triage): boolean {
  return TRIAGE_FIELDS.every((field) => (a[field] ?? "").toLowerCase() === (b[field] ?? "").toLowerCase());
}

/**
 * Writes what the issue needs: first the comment (the state change explained, Defender's comments),
 * then one update with its state, labels, assignees and the new record. The record is written last,
 * so a run that dies before it leaves the old one, and the next run completes the change.
 */
async function bringIssueInStep(config: Config, deps: SyncDeps, { issue, input, plan }: Planned, refused: boolean, result: SyncResult, log: SyncLog): Promise<void> {
  if (plan.unmappedOwner) {
    log.notice(`Issue #${issue.number}: Defender's owner ${JSON.stringify(plan.unmappedOwner)} maps to no GitHub login (assignee-map); the assignees are left as they are.`);
    result.unmappedOwners.push({ issueNumber: issue.number, owner: plan.unmappedOwner });
  }
  // A change Defender refused is not agreed: those fields keep the record's value (with no record,
  // none is written), so the next run tries again.
  const record: AgreedRecord | undefined = refused && !input.record ? undefined : {
    triage: refused ? keepUnsent(plan, input.record!) : plan.agreed,
    commentsUntil: plan.copiedUntil ?? input.commentsSince ?? input.record?.commentsUntil ?? null,
    issueComments: issue.comments + (plan.comment ? 1 : 0),
  };
  const changed = hasIssueChange(plan);
  const recordStale = record !== undefined && (input.record
    ? !sameTriage(input.record.triage, record.triage) || input.record.commentsUntil !== record.commentsUntil
    : changed || expressesAnything(input.triage));
  if (!changed && !recordStale) return;

  const g = plan.toGitHub;
  const report: IssueUpdateReport = { issueNumber: issue.number, alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), changes: {} };
  if (g.state) report.changes.state = g.state;
  if (g.labelsAdded.length > 0) report.changes.labelsAdded = g.labelsAdded;
  if (g.labelsRemoved.length > 0) report.changes.labelsRemoved = g.labelsRemoved;
  if (g.assignees) report.changes.assignees = g.assignees;
  if (plan.copied > 0) report.changes.comments = plan.copied;

  if (config.dryRun) {
    if (changed) {
      log.info(`Dry run: would bring issue #${issue.number} in step with alert ${issue.alertId}: ${JSON.stringify(report.changes)}`);
      result.issuesUpdated.push(report);
    }
    return;
  }
  const store = await deps.store();
  try {
    if (plan.comment) await store.comment(issue.number, plan.comment);
    const labels = g.labelsAdded.length > 0 || g.labelsRemoved.length > 0
      ? [...issue.labels.filter((label) => !g.labelsRemoved.includes(label)), ...g.labelsAdded]
      : undefined;
    await store.updateIssue(issue.number, {
      ...(g.state ? { state: g.state } : {}),
      ...(g.stateReason ? { stateReason: g.stateReason } : {}),
      ...(labels ? { labels } : {}),
      ...(g.assignees ? { assignees: g.assignees } : {}),
      ...(record ? { body: withRecord(issue.body, record) } : {}),
    });
    if (changed) {
      log.info(`Brought issue #${issue.number} in step with alert ${issue.alertId}: ${JSON.stringify(report.changes)}`);
      result.issuesUpdated.push(report);
    }
  } catch (error) {
    result.failures.push({ alertId: issue.alertId, issueNumber: issue.number, error: describe(error) });
  }
}

/** The agreed state when the alert's write was refused: the fields meant for Defender keep the record's value. */
function keepUnsent(plan: ReconcilePlan, record: AgreedRecord): Triage {
  const kept = { ...plan.agreed };
  const sent = plan.toDefender;
  if (sent.status) kept.status = record.triage.status;
  if (sent.classification) kept.classification = record.triage.classification;
  if (sent.determination) kept.determination = record.triage.determination;
  if (sent.assignedTo) kept.owner = record.triage.owner;
  return kept;
}

/** Whether an issue without a record expresses a field, so a record must say it agreed. */
function expressesAnything(triage: PlanInput["triage"]): boolean {
  return triage.status !== "Open" || triage.classification !== undefined || triage.determination !== undefined || triage.owner !== undefined;
}
