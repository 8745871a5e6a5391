/**
 * The benchmark's own machinery: its scaled clock, how it finds the busiest window, the action's
 * modules run from source, its Graph alerts, and the fewest requests a Graph listing can make.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mostWithin } from "../../bench/economy.ts";
import { graphListCalls } from "../../bench/graph-economy.ts";
import { graphAlertsBetween, HOUR, MINUTE, movedTimes } from "../../bench/support/lab.ts";
import { realDelay, scaledNow } from "../../bench/support/scaled-clock.ts";
import { readGraphAlert } from "../../src/graph/alert.ts";
import { readByTime } from "../../src/graph/listing.ts";
import type { GraphPage } from "../../src/graph/page.ts";
import { ALERT_ID_PATTERN } from "../../src/issue/marker.ts";
import { readRecord, recordLine } from "../../src/issue/record.ts";
import { sampleGraphAlerts } from "../emulators/sample-graph-alerts.ts";
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

describe("movedTimes", () => {
  it("moves every …DateTime string, however deep, and leaves every other field as it is", () => {
    const value = { createdDateTime: "2026-11-30T08:15:42.123Z", title: "2026-11-30T08:15:42.123Z", resolvedDateTime: null, evidence: [{ receivedDateTime: "2026-11-30T08:00:00Z", roles: ["x"] }], count: 3 };
    expect(movedTimes(value, HOUR)).toEqual({ createdDateTime: "2026-11-30T09:15:42.123Z", title: "2026-11-30T08:15:42.123Z", resolvedDateTime: null, evidence: [{ receivedDateTime: "2026-11-30T09:00:00.000Z", roles: ["x"] }], count: 3 });
    expect(value.createdDateTime).toBe("2026-11-30T08:15:42.123Z");
  });
});

describe("graphAlertsBetween", () => {
  const now = new Date("2026-12-04T12:00:00.000Z");
  const alerts = graphAlertsBetween(12, now, 10 * MINUTE, 20 * HOUR, "test");
  const samples = sampleGraphAlerts();

  it("clones the samples of every product in turn, evidence and all, each with a fresh ID the action reads", () => {
    expect(alerts.map((alert) => alert.title)).toEqual(Array.from({ length: 12 }, (_, i) => samples[i % samples.length]!.title));
    expect(alerts.map((alert) => alert.evidence?.length)).toEqual(Array.from({ length: 12 }, (_, i) => samples[i % samples.length]!.evidence?.length));
    expect(new Set(alerts.map((alert) => alert.id)).size).toBe(12);
    for (const [i, alert] of alerts.entries()) {
      expect(alert.id).toMatch(ALERT_ID_PATTERN);
      expect(alert.id.slice(0, 2)).toBe(samples[i % samples.length]!.id.slice(0, 2));
      expect(alert.id).not.toBe(samples[i % samples.length]!.id);
      expect(alert.alertWebUrl).toContain(`/alerts/${alert.id}?`);
      expect(readGraphAlert(alert).ok).toBe(true);
    }
  });

  it("spreads the creation times evenly from newest to oldest, each alert's other times moved with it", () => {
    const created = alerts.map((alert) => Date.parse(alert.createdDateTime!));
    expect(created[0]).toBe(now.getTime() - 10 * MINUTE);
    expect(created.at(-1)).toBe(now.getTime() - 20 * HOUR);
    const step = created[0]! - created[1]!;
    for (let i = 1; i < created.length; i++) expect(created[i - 1]! - created[i]!).toBeCloseTo(step, -1);
    for (const [i, alert] of alerts.entries()) {
      const sample = samples[i % samples.length]!;
      const moved = created[i]! - Date.parse(sample.createdDateTime!);
      expect(Date.parse(alert.lastUpdateDateTime!)).toBe(Date.parse(sample.lastUpdateDateTime!) + moved);
      expect(Date.parse(alert.evidence![0]!.createdDateTime!)).toBe(Date.parse(sample.evidence![0]!.createdDateTime!) + moved);
    }
  });
});

describe("graphListCalls", () => {
  /** Graph as the emulator pages it: alerts a millisecond apart, oldest first, 1,000 a page, a next link while more remain. */
  async function requestsToRead(count: number): Promise<number> {
    const alerts = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, createdAt: new Date(i), updatedAt: new Date(i), read: () => { throw new Error("not read"); } }));
    const page = (from: number): GraphPage => {
      const matching = alerts.filter((alert) => alert.createdAt.getTime() >= from);
      return { items: matching.slice(0, 1000), malformed: [], size: Math.min(matching.length, 1000), nextLink: matching.length > 1000 ? "next" : undefined };
    };
    const seen = new Set<string>();
    const requests = await readByTime("severity eq 'high'", "createdDateTime", { pageSize: 1000, maxPages: 100 }, {
      first: async (query) => page(Date.parse(/createdDateTime ge (\S+)$/.exec(query)?.[1] ?? "1970-01-01T00:00:00Z")),
      next: () => Promise.reject(new Error("a reading by time follows no next link here")),
    }, (read) => read.items.forEach((alert) => seen.add(alert.id)));
    expect(seen.size).toBe(count);
    return requests;
  }

  it("is ⌈alerts / 1,000⌉, one more for a full last page, and one more where the repeated boundary alerts add up to a page", () => {
    const expected: Array<[number, number]> = [[0, 1], [1, 1], [999, 1], [1000, 2], [1001, 2], [1998, 2], [1999, 3], [2000, 3], [2500, 3], [10_000, 11]];
    expect(expected.map(([alerts]) => [alerts, graphListCalls(alerts)])).toEqual(expected);
  });

  it("is exactly what the action's reading by time makes", async () => {
    for (const count of [0, 1, 999, 1000, 1001, 1998, 1999, 2000, 2500, 10_000]) {
      expect([count, await requestsToRead(count)]).toEqual([count, graphListCalls(count)]);
    }
  });
});
