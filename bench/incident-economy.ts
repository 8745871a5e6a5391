/**
 * Request economy of pull with `group-by: incident` (`source: graph`): I new incidents of A alerts
 * each, E incident issues already open (their incidents listed too), U of whose incidents gained
 * one alert since.
 *
 *   GitHub   ≥ creates (I, within max-issues and the hourly room)
 *              + ⌈issues listed / 100⌉ listing pages (at least one when any incident is listed; the
 *                listing reaches back to the oldest listed incident's creation, see listingReach)
 *              + for each incident issue whose incident gained alerts, one update and one comment
 *              + the vocabulary on a first run (one label listing and one write per label)
 *   Entra ID ≥ 1 token;  Graph ≥ graphListCalls(incidents, 100): pages of 100 incidents with
 *              `$expand=alerts`, read by lastUpdateDateTime as alerts are by createdDateTime
 * Nothing else: Graph gives each incident with its alerts, and no merge needs a survivor read.
 */
import { ratio } from "./economy.ts";
import { graphListCalls } from "./graph-economy.ts";
import { vocabulary } from "../src/issue/vocabulary.ts";
import type { GraphIncident } from "../test/emulators/sample-graph-alerts.ts";
import { alertIssueBody, alertsBetween, graphAlertsBetween, graphIncidentsBetween, HOUR, isoAt, type Lab, MINUTE, type RequestCounts, startLab } from "./support/lab.ts";
import { readGraphIncident, renderIncidentIssue } from "./support/source.ts";

const SCALE = 60;
const DAY = 24 * HOUR;
// The action's defaults and limits (src/modes/pull.ts ISSUES_PER_HOUR, src/graph/client.ts MAX_INCIDENT_PAGE_SIZE, action.yml lookback).
const ISSUES_PER_HOUR = 400;
const INCIDENT_PAGE = 100;
const ISSUE_PAGE = 100;
const LOOKBACK = DAY;
const VOCABULARY_SIZE = vocabulary().length;
const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };
const RENDER = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: [] };

export interface IncidentPullCase {
  /** New incidents, and the alerts each holds. */
  incidents: number;
  alertsEach: number;
  /** Incidents that already have an issue, and how many of them gained one alert since. */
  ticketed: number;
  gained: number;
  /** The ticketed incidents were created this long ago (default: within the window). */
  ticketedDaysAgo?: number;
  /** Alert issues of other alerts, updated since the ticketed incidents were created. */
  otherIssues?: number;
  firstRun?: boolean;
}

export interface IncidentPullEconomyRow {
  case: string;
  newIncidents: number;
  alertsEach: number;
  ticketed: number;
  gained: number;
  firstRun: boolean;
  /** Incidents in the listing, and ⌈incidents / 100⌉: the pages they fill. */
  incidentsListed: number;
  pages: number;
  issuesListed: number;
  opened: number;
  /** Incident issues rewritten (PATCH) and commented on. */
  updated: number;
  commented: number;
  github: number;
  githubMinimum: number;
  microsoft: number;
  microsoftMinimum: number;
  incidentListCalls: number;
  ratio: number;
  detail: RequestCounts["github"];
}

export const INCIDENT_CASES: IncidentPullCase[] = [
  { incidents: 0, alertsEach: 0, ticketed: 0, gained: 0 },
  { incidents: 10, alertsEach: 5, ticketed: 0, gained: 0 },
  { incidents: 10, alertsEach: 5, ticketed: 0, gained: 0, firstRun: true },
  { incidents: 50, alertsEach: 3, ticketed: 50, gained: 10 },
  { incidents: 150, alertsEach: 2, ticketed: 0, gained: 0 },
  { incidents: 500, alertsEach: 1, ticketed: 0, gained: 0 },
  { incidents: 10, alertsEach: 3, ticketed: 10, gained: 10, ticketedDaysAgo: 10, otherIssues: 300 },
];

/**
 * Where pull's issue listing begins (src/modes/incident-pull.ts): any issue of a listed incident was
 * opened after the incident was created, so it reaches back to the oldest listed incident's creation
 * when that is older than the window (and at least an hour, for the hourly room), less 5 minutes
 * for the two services' clocks.
 */
export function listingReach(now: Date, lookbackMs: number, incidentsCreated: readonly Date[]): Date {
  const oldest = Math.min(now.getTime(), ...incidentsCreated.map((created) => created.getTime()));
  return new Date(Math.min(now.getTime() - lookbackMs, oldest, now.getTime() - HOUR) - 5 * MINUTE);
}

/** The fewest GitHub requests: creates, listing pages, one update and one comment per grown issue, a first run's vocabulary. */
export function incidentGitHubMinimum(c: { incidents: number; issuesListed: number; gained: number; incidentsListed: number; maxIssues: number; firstRun: boolean }): number {
  if (c.incidentsListed === 0) return 0;
  const creates = Math.min(c.incidents, c.maxIssues, ISSUES_PER_HOUR);
  const listing = Math.max(1, Math.ceil(c.issuesListed / ISSUE_PAGE));
  const vocabulary = c.firstRun && creates > 0 ? 1 + VOCABULARY_SIZE : 0;
  return creates + listing + 2 * c.gained + vocabulary;
}

const caseName = (c: IncidentPullCase) =>
  [
    `I=${c.incidents}${c.incidents > 0 ? ` A=${c.alertsEach}` : ""}`,
    ...(c.ticketed > 0 ? [`E=${c.ticketed}${c.ticketedDaysAgo ? ` (incidents ${c.ticketedDaysAgo} days old)` : ""}, ${c.gained} gained one alert`] : []),
    ...(c.otherIssues ? [`+${c.otherIssues} other issues since`] : []),
    ...(c.firstRun ? ["first run"] : []),
  ].join(", ");

/** The ticketed incidents' issues, as an earlier pull opened them: rendered by the action's own code. */
function openIssues(lab: Lab, incidents: readonly GraphIncident[], now: Date): void {
  for (const incident of incidents) {
    const reading = readGraphIncident({ ...incident, alerts: lab.world.graph.alerts.filter((alert) => alert.incidentId === incident.id) });
    if (!reading.ok) throw new Error(`incident ${incident.id} does not read: ${reading.problem}`);
    const draft = renderIncidentIssue(reading.incident, { ...RENDER, tenantId: incident.tenantId ?? "" });
    const created = new Date(Date.parse(incident.createdDateTime!) + MINUTE);
    lab.world.github.addIssue({ title: draft.title, body: draft.body, labels: draft.labels, created_at: isoAt(created), updated_at: isoAt(new Date(Math.max(created.getTime(), now.getTime() - 90 * MINUTE))) });
  }
}

export async function incidentPullRow(c: IncidentPullCase): Promise<IncidentPullEconomyRow> {
  const firstRun = c.firstRun ?? false;
  const lab = await startLab({ scale: SCALE, labels: firstRun ? "none" : "vocabulary", app: { roles: GRAPH_ROLES } });
  try {
    const now = lab.now();
    const days = c.ticketedDaysAgo;
    const ticketed = graphIncidentsBetween(c.ticketed, c.alertsEach, now, days ? days * DAY - HOUR : 3 * HOUR, days ? days * DAY : 20 * HOUR, "ticketed", 50_000);
    const fresh = graphIncidentsBetween(c.incidents, c.alertsEach, now, 10 * MINUTE, 20 * HOUR, "new", 60_000);
    lab.world.graph.incidents.push(...ticketed.incidents, ...fresh.incidents);
    lab.world.graph.alerts.push(...ticketed.alerts, ...fresh.alerts);
    openIssues(lab, ticketed.incidents, now);
    const others = alertsBetween(c.otherIssues ?? 0, now, DAY, (days ?? 1) * DAY - 2 * HOUR, "other");
    for (const [i, alert] of others.entries()) {
      const at = isoAt(new Date(String(alert.alertCreationTime)));
      lab.world.github.addIssue({ title: `[High] other ${i}`, body: alertIssueBody(alert.id), labels: ["defender-alert"], created_at: at, updated_at: at });
    }
    // Defender correlates one new alert into each of the first `gained` ticketed incidents.
    const joined = graphAlertsBetween(c.gained, now, 30 * MINUTE, 60 * MINUTE, "joined");
    for (const [i, alert] of joined.entries()) {
      const id = ticketed.incidents[i]!.id;
      lab.world.graph.correlate({ ...alert, incidentId: id, incidentWebUrl: ticketed.incidents[i]!.incidentWebUrl ?? null }, new Date(alert.createdDateTime!));
    }

    const maxIssues = Math.max(1, c.incidents);
    const { result, requests } = await lab.run({ ...lab.world.graphInputs, "group-by": "incident", "max-issues": String(maxIssues) });
    if (result.code !== 0) throw new Error(`incident pull failed: ${result.stdout.slice(-2000)}`);

    const since = now.getTime() - LOOKBACK;
    const listed = lab.world.graph.incidents.filter((incident) => Date.parse(incident.lastUpdateDateTime!) >= since);
    const reach = listingReach(now, LOOKBACK, listed.map((incident) => new Date(incident.createdDateTime!)));
    const issuesListed = lab.world.github.issues.filter((issue) => issue.number <= c.ticketed + (c.otherIssues ?? 0) && Date.parse(issue.updated_at) >= reach.getTime()).length;
    const githubMinimum = incidentGitHubMinimum({ incidents: c.incidents, issuesListed, gained: c.gained, incidentsListed: listed.length, maxIssues, firstRun });
    const incidentListCalls = requests.graph.incidentList;
    const microsoft = requests.entra + requests.graph.total;
    const microsoftMinimum = 1 + graphListCalls(listed.length, INCIDENT_PAGE);
    const updated = requests.githubRequests.filter((r) => /^PATCH .*\/issues\/\d+$/.test(r)).length;
    return {
      case: caseName(c),
      newIncidents: c.incidents,
      alertsEach: c.alertsEach,
      ticketed: c.ticketed,
      gained: c.gained,
      firstRun,
      incidentsListed: listed.length,
      pages: Math.ceil(listed.length / INCIDENT_PAGE),
      issuesListed,
      opened: Number(result.outputs["incidents-created"]),
      updated,
      commented: requests.github.comments,
      github: requests.github.total,
      githubMinimum,
      microsoft,
      microsoftMinimum,
      incidentListCalls,
      ratio: Math.max(ratio(requests.github.total, githubMinimum), ratio(microsoft, microsoftMinimum)),
      detail: requests.github,
    };
  } finally {
    await lab.stop();
  }
}

export async function incidentPullEconomy(log: (line: string) => void): Promise<IncidentPullEconomyRow[]> {
  const rows: IncidentPullEconomyRow[] = [];
  for (const c of INCIDENT_CASES) {
    const row = await incidentPullRow(c);
    log(`pull, group-by: incident, ${row.case}: GitHub ${row.github}/${row.githubMinimum} (opened ${row.opened}, updated ${row.updated}, commented ${row.commented}, ${row.issuesListed} issues listed), Microsoft ${row.microsoft}/${row.microsoftMinimum} (incident list calls ${row.incidentListCalls}, ${row.incidentsListed} incidents)`);
    rows.push(row);
  }
  return rows;
}
