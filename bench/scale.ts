/**
 * Scale: 10,000 alerts in the window and 10,000 alert issues. Target: planning (dedupe and
 * rendering, creates excluded) under 2 s CPU and 150 MB peak RSS on Node 24.
 *
 * - planning: bench/planning.ts, bundled like the action and run alone, reads the Defender page
 *   and the issues from files, then dedupes and renders every new alert (10,000: no hourly room);
 * - dry runs of the bundled action against the emulators, for the whole process (start-up,
 *   sign-in, both listings streamed, dedupe, rendering what it would open): all ticketed (every
 *   alert has its issue) and all new (the issues are for other alerts, updated in the window; the
 *   run renders the 400 the hourly room allows).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alertIssueBody, alertsBetween, HOUR, isoAt, MINUTE, startLab } from "./support/lab.ts";
const HERE = path.dirname(fileURLToPath(import.meta.url));
const USAGE_PRELOAD = path.join(HERE, "support/usage.mjs");
const run = promisify(execFile);

/** What support/usage.mjs writes. */
interface Usage {
  userMs: number;
  systemMs: number;
  cpuMs: number;
  peakRssMB: number;
}
const ALERTS = 10_000;
const ISSUES = 10_000;

export interface ScaleRow extends Usage {
  case: string;
  alerts: number;
  issues: number;
  wouldOpen: number;
  wallMs: number;
  githubRequests: number;
  defenderRequests: number;
}

async function scaleRow(name: string, ticketed: boolean, maxIssues: number): Promise<ScaleRow> {
  const lab = await startLab();
  try {
    const now = lab.now();
    const alerts = alertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale");
    lab.world.defender.alerts.push(...alerts);
    const others = ticketed ? [] : alertsBetween(ISSUES, new Date(now.getTime() - 24 * HOUR), 0, 20 * 24 * HOUR, "resolved");
    for (let i = 0; i < ISSUES; i++) {
      const alertId = ticketed ? alerts[i]!.id : others[i]!.id;
      lab.world.github.addIssue({ title: `[High] alert ${i}`, body: alertIssueBody(alertId), labels: ["defender-alert", "severity:High"], created_at: isoAt(new Date(now.getTime() - 2 * HOUR - i * 1000)), updated_at: isoAt(new Date(now.getTime() - 90 * MINUTE + i * 100)) });
    }
    const usagePath = path.join(process.cwd(), ".tmp", `usage-${process.pid}.json`);
    const started = performance.now();
    const { result, requests } = await lab.run({ "dry-run": "true", "max-issues": String(maxIssues) }, { env: { NODE_OPTIONS: `--import=${USAGE_PRELOAD} ${process.env.EXTRA_NODE_OPTIONS ?? ""}`, BENCH_USAGE_PATH: usagePath } });
    const wallMs = performance.now() - started;
    if (result.code !== 0) throw new Error(`dry run failed: ${result.stdout.slice(-2000)}`);
    const usage = JSON.parse(await readFile(usagePath, "utf8")) as Usage;
    await rm(usagePath, { force: true });
    const wouldOpen = (result.summary.match(/^\| Would open \| (\d+) \|$/m) ?? [])[1];
    return { case: name, alerts: ALERTS, issues: ISSUES, wouldOpen: Number(wouldOpen), wallMs: Math.round(wallMs), githubRequests: requests.github.total, defenderRequests: requests.defender.total, ...round(usage) };
  } finally {
    await lab.stop();
  }
}

function round(usage: Usage): Usage {
  return { userMs: Math.round(usage.userMs), systemMs: Math.round(usage.systemMs), cpuMs: Math.round(usage.cpuMs), peakRssMB: Math.round(usage.peakRssMB * 10) / 10 };
}

export interface PlanningResult {
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
async function planning(limits: number[]): Promise<PlanningResult[]> {
  const dir = path.join(process.cwd(), ".tmp", "planning");
  await run(process.execPath, [path.join(HERE, "../node_modules/@vercel/ncc/dist/ncc/cli.js"), "build", path.join(HERE, "planning.ts"), "-o", dir, "--target", "es2023", "--quiet"]);
  const now = new Date();
  const alerts = alertsBetween(ALERTS, now, 10 * MINUTE, 23 * HOUR, "scale");
  const others = alertsBetween(ISSUES, new Date(now.getTime() - 24 * HOUR), 0, 20 * 24 * HOUR, "resolved");
  const issues = others.map((alert, i) => ({ number: i + 1, alertId: alert.id, url: `https://github.com/acme/soc/issues/${i + 1}`, author: "github-actions[bot]", state: "open", stateReason: null, createdAt: isoAt(new Date(now.getTime() - 2 * HOUR - i * 1000)), labels: ["defender-alert", "severity:High"], assignees: [] }));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "alerts.json"), JSON.stringify({ "@odata.context": "https://api.security.microsoft.com/api/$metadata#Alerts", value: alerts }));
  await writeFile(path.join(dir, "issues.json"), JSON.stringify(issues));
  const results: PlanningResult[] = [];
  for (const limit of limits) {
    const { stdout } = await run(process.execPath, [path.join(dir, "index.js"), path.join(dir, "alerts.json"), path.join(dir, "issues.json"), String(limit)], { maxBuffer: 1 << 20 });
    results.push(JSON.parse(stdout) as PlanningResult);
  }
  return results;
}

export async function scale(log: (line: string) => void): Promise<{ planning: PlanningResult[]; dryRuns: ScaleRow[] }> {
  // What one run renders (the hourly room), and every new alert at once.
  const plans = await planning([400, ALERTS]);
  for (const plan of plans) log(`scale planning: ${plan.cpuMs} ms CPU for ${plan.alerts} alerts against ${plan.issues} issues, ${plan.rendered} rendered; peak RSS ${plan.peakRssMB} MB`);
  const dryRuns: ScaleRow[] = [];
  for (const [name, ticketed, maxIssues] of [["10,000 alerts, all ticketed", true, 50], ["10,000 alerts, all new", false, 10_000]] as const) {
    const row = await scaleRow(name, ticketed, maxIssues);
    log(`scale dry run, ${row.case}: ${row.cpuMs} ms CPU (${row.userMs} user + ${row.systemMs} system), peak RSS ${row.peakRssMB} MB, would open ${row.wouldOpen}`);
    dryRuns.push(row);
  }
  return { planning: plans, dryRuns };
}
