/** The benchmark's own machinery: its scaled clock, how it finds the busiest window, the action's modules run from source. */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mostWithin } from "../../bench/economy.ts";
import { realDelay, scaledNow } from "../../bench/support/scaled-clock.ts";
import { readRecord, recordLine } from "../../src/issue/record.ts";
import { ROOT } from "../support/world.ts";

const run = promisify(execFile);

describe("the scaled clock", () => {
  it("runs dates and every kind of timer `scale` times faster in a process it is preloaded into", async () => {
    const epoch = Date.now();
    const script = `
      import { setTimeout as sleep } from "node:timers/promises";
      import timers from "node:timers";
      const realStart = performance.now(), start = Date.now();
      await sleep(2000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await new Promise((resolve) => timers.setTimeout(resolve, 1000));
      console.log(JSON.stringify({ scaled: Date.now() - start, real: performance.now() - realStart, dateNow: new Date().getTime() - Date.now(), fixed: new Date(0).getTime() }));
    `;
    const { stdout } = await run(process.execPath, ["--import", path.join(ROOT, "bench/support/scaled-clock.ts"), "--input-type=module", "-e", script], { env: { ...process.env, BENCH_TIME_EPOCH: String(epoch), BENCH_TIME_SCALE: "50" } });
    const result = JSON.parse(stdout) as { scaled: number; real: number; dateNow: number; fixed: number };
    // libuv counts timers in whole milliseconds from a cached loop time, so each of the three may fire
    // up to one real millisecond (50 scaled) before performance.now() says it is due.
    expect(result.scaled).toBeGreaterThanOrEqual(4000 - 3 * 50);
    expect(result.scaled).toBeLessThan(4000 + 50 * 200);
    expect(result.real).toBeLessThan(1000);
    expect(Math.abs(result.dateNow)).toBeLessThan(50 * 5);
    expect(result.fixed).toBe(0);
  });

  it("agrees between processes: both count from the same epoch", () => {
    const now = scaledNow(Date.now() - 1000, 60);
    expect(now() - Date.now()).toBeGreaterThan(59 * 1000 - 100);
    expect(realDelay(3000, 60)).toBe(50);
    expect(realDelay(undefined, 60)).toBe(0);
  });
});

describe("mostWithin", () => {
  it("finds the most times inside any window of the span", () => {
    expect(mostWithin([], 60)).toBe(0);
    expect(mostWithin([0, 10, 59, 60, 61, 200], 60)).toBe(4);
    // A window is half-open: 0 and 60 are a full span apart.
    expect(mostWithin([0, 59, 60], 60)).toBe(2);
    expect(mostWithin([5, 1, 3], 10)).toBe(3);
  });
});

describe("the action's modules from source", () => {
  it("load in plain node, their `.js` imports found as the `.ts` files, and build what the action builds", async () => {
    const source = pathToFileURL(path.join(ROOT, "bench/support/source.ts")).href;
    const script = `
      import { endpointTriage, recordLine } from ${JSON.stringify(source)};
      const triage = endpointTriage({ status: "Resolved", classification: "TruePositive", determination: "Malware", assignedTo: "soc@contoso.com" });
      console.log(recordLine({ triage, commentsUntil: null, issueComments: 1 }));
    `;
    const { stdout } = await run(process.execPath, ["--input-type=module", "-e", script]);
    const record = { triage: { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "soc@contoso.com" }, commentsUntil: null, issueComments: 1 } as const;
    expect(stdout.trim()).toBe(recordLine(record));
    expect(readRecord(stdout)).toEqual(record);
  });
});
