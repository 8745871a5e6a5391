/**
 * Incident planning at scale, alone: bundled with ncc and run in its own process by
 * bench/incident-scale.ts. Reads pages of Graph incidents (`$expand=alerts`) with the reader
 * `GraphClient.listIncidents` uses, and incident issues (each with its record of listed alerts)
 * from a file, streamed an issue at a time as the store reads GitHub's listing, then times what pull with `group-by: incident` does between its listings and its
 * writes: planIncidentPull, rendering the incidents it opens (at most `limit`) and rewriting the
 * bodies of the issues whose incidents gained alerts. Prints its CPU time, the reading's, and the
 * process's peak RSS as JSON.
 *
 *   node index.js <issues.json> <limit> <page.json>...
 */
import { createReadStream } from "node:fs";
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

const [issuesPath, limit, ...pagePaths] = process.argv.slice(2) as [string, string, ...string[]];
const readStarted = process.cpuUsage();
const incidents: Incident[] = [];
for (const pagePath of pagePaths) incidents.push(...(await readGraphIncidentPage(createReadStream(pagePath))).items);
const readCpu = process.cpuUsage(readStarted);
// Streamed an issue at a time, as the action reads GitHub's listing pages.
const issues: IncidentIssue[] = [];
await readStreamingArray(createReadStream(issuesPath), (element) => {
  const issue = element as IncidentIssueFile;
  issues.push({ number: issue.number, incidentId: issue.incidentId, state: issue.state, createdAt: new Date(issue.createdAt), listed: readListedAlerts(issue.record) });
});

const before = process.cpuUsage();
const started = performance.now();
const plan = planIncidentPull(incidents, issues);
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", tenantId: "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f", extraLabels: [] };
const opened = plan.open.slice(0, Number(limit));
let bodyChars = 0;
for (const incident of opened) bodyChars += renderIncidentIssue(incident, options).body.length;
for (const { incident } of plan.update) renderIncidentIssue(incident, options);
const cpu = process.cpuUsage(before);
console.log(JSON.stringify({
  pages: pagePaths.length,
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
