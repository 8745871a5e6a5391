/**
 * Request economy of pull with `group-by: incident`: I new incidents of A alerts each, E incident
 * issues already open (their incidents listed too), U of whose incidents gained one alert since.
 *
 *   GitHub   ≥ creates (I, within max-issues and the hourly room)
 *              + ⌈issues listed / 100⌉ listing pages (at least one when any incident is listed; the
 *                listing reaches back to the oldest listed incident's creation, see listingReach)
 *              + for each incident issue whose incident gained alerts, one update and one comment
 *              + the vocabulary on a first run (one label listing and one write per label)
 *   Entra ID ≥ 1 token;
 *   Graph    ≥ graphListCalls(incidents, 100): pages of 100 incidents with `$expand=alerts`, read
 *              by lastUpdateDateTime as alerts are by createdDateTime. Nothing else: Graph gives
 *              each incident with its alerts, and no merge needs a survivor read.
 *   Defender (`source: endpoint`, which serves no incidents) ≥ ⌈alerts updated in the window /
 *              10,000⌉ (at least one), to learn which incidents they name, + for each 40 of those
 *              incidents, one read of all their alerts (⌈their alerts / 10,000⌉, at least one).
 */
import { ratio } from "./economy.ts";
import { graphListCalls } from "./graph-economy.ts";
import { vocabulary } from "../src/issue/vocabulary.ts";
import type { Incident } from "../src/source/incident.ts";
import type { Source } from "./scale.ts";
import { alertIssueBody, alertsBetween, endpointIncidentsBetween, graphAlertsBetween, graphIncidentsBetween, HOUR, isoAt, type Lab, MINUTE, type RequestCounts, startLab } from "./support/lab.ts";
import { groupByIncident, readGraphIncident, readListedAlert, renderIncidentIssue } from "./support/source.ts";

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
  /** Graph's incidents (the default), or the Endpoint API's alerts grouped by `incidentId`. */
  source?: Source;
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
  source: Source;
  newIncidents: number;
  alertsEach: number;
  ticketed: number;
  gained: number;
  firstRun: boolean;
  /** Incidents in the listing, and the pages they fill: ⌈incidents / 100⌉ with Graph; with Defender, the window's alert pages and one read per 40 incidents. */
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
  /** Graph's incident list calls, or Defender's alert list calls. */
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
  { source: "endpoint", incidents: 0, alertsEach: 0, ticketed: 0, gained: 0 },
  { source: "endpoint", incidents: 10, alertsEach: 5, ticketed: 0, gained: 0 },
  { source: "endpoint", incidents: 50, alertsEach: 3, ticketed: 50, gained: 10 },
  { source: "endpoint", incidents: 150, alertsEach: 2, ticketed: 0, gained: 0 },
  { source: "endpoint", incidents: 10, alertsEach: 3, ticketed: 10, gained: 10, ticketedDaysAgo: 10, otherIssues: 300 },
];

// The Endpoint client's largest page and incidents a bulk read (src/endpoint/client.ts MAX_PAGE_SIZE, IDS_PER_QUERY).
const DEFENDER_PAGE = 10_000;
const INCIDENTS_PER_READ = 40;

/** The fewest Defender list calls for a window whose updated alerts are `updated`: the window's pages, then the named incidents' alerts, 40 incidents a read. */
export function endpointIncidentListCalls(updated: ReadonlyArray<{ incidentId: string | null }>, alertsOf: (incidentId: string) => number): number {
  const named = [...new Set(updated.flatMap((alert) => (alert.incidentId ? [alert.incidentId] : [])))];
  let calls = Math.max(1, Math.ceil(updated.length / DEFENDER_PAGE));
  for (let start = 0; start < named.length; start += INCIDENTS_PER_READ) {
    const alerts = named.slice(start, start + INCIDENTS_PER_READ).reduce((sum, id) => sum + alertsOf(id), 0);
    calls += Math.max(1, Math.ceil(alerts / DEFENDER_PAGE));
  }
  return calls;
}

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
    ...(c.source === "endpoint" ? ["source: endpoint"] : []),
    `I=${c.incidents}${c.incidents > 0 ? ` A=${c.alertsEach}` : ""}`,
    ...(c.ticketed > 0 ? [`E=${c.ticketed}${c.ticketedDaysAgo ? ` (incidents ${c.ticketedDaysAgo} days old)` : ""}, ${c.gained} gained one alert`] : []),
    ...(c.otherIssues ? [`+${c.otherIssues} other issues since`] : []),
    ...(c.firstRun ? ["first run"] : []),
  ].join(", ");

/** The ticketed incidents' issues, as an earlier pull opened them: rendered by the action's own code. */
function openIssues(lab: Lab, incidents: readonly Incident[], now: Date): void {
  for (const incident of incidents) {
    const draft = renderIncidentIssue(incident, { ...RENDER, tenantId: incident.tenantId ?? "" });
    const created = new Date(incident.createdAt.getTime() + MINUTE);
    lab.world.github.addIssue({ title: draft.title, body: draft.body, labels: draft.labels, created_at: isoAt(created), updated_at: isoAt(new Date(Math.max(created.getTime(), now.getTime() - 90 * MINUTE))) });
  }
}

/** What a case puts in the source: its incidents, as the action reads them, and the inputs that read them. */
interface Seeded {
  ticketed: Incident[];
  inputs: Record<string, string>;
  /** The incidents the window lists, when each was created, and the fewest requests that list them (token aside). */
  listed(since: number): { created: Date[]; minimum: number; calls: (requests: RequestCounts) => number };
}

function seedGraph(lab: Lab, c: IncidentPullCase, now: Date): Seeded {
  const days = c.ticketedDaysAgo;
  const ticketed = graphIncidentsBetween(c.ticketed, c.alertsEach, now, days ? days * DAY - HOUR : 3 * HOUR, days ? days * DAY : 20 * HOUR, "ticketed", 50_000);
  const fresh = graphIncidentsBetween(c.incidents, c.alertsEach, now, 10 * MINUTE, 20 * HOUR, "new", 60_000);
  lab.world.graph.incidents.push(...ticketed.incidents, ...fresh.incidents);
  lab.world.graph.alerts.push(...ticketed.alerts, ...fresh.alerts);
  const read = ticketed.incidents.map((incident) => {
    const reading = readGraphIncident({ ...incident, alerts: lab.world.graph.alerts.filter((alert) => alert.incidentId === incident.id) });
    if (!reading.ok) throw new Error(`incident ${incident.id} does not read: ${reading.problem}`);
    return reading.incident;
  });
  // Defender correlates one new alert into each of the first `gained` ticketed incidents.
  for (const [i, alert] of graphAlertsBetween(c.gained, now, 30 * MINUTE, 60 * MINUTE, "joined").entries()) {
    lab.world.graph.correlate({ ...alert, incidentId: ticketed.incidents[i]!.id, incidentWebUrl: ticketed.incidents[i]!.incidentWebUrl ?? null }, new Date(alert.createdDateTime!));
  }
  return {
    ticketed: read,
    inputs: lab.world.graphInputs,
    listed: (since) => {
      const listed = lab.world.graph.incidents.filter((incident) => Date.parse(incident.lastUpdateDateTime!) >= since);
      return { created: listed.map((incident) => new Date(incident.createdDateTime!)), minimum: graphListCalls(listed.length, INCIDENT_PAGE), calls: (requests) => requests.graph.incidentList };
    },
  };
}

function seedEndpoint(lab: Lab, c: IncidentPullCase, now: Date): Seeded {
  const days = c.ticketedDaysAgo;
  const ticketed = endpointIncidentsBetween(c.ticketed, c.alertsEach, now, days ? days * DAY - HOUR : 3 * HOUR, days ? days * DAY : 20 * HOUR, "ticketed", 50_000);
  const fresh = endpointIncidentsBetween(c.incidents, c.alertsEach, now, 10 * MINUTE, 20 * HOUR, "new", 60_000);
  lab.world.defender.alerts.push(...ticketed, ...fresh);
  const read = groupByIncident(ticketed.map((alert) => {
    const reading = readListedAlert(alert, Buffer.from(JSON.stringify(alert)));
    if (!reading.ok) throw new Error(`alert ${alert.id} does not read: ${reading.problem}`);
    return reading.alert;
  }));
  // Defender correlates one new alert into each of the first `gained` ticketed incidents.
  const ticketedIds = [...new Set(ticketed.map((alert) => alert.incidentId as number))];
  const joined = alertsBetween(c.gained, now, 30 * MINUTE, 60 * MINUTE, "joined");
  for (const [i, alert] of joined.entries()) alert.incidentId = ticketedIds[i];
  lab.world.defender.alerts.push(...joined);
  const incidentOf = (alert: (typeof joined)[number]) => (alert.incidentId === null || alert.incidentId === undefined ? null : String(alert.incidentId));
  return {
    ticketed: read,
    inputs: {},
    listed: (since) => {
      const all = lab.world.defender.alerts;
      const updated = all.filter((alert) => Date.parse(String(alert.lastUpdateTime)) >= since);
      const named = new Set(updated.flatMap((alert) => incidentOf(alert) ?? []));
      const created = [...named].map((id) => new Date(Math.min(...all.filter((alert) => incidentOf(alert) === id).map((alert) => Date.parse(String(alert.alertCreationTime))))));
      const minimum = endpointIncidentListCalls(updated.map((alert) => ({ incidentId: incidentOf(alert) })), (id) => all.filter((alert) => incidentOf(alert) === id).length);
      return { created, minimum, calls: (requests) => requests.defender.list };
    },
  };
}

export async function incidentPullRow(c: IncidentPullCase): Promise<IncidentPullEconomyRow> {
  const firstRun = c.firstRun ?? false;
  const source = c.source ?? "graph";
  const lab = await startLab({ scale: SCALE, labels: firstRun ? "none" : "vocabulary", ...(source === "graph" ? { app: { roles: GRAPH_ROLES } } : {}) });
  try {
    const now = lab.now();
    const seeded = source === "graph" ? seedGraph(lab, c, now) : seedEndpoint(lab, c, now);
    openIssues(lab, seeded.ticketed, now);
    const others = alertsBetween(c.otherIssues ?? 0, now, DAY, (c.ticketedDaysAgo ?? 1) * DAY - 2 * HOUR, "other");
    for (const [i, alert] of others.entries()) {
      const at = isoAt(new Date(String(alert.alertCreationTime)));
      lab.world.github.addIssue({ title: `[High] other ${i}`, body: alertIssueBody(alert.id), labels: ["defender-alert"], created_at: at, updated_at: at });
    }

    const maxIssues = Math.max(1, c.incidents);
    const { result, requests } = await lab.run({ ...seeded.inputs, "group-by": "incident", "max-issues": String(maxIssues) });
    if (result.code !== 0) throw new Error(`incident pull failed: ${result.stdout.slice(-2000)}`);

    const listed = seeded.listed(now.getTime() - LOOKBACK);
    const reach = listingReach(now, LOOKBACK, listed.created);
    const issuesListed = lab.world.github.issues.filter((issue) => issue.number <= c.ticketed + (c.otherIssues ?? 0) && Date.parse(issue.updated_at) >= reach.getTime()).length;
    const githubMinimum = incidentGitHubMinimum({ incidents: c.incidents, issuesListed, gained: c.gained, incidentsListed: listed.created.length, maxIssues, firstRun });
    const microsoft = requests.entra + (source === "graph" ? requests.graph.total : requests.defender.total);
    const microsoftMinimum = 1 + listed.minimum;
    const updated = requests.githubRequests.filter((r) => /^PATCH .*\/issues\/\d+$/.test(r)).length;
    return {
      case: caseName(c),
      source,
      newIncidents: c.incidents,
      alertsEach: c.alertsEach,
      ticketed: c.ticketed,
      gained: c.gained,
      firstRun,
      incidentsListed: listed.created.length,
      pages: listed.minimum,
      issuesListed,
      opened: Number(result.outputs["incidents-created"]),
      updated,
      commented: requests.github.comments,
      github: requests.github.total,
      githubMinimum,
      microsoft,
      microsoftMinimum,
      incidentListCalls: listed.calls(requests),
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
    log(`pull, group-by: incident, ${row.case}: GitHub ${row.github}/${row.githubMinimum} (opened ${row.opened}, updated ${row.updated}, commented ${row.commented}, ${row.issuesListed} issues listed), Microsoft ${row.microsoft}/${row.microsoftMinimum} (list calls ${row.incidentListCalls}, ${row.incidentsListed} incidents)`);
    rows.push(row);
  }
  return rows;
}
