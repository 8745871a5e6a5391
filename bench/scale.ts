/**
 * Scale: 10,000 alerts in the window and 10,000 alert issues, with each source (Defender for
 * Endpoint's API, and `source: graph`). Target: planning (dedupe and rendering, creates excluded)
 * under 2 s CPU and 150 MB peak RSS on Node 24.
 *
 * - planning: bench/planning.ts, bundled like the action and run alone, reads the alerts as the
 *   source serves them (one Defender page of 10,000; ten Graph pages of 1,000) and the issues from
 *   files, then dedupes and renders the new alerts: the 400 a run may open, and (Defender) all 10,000;
 * - dry runs of the bundled action against the emulators, for the whole process (start-up,
 *   sign-in, both listings streamed, dedupe, rendering what it would open): all ticketed (every
 *   alert has its issue) and all new (the issues are for other alerts, updated in the window; the
 *   run renders the 400 the hourly room allows).
 * `group-by: incident` has rows of its own (incident-scale.ts).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alertIssueBody, alertsBetween, graphAlertsBetween, HOUR, isoAt, type Lab, MINUTE, type RequestCounts, startLab } from "./support/lab.ts";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE_PRELOAD = path.join(HERE, "support/usage.mjs");
const run = promisify(execFile);

/** What support/usage.mjs writes. */
export interface Usage {
  userMs: number;
  systemMs: number;
  cpuMs: number;
  peakRssMB: number;
}
const ALERTS = 10_000;
const ISSUES = 10_000;
// The largest page each API serves (src/endpoint/client.ts, src/graph/client.ts MAX_PAGE_SIZE).
const PAGE = { endpoint: 10_000, graph: 1_000 };

export type Source = "endpoint" | "graph";

export interface ScaleRow extends Usage {
  case: string;
  source: Source;
  alerts: number;
  issues: number;
  wouldOpen: number;
  wallMs: number;
  githubRequests: number;
  /** Requests to the source's API: Defender's, or Graph's. */
  microsoftRequests: number;
}

/** The source's alerts in the lab, and the inputs that read them. */
function seed(lab: Lab, source: Source, now: Date): { ids: string[]; inputs: Record<string, string> } {
  if (source === "graph") {
    const alerts = graphAlertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale");
    lab.world.graph.alerts.push(...alerts);
    return { ids: alerts.map((alert) => alert.id), inputs: lab.world.graphInputs };
  }
  const alerts = alertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale");
  lab.world.defender.alerts.push(...alerts);
  return { ids: alerts.map((alert) => alert.id), inputs: {} };
}

async function scaleRow(source: Source, name: string, ticketed: boolean, maxIssues: number): Promise<ScaleRow> {
  const lab = await startLab();
  try {
    const now = lab.now();
    const alerts = seed(lab, source, now);
    const others = ticketed ? [] : alertsBetween(ISSUES, new Date(now.getTime() - 24 * HOUR), 0, 20 * 24 * HOUR, "resolved");
    for (let i = 0; i < ISSUES; i++) {
      const alertId = ticketed ? alerts.ids[i]! : others[i]!.id;
      lab.world.github.addIssue({ title: `[High] alert ${i}`, body: alertIssueBody(alertId), labels: ["defender-alert", "severity:High"], created_at: isoAt(new Date(now.getTime() - 2 * HOUR - i * 1000)), updated_at: isoAt(new Date(now.getTime() - 90 * MINUTE + i * 100)) });
    }
    const { requests, usage, wallMs, wouldOpen } = await measuredDryRun(lab, { ...alerts.inputs, "max-issues": String(maxIssues) });
    const microsoftRequests = source === "graph" ? requests.graph.total : requests.defender.total;
    return { case: name, source, alerts: ALERTS, issues: ISSUES, wouldOpen, wallMs, githubRequests: requests.github.total, microsoftRequests, ...usage };
  } finally {
    await lab.stop();
  }
}

/** A dry run of the bundle in `lab`, with its process's CPU time and peak RSS, and what it would open. */
export async function measuredDryRun(lab: Lab, inputs: Record<string, string>): Promise<{ requests: RequestCounts; usage: Usage; wallMs: number; wouldOpen: number }> {
  const usagePath = path.join(process.cwd(), ".tmp", `usage-${process.pid}.json`);
  const started = performance.now();
  const { result, requests } = await lab.run({ ...inputs, "dry-run": "true" }, { env: { NODE_OPTIONS: `--import=${USAGE_PRELOAD} ${process.env.EXTRA_NODE_OPTIONS ?? ""}`, BENCH_USAGE_PATH: usagePath } });
  const wallMs = Math.round(performance.now() - started);
  if (result.code !== 0) throw new Error(`dry run failed: ${result.stdout.slice(-2000)}`);
  const usage = JSON.parse(await readFile(usagePath, "utf8")) as Usage;
  await rm(usagePath, { force: true });
  const wouldOpen = (result.summary.match(/^\| Would open \| (\d+) \|$/m) ?? [])[1];
  return { requests, usage: round(usage), wallMs, wouldOpen: Number(wouldOpen) };
}

function round(usage: Usage): Usage {
  return { userMs: Math.round(usage.userMs), systemMs: Math.round(usage.systemMs), cpuMs: Math.round(usage.cpuMs), peakRssMB: Math.round(usage.peakRssMB * 10) / 10 };
}

export interface PlanningResult {
  source: Source;
  pages: number;
  alerts: number;
  issues: number;
  newAlerts: number;
  rendered: number;
  duplicates: number;
  meanBodyChars: number;
  cpuMs: number;
  wallMs: number;
  peakRssMB: number;
}

/** Dedupe and rendering alone, in a process of their own (one per limit), bundled as the action is. */
async function planning(runs: Array<[Source, number]>): Promise<PlanningResult[]> {
  const dir = path.join(process.cwd(), ".tmp", "planning");
  await bundle("planning.ts", dir);
  const now = new Date();
  const others = alertsBetween(ISSUES, new Date(now.getTime() - 24 * HOUR), 0, 20 * 24 * HOUR, "resolved");
  const issues = others.map((alert, i) => ({ number: i + 1, alertId: alert.id, url: `https://github.com/acme/soc/issues/${i + 1}`, author: "github-actions[bot]", state: "open", stateReason: null, createdAt: isoAt(new Date(now.getTime() - 2 * HOUR - i * 1000)), labels: ["defender-alert", "severity:High"], assignees: [] }));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "issues.json"), JSON.stringify(issues));
  const pages: Record<Source, string[]> = {
    endpoint: await writePages(dir, "endpoint", alertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale"), "https://api.security.microsoft.com/api/$metadata#Alerts"),
    // Oldest first, as the action asks Graph for them.
    graph: await writePages(dir, "graph", graphAlertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale").reverse(), "https://graph.microsoft.com/v1.0/$metadata#security/alerts_v2"),
  };
  const results: PlanningResult[] = [];
  for (const [source, limit] of runs) {
    const { stdout } = await run(process.execPath, [path.join(dir, "index.js"), source, path.join(dir, "issues.json"), String(limit), ...pages[source]], { maxBuffer: 1 << 20 });
    results.push(JSON.parse(stdout) as PlanningResult);
  }
  return results;
}

/** Bundles a bench entry point with ncc, as the action is bundled, into `dir` (its index.js). */
export async function bundle(entry: string, dir: string): Promise<void> {
  await run(process.execPath, [path.join(HERE, "../node_modules/@vercel/ncc/dist/ncc/cli.js"), "build", path.join(HERE, entry), "-o", dir, "--target", "es2023", "--quiet"]);
}

/** The alerts as pages of the source's largest size, one file each; returns the files. */
async function writePages(dir: string, source: Source, alerts: unknown[], context: string): Promise<string[]> {
  const size = PAGE[source];
  const files: string[] = [];
  for (let start = 0; start < alerts.length; start += size) {
    const file = path.join(dir, `${source}-alerts-${files.length + 1}.json`);
    await writeFile(file, JSON.stringify({ "@odata.context": context, value: alerts.slice(start, start + size) }));
    files.push(file);
  }
  return files;
}

const DRY_RUNS = [["10,000 alerts, all ticketed", true, 50], ["10,000 alerts, all new", false, 10_000]] as const;

export async function scale(log: (line: string) => void): Promise<{ planning: PlanningResult[]; dryRuns: ScaleRow[] }> {
  // What one run renders (the hourly room), and every new alert at once.
  const plans = await planning([["endpoint", 400], ["endpoint", ALERTS], ["graph", 400], ["graph", ALERTS]]);
  for (const plan of plans) log(`scale planning, source: ${plan.source}: ${plan.cpuMs} ms CPU for ${plan.alerts} alerts (${plan.pages} pages) against ${plan.issues} issues, ${plan.rendered} rendered; peak RSS ${plan.peakRssMB} MB`);
  const dryRuns: ScaleRow[] = [];
  for (const source of ["endpoint", "graph"] as const) {
    for (const [name, ticketed, maxIssues] of DRY_RUNS) {
      const row = await scaleRow(source, name, ticketed, maxIssues);
      log(`scale dry run, source: ${source}, ${row.case}: ${row.cpuMs} ms CPU (${row.userMs} user + ${row.systemMs} system), peak RSS ${row.peakRssMB} MB, would open ${row.wouldOpen}, ${row.microsoftRequests} requests to its API, ${row.wallMs} ms wall`);
      dryRuns.push(row);
    }
  }
  return { planning: plans, dryRuns };
}
