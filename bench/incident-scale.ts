/**
 * Scale with `group-by: incident`: 2,000 incidents holding 10,000 alerts (five each) against 10,000
 * incident issues. Target: planning under 2 s CPU and 150 MB peak RSS on Node 24, as for alerts
 * (scale.ts).
 *
 * - planning: bench/incident-planning.ts, bundled like the action and run alone, reads the
 *   incidents as the source's client does and the issues from a file, plans with planIncidentPull
 *   and renders the 400 incidents a run may open (and, where incidents gained alerts, the bodies it
 *   rewrites). With `source: graph`, the incidents as Graph serves them (20 pages of 100,
 *   `$expand=alerts`, the Graph samples with their evidence); with `source: endpoint`, the page of
 *   the 10,000 alerts updated in the window (Defender's samples with their evidence), then the
 *   incidents' alerts read again, 40 incidents a page, as the client asks for them. Two repositories
 *   each: all 2,000 incidents new (the issues are for other incidents), and 1,600 ticketed, 200 of
 *   which gained an alert, beside 8,400 issues of other incidents;
 * - a dry run of the bundled action against the emulators with each source, all new: start-up,
 *   sign-in, the incident listing and the issue listing streamed, planning, rendering the 400 it
 *   would open.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { IncidentIssueFile, IncidentPlanningRun } from "./incident-planning.ts";
import { bundle, measuredDryRun, type Source, type Usage } from "./scale.ts";
import { listedLine } from "../src/issue/incident-record.ts";
import type { Alert } from "../src/source/alert.ts";
import type { GraphAlert, GraphIncident } from "../test/emulators/sample-graph-alerts.ts";
import { endpointIncidentsBetween, graphIncidentsBetween, HOUR, incidentIssueBody, isoAt, MINUTE, startLab } from "./support/lab.ts";
import { namedInWindow, readListedAlert } from "./support/source.ts";

const run = promisify(execFile);
const INCIDENTS = 2_000;
const ALERTS_EACH = 5;
const ISSUES = 10_000;
const TICKETED = 1_600;
const GAINED = 200;
// What one run may open (the hourly room), and the largest incident page (src/graph/client.ts MAX_INCIDENT_PAGE_SIZE).
const ROOM = 400;
const PAGE = 100;
// The Endpoint client's largest page and incidents a request (src/endpoint/client.ts MAX_PAGE_SIZE, IDS_PER_QUERY).
const ENDPOINT_PAGE = 10_000;
const INCIDENTS_PER_QUERY = 40;
// The Endpoint API numbers its incidents; these are the scale's.
const FIRST_ENDPOINT_INCIDENT = 70_000;
const DAY = 24 * HOUR;
const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };

export interface IncidentPlanningResult {
  case: string;
  source: Source;
  pages: number;
  incidents: number;
  alerts: number;
  issues: number;
  newIncidents: number;
  rendered: number;
  updated: number;
  meanBodyChars: number;
  /** Reading the pages (not in cpuMs: a run reads them as they stream in). */
  readCpuMs: number;
  cpuMs: number;
  wallMs: number;
  peakRssMB: number;
}

export interface IncidentDryRun extends Usage {
  case: string;
  source: Source;
  incidents: number;
  alerts: number;
  issues: number;
  wouldOpen: number;
  wallMs: number;
  githubRequests: number;
  /** Requests to the source's API: Graph's, or Defender's. */
  microsoftRequests: number;
}

export interface IncidentScaleResult {
  planning: IncidentPlanningResult[];
  dryRuns: IncidentDryRun[];
}

/** The record line of these alerts, as the action writes it (it reads only their IDs and times). */
const recordOf = (alerts: ReadonlyArray<{ id: string; createdAt: Date }>) => listedLine(alerts as readonly Alert[]);

/** `count` incident issues of incidents the listing does not hold (IDs from 1), opened 1 to 20 days ago. */
function otherIssues(count: number, now: Date): Array<IncidentIssueFile & { alertIds: string[] }> {
  return Array.from({ length: count }, (_, i) => {
    const created = new Date(now.getTime() - DAY - (19 * DAY * i) / count);
    const alertIds = Array.from({ length: ALERTS_EACH }, (_, j) => `da${String(i).padStart(6, "0")}${j}_resolved`);
    return { number: i + 1, incidentId: String(i + 1), state: "closed", createdAt: isoAt(created), record: recordOf(alertIds.map((id) => ({ id, createdAt: created }))), alertIds };
  });
}

/** The scale's incidents, newest first, with their alerts. */
function scaleIncidents(now: Date): { incidents: GraphIncident[]; alerts: GraphAlert[]; alertsOf: Map<string, GraphAlert[]> } {
  const { incidents, alerts } = graphIncidentsBetween(INCIDENTS, ALERTS_EACH, now, 10 * MINUTE, 23 * HOUR, "scale", 70_000);
  const alertsOf = new Map<string, GraphAlert[]>();
  for (const alert of alerts) alertsOf.set(alert.incidentId!, [...(alertsOf.get(alert.incidentId!) ?? []), alert]);
  return { incidents, alerts, alertsOf };
}

/** An incident of the scale as its issue records it: its ID, when it was created, its alerts newest first. */
interface ScaleIncident {
  id: string;
  createdAt: Date;
  alerts: Array<{ id: string; createdAt: Date }>;
}

/** What the planning process reads, and the incidents in it, oldest first. */
interface Written {
  read: Omit<Extract<IncidentPlanningRun, { source: "graph" }>, "issues" | "limit"> | Omit<Extract<IncidentPlanningRun, { source: "endpoint" }>, "issues" | "limit">;
  incidents: ScaleIncident[];
}

async function writeJson(file: string, value: unknown): Promise<string> {
  await writeFile(file, JSON.stringify(value));
  return file;
}

/** The Graph incidents as pages of 100 with their alerts, oldest first by lastUpdateDateTime, as the action asks Graph for them. */
async function writeGraphPages(dir: string, now: Date): Promise<Written> {
  const { incidents, alertsOf } = scaleIncidents(now);
  const oldestFirst = [...incidents].reverse();
  const pages: string[] = [];
  for (let start = 0; start < oldestFirst.length; start += PAGE) {
    const value = oldestFirst.slice(start, start + PAGE).map((incident) => ({ ...incident, alerts: alertsOf.get(incident.id) ?? [] }));
    pages.push(await writeJson(path.join(dir, `incidents-${pages.length + 1}.json`), { "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#security/incidents(alerts())", value }));
  }
  return {
    read: { source: "graph", pages },
    incidents: oldestFirst.map((incident) => ({ id: incident.id, createdAt: new Date(incident.createdDateTime!), alerts: (alertsOf.get(incident.id) ?? []).map((alert) => ({ id: alert.id, createdAt: new Date(alert.createdDateTime!) })) })),
  };
}

/** The scale's Defender alerts, newest first, five to an incident. */
const endpointScaleAlerts = (now: Date) => endpointIncidentsBetween(INCIDENTS, ALERTS_EACH, now, 10 * MINUTE, 23 * HOUR, "scale", FIRST_ENDPOINT_INCIDENT);

/**
 * Defender's alerts, five to an incident: the page of the window's updated alerts (all 10,000), and
 * the pages the client reads their incidents' alerts from again, 40 incidents a request, in the
 * order it asks for them.
 */
async function writeEndpointPages(dir: string, now: Date): Promise<Written> {
  const context = "https://api.security.microsoft.com/api/$metadata#Alerts";
  const alerts = endpointScaleAlerts(now);
  const since = new Date(now.getTime() - DAY);
  const windowPages: string[] = [];
  for (let start = 0; start < alerts.length; start += ENDPOINT_PAGE) {
    windowPages.push(await writeJson(path.join(dir, `endpoint-window-${windowPages.length + 1}.json`), { "@odata.context": context, value: alerts.slice(start, start + ENDPOINT_PAGE) }));
  }
  const alertsOf = new Map<string, typeof alerts>();
  for (const alert of alerts) alertsOf.set(String(alert.incidentId), [...(alertsOf.get(String(alert.incidentId)) ?? []), alert]);
  // In the order the client asks for them.
  const names = namedInWindow({ since, until: now });
  for (const alert of alerts) {
    const reading = readListedAlert(alert, Buffer.from(JSON.stringify(alert)));
    if (!reading.ok) throw new Error(`alert ${alert.id} does not read: ${reading.problem}`);
    names.take(reading.alert);
  }
  const { incidentIds } = names.named();
  const memberPages: string[] = [];
  for (let start = 0; start < incidentIds.length; start += INCIDENTS_PER_QUERY) {
    const value = incidentIds.slice(start, start + INCIDENTS_PER_QUERY).flatMap((id) => alertsOf.get(id) ?? []);
    memberPages.push(await writeJson(path.join(dir, `endpoint-members-${memberPages.length + 1}.json`), { "@odata.context": context, value }));
  }
  const createdAt = (alert: (typeof alerts)[number]) => new Date(String(alert.alertCreationTime));
  const incidents = [...alertsOf].map(([id, own]): ScaleIncident => ({ id, createdAt: createdAt(own.at(-1)!), alerts: own.map((alert) => ({ id: alert.id, createdAt: createdAt(alert) })) }));
  return { read: { source: "endpoint", since: isoAt(since), until: isoAt(now), windowPages, memberPages }, incidents: incidents.reverse() };
}

async function planning(log: (line: string) => void): Promise<IncidentPlanningResult[]> {
  const dir = path.join(process.cwd(), ".tmp", "incident-planning");
  await bundle("incident-planning.ts", dir);
  await mkdir(dir, { recursive: true });
  const now = new Date();
  const results: IncidentPlanningResult[] = [];
  for (const source of ["graph", "endpoint"] as const) {
    const { read, incidents } = source === "graph" ? await writeGraphPages(dir, now) : await writeEndpointPages(dir, now);
    // The oldest 1,600 incidents have issues; the oldest 200 of those gained their newest alert since.
    const ticketed: IncidentIssueFile[] = incidents.slice(0, TICKETED).map((incident, i) => {
      const listed = i < GAINED ? incident.alerts.slice(1) : incident.alerts;
      return { number: ISSUES - TICKETED + i + 1, incidentId: incident.id, state: "open", createdAt: isoAt(new Date(incident.createdAt.getTime() + MINUTE)), record: recordOf(listed) };
    });
    const repositories: Array<[string, IncidentIssueFile[]]> = [
      [`${INCIDENTS.toLocaleString("en")} incidents, all new`, otherIssues(ISSUES, now)],
      [`${INCIDENTS.toLocaleString("en")} incidents, ${TICKETED.toLocaleString("en")} ticketed (${GAINED} gained an alert)`, [...otherIssues(ISSUES - TICKETED, now), ...ticketed]],
    ];
    for (const [i, [name, issues]] of repositories.entries()) {
      const issuesFile = await writeJson(path.join(dir, `issues-${source}-${i + 1}.json`), issues.map(({ number, incidentId, state, createdAt, record }) => ({ number, incidentId, state, createdAt, record })));
      const runFile = await writeJson(path.join(dir, `run-${source}-${i + 1}.json`), { ...read, issues: issuesFile, limit: ROOM } satisfies IncidentPlanningRun);
      const { stdout } = await run(process.execPath, [path.join(dir, "index.js"), runFile], { maxBuffer: 1 << 20 });
      const result = { case: name, ...(JSON.parse(stdout) as Omit<IncidentPlanningResult, "case">) };
      log(`scale planning, group-by: incident, source: ${source}, ${name}: ${result.cpuMs} ms CPU (reading the ${result.pages} pages ${result.readCpuMs} ms more) for ${result.incidents} incidents of ${result.alerts} alerts against ${result.issues} issues, ${result.rendered} rendered, ${result.updated} rewritten; peak RSS ${result.peakRssMB} MB`);
      results.push(result);
    }
  }
  return results;
}

async function dryRun(source: Source, log: (line: string) => void): Promise<IncidentDryRun> {
  const lab = await startLab(source === "graph" ? { app: { roles: GRAPH_ROLES } } : {});
  try {
    const now = lab.now();
    let alertCount: number;
    if (source === "graph") {
      const { incidents, alerts } = scaleIncidents(now);
      lab.world.graph.incidents.push(...incidents);
      lab.world.graph.alerts.push(...alerts);
      alertCount = alerts.length;
    } else {
      const alerts = endpointScaleAlerts(now);
      lab.world.defender.alerts.push(...alerts);
      alertCount = alerts.length;
    }
    for (const [i, issue] of otherIssues(ISSUES, now).entries()) {
      lab.world.github.addIssue({ title: `[High] incident ${issue.incidentId}`, body: incidentIssueBody(issue.incidentId, issue.alertIds, issue.record), labels: ["defender-incident", "severity:High"], state: "closed", created_at: issue.createdAt, updated_at: isoAt(new Date(now.getTime() - 90 * MINUTE + i * 100)) });
    }
    const inputs = source === "graph" ? lab.world.graphInputs : {};
    const { requests, usage, wallMs, wouldOpen } = await measuredDryRun(lab, { ...inputs, "group-by": "incident", "max-issues": String(ISSUES) });
    const microsoftRequests = source === "graph" ? requests.graph.total : requests.defender.total;
    const row = { case: `${INCIDENTS.toLocaleString("en")} incidents, all new`, source, incidents: INCIDENTS, alerts: alertCount, issues: ISSUES, wouldOpen, wallMs, githubRequests: requests.github.total, microsoftRequests, ...usage };
    log(`scale dry run, group-by: incident, source: ${source}, ${row.case}: ${row.cpuMs} ms CPU (${row.userMs} user + ${row.systemMs} system), peak RSS ${row.peakRssMB} MB, would open ${row.wouldOpen}, ${row.microsoftRequests} requests to its API and ${row.githubRequests} to GitHub, ${row.wallMs} ms wall`);
    return row;
  } finally {
    await lab.stop();
  }
}

export async function incidentScale(log: (line: string) => void): Promise<IncidentScaleResult> {
  return { planning: await planning(log), dryRuns: [await dryRun("graph", log), await dryRun("endpoint", log)] };
}
