/**
 * Planning at scale, alone: bundled with ncc and run in its own process by bench/scale.ts. Reads
 * pages of alerts (Defender for Endpoint's, or Graph's with `graph`) and a set of alert issues from
 * files, then times what pull does between its listings and its creates: dedupe (new alerts, second
 * issues) and rendering the new alerts, at most `limit` of them (a run renders what it opens).
 * Prints its CPU time and the process's peak RSS as JSON.
 *
 *   node index.js <endpoint|graph> <issues.json> <limit> <page.json>...
 */
import { createReadStream, readFileSync } from "node:fs";
import type { AlertIssue } from "../src/github/store.js";
import { renderIssue } from "../src/issue/render.js";
import { duplicateIssues, newAlerts } from "../src/modes/pull.js";
import type { ListedAlert } from "../src/source/source.js";
import { peakRssMB } from "./support/peak-rss.mjs";

const [source, issuesPath, limit, ...pagePaths] = process.argv.slice(2) as [string, string, string, ...string[]];
// Each source's reader is loaded alone, as the action loads only the source it is given.
const readPage: (body: AsyncIterable<Uint8Array>) => Promise<ListedAlert[]> = source === "graph"
  ? await import("../src/graph/page.js").then(({ readGraphPage }) => async (body: AsyncIterable<Uint8Array>) => (await readGraphPage(body)).items)
  : await import("../src/endpoint/page.js").then(({ readAlertPage }) => async (body: AsyncIterable<Uint8Array>) => (await readAlertPage(body)).alerts);
const alerts: ListedAlert[] = [];
for (const pagePath of pagePaths) alerts.push(...(await readPage(createReadStream(pagePath))));
const issues = (JSON.parse(readFileSync(issuesPath, "utf8")) as Array<Omit<AlertIssue, "createdAt"> & { createdAt: string }>).map((issue) => ({ ...issue, createdAt: new Date(issue.createdAt) }));

const before = process.cpuUsage();
const started = performance.now();
const fresh = newAlerts(alerts, issues);
const duplicates = duplicateIssues(issues);
let bodyChars = 0;
for (const listed of fresh.slice(0, Number(limit))) {
  const draft = renderIssue(listed.read(), { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", tenantId: "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f", extraLabels: [] });
  bodyChars += draft.body.length;
}
const cpu = process.cpuUsage(before);
console.log(JSON.stringify({
  source,
  pages: pagePaths.length,
  alerts: alerts.length,
  issues: issues.length,
  newAlerts: fresh.length,
  rendered: Math.min(fresh.length, Number(limit)),
  duplicates: duplicates.length,
  meanBodyChars: Math.round(bodyChars / Math.max(1, Math.min(fresh.length, Number(limit)))),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000),
  wallMs: Math.round(performance.now() - started),
  peakRssMB: Math.round(peakRssMB() * 10) / 10,
}));
