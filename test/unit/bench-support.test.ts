/**
 * The benchmark's own machinery: its scaled clock, how it finds the busiest window, the action's
 * modules run from source, its Graph alerts and incidents, and the fewest requests a Graph listing
 * and an incident pull can make.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { mostWithin } from "../../bench/economy.ts";
import { graphListCalls } from "../../bench/graph-economy.ts";
import { endpointIncidentListCalls, incidentGitHubMinimum, listingReach } from "../../bench/incident-economy.ts";
import { graphAlertsBetween, graphIncidentsBetween, HOUR, incidentIssueBody, MINUTE, movedTimes } from "../../bench/support/lab.ts";
import { realDelay, scaledNow } from "../../bench/support/scaled-clock.ts";
import { readGraphAlert } from "../../src/graph/alert.ts";
import { readGraphIncident } from "../../src/graph/incident.ts";
import { listedAlerts, listedLine, readListedAlerts } from "../../src/issue/incident-record.ts";
import type { Alert } from "../../src/source/alert.ts";
import { readByTime } from "../../src/graph/listing.ts";
import type { GraphPage } from "../../src/graph/page.ts";
import { ALERT_ID_PATTERN, readIssueMarker } from "../../src/issue/marker.ts";
import { readRecord, recordLine } from "../../src/issue/record.ts";
import { sampleGraphAlerts } from "../emulators/sample-graph-alerts.ts";
import { ROOT } from "../support/world.ts";

const run = promisify(execFile);

describe("the scaled clock", () => {
  it("runs dates and every kind of timer `scale` times faster in a process it is preloaded into", async () => {
    // Ten seconds ago: the scaled clock then stands over eight minutes ahead of the real one.
    const epoch = Date.now() - 10_000;
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
    // The upper bounds leave a busy machine a real second (unscaled timers would take 4 s, 200,000 scaled).
    expect(result.scaled).toBeGreaterThanOrEqual(4000 - 3 * 50);
    expect(result.scaled).toBeLessThan(4000 + 50 * 1000);
    expect(result.real).toBeLessThan(1000);
    // new Date() reads the scaled clock as Date.now() does: the real one would stand minutes behind.
    expect(Math.abs(result.dateNow)).toBeLessThan(50 * 100);
    expect(result.fixed).toBe(0);
  });

  it("agrees between processes: both count from the same epoch", () => {
    // The clock reads real time as performance does (sub-millisecond); Date.now() may stand a few
    // milliseconds apart from it in a busy process, which the scale would multiply by 60.
    // Read between two real readings, so that a pause between the calls (multiplied by 60) cannot fail it.
    const realNow = () => performance.timeOrigin + performance.now();
    const epoch = realNow() - 1000;
    const now = scaledNow(epoch, 60);
    const before = realNow();
    const scaled = now();
    const after = realNow();
    expect(scaled).toBeGreaterThanOrEqual(epoch + (before - epoch) * 60);
    expect(scaled).toBeLessThanOrEqual(epoch + (after - epoch) * 60);
    expect(scaled - before).toBeGreaterThanOrEqual(59 * 1000);
    expect(realDelay(3000, 60)).toBe(50);
    expect(realDelay(undefined, 60)).toBe(0);
  });
});

describe("peakRssMB", () => {
  it("is the process's own peak, not the resident size of the process it was forked from", async () => {
    // This process is made large, then starts a small one: getrusage's maxrss would carry the size over.
    const ballast = Buffer.alloc(256 * 1024 * 1024, 1);
    const script = `import(${JSON.stringify(pathToFileURL(path.join(ROOT, "bench/support/peak-rss.mjs")).href)}).then(({ peakRssMB }) => console.log(JSON.stringify({ own: peakRssMB(), rusage: process.resourceUsage().maxRSS / 1024 })))`;
    const { stdout } = await run(process.execPath, ["-e", script]);
    const { own, rusage } = JSON.parse(stdout) as { own: number; rusage: number };
    expect(ballast.length).toBe(256 * 1024 * 1024);
    expect(rusage).toBeGreaterThan(256);
    expect(own).toBeGreaterThan(10);
    expect(own).toBeLessThan(128);
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
  /** Graph as the emulator pages it: rows a millisecond apart, oldest first, `pageSize` a page, a next link while more remain. */
  async function requestsToRead(count: number, pageSize = 1000, field: "createdDateTime" | "lastUpdateDateTime" = "createdDateTime"): Promise<number> {
    const alerts = Array.from({ length: count }, (_, i) => ({ id: `a${i}`, createdAt: new Date(i), updatedAt: new Date(i), incidentId: null, read: () => { throw new Error("not read"); } }));
    const page = (from: number): GraphPage => {
      const matching = alerts.filter((alert) => alert.createdAt.getTime() >= from);
      return { items: matching.slice(0, pageSize), malformed: [], size: Math.min(matching.length, pageSize), nextLink: matching.length > pageSize ? "next" : undefined };
    };
    const seen = new Set<string>();
    const requests = await readByTime("severity eq 'high'", field, { pageSize, maxPages: 1000 }, {
      first: async (query) => page(Date.parse(new RegExp(`${field} ge (\\S+)$`).exec(query)?.[1] ?? "1970-01-01T00:00:00Z")),
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

  it("with pages of 100 incidents, read by lastUpdateDateTime, is exactly what the action's reading makes", async () => {
    const expected: Array<[number, number]> = [[0, 1], [50, 1], [99, 1], [100, 2], [150, 2], [198, 2], [199, 3], [500, 6], [2000, 21]];
    expect(expected.map(([incidents]) => [incidents, graphListCalls(incidents, 100)])).toEqual(expected);
    for (const [count] of expected) expect([count, await requestsToRead(count, 100, "lastUpdateDateTime")]).toEqual([count, graphListCalls(count, 100)]);
  });
});

describe("graphIncidentsBetween", () => {
  const now = new Date("2026-12-04T12:00:00.000Z");
  const { incidents, alerts } = graphIncidentsBetween(4, 3, now, 10 * MINUTE, 20 * HOUR, "test", 70_000);

  it("gives each incident the next alerts, newest first, linked to it, and reads as the action reads a Graph incident", () => {
    expect(incidents.map((incident) => incident.id)).toEqual(["70000", "70001", "70002", "70003"]);
    expect(alerts).toHaveLength(12);
    for (const [i, incident] of incidents.entries()) {
      const own = alerts.slice(i * 3, i * 3 + 3);
      expect(own.map((alert) => [alert.incidentId, alert.incidentWebUrl])).toEqual(Array(3).fill([incident.id, incident.incidentWebUrl]));
      expect(incident.incidentWebUrl).toContain(`/incidents/${incident.id}?`);
      const reading = readGraphIncident({ ...incident, alerts: own });
      expect(reading.ok && reading.incident.alerts.map((alert) => alert.id).sort()).toEqual(own.map((alert) => alert.id).sort());
    }
  });

  it("creates an incident with its oldest alert and last updates it with its newest", () => {
    for (const [i, incident] of incidents.entries()) {
      expect([incident.createdDateTime, incident.lastUpdateDateTime]).toEqual([alerts[i * 3 + 2]!.createdDateTime, alerts[i * 3]!.createdDateTime]);
    }
    expect(incidents[0]!.lastUpdateDateTime).toBe(new Date(now.getTime() - 10 * MINUTE).toISOString());
    expect(incidents.at(-1)!.createdDateTime).toBe(new Date(now.getTime() - 20 * HOUR).toISOString());
  });
});

describe("incidentIssueBody", () => {
  it("is an incident issue to the action, whose record lists the alerts given", () => {
    const ids = ["da1_1", "da2_2"];
    const body = incidentIssueBody("48213", ids, listedLine(ids.map((id) => ({ id, createdAt: new Date(0) })) as unknown as Alert[]));
    expect(readIssueMarker(body)).toEqual({ kind: "incident", incidentId: "48213" });
    expect(readListedAlerts(body)).toEqual(listedAlerts(ids));
  });
});

describe("the fewest requests of an incident pull", () => {
  const now = new Date("2026-12-04T12:00:00.000Z");

  it("lists issues from the window, or from the oldest listed incident's creation when that is older, less 5 minutes", () => {
    const minus = (ms: number) => new Date(now.getTime() - ms);
    expect(listingReach(now, 24 * HOUR, [])).toEqual(minus(24 * HOUR + 5 * MINUTE));
    expect(listingReach(now, 24 * HOUR, [minus(3 * HOUR)])).toEqual(minus(24 * HOUR + 5 * MINUTE));
    expect(listingReach(now, 24 * HOUR, [minus(3 * HOUR), minus(10 * 24 * HOUR)])).toEqual(minus(10 * 24 * HOUR + 5 * MINUTE));
    // The hourly room needs at least the last hour's issues.
    expect(listingReach(now, 10 * MINUTE, [])).toEqual(minus(HOUR + 5 * MINUTE));
  });

  it("are the creates within the room, a listing page per 100 issues (one at least), an update and a comment per grown issue, and a first run's vocabulary", () => {
    const base = { incidents: 0, issuesListed: 0, gained: 0, incidentsListed: 0, maxIssues: 50, firstRun: false };
    expect(incidentGitHubMinimum(base)).toBe(0);
    expect(incidentGitHubMinimum({ ...base, incidents: 10, incidentsListed: 10 })).toBe(11);
    expect(incidentGitHubMinimum({ ...base, incidents: 10, incidentsListed: 10, firstRun: true })).toBe(11 + 1 + 25);
    expect(incidentGitHubMinimum({ ...base, incidents: 50, incidentsListed: 100, issuesListed: 50, gained: 10 })).toBe(50 + 1 + 20);
    expect(incidentGitHubMinimum({ ...base, incidents: 500, incidentsListed: 500, maxIssues: 500 })).toBe(400 + 1);
    expect(incidentGitHubMinimum({ ...base, incidentsListed: 10, issuesListed: 310, gained: 10 })).toBe(4 + 20);
    // A first run that opens nothing makes no label.
    expect(incidentGitHubMinimum({ ...base, incidentsListed: 3, issuesListed: 3, firstRun: true })).toBe(1);
  });

  it("with source: endpoint, are the window's alert pages and one read of all their alerts per 40 incidents the window names", () => {
    const named = (count: number, each = 1) => Array.from({ length: count * each }, (_, i) => ({ incidentId: String(Math.floor(i / each)) }));
    const alertsEach = (each: number) => () => each;
    expect(endpointIncidentListCalls([], alertsEach(1))).toBe(1);
    expect(endpointIncidentListCalls([{ incidentId: null }], alertsEach(1))).toBe(1);
    expect(endpointIncidentListCalls(named(10, 5), alertsEach(5))).toBe(1 + 1);
    expect(endpointIncidentListCalls(named(40), alertsEach(3))).toBe(1 + 1);
    expect(endpointIncidentListCalls(named(41), alertsEach(3))).toBe(1 + 2);
    expect(endpointIncidentListCalls(named(150, 2), alertsEach(2))).toBe(1 + 4);
    // 10,001 alerts updated take two pages; 40 incidents holding 300 alerts each, two pages of their alerts.
    expect(endpointIncidentListCalls([...named(1), ...Array.from({ length: 10_000 }, () => ({ incidentId: null }))], alertsEach(1))).toBe(2 + 1);
    expect(endpointIncidentListCalls(named(40), alertsEach(300))).toBe(1 + 2);
  });
});
