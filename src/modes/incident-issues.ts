/**
 * Incident issues kept up by both pulls: an issue whose incident gained alerts lists them and says
 * so once. Pull with `group-by: incident` finds them in its own listing; pull with `group-by:
 * alert` sends the alerts of an incident that already has an issue to that issue, so switching
 * grouping back never gives an alert two tickets.
 */
import { describe } from "../github/errors.js";
import { type AlertIssue, type AlertIssueStore, type IncidentIssueFound, oldestIssueFirst } from "../github/store.js";
import { type IncidentPlan, planIncidentPull } from "../issue/incident-plan.js";
import { lists } from "../issue/incident-record.js";
import { formatTime, inlineText, truncate } from "../issue/markdown.js";
import { type Alert, severityOf } from "../source/alert.js";
import type { Incident } from "../source/incident.js";
import type { AlertSource, ListedAlert } from "../source/source.js";
import type { PullLog, PullResult } from "./pull.js";

const JOINED_NAMED_MAX = 50;

/** Each alert's own issue, the oldest when it has two: an incident issue's row links it. */
export function alertIssueNumbers(issues: readonly AlertIssue[]): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const issue of [...issues].sort(oldestIssueFirst)) {
    if (!numbers.has(issue.alertId)) numbers.set(issue.alertId, issue.number);
  }
  return numbers;
}

/** Each issue whose incident gained alerts: its body rewritten, then one comment naming the new ones. */
export async function updateIncidentIssues(store: AlertIssueStore, update: IncidentPlan["update"], render: (incident: Incident) => { body: string }, result: PullResult, log: PullLog): Promise<void> {
  for (const { issue, incident, joined } of update) {
    try {
      await store.updateIssue(issue.number, { body: render(incident).body });
      // A lost record is rewritten without naming alerts as new: which are new is not known.
      if (joined.length > 0) await store.comment(issue.number, joinedComment(joined));
      result.incidentIssuesUpdated.push({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) });
      log.info(`Issue #${issue.number}: ${joined.length} alerts joined incident ${issue.incidentId}; listed`);
    } catch (error) {
      result.failures.push({ alertId: issue.incidentId, incidentId: issue.incidentId, error: describe(error) });
    }
  }
}

/** The comment that tells watchers, once, which alerts joined the incident. */
export function joinedComment(joined: ReadonlyArray<Pick<Alert, "id" | "title" | "severity" | "createdAt">>): string {
  const named = joined.slice(0, JOINED_NAMED_MAX).map((alert) => `- ${severityOf(alert)} · ${inlineText(truncate(alert.title ?? alert.id, 200))} · ${formatTime(alert.createdAt)}`);
  const rest = joined.length - named.length;
  return [
    `**${joined.length} ${joined.length === 1 ? "alert" : "alerts"} joined this incident in Microsoft Defender:**`,
    "",
    ...named,
    ...(rest > 0 ? [`- and ${rest} more`] : []),
    "",
    "The list above the triage section is up to date.",
  ].join("\n");
}

export interface RoutedAlerts {
  /** Alerts that get alert issues: of no incident, or of an incident without an issue. */
  alone: ListedAlert[];
  /** Alerts that an incident issue lists already, or lists once `update` is written. */
  listed: number;
  /** Alerts left for a later run: their incident was beyond this run's `incidentsMax`. */
  deferred: number;
  /** Incident issues to rewrite with the alerts that joined their incident. */
  update: IncidentPlan["update"];
}

export interface RouteDeps {
  source: AlertSource;
  store: AlertIssueStore;
  /** Incidents read (and their issues updated) at most in one run. */
  incidentsMax: number;
}

/**
 * Pull with `group-by: alert`, on a repository that has incident issues: an alert that its
 * incident's issue lists gets no issue of its own, and one that joined an incident with an issue is
 * added to that issue instead. Issues are looked for in the pull's own listing, and among all open
 * incident issues (one more listing, made only when a new alert's incident was not in the first).
 * The incidents are read together, once, to render their issues; one that cannot be read, or was
 * merged, leaves its alerts to alert issues. `alerts` are oldest first, as pull opens them.
 */
export async function routeToIncidentIssues(alerts: readonly ListedAlert[], found: readonly IncidentIssueFound[], deps: RouteDeps, log: PullLog): Promise<RoutedAlerts> {
  const routed: RoutedAlerts = { alone: [...alerts], listed: 0, deferred: 0, update: [] };
  const correlated = alerts.filter((alert) => alert.incidentId !== null);
  if (correlated.length === 0) return routed;

  const issues = new Map(found.map((issue) => [issue.number, issue]));
  const foundFor = new Set(found.map((issue) => issue.incidentId));
  if (correlated.some((alert) => !foundFor.has(alert.incidentId!))) {
    for (const issue of await deps.store.listOpenIncidentIssues()) issues.set(issue.number, issue);
  }
  const issuesOf = new Map<string, IncidentIssueFound[]>();
  for (const issue of issues.values()) issuesOf.set(issue.incidentId, [...(issuesOf.get(issue.incidentId) ?? []), issue]);
  if (issuesOf.size === 0) return routed;

  const isListed = (alert: ListedAlert) => issuesOf.get(alert.incidentId!)?.some((issue) => issue.listed !== undefined && lists(issue.listed, alert)) ?? false;
  const joining = correlated.filter((alert) => issuesOf.has(alert.incidentId!) && !isListed(alert));
  const incidentIds = [...new Set(joining.map((alert) => alert.incidentId!))];
  const read = incidentIds.slice(0, deps.incidentsMax);
  // Read together, with the evidence their bodies gather.
  const byId = read.length === 0 ? new Map<string, Incident>() : await deps.source.incidentsById(read, { evidence: true });
  const incidents: Incident[] = [];
  for (const id of read) {
    const incident = byId.get(id);
    if (incident) incidents.push(incident);
    else log.warning(`Incident ${id} has an issue but could not be read; its new alerts get alert issues`);
  }
  const plan = planIncidentPull(incidents, incidents.flatMap((incident) => issuesOf.get(incident.id) ?? []));
  routed.update = plan.update;
  const willList = new Set(plan.update.flatMap(({ incident }) => incident.alerts.map((alert) => alert.id)));
  const later = new Set(incidentIds.slice(read.length));

  routed.alone = [];
  for (const alert of alerts) {
    if (alert.incidentId !== null && (isListed(alert) || willList.has(alert.id))) routed.listed++;
    else if (alert.incidentId !== null && later.has(alert.incidentId)) routed.deferred++;
    else routed.alone.push(alert);
  }
  if (later.size > 0) log.info(`${later.size} more incidents with an issue gained alerts; a later run lists them (at most ${deps.incidentsMax} a run, as max-issues)`);
  return routed;
}
