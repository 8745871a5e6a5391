/**
 * Cold start: wall time of `node dist/index.js`, median of 20 runs, against a bare `node -e ''`:
 * - sync on an `issues` event for an issue without the marker (the commonest run: it ends there);
 * - pull, until its first request reaches the (emulated) Entra token endpoint (spawned without
 *   waiting, so that the emulator in this process can take the request).
 * Target: the no-op sync within 3.5× the bare start. Also the size of what each path loads.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { BUNDLE, CLIENT_ID, ROOT, TENANT_ID } from "../test/support/world.ts";
import { round, startLab } from "./support/lab.ts";

const RUNS = 20;

export interface ColdStartResult {
  runs: number;
  bareNodeMs: number;
  noopSyncMs: number;
  noopSyncRatio: number;
  pullFirstRequestMs: number;
  pullFirstRequestRatio: number;
  bundleKB: number;
  entryKB: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Wall time of one process, start to exit; synchronous, so nothing in this process adds to it. */
function timeSpawn(args: string[], env: Record<string, string>): number {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { env, stdio: "ignore" });
  if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited with ${child.status}`);
  return performance.now() - started;
}

export async function coldStart(log: (line: string) => void): Promise<ColdStartResult> {
  const dir = await mkdtemp(path.join(tmpdir(), "defender-issues-cold-"));
  try {
    const eventPath = path.join(dir, "event.json");
    await writeFile(eventPath, JSON.stringify({
      action: "labeled",
      issue: { number: 7, html_url: "https://github.com/acme/soc/issues/7", body: "The build is broken on main.", state: "open", user: { login: "dev" }, labels: [{ name: "bug" }] },
      label: { name: "bug" },
      sender: { login: "dev" },
    }));
    // The runner sets every input the action declares, defaults included.
    const declared = parse(await readFile(path.join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, { default?: string }> };
    const defaults = Object.fromEntries(Object.entries(declared.inputs).map(([name, input]) => [`INPUT_${name.toUpperCase()}`, String(input.default ?? "").replace("${{ github.token }}", "ghs_not_used_by_a_no_op")]));
    const syncEnv = {
      PATH: process.env.PATH ?? "",
      ...defaults,
      "INPUT_MODE": "sync",
      "INPUT_TENANT-ID": TENANT_ID,
      "INPUT_CLIENT-ID": CLIENT_ID,
      "INPUT_CLIENT-SECRET": "not-used-by-a-no-op",
      "INPUT_GITHUB-TOKEN": "ghs_not_used_by_a_no_op",
      GITHUB_EVENT_NAME: "issues",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: path.join(dir, "output"),
      GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
      GITHUB_REPOSITORY: "acme/soc",
    };
    await Promise.all([writeFile(syncEnv.GITHUB_OUTPUT, ""), writeFile(syncEnv.GITHUB_STEP_SUMMARY, "")]);
    // Interleaved, so that whatever else the machine does falls on both alike.
    const bare: number[] = [];
    const sync: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(timeSpawn(["-e", ""], { PATH: syncEnv.PATH }));
      sync.push(timeSpawn([BUNDLE], syncEnv));
    }
    const pull: number[] = [];
    const lab = await startLab();
    try {
      for (let i = 0; i < RUNS; i++) {
        const before = lab.world.entra.requests.length;
        const started = performance.timeOrigin + performance.now();
        await lab.run();
        const first = lab.world.entra.requests[before];
        if (!first) throw new Error("pull made no request to Entra ID");
        pull.push(first.at - started);
      }
    } finally {
      await lab.stop();
    }
    const files = await readdir(path.join(ROOT, "dist"));
    const sizes = await Promise.all(files.filter((file) => file.endsWith(".js")).map(async (file) => (await stat(path.join(ROOT, "dist", file))).size));
    const result: ColdStartResult = {
      runs: RUNS,
      bareNodeMs: round(median(bare)),
      noopSyncMs: round(median(sync)),
      noopSyncRatio: round(median(sync) / median(bare), 2),
      pullFirstRequestMs: round(median(pull)),
      pullFirstRequestRatio: round(median(pull) / median(bare), 2),
      bundleKB: Math.round(sizes.reduce((a, b) => a + b, 0) / 1024),
      entryKB: Math.round((await stat(BUNDLE)).size / 1024),
    };
    log(`cold start: bare node ${result.bareNodeMs} ms, no-op sync ${result.noopSyncMs} ms (${result.noopSyncRatio}×), pull to first request ${result.pullFirstRequestMs} ms (${result.pullFirstRequestRatio}×)`);
    return result;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
