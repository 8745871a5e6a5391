/**
 * Incident planning at scale, alone: bundled with ncc and run in its own process by
 * bench/incident-scale.ts. Reads the incidents as the source's client does and incident issues
 * (each with its record of listed alerts) from a file, streamed an issue at a time as the store
 * reads GitHub's listing, then times what pull with `group-by: incident` does between its listings
 * and its writes: planIncidentPull, rendering the incidents it opens (at most `limit`) and
 * rewriting the bodies of the issues whose incidents gained alerts. Prints its CPU time, the
 * reading's, and the process's peak RSS as JSON.
 *
 * - `source: graph`: pages of Graph incidents (`$expand=alerts`), read with the reader
 *   `GraphClient.listIncidents` uses;
 * - `source: endpoint`: the page of alerts updated within the window, streamed for the incidents
 *   they name (only their IDs kept), and the pages of those incidents' alerts
 *   read again in full, each page grouped into its incidents as it comes, as
 *   `DefenderClient.listIncidents` does.
 *
 *   node index.js <run.json>
 */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { byFirstAlert, groupByIncident, namedInWindow } from "../src/endpoint/incident.js";
import { readAlertPage, streamAlertPage } from "../src/endpoint/page.js";
import { readGraphIncidentPage } from "../src/graph/page.js";
import { readStreamingArray } from "../src/json-stream.js";
import { type IncidentIssue, planIncidentPull } from "../src/issue/incident-plan.js";
import { readListedAlerts } from "../src/issue/incident-record.js";
import { renderIncidentIssue } from "../src/issue/render-incident.js";
import type { Incident } from "../src/source/incident.js";
import { peakRssMB } from "./support/peak-rss.mjs";

/** An incident issue as the bench writes it: the record line stands for the body it is read from. */
export interface IncidentIssueFile {
  number: number;
  incidentId: string;
  state: "open" | "closed";
  createdAt: string;
  record: string;
}

/** What one planning run reads. */
export type IncidentPlanningRun = {
  issues: string;
  limit: number;
} & (
  | { source: "graph"; pages: string[] }
  | { source: "endpoint"; since: string; until: string; windowPages: string[]; memberPages: string[] }
);

const runPath = process.argv[2];
if (!runPath) throw new Error("usage: node index.js <run.json>");
const run = JSON.parse(await readFile(runPath, "utf8")) as IncidentPlanningRun;

/** The incidents, read as the source's client reads them; how many pages that took. */
async function readIncidents(): Promise<{ incidents: Incident[]; pages: number }> {
  if (run.source === "graph") {
    const incidents: Incident[] = [];
    for (const page of run.pages) incidents.push(...(await readGraphIncidentPage(createReadStream(page))).items);
    return { incidents, pages: run.pages.length };
  }
  const names = namedInWindow({ since: new Date(run.since), until: new Date(run.until) });
  for (const page of run.windowPages) await streamAlertPage(createReadStream(page), names.take);
  const named = names.named();
  // Each request's alerts grouped into its incidents as it comes.
  const incidents: Incident[] = [];
  for (const page of run.memberPages) incidents.push(...groupByIncident((await readAlertPage(createReadStream(page))).alerts));
  incidents.sort(byFirstAlert);
  if (incidents.length !== named.incidentIds.length) throw new Error(`the window names ${named.incidentIds.length} incidents, their alerts make ${incidents.length}`);
  return { incidents, pages: run.windowPages.length + run.memberPages.length };
}

const readStarted = process.cpuUsage();
const { incidents, pages } = await readIncidents();
const readCpu = process.cpuUsage(readStarted);
// Streamed an issue at a time, as the action reads GitHub's listing pages.
const issues: IncidentIssue[] = [];
await readStreamingArray(createReadStream(run.issues), (element) => {
  const issue = element as IncidentIssueFile;
  issues.push({ number: issue.number, incidentId: issue.incidentId, state: issue.state, createdAt: new Date(issue.createdAt), listed: readListedAlerts(issue.record) });
});

const before = process.cpuUsage();
const started = performance.now();
const plan = planIncidentPull(incidents, issues);
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", tenantId: "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f", extraLabels: [] };
const opened = plan.open.slice(0, run.limit);
let bodyChars = 0;
for (const incident of opened) bodyChars += renderIncidentIssue(incident, options).body.length;
for (const { incident } of plan.update) renderIncidentIssue(incident, options);
const cpu = process.cpuUsage(before);
console.log(JSON.stringify({
  source: run.source,
  pages,
  incidents: incidents.length,
  alerts: incidents.reduce((sum, incident) => sum + incident.alerts.length, 0),
  issues: issues.length,
  newIncidents: plan.open.length,
  rendered: opened.length,
  updated: plan.update.length,
  meanBodyChars: Math.round(bodyChars / Math.max(1, opened.length)),
  readCpuMs: Math.round((readCpu.user + readCpu.system) / 1000),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  wallMs: Math.round(performance.now() - started),
  peakRssMB: Math.round(peakRssMB() * 10) / 10,
}));
