/**
 * Reconcile: every alert issue updated within the lookback brings its alert to what the issue says.
 * It catches up on events whose runs failed or never happened, and sends only what differs.
 */
import type { Config } from "../config.js";
import type { AlertIssue, IncidentIssueFound } from "../github/store.js";
import { type AlertChanges, desiredAlert, difference } from "../issue/changes.js";
import { REDIRECTED } from "../issue/incident-plan.js";
import { sendChanges, withDeterminationFallback } from "./send.js";
import { type AlertUpdate, emptyResult, explainLabelProblem, type SyncDeps, type SyncLog, type SyncResult } from "./sync.js";

// Defender does not document a batch limit; its error for one exists, so stay well below any.
const BATCH_SIZE = 50;
// Pull opens issues for alerts created within its lookback, at most 30 days, plus a day's margin.
const ALERT_AGE_AT_ISSUE_MAX_MS = 31 * 86_400_000;

/**
 * The earliest time any of these issues' alerts can have last changed: each was created before its
 * issue, by at most the longest lookback, and an alert's last update is never before its creation.
 */
export function noneUpdatedBefore(issues: readonly AlertIssue[]): Date | undefined {
  if (issues.length === 0) return undefined;
  const oldest = issues.reduce((earliest, issue) => Math.min(earliest, issue.createdAt.getTime()), Number.POSITIVE_INFINITY);
  return new Date(oldest - ALERT_AGE_AT_ISSUE_MAX_MS);
}

/** One alert per issue: when an alert has two issues, the older one speaks for it. */
export function oldestPerAlert(issues: readonly AlertIssue[]): AlertIssue[] {
  const byAlert = new Map<string, AlertIssue>();
  for (const issue of issues) {
    const known = byAlert.get(issue.alertId);
    if (!known || issue.createdAt < known.createdAt) byAlert.set(issue.alertId, issue);
  }
  return [...byAlert.values()];
}

/** Alerts that need the same change, so one batch call serves them all. */
export function groupByChange(updates: readonly AlertUpdate[]): AlertUpdate[][] {
  const groups = new Map<string, AlertUpdate[]>();
  for (const update of updates) {
    const key = JSON.stringify(Object.entries(update.changes).sort(([a], [b]) => a.localeCompare(b)));
    groups.set(key, [...(groups.get(key) ?? []), update]);
  }
  return [...groups.values()];
}

export async function reconcile(config: Config, deps: SyncDeps, log: SyncLog, now = new Date()): Promise<SyncResult> {
  const result = emptyResult("reconcile", config.dryRun);
  const since = new Date(now.getTime() - config.lookbackMs);
  const store = await deps.store();
  const listing = await store.listUpdatedSince(since);
  const issues = [...oldestPerAlert(listing.issues), ...oldestPerAlert(listing.incidentIssues.map(asReconciled))];
  result.examined = issues.length;

  const wanted: Array<{ issue: AlertIssue; changes: AlertChanges }> = [];
  for (const issue of issues) {
    const plan = desiredAlert(issue, config.assigneeMap);
    if (plan.kind === "send") wanted.push({ issue, changes: plan.changes });
    else if (plan.kind === "problem") {
      await explainLabelProblem(config, store, issue.number, plan.problems, log);
      result.problems.push({ issueNumber: issue.number, problems: plan.problems });
    } else result.inStep++;
  }
  if (wanted.length === 0) return result;

  const source = await deps.source();
  const forAlerts = wanted.filter((w) => w.issue.incidentId === undefined);
  const current = forAlerts.length === 0 ? new Map() : await source.alertsById(forAlerts.map((w) => w.issue.alertId), { updatedSince: since, noneUpdatedBefore: noneUpdatedBefore(forAlerts.map((w) => w.issue)) });
  const forIncidents = wanted.flatMap((w) => (w.issue.incidentId === undefined ? [] : [w.issue.incidentId]));
  const incidents = forIncidents.length === 0 ? new Map() : await source.incidentsById(forIncidents);
  const updates: AlertUpdate[] = [];
  for (const { issue, changes } of wanted) {
    const found = issue.incidentId !== undefined ? incidents.get(issue.incidentId) : current.get(issue.alertId);
    const what = issue.incidentId !== undefined ? `incident ${issue.incidentId}` : `alert ${issue.alertId}`;
    if (!found) {
      log.warning(`Issue #${issue.number}: ${what} is not in Defender (older than the tenant's retention, or deleted); nothing sent.`);
      result.skipped.push({ issueNumber: issue.number, reason: `${what.split(" ")[0]} not found in Defender` });
      continue;
    }
    if (found.status === REDIRECTED) {
      // Pull closes a merged incident's issue as a duplicate of the survivor's.
      result.skipped.push({ issueNumber: issue.number, reason: "incident merged into another" });
      continue;
    }
    const diff = difference(changes, found);
    if (Object.keys(diff).length === 0) result.inStep++;
    else updates.push({ alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), issueNumber: issue.number, changes: diff });
  }

  await sendUpdates(config, deps, updates, result, log);
  return result;
}

/** An incident issue as reconcile sees it: an alert issue whose ID is its incident's. */
export function asReconciled(issue: IncidentIssueFound): AlertIssue {
  const { listed: _listed, ...rest } = issue;
  return { ...rest, alertId: issue.incidentId };
}

/**
 * Sends updates, identical changes to alerts together in batches: one call per distinct change and
 * 50 alerts; a change to an incident on its own.
 */
export async function sendUpdates(config: Config, deps: SyncDeps, updates: readonly AlertUpdate[], result: SyncResult, log: SyncLog): Promise<void> {
  for (const update of updates) if (update.incidentId !== undefined) await sendChanges(config, deps, update, result, log);
  for (const group of groupByChange(updates.filter((update) => update.incidentId === undefined))) {
    if (group.length === 1) {
      await sendChanges(config, deps, group[0]!, result, log);
      continue;
    }
    for (let start = 0; start < group.length; start += BATCH_SIZE) {
      await sendBatch(config, deps, group.slice(start, start + BATCH_SIZE), result, log);
    }
  }
}

async function sendBatch(config: Config, deps: SyncDeps, batch: AlertUpdate[], result: SyncResult, log: SyncLog): Promise<void> {
  const ids = batch.map((update) => update.alertId);
  const changes = batch[0]!.changes;
  const source = await deps.source();
  if (config.dryRun) {
    const spelt = source.spell(changes);
    log.info(`Dry run: would update ${ids.length} alerts in one batch with ${JSON.stringify(spelt)}`);
    result.updated.push(...batch.map((update) => ({ ...update, changes: spelt })));
    return;
  }
  try {
    const sent = source.spell(await withDeterminationFallback(changes, (tried) => source.updateAlerts(ids, tried), log));
    log.info(`Updated ${ids.length} alerts in one batch: ${JSON.stringify(sent)}`);
    result.updated.push(...batch.map((update) => ({ ...update, changes: sent })));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    for (const update of batch) result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
  }
}
