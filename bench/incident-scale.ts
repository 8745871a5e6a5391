/**
 * Scale with `group-by: incident` (`source: graph`): 2,000 incidents holding 10,000 alerts (five
 * each, the Graph samples with their evidence) against 10,000 incident issues. Target: planning
 * under 2 s CPU and 150 MB peak RSS on Node 24, as for alerts (scale.ts).
 *
 * - planning: bench/incident-planning.ts, bundled like the action and run alone, reads the
 *   incidents as Graph serves them (20 pages of 100, `$expand=alerts`) with the action's incident
 *   page reader and the issues from a file, plans with planIncidentPull and renders the 400
 *   incidents a run may open (and, where incidents gained alerts, the bodies it rewrites). Two
 *   repositories: all 2,000 incidents new (the issues are for other incidents), and 1,600 ticketed,
 *   200 of which gained an alert, beside 8,400 issues of other incidents;
 * - a dry run of the bundled action against the emulators, all new: start-up, sign-in, the incident
 *   listing and the issue listing streamed, planning, rendering the 400 it would open.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { IncidentIssueFile } from "./incident-planning.ts";
import { bundle, measuredDryRun, type Usage } from "./scale.ts";
import { listedLine } from "../src/issue/incident-record.ts";
import type { Alert } from "../src/source/alert.ts";
import type { GraphAlert, GraphIncident } from "../test/emulators/sample-graph-alerts.ts";
import { graphIncidentsBetween, HOUR, incidentIssueBody, isoAt, MINUTE, startLab } from "./support/lab.ts";

const run = promisify(execFile);
const INCIDENTS = 2_000;
const ALERTS_EACH = 5;
const ISSUES = 10_000;
const TICKETED = 1_600;
const GAINED = 200;
// What one run may open (the hourly room), and the largest incident page (src/graph/client.ts MAX_INCIDENT_PAGE_SIZE).
const ROOM = 400;
const PAGE = 100;
const DAY = 24 * HOUR;
const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };

export interface IncidentPlanningResult {
  case: string;
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
  incidents: number;
  alerts: number;
  issues: number;
  wouldOpen: number;
  wallMs: number;
  githubRequests: number;
  graphRequests: number;
}

export interface IncidentScaleResult {
  planning: IncidentPlanningResult[];
  dryRun: IncidentDryRun;
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

const timed = (alert: GraphAlert) => ({ id: alert.id, createdAt: new Date(alert.createdDateTime!) });

async function planning(log: (line: string) => void): Promise<IncidentPlanningResult[]> {
  const dir = path.join(process.cwd(), ".tmp", "incident-planning");
  await bundle("incident-planning.ts", dir);
  await mkdir(dir, { recursive: true });
  const now = new Date();
  const { incidents, alertsOf } = scaleIncidents(now);
  // Oldest first by lastUpdateDateTime, as the action asks Graph for them.
  const oldestFirst = [...incidents].reverse();
  const pages: string[] = [];
  for (let start = 0; start < oldestFirst.length; start += PAGE) {
    const file = path.join(dir, `incidents-${pages.length + 1}.json`);
    const value = oldestFirst.slice(start, start + PAGE).map((incident) => ({ ...incident, alerts: alertsOf.get(incident.id) ?? [] }));
    await writeFile(file, JSON.stringify({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#security/incidents(alerts())", value }));
    pages.push(file);
  }
  // The oldest 1,600 incidents have issues; the oldest 200 of those gained their newest alert since.
  const ticketed: IncidentIssueFile[] = oldestFirst.slice(0, TICKETED).map((incident, i) => {
    const own = (alertsOf.get(incident.id) ?? []).map(timed);
    const listed = i < GAINED ? own.slice(1) : own;
    return { number: ISSUES - TICKETED + i + 1, incidentId: incident.id, state: "open", createdAt: isoAt(new Date(Date.parse(incident.createdDateTime!) + MINUTE)), record: recordOf(listed) };
  });
  const repositories: Array<[string, IncidentIssueFile[]]> = [
    [`${INCIDENTS.toLocaleString("en")} incidents, all new`, otherIssues(ISSUES, now)],
    [`${INCIDENTS.toLocaleString("en")} incidents, ${TICKETED.toLocaleString("en")} ticketed (${GAINED} gained an alert)`, [...otherIssues(ISSUES - TICKETED, now), ...ticketed]],
  ];
  const results: IncidentPlanningResult[] = [];
  for (const [i, [name, issues]] of repositories.entries()) {
    const file = path.join(dir, `issues-${i + 1}.json`);
    await writeFile(file, JSON.stringify(issues.map(({ number, incidentId, state, createdAt, record }) => ({ number, incidentId, state, createdAt, record }))));
    const { stdout } = await run(process.execPath, [path.join(dir, "index.js"), file, String(ROOM), ...pages], { maxBuffer: 1 << 20 });
    const result = { case: name, ...(JSON.parse(stdout) as Omit<IncidentPlanningResult, "case">) };
    log(`scale planning, group-by: incident, ${name}: ${result.cpuMs} ms CPU (reading the ${result.pages} pages ${result.readCpuMs} ms more) for ${result.incidents} incidents of ${result.alerts} alerts against ${result.issues} issues, ${result.rendered} rendered, ${result.updated} rewritten; peak RSS ${result.peakRssMB} MB`);
    results.push(result);
  }
  return results;
}

async function dryRun(log: (line: string) => void): Promise<IncidentDryRun> {
  const lab = await startLab({ app: { roles: GRAPH_ROLES } });
  try {
    const now = lab.now();
    const { incidents, alerts } = scaleIncidents(now);
    lab.world.graph.incidents.push(...incidents);
    lab.world.graph.alerts.push(...alerts);
    for (const [i, issue] of otherIssues(ISSUES, now).entries()) {
      lab.world.github.addIssue({ title: `[High] incident ${issue.incidentId}`, body: incidentIssueBody(issue.incidentId, issue.alertIds, issue.record), labels: ["defender-incident", "severity:High"], state: "closed", created_at: issue.createdAt, updated_at: isoAt(new Date(now.getTime() - 90 * MINUTE + i * 100)) });
    }
    const { requests, usage, wallMs, wouldOpen } = await measuredDryRun(lab, { ...lab.world.graphInputs, "group-by": "incident", "max-issues": String(ISSUES) });
    const row = { case: `${INCIDENTS.toLocaleString("en")} incidents, all new`, incidents: INCIDENTS, alerts: alerts.length, issues: ISSUES, wouldOpen, wallMs, githubRequests: requests.github.total, graphRequests: requests.graph.total, ...usage };
    log(`scale dry run, group-by: incident, ${row.case}: ${row.cpuMs} ms CPU (${row.userMs} user + ${row.systemMs} system), peak RSS ${row.peakRssMB} MB, would open ${row.wouldOpen}, ${row.graphRequests} Graph and ${row.githubRequests} GitHub requests, ${row.wallMs} ms wall`);
    return row;
  } finally {
    await lab.stop();
  }
}

export async function incidentScale(log: (line: string) => void): Promise<IncidentScaleResult> {
  return { planning: await planning(log), dryRun: await dryRun(log) };
}
