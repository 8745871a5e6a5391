/**
 * Pull with `group-by: incident`: incidents updated in the window → one issue each, never two; an
 * issue whose incident gained alerts lists them and says so once; a merged incident's issue closes
 * as a duplicate of its survivor's. Alerts that belong to no incident get alert issues as before.
 * Reads: the incident listing, one issue listing (back to the oldest incident's creation, so any
 * issue of a listed incident is found), a survivor the listing lacked. Writes: creates, then per
 * changed issue one update and one comment, then duplicates closed.
 */
import type { Config } from "../config.js";
import { describe, isFinal } from "../github/errors.js";
import { type AlertIssueStore, type IncidentIssueFound, oldestIssueFirst } from "../github/store.js";
import { type IncidentPlan, planIncidentPull } from "../issue/incident-plan.js";
import { renderIssue } from "../issue/render.js";
import { renderIncidentIssue } from "../issue/render-incident.js";
import { withoutAlerts } from "../issue/incident-record.js";
import { cellCode, inlineText, truncate } from "../issue/markdown.js";
import { type Alert, severityOf } from "../source/alert.js";
import { alertIssueNumbers, updateIncidentIssues } from "./incident-issues.js";
import { type Incident, incidentSeverityOf } from "../source/incident.js";
import type { AlertSource, AlertWindow } from "../source/source.js";
import { emptyPullResult, hourlyRoom, ISSUES_PER_HOUR, newAlerts, openAlertIssues, type PullLog, type PullOptions, type PullResult, vocabularyCheck } from "./pull.js";

export interface IncidentPullDeps {
  source: AlertSource;
  store: () => Promise<AlertIssueStore>;
}

// As pull: issues are listed from a little before, in case GitHub's and Defender's clocks differ.
const CLOCK_MARGIN_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
// A survivor of a merge may itself have been merged: a few reads settle any chain met in practice.
const SURVIVOR_READS_MAX = 20;
const JOINED_NAMED_MAX = 50;

export async function runIncidentPull(config: Config, deps: IncidentPullDeps, log: PullLog, options: PullOptions = {}): Promise<PullResult> {
  const { source } = deps;
  const now = options.now ?? new Date();
  const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
  const asked: AlertWindow = { ...window, minSeverity: config.minSeverity, statuses: config.statuses, serviceSources: config.serviceSources, extra: config.filter };
  log.info(`Listing ${source.service} incidents with ${source.describeIncidentWindow(asked)}`);
  const listing = await source.listIncidents(asked);
  for (const bad of listing.malformed) log.warning(`Skipped malformed ${bad.problem.startsWith("incident") ? "incident" : "alert"} ${JSON.stringify(bad.id)}: ${bad.problem}`);
  const alertsFound = listing.incidents.reduce((sum, incident) => sum + incident.alerts.length, 0) + listing.loose.length;
  const result: PullResult = { ...emptyPullResult(config.dryRun, window, alertsFound, listing.malformed), incidentsFound: listing.incidents.length };
  if (listing.incidents.length === 0 && listing.loose.length === 0) {
    log.info("No incident or alert in the window; nothing to open");
    return result;
  }

  // Any issue of a listed incident was opened after the incident was created: listing back to the
  // oldest one finds them all, open or closed, with one listing.
  const oldest = listing.incidents.reduce((earliest, incident) => Math.min(earliest, incident.createdAt.getTime()), now.getTime());
  const listedSince = Math.min(window.since.getTime(), oldest, now.getTime() - HOUR_MS) - CLOCK_MARGIN_MS;
  const store = await deps.store();
  const existing = await store.listUpdatedSince(new Date(listedSince));
  for (const stranger of existing.strangers) {
    log.warning(`Issue #${stranger.number} has a Defender marker but was opened by ${JSON.stringify(stranger.author)}, who is not in trusted-authors: it is not treated as an alert or incident issue. If the action runs as that identity, add it to trusted-authors.`);
  }

  const incidents = [...listing.incidents];
  let plan = planIncidentPull(incidents, existing.incidentIssues);
  for (let reads = 0; plan.missing.length > 0 && reads < SURVIVOR_READS_MAX; reads++) {
    for (const id of plan.missing) {
      const survivor = await source.incident(id);
      if (survivor) incidents.push(survivor);
      else log.warning(`Incident ${id}, into which Defender merged another, could not be read; its merged incident's issue is left open`);
    }
    const before = plan.missing;
    plan = planIncidentPull(incidents, existing.incidentIssues);
    if (plan.missing.every((id) => before.includes(id))) break;
  }

  const loose = newAlerts(listing.loose, existing.issues);
  result.alreadyTicketed = listing.loose.length - loose.length + (listing.incidents.length - plan.open.length);
  const perHour = options.issuesPerHour ?? ISSUES_PER_HOUR;
  const room = hourlyRoom(existing.openedByTrusted, now, perHour);
  const wanted = plan.open.length + loose.length;
  const allowed = Math.min(config.maxIssues, room);
  if (allowed < Math.min(wanted, config.maxIssues)) {
    result.hourlyRoom = room;
    log.info(`${perHour - room} issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most ${room} of ${perHour} an hour, and the rest wait for a later run`);
  }
  // Incidents first, oldest first; then alerts of no incident.
  const openIncidents = plan.open.slice(0, allowed);
  const openAlerts = loose.slice(0, Math.max(0, allowed - openIncidents.length));
  log.info(`${listing.incidents.length} incidents and ${listing.loose.length} alerts of no incident in the window; ${config.dryRun ? "would open" : "opening"} ${openIncidents.length} incident issues and ${openAlerts.length} alert issues, ${config.dryRun ? "would update" : "updating"} ${plan.update.length}`);

  const options_ = { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels };
  // Alerts with an issue of their own from before the repository grouped by incident: rows link it.
  const alertIssues = alertIssueNumbers(existing.issues);
  const renderIncident = (incident: Incident) => renderIncidentIssue(incident, { ...options_, alertIssues });
  const renderAlert = (alert: Alert) => renderIssue(alert, options_);

  if (config.dryRun) {
    result.planned = [
      ...openIncidents.map((incident) => {
        const { body: _body, incidentId, ...planned } = renderIncident(incident);
        return { ...planned, alertId: incidentId, incidentId };
      }),
      ...openAlerts.map((listed) => {
        const { body: _body, ...planned } = renderAlert(listed.read());
        return planned;
      }),
    ];
    result.incidentIssuesUpdated = plan.update.map(({ issue, joined }) => ({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) }));
    result.duplicatesClosed = plan.duplicates.map(({ issue }) => issue.number);
    result.alertsMoved = plan.moved.map(({ issue, to, alerts }) => ({ issueNumber: issue.number, incidentId: issue.incidentId, to, alerts: alerts.map((alert) => alert.id) }));
    result.alertsRemaining = wanted - openIncidents.length - openAlerts.length;
    return result;
  }

  const openedFor = new Map<string, number>();
  const checkVocabulary = vocabularyCheck(store, result, log);
  let stopped = false;
  for (const incident of openIncidents) {
    const draft = renderIncident(incident);
    try {
      const issue = await store.createIncidentIssue({ ...draft, assignees: config.assignees });
      openedFor.set(incident.id, issue.number);
      result.opened.push({ alertId: incident.id, incidentId: incident.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: incidentSeverityOf(incident) });
      log.info(`Opened #${issue.number} for incident ${incident.id} (${incident.alerts.length} alerts): ${draft.title}`);
      await checkVocabulary(issue.labelDescriptions);
    } catch (error) {
      result.failures.push({ alertId: incident.id, incidentId: incident.id, error: describe(error) });
      if (isFinal(error)) {
        stopped = true;
        break;
      }
    }
  }
  if (!stopped) await openAlertIssues(store, openAlerts, renderAlert, config.assignees, result, log, checkVocabulary);

  await updateIncidentIssues(store, plan.update, renderIncident, result, log);
  await tellMoved(store, plan, existing.incidentIssues, openedFor, result, log);
  await closeDuplicates(store, plan, existing.incidentIssues, openedFor, result, log);
  result.alertsRemaining = wanted - result.opened.length;
  return result;
}

/**
 * Each issue listing alerts that Defender put in another incident: its record no longer names them
 * (so this is said once), and one comment says where they went, linking that incident's issue.
 */
async function tellMoved(store: AlertIssueStore, plan: IncidentPlan, issues: readonly IncidentIssueFound[], openedFor: ReadonlyMap<string, number>, result: PullResult, log: PullLog): Promise<void> {
  const byIssue = new Map<number, IncidentPlan["moved"]>();
  for (const move of plan.moved) byIssue.set(move.issue.number, [...(byIssue.get(move.issue.number) ?? []), move]);
  for (const [number, moves] of byIssue) {
    const { incidentId } = moves[0]!.issue;
    try {
      const body = await store.issueBody(number);
      await store.updateIssue(number, { body: withoutAlerts(body, moves.flatMap(({ alerts }) => alerts.map((alert) => alert.id))) });
      await store.comment(number, movedComment(moves.map(({ to, alerts }) => ({ to, issue: issueOf(to, issues, openedFor), alerts }))));
      for (const { to, alerts } of moves) {
        result.alertsMoved.push({ issueNumber: number, incidentId, to, alerts: alerts.map((alert) => alert.id) });
        log.info(`Issue #${number}: Defender put ${alerts.length} of incident ${incidentId}'s alerts in incident ${to}; said so`);
      }
    } catch (error) {
      result.failures.push({ alertId: incidentId, incidentId, error: describe(error) });
    }
  }
}

/** The issue that speaks for an incident: opened this run, or the oldest found. */
function issueOf(incidentId: string, issues: readonly IncidentIssueFound[], openedFor: ReadonlyMap<string, number>): number | undefined {
  return openedFor.get(incidentId) ?? [...issues].filter((issue) => issue.incidentId === incidentId).sort(oldestIssueFirst)[0]?.number;
}

/** The comment that tells an incident issue's watchers where some of its alerts went. */
export function movedComment(moves: ReadonlyArray<{ to: string; issue: number | undefined; alerts: ReadonlyArray<Pick<Alert, "id" | "title" | "severity">> }>): string {
  return moves
    .map(({ to, issue, alerts }) => {
      const named = alerts.slice(0, JOINED_NAMED_MAX).map((alert) => `- ${severityOf(alert)} · ${inlineText(truncate(alert.title ?? alert.id, 200))} · ${cellCode(alert.id)}`);
      const rest = alerts.length - named.length;
      const where = issue === undefined ? "" : ` (#${issue})`;
      return [
        `**Microsoft Defender moved ${alerts.length} ${alerts.length === 1 ? "alert" : "alerts"} of this incident to incident ${cellCode(to)}${where}:**`,
        "",
        ...named,
        ...(rest > 0 ? [`- and ${rest} more`] : []),
        "",
        `${alerts.length === 1 ? "It is" : "They are"} listed there now; the list above shows what this incident held.`,
      ].join("\n");
    })
    .join("\n\n");
}

async function closeDuplicates(store: AlertIssueStore, plan: IncidentPlan, issues: readonly IncidentIssueFound[], openedFor: ReadonlyMap<string, number>, result: PullResult, log: PullLog): Promise<void> {
  for (const { issue, of, reason } of plan.duplicates) {
    const original = issueOf(of, issues, openedFor);
    if (original === undefined || original === issue.number) {
      log.warning(`Issue #${issue.number}: incident ${issue.incidentId} was merged into incident ${of}, which has no issue yet (it was not opened this run); the next run closes it`);
      continue;
    }
    try {
      await store.closeIncidentAsDuplicate(issue, { number: original, incidentId: of }, reason);
      result.duplicatesClosed.push(issue.number);
      log.warning(`Issue #${issue.number} ${reason === "merged" ? `is for incident ${issue.incidentId}, which Defender merged into incident ${of}` : `is a second issue for incident ${of}`}; closed it as a duplicate of #${original}.`);
    } catch (error) {
      result.failures.push({ alertId: issue.incidentId, incidentId: issue.incidentId, error: describe(error) });
    }
  }
}
