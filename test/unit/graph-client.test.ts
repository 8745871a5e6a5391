// The Graph client against the loopback Graph emulator: paging a window of any size by time,
// pacing, retries, reads by ID, updates and comments, incidents, and errors translated with their fixes.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Agent } from "undici";
import type { TokenSource } from "../../src/entra/auth.ts";
import { readClaims } from "../../src/entra/token.ts";
import type { AlertChanges } from "../../src/issue/changes.ts";
import { GraphClient, type GraphClientOptions } from "../../src/graph/client.ts";
import { GraphApiError } from "../../src/graph/errors.ts";
import { refusedAsInvalid, type AlertWindow } from "../../src/source/source.ts";
import { GraphEmulator, type GraphEmulatorOptions } from "../emulators/graph.ts";
import { makeGraphAlert, sampleIncident, sentinelAlert, type GraphAlert, type GraphIncident } from "../emulators/sample-graph-alerts.ts";

const ALERTS = "/v1.0/security/alerts_v2";
const READ_WRITE = { aud: "https://graph.microsoft.com", tid: "t1", appid: "app1", roles: ["SecurityAlert.ReadWrite.All"] };
const INCIDENTS = "/v1.0/security/incidents";
const INCIDENT_READ_WRITE = { ...READ_WRITE, roles: ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };

let emulator: GraphEmulator;
let agent: Agent;
// One fake clock for the emulator's rate limit and the client's pace: a wait moves it on at once.
let now: number;
const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
let messages: string[];

const jwt = (claims: Record<string, unknown>): string => ["{}", JSON.stringify(claims)].map((p) => Buffer.from(p).toString("base64url")).join(".") + ".sig";

function tokensFor(claims: Record<string, unknown>): TokenSource & { refreshes: number } {
  const token = jwt(claims);
  return {
    refreshes: 0,
    async token(options) {
      if (options?.refresh) this.refreshes++;
      return token;
    },
    claims: () => readClaims(token),
  };
}

async function start(alerts: GraphAlert[], options: GraphEmulatorOptions = {}, incidents: GraphIncident[] = []): Promise<void> {
  emulator = new GraphEmulator({ checkRoles: true, now: () => new Date(now), ...options });
  emulator.alerts = alerts;
  emulator.incidents = incidents;
  await emulator.start();
}

/** An incident like the sample, overridden by `fields`. */
function makeIncident(fields: Partial<GraphIncident> & { id: string }): GraphIncident {
  return { ...structuredClone(sampleIncident), incidentWebUrl: `https://security.microsoft.com/incidents/${fields.id}`, ...fields };
}

function client(options: Partial<GraphClientOptions> = {}): GraphClient {
  return new GraphClient({
    apiUrl: emulator.url,
    tokens: tokensFor(READ_WRITE),
    dispatcher: agent,
    tuning: { timeoutMs: 5_000, retryBudgetMs: 10_000, maxAttempts: 4 },
    retrying: (message) => messages.push(message),
    clock,
    ...options,
  });
}

/** ISO time with Graph's seven fractional digits. */
const ticks = (ms: number, extra = "0000"): string => new Date(ms).toISOString().replace(/Z$/, `${extra}Z`);

const since = new Date("2026-11-30T00:00:00Z");
const until = new Date("2026-12-01T00:00:00Z");
const window: AlertWindow = { since, until, minSeverity: "Informational", statuses: [] };

beforeEach(() => {
  now = Date.parse("2026-12-01T09:00:00Z");
  messages = [];
  agent = new Agent();
});

afterEach(async () => {
  await emulator.stop();
  await agent.close();
});

describe("listAlerts", () => {
  /**
   * Several thousand alerts in groups sharing a createdDateTime (some groups larger than a page),
   * an instant of 400 alerts of which 120 also share lastUpdateDateTime, alerts a tick apart within
   * one millisecond, and alerts on and outside the window's bounds.
   */
  function crowdedWindow(): { alerts: GraphAlert[]; inside: string[] } {
    const alerts: GraphAlert[] = [];
    const inside: string[] = [];
    const add = (id: string, created: string, updated = created, inWindow = true) => {
      alerts.push(makeGraphAlert({ id, createdDateTime: created, lastUpdateDateTime: updated }));
      if (inWindow) inside.push(id);
    };
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let time = since.getTime() + 1_000;
    for (let n = 0; n < 2600; ) {
      const group = random() < 0.05 ? 51 + Math.floor(random() * 30) : 1 + Math.floor(random() * 30);
      for (let i = 0; i < group; i++, n++) add(`S${n}`, ticks(time, "1234"));
      time += 1_000 + Math.floor(random() * 20_000);
    }
    const crowded = Date.parse("2026-11-30T12:00:00.500Z");
    for (let i = 0; i < 400; i++) {
      // 140 updated before the shared instant, 120 at it, 140 after: the shared ones straddle pages of 50.
      const updated = i < 140 ? crowded + 1_000 + i * 1_000 : i < 260 ? crowded + 200_000 : crowded + 300_000 + i * 1_000;
      add(`C${i}`, ticks(crowded), ticks(updated));
    }
    // A tick apart in the same millisecond: Graph orders them, a Date cannot tell them apart.
    for (let i = 1; i <= 3; i++) add(`T${i}`, ticks(crowded, `000${i}`));
    add("ON-SINCE", since.toISOString());
    add("BEFORE", new Date(since.getTime() - 1).toISOString(), undefined, false);
    add("ON-UNTIL", until.toISOString(), undefined, false);
    return { alerts, inside };
  }

  it("lists every alert of a crowded window exactly once, by time boundaries, never paging deep", async () => {
    const { alerts, inside } = crowdedWindow();
    await start(alerts, { maxPageSize: 1_000, maxSkip: 100 });
    const listing = await client({ pageSize: 50 }).listAlerts(window);

    const ids = listing.alerts.map((alert) => alert.id);
    expect(ids).toHaveLength(inside.length);
    expect([...ids].sort()).toEqual([...inside].sort());
    expect(listing.malformed).toEqual([]);
    expect(listing.pages).toBe(emulator.requests.length);
    expect(emulator.requests.every((r) => r.status === 200 && r.query.$top === "50")).toBe(true);
    expect(Math.max(...emulator.requests.map((r) => Number(r.query.$skip ?? 0)))).toBe(100);
    expect(emulator.requests[0]?.query).toEqual({
      $filter: "createdDateTime ge 2026-11-30T00:00:00Z and createdDateTime lt 2026-12-01T00:00:00Z",
      $orderby: "createdDateTime asc",
      $top: "50",
    });
  });

  it("asks for include-unknown-enum-members on every request, so a Sentinel alert arrives named", async () => {
    await start([sentinelAlert]);
    const graph = client();
    const listing = await graph.listAlerts({ ...window, since: new Date("2026-11-29T00:00:00Z") });
    expect(listing.alerts.map((alert) => alert.read().fields.serviceSource)).toEqual(["microsoftSentinel"]);
    const read = await graph.alertsById([sentinelAlert.id]);
    expect(read.get(sentinelAlert.id)?.detectionSource).toBe("scheduledAlerts");
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests.every((r) => r.prefer === "include-unknown-enum-members")).toBe(true);
  });

  it("follows a next link on Graph's own host, and refuses one to another host rather than send the token there", async () => {
    const instant = "2026-11-30T10:00:00Z";
    const same = [0, 1, 2].map((i) => makeGraphAlert({ id: `A${i}`, createdDateTime: instant, lastUpdateDateTime: instant }));
    await start(same);
    // Three alerts sharing both times fill pages of two: only the next link reads the third.
    expect((await client({ pageSize: 2 }).listAlerts(window)).alerts.map((alert) => alert.id)).toEqual(["A0", "A1", "A2"]);
    expect(emulator.requests.map((r) => r.query.$skip)).toEqual([undefined, undefined, "2", undefined]);
    await emulator.stop();

    await start(same);
    const page = { value: same.slice(0, 2), "@odata.nextLink": `https://graph.example.net${ALERTS}?$skip=2` };
    emulator.inject({ method: "GET", path: /alerts_v2$/ }, { status: 200, body: page }, { status: 200, body: page });
    await expect(client({ pageSize: 2 }).listAlerts(window)).rejects.toThrow(
      "Listing Microsoft Graph alerts: the next page link points to another host (https://graph.example.net); refusing to send the token there",
    );
    expect(emulator.requests).toHaveLength(2);
  });

  it("reports a malformed alert and lists the rest", async () => {
    await start([makeGraphAlert({ id: "good-1" }), makeGraphAlert({ id: "not an id!" }), makeGraphAlert({ id: "good-2", createdDateTime: "2026-11-30T09:00:00Z" })]);
    const listing = await client().listAlerts(window);
    expect(listing.alerts.map((alert) => alert.id).sort()).toEqual(["good-1", "good-2"]);
    expect(listing.malformed).toEqual([{ id: "not an id!", problem: "id: an ID of letters, digits, '_' and '-' (at most 128)" }]);
  });

  it("stops a runaway listing that never reaches the end, with an error", async () => {
    // A service that ignores the time filter and answers the same full page with later times forever.
    await start([]);
    let minute = 0;
    const endless = () => ({ status: 200, body: { value: [0, 1].map((i) => makeGraphAlert({ id: `R${minute}-${i}`, createdDateTime: ticks(since.getTime() + (minute++) * 60_000) })) } });
    emulator.inject({ method: "GET", path: /alerts_v2$/ }, ...Array.from({ length: 1_001 }, endless));
    await expect(client({ pageSize: 2 }).listAlerts(window)).rejects.toThrow("Listing Microsoft Graph alerts: stopped after 1000 requests without reaching the end; narrow the window or the filter");
  });
});

describe("limits and faults", () => {
  it("waits out a 429's Retry-After, then lists", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    emulator.inject({ method: "GET", path: /alerts_v2$/ }, { status: 429, headers: { "retry-after": "1" }, body: { error: { code: "TooManyRequests", message: "Too many requests." } } });
    const started = Date.now();
    expect((await client().listAlerts(window)).alerts.map((alert) => alert.id)).toEqual(["A"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(emulator.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(messages).toEqual(["Listing Microsoft Graph alerts: HTTP 429; retrying in 1 s (attempt 2 of 4)"]);
  });

  it("retries a 5xx and a reply that is not JSON", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    emulator.inject({ method: "GET", path: /alerts_v2$/ }, { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } }, { status: 200, raw: "{\"value\": [" });
    expect((await client().listAlerts(window)).alerts.map((alert) => alert.id)).toEqual(["A"]);
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 200, 200]);
    expect(messages).toEqual([
      "Listing Microsoft Graph alerts: HTTP 503; retrying in 1 s (attempt 2 of 4)",
      "Listing Microsoft Graph alerts: the reply is not valid JSON; retrying in 2 s (attempt 3 of 4)",
    ]);
  });

  it("keeps to 150 requests in any rolling minute, waiting its turn instead of drawing a 429", async () => {
    const alerts = Array.from({ length: 320 }, (_, i) => makeGraphAlert({ id: `A${i}` }));
    await start(alerts);
    const read = await client().alertsById(alerts.map((alert) => alert.id));
    expect(read.size).toBe(320);
    expect(emulator.requests).toHaveLength(320);
    expect(emulator.requests.filter((r) => r.status !== 200)).toEqual([]);
    const times = emulator.requests.map((r) => r.at);
    const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 60_000).length));
    expect(busiest).toBe(150);
    expect(messages).toEqual([
      "Waiting 60 s: Microsoft Graph allows 150 requests a minute on alerts",
      "Waiting 60 s: Microsoft Graph allows 150 requests a minute on alerts",
    ]);
  });

  it("paces to a lower perMinute when given one", async () => {
    await start([makeGraphAlert({ id: "A" })], { perMinute: 3 });
    const graph = client({ perMinute: 3 });
    for (let i = 0; i < 7; i++) await graph.probeAlerts();
    expect(emulator.requests.map((r) => r.status)).toEqual(Array(7).fill(200));
    expect(emulator.requests.map((r) => r.at - emulator.requests[0]!.at)).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
  });

  it("asks for a fresh token once on a 401, then explains that the token is not for Graph", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    const tokens = tokensFor({ aud: "https://api.securitycenter.microsoft.com", roles: ["SecurityAlert.Read.All"] });
    const failure = await client({ tokens }).listAlerts(window).catch((error: unknown) => error);
    expect(tokens.refreshes).toBe(1);
    expect(failure).toBeInstanceOf(GraphApiError);
    expect((failure as GraphApiError).status).toBe(401);
    expect((failure as GraphApiError).fix).toBe(
      "Microsoft Graph refused the access token (this one is for https://api.securitycenter.microsoft.com): it must be issued for Graph. Check that cloud, or api-scope, names Graph's scope, e.g. https://graph.microsoft.com/.default for the public cloud.",
    );
  });

  it("names the missing permission on a 403, from the token's roles", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    const reader = client({ tokens: tokensFor({ ...READ_WRITE, roles: ["SecurityAlert.Read.All"] }) });
    const write = await reader.updateAlert("A", { status: "Resolved" }).catch((error: unknown) => error);
    expect((write as GraphApiError).status).toBe(403);
    expect((write as GraphApiError).fix).toBe(
      "The access token has SecurityAlert.Read.All but not SecurityAlert.ReadWrite.All, which updating alerts needs: add the Microsoft Graph application permission SecurityAlert.ReadWrite.All and grant admin consent.",
    );
    const bare = client({ tokens: tokensFor({ ...READ_WRITE, roles: [] }) });
    const read = await bare.listAlerts(window).catch((error: unknown) => error);
    expect((read as GraphApiError).fix).toBe(
      "The access token carries no application roles: add the Microsoft Graph application permission SecurityAlert.Read.All (or SecurityAlert.ReadWrite.All, which sync needs) to the app registration and grant admin consent.",
    );
  });
});

describe("alertsById", () => {
  const recent = "2026-12-01T08:00:00Z";
  const old = "2026-11-20T08:00:00Z";

  it("lists the alerts updated since the window began and reads the rest one by one; one not found is left out", async () => {
    await start([
      makeGraphAlert({ id: "LISTED", lastUpdateDateTime: recent, status: "inProgress" }),
      makeGraphAlert({ id: "OTHER", lastUpdateDateTime: recent }),
      makeGraphAlert({ id: "OLD", lastUpdateDateTime: old, classification: "truePositive" }),
    ]);
    const read = await client().alertsById(["LISTED", "OLD", "GONE"], { updatedSince: new Date("2026-11-30T09:00:00.500Z") });
    expect([...read.keys()].sort()).toEqual(["LISTED", "OLD"]);
    expect(read.get("LISTED")?.status).toBe("InProgress");
    expect(read.get("OLD")?.classification).toBe("TruePositive");
    expect(emulator.requests.map((r) => [r.path, r.query.$filter, r.query.$orderby, r.status])).toEqual([
      [ALERTS, "lastUpdateDateTime ge 2026-11-30T09:00:00Z", "lastUpdateDateTime asc", 200],
      [`${ALERTS}/OLD`, undefined, undefined, 200],
      [`${ALERTS}/GONE`, undefined, undefined, 404],
    ]);
  });

  it("reads older alerts in one listing from noneUpdatedBefore when Graph counts fewer pages than alerts left", async () => {
    const ids = ["OLD1", "OLD2", "OLD3", "OLD4", "OLD5", "OLD6"];
    const olds = ids.map((id, i) => makeGraphAlert({ id, lastUpdateDateTime: `2026-11-2${i}T08:00:00Z`, classification: "falsePositive" }));
    await start([makeGraphAlert({ id: "LISTED", lastUpdateDateTime: recent }), ...olds, makeGraphAlert({ id: "ANCIENT", lastUpdateDateTime: "2026-10-01T08:00:00Z" })]);
    const read = await client({ pageSize: 3 }).alertsById(["LISTED", ...ids], {
      updatedSince: new Date("2026-11-30T09:00:00Z"),
      noneUpdatedBefore: new Date("2026-11-15T00:00:00Z"),
    });
    expect([...read.keys()].sort()).toEqual(["LISTED", ...ids]);
    expect(read.get("OLD6")?.classification).toBe("FalsePositive");
    const older = "lastUpdateDateTime ge 2026-11-15T00:00:00Z and lastUpdateDateTime lt 2026-11-30T09:00:00Z";
    // 6 older alerts at 3 a page: the count and 3 pages (the last to see the end) beat 6 single reads.
    expect(emulator.requests.map((r) => [r.path, r.query.$filter?.startsWith(older) ? "older" : r.query.$filter, r.query.$count])).toEqual([
      [ALERTS, "lastUpdateDateTime ge 2026-11-30T09:00:00Z", undefined],
      [ALERTS, "older", "true"],
      [ALERTS, "older", undefined],
      [ALERTS, "older", undefined],
      [ALERTS, "older", undefined],
    ]);
  });

  it("reads the rest one by one when Graph counts more pages than alerts left", async () => {
    const many = Array.from({ length: 9 }, (_, i) => makeGraphAlert({ id: `NOISE${i}`, lastUpdateDateTime: `2026-11-2${i}T09:00:00Z` }));
    await start([...many, makeGraphAlert({ id: "OLD1", lastUpdateDateTime: old }), makeGraphAlert({ id: "OLD2", lastUpdateDateTime: old })]);
    const read = await client({ pageSize: 2 }).alertsById(["OLD1", "OLD2"], { updatedSince: new Date("2026-11-30T09:00:00Z"), noneUpdatedBefore: new Date("2026-11-15T00:00:00Z") });
    expect([...read.keys()].sort()).toEqual(["OLD1", "OLD2"]);
    expect(emulator.requests.map((r) => [r.path, r.query.$count])).toEqual([
      [ALERTS, undefined],
      [ALERTS, "true"],
      [`${ALERTS}/OLD1`, undefined],
      [`${ALERTS}/OLD2`, undefined],
    ]);
  });

  it("reads each alert alone without updatedSince, its ID encoded in the path", async () => {
    await start([makeGraphAlert({ id: "da637551227677560813_-961444813" })]);
    const read = await client().alertsById(["da637551227677560813_-961444813"]);
    expect([...read.keys()]).toEqual(["da637551227677560813_-961444813"]);
    expect(emulator.requests.map((r) => r.path)).toEqual([`${ALERTS}/da637551227677560813_-961444813`]);
  });
});

describe("updateAlert and updateAlerts", () => {
  it("PATCHes the fields in Graph's spelling, then posts the comment", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    const changes: AlertChanges = { status: "Resolved", classification: "TruePositive", determination: "CompromisedUser", assignedTo: "ana@contoso.com", comment: "ana on GitHub: contained (https://github.com/o/r/issues/1#issuecomment-1)" };
    const graph = client();
    expect(graph.spell(changes)).toEqual({ status: "resolved", classification: "truePositive", determination: "compromisedAccount", assignedTo: "ana@contoso.com", comment: changes.comment });
    await graph.updateAlert("A", changes);
    expect(emulator.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PATCH", `${ALERTS}/A`, { status: "resolved", classification: "truePositive", determination: "compromisedAccount", assignedTo: "ana@contoso.com" }],
      ["POST", `${ALERTS}/A/comments`, { "@odata.type": "microsoft.graph.security.alertComment", comment: changes.comment! }],
    ]);
    expect(emulator.alerts[0]?.comments?.map((c) => c.comment)).toEqual([changes.comment]);
  });

  it("sends a comment alone without a PATCH", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    await client().updateAlert("A", { comment: "ana on GitHub: hi (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("reads the alert back after a comment's lost reply, and does not post it twice", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    emulator.inject({ method: "POST", path: /alerts_v2\/A\/comments$/ }, { status: 504, applyEffect: true });
    await client().updateAlert("A", { comment: "ana on GitHub: once (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", `${ALERTS}/A/comments`, 504],
      ["GET", `${ALERTS}/A`, 200],
    ]);
    expect(emulator.alerts[0]?.comments?.map((c) => c.comment)).toEqual(["ana on GitHub: once (https://github.com/o/r/issues/1)"]);
  });

  it("posts the comment again when the read-back shows the lost one did not land", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    emulator.inject({ method: "POST", path: /alerts_v2\/A\/comments$/ }, { status: 502 });
    await client().updateAlert("A", { comment: "ana on GitHub: lost (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => [r.method, r.status])).toEqual([["POST", 502], ["GET", 200], ["POST", 200]]);
    expect(emulator.alerts[0]?.comments).toHaveLength(1);
  });

  it("surfaces a refused value as a GraphApiError with status 400 and Graph's request-id", async () => {
    await start([makeGraphAlert({ id: "A" })]);
    // The alias of a disputed determination goes out in the update page's spelling, which the schema lacks.
    const failure = await client().updateAlert("A", { classification: "TruePositive", determination: "CompromisedAccount" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphApiError);
    expect(refusedAsInvalid(failure)).toBe(true);
    const error = failure as GraphApiError;
    expect(error.problem).toBe("Updating Microsoft Graph alert A failed with HTTP 400");
    expect(error.reply).toMatch(
      /^BadRequest: Invalid value 'compromisedUser' for property 'determination' of type 'microsoft\.graph\.security\.alertDetermination'\. Valid values: .+ \(request-id [0-9a-f-]{36}, date 2026-12-01T09:00:00\)$/,
    );
    expect(error.message).toBe(`${error.problem}: ${error.reply}`);
  });

  it("says an alert Graph does not have is not found", async () => {
    await start([]);
    const failure = (await client().updateAlert("GONE", { status: "Resolved" }).catch((error: unknown) => error)) as GraphApiError;
    expect(failure.status).toBe(404);
    expect(failure.fix).toBe("The alert is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.");
  });

  it("updates many alerts one by one, Graph having no batch update", async () => {
    await start([makeGraphAlert({ id: "A" }), makeGraphAlert({ id: "B" })]);
    await client().updateAlerts(["A", "B"], { status: "InProgress" });
    expect(emulator.patches).toEqual([
      { id: "A", body: { status: "inProgress" } },
      { id: "B", body: { status: "inProgress" } },
    ]);
  });
});

describe("listIncidents", () => {
  const incidentsClient = (options: Partial<GraphClientOptions> = {}) => client({ tokens: tokensFor(INCIDENT_READ_WRITE), ...options });

  /**
   * Incidents updated in groups sharing a lastUpdateDateTime, one group larger than a page, each with
   * an alert of its own; and incidents updated on and outside the window's bounds.
   */
  function crowdedIncidents(): { incidents: GraphIncident[]; alerts: GraphAlert[]; inside: string[] } {
    const incidents: GraphIncident[] = [];
    const alerts: GraphAlert[] = [];
    const inside: string[] = [];
    const add = (id: string, created: string, updated: string, inWindow = true) => {
      incidents.push(makeIncident({ id, createdDateTime: created, lastUpdateDateTime: updated }));
      alerts.push(makeGraphAlert({ id: `alert-${id}`, incidentId: id, createdDateTime: created }));
      if (inWindow) inside.push(id);
    };
    const created = (i: number) => ticks(since.getTime() - 86_400_000 + i * 1_000);
    let n = 0;
    for (let group = 0; group < 40; group++) {
      const size = group === 17 ? 12 : 1 + (group % 4);
      for (let i = 0; i < size; i++, n++) add(`${1000 + n}`, created(n), ticks(since.getTime() + 60_000 * (group + 1), "4321"));
    }
    add("ON-SINCE", created(n++), since.toISOString());
    add("BEFORE", created(n++), new Date(since.getTime() - 1).toISOString(), false);
    add("ON-UNTIL", created(n++), until.toISOString(), false);
    return { incidents, alerts, inside };
  }

  it("lists every incident updated in the window exactly once, with its alerts, by lastUpdateDateTime boundaries, never paging deep", async () => {
    const { incidents, alerts, inside } = crowdedIncidents();
    await start(alerts, { maxSkip: 5 }, incidents);
    const listing = await incidentsClient({ pageSize: 5 }).listIncidents(window);

    expect(listing.incidents.map((incident) => incident.id).sort()).toEqual([...inside].sort());
    expect(listing.incidents.every((incident) => incident.alerts.map((alert) => alert.id).join() === `alert-${incident.id}`)).toBe(true);
    expect(listing.loose).toEqual([]);
    expect(listing.malformed).toEqual([]);
    expect(listing.pages).toBe(emulator.requests.length);
    expect(emulator.requests.every((r) => r.status === 200 && r.query.$top === "5" && r.query.$expand === "alerts" && r.prefer === "include-unknown-enum-members")).toBe(true);
    expect(Math.max(...emulator.requests.map((r) => Number(r.query.$skip ?? 0)))).toBeLessThanOrEqual(5);
    // The twelve incidents of one instant, more than a page, were read on their own by their creation.
    expect(emulator.requests.some((r) => r.query.$orderby === "createdDateTime asc")).toBe(true);
    expect(emulator.requests[0]).toMatchObject({
      path: INCIDENTS,
      query: {
        $filter: "lastUpdateDateTime ge 2026-11-30T00:00:00Z and lastUpdateDateTime lt 2026-12-01T00:00:00Z",
        $orderby: "lastUpdateDateTime asc",
        $top: "5",
        $expand: "alerts",
      },
    });
  });

  it("reads incidents by ID one request each, an ID asked twice once, and leaves out those Graph does not have", async () => {
    await start([makeGraphAlert({ id: "A", incidentId: "1" })], {}, [makeIncident({ id: "1" }), makeIncident({ id: "2" })]);
    const found = await incidentsClient().incidentsById(["1", "2", "1", "9"]);
    expect([...found.keys()]).toEqual(["1", "2"]);
    expect(found.get("1")?.alerts.map((alert) => alert.id)).toEqual(["A"]);
    expect(emulator.requests.map((r) => r.path)).toEqual([`${INCIDENTS}/1`, `${INCIDENTS}/2`, `${INCIDENTS}/9`]);
  });

  it("asks for at most 100 incidents a page, each coming with all its alerts", async () => {
    await start([makeGraphAlert({ id: "A", incidentId: "1" })], {}, [makeIncident({ id: "1", lastUpdateDateTime: "2026-11-30T10:00:00Z" })]);
    await incidentsClient().listIncidents(window);
    expect(emulator.requests.map((r) => r.query.$top)).toEqual(["100"]);
  });

  it("keeps an incident one of whose alerts passes the severity, status and service-source filters, and every merged one", async () => {
    const updated = "2026-11-30T10:00:00Z";
    const incident = (id: string) => makeIncident({ id, lastUpdateDateTime: updated });
    const alert = (id: string, incidentId: string, fields: Partial<GraphAlert>) => makeGraphAlert({ id, incidentId, ...fields });
    await start(
      [
        alert("LOW", "1", { severity: "low" }),
        alert("RESOLVED", "2", { severity: "high", status: "resolved" }),
        alert("ENDPOINT", "3", { severity: "high", serviceSource: "microsoftDefenderForEndpoint" }),
        alert("LOW-MAIL", "4", { severity: "low", serviceSource: "microsoftDefenderForOffice365" }),
        alert("MAIL", "4", { severity: "medium", status: "inProgress", serviceSource: "microsoftDefenderForOffice365" }),
        alert("OLD-MAIL", "6", { severity: "high", serviceSource: "microsoftDefenderForOffice365" }),
      ],
      {},
      [
        incident("1"),
        incident("2"),
        incident("3"),
        incident("4"),
        makeIncident({ id: "5", lastUpdateDateTime: updated, status: "redirected", redirectIncidentId: "4" }),
        makeIncident({ id: "6", lastUpdateDateTime: "2026-11-29T10:00:00Z" }),
      ],
    );
    const filtered: AlertWindow = { ...window, minSeverity: "Medium", statuses: ["New", "InProgress"], serviceSources: ["MicrosoftDefenderForOffice365"] };
    const listing = await incidentsClient().listIncidents(filtered);
    expect(listing.incidents.map((i) => [i.id, i.status, i.redirectedTo, i.alerts.map((a) => a.id)])).toEqual([
      ["4", "New", null, ["LOW-MAIL", "MAIL"]],
      ["5", "Redirected", "4", []],
    ]);
  });

  it("ANDs the user's clause, in incident field names, and describes the $filter as sent, the alert filters being applied to the alerts", async () => {
    const updated = "2026-11-30T10:00:00Z";
    await start(
      [makeGraphAlert({ id: "A1", incidentId: "1" }), makeGraphAlert({ id: "A2", incidentId: "2" })],
      {},
      [makeIncident({ id: "1", lastUpdateDateTime: updated, status: "active" }), makeIncident({ id: "2", lastUpdateDateTime: updated, status: "inProgress" })],
    );
    const graph = incidentsClient();
    const mine: AlertWindow = { ...window, minSeverity: "Medium", statuses: ["New"], extra: "status eq 'active' or assignedTo eq 'ana@contoso.com'" };
    const listing = await graph.listIncidents(mine);
    expect(listing.incidents.map((i) => i.id)).toEqual(["1"]);
    expect(graph.describeIncidentWindow(mine)).toBe(
      "$filter=lastUpdateDateTime ge 2026-11-30T00:00:00Z and lastUpdateDateTime lt 2026-12-01T00:00:00Z and (status eq 'active' or assignedTo eq 'ana@contoso.com')",
    );
    expect(`$filter=${emulator.requests[0]?.query.$filter}`).toBe(graph.describeIncidentWindow(mine));
  });

  it("reports a malformed incident and a malformed alert, keeping the incident without it", async () => {
    const updated = "2026-11-30T10:00:00Z";
    await start(
      [makeGraphAlert({ id: "GOOD", incidentId: "1" }), makeGraphAlert({ id: "not an id!", incidentId: "1" })],
      {},
      [makeIncident({ id: "1", lastUpdateDateTime: updated }), makeIncident({ id: "2", lastUpdateDateTime: updated, createdDateTime: "yesterday" })],
    );
    const listing = await incidentsClient().listIncidents(window);
    expect(listing.incidents.map((i) => [i.id, i.alerts.map((a) => a.id)])).toEqual([["1", ["GOOD"]]]);
    expect(listing.malformed).toEqual([
      { id: "not an id!", problem: "id: an ID of letters, digits, '_' and '-' (at most 128)" },
      { id: "2", problem: expect.stringMatching(/^incident: createdDateTime: /) },
    ]);
  });

  it("names the incident permissions on a 403", async () => {
    await start([], {}, []);
    const failure = (await client().listIncidents(window).catch((error: unknown) => error)) as GraphApiError;
    expect(failure.status).toBe(403);
    expect(failure.problem).toBe("Listing Microsoft Graph incidents failed with HTTP 403");
    expect(failure.fix).toBe(
      "The access token has SecurityAlert.ReadWrite.All but neither SecurityIncident.Read.All nor SecurityIncident.ReadWrite.All: add the Microsoft Graph application permission SecurityIncident.Read.All and grant admin consent.",
    );
  });
});

describe("incident", () => {
  it("reads one incident with its alerts, oldest first; undefined when Graph does not have it", async () => {
    await start(
      [
        makeGraphAlert({ id: "LATER", incidentId: "7", createdDateTime: "2026-11-30T09:00:00Z" }),
        makeGraphAlert({ id: "FIRST", incidentId: "7", createdDateTime: "2026-11-30T08:00:00Z", severity: "high" }),
        makeGraphAlert({ id: "OTHER", incidentId: "8" }),
      ],
      {},
      [makeIncident({ id: "7", displayName: "Two alerts", status: "inProgress", severity: "high" })],
    );
    const graph = client({ tokens: tokensFor({ ...READ_WRITE, roles: ["SecurityIncident.Read.All"] }) });
    const incident = await graph.incident("7");
    expect(incident).toMatchObject({ id: "7", name: "Two alerts", status: "InProgress", severity: "High" });
    expect(incident?.alerts.map((alert) => alert.id)).toEqual(["FIRST", "LATER"]);
    expect(await graph.incident("404")).toBeUndefined();
    expect(emulator.requests.map((r) => [r.method, r.path, r.query, r.status])).toEqual([
      ["GET", `${INCIDENTS}/7`, { $expand: "alerts" }, 200],
      ["GET", `${INCIDENTS}/404`, { $expand: "alerts" }, 404],
    ]);
  });
});

describe("updateIncident", () => {
  const incidentsClient = (options: Partial<GraphClientOptions> = {}) => client({ tokens: tokensFor(INCIDENT_READ_WRITE), ...options });

  it("PATCHes the incident in Graph's spelling, then posts the comment to it", async () => {
    await start([makeGraphAlert({ id: "A", incidentId: "7" })], {}, [makeIncident({ id: "7" })]);
    const comment = "ana on GitHub: contained (https://github.com/o/r/issues/1#issuecomment-1)";
    await incidentsClient().updateIncident("7", { status: "Resolved", classification: "TruePositive", determination: "CompromisedUser", assignedTo: "ana@contoso.com", comment });
    expect(emulator.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PATCH", `${INCIDENTS}/7`, { status: "resolved", classification: "truePositive", determination: "compromisedAccount", assignedTo: "ana@contoso.com" }],
      ["POST", `${INCIDENTS}/7/comments`, { "@odata.type": "microsoft.graph.security.alertComment", comment }],
    ]);
    expect(emulator.incidents[0]?.comments?.map((c) => c.comment)).toEqual([comment]);
    // Resolving the incident resolved its alert.
    expect(emulator.alerts[0]?.status).toBe("resolved");
  });

  it("spells our New as Graph's active and InProgress as inProgress, and sends a comment alone without a PATCH", async () => {
    await start([], {}, [makeIncident({ id: "7", status: "resolved" })]);
    const graph = incidentsClient();
    await graph.updateIncident("7", { status: "New" });
    await graph.updateIncident("7", { status: "InProgress" });
    await graph.updateIncident("7", { comment: "ana on GitHub: hi (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => [r.method, r.body])).toEqual([
      ["PATCH", { status: "active" }],
      ["PATCH", { status: "inProgress" }],
      ["POST", { "@odata.type": "microsoft.graph.security.alertComment", comment: "ana on GitHub: hi (https://github.com/o/r/issues/1)" }],
    ]);
  });

  it("reads the incident back after a comment's lost reply, and does not post it twice", async () => {
    await start([], {}, [makeIncident({ id: "7" })]);
    emulator.inject({ method: "POST", path: /incidents\/7\/comments$/ }, { status: 504, applyEffect: true });
    await incidentsClient().updateIncident("7", { comment: "ana on GitHub: once (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ["POST", `${INCIDENTS}/7/comments`, 504],
      ["GET", `${INCIDENTS}/7`, 200],
    ]);
    expect(emulator.incidents[0]?.comments?.map((c) => c.comment)).toEqual(["ana on GitHub: once (https://github.com/o/r/issues/1)"]);
  });

  it("posts the comment again when the read-back shows the lost one did not land", async () => {
    await start([], {}, [makeIncident({ id: "7" })]);
    emulator.inject({ method: "POST", path: /incidents\/7\/comments$/ }, { status: 502 });
    await incidentsClient().updateIncident("7", { comment: "ana on GitHub: lost (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.map((r) => [r.method, r.status])).toEqual([["POST", 502], ["GET", 200], ["POST", 200]]);
    expect(emulator.incidents[0]?.comments).toHaveLength(1);
  });

  it("surfaces a refused value as a GraphApiError with status 400, so the determination's other spelling can be tried", async () => {
    await start([], {}, [makeIncident({ id: "7" })]);
    const failure = await incidentsClient().updateIncident("7", { classification: "TruePositive", determination: "CompromisedAccount" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphApiError);
    expect(refusedAsInvalid(failure)).toBe(true);
    expect((failure as GraphApiError).problem).toBe("Updating Microsoft Graph incident 7 failed with HTTP 400");
  });

  it("says an incident Graph does not have is not found", async () => {
    await start([], {}, []);
    const failure = (await incidentsClient().updateIncident("9", { status: "Resolved" }).catch((error: unknown) => error)) as GraphApiError;
    expect(failure.status).toBe(404);
    expect(failure.fix).toBe("The incident is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.");
  });

  it("names SecurityIncident.ReadWrite.All on a 403, and so do the incident permissions", async () => {
    await start([], {}, [makeIncident({ id: "7" })]);
    const reader = client({ tokens: tokensFor({ ...READ_WRITE, roles: ["SecurityAlert.ReadWrite.All", "SecurityIncident.Read.All"] }) });
    const failure = (await reader.updateIncident("7", { status: "Resolved" }).catch((error: unknown) => error)) as GraphApiError;
    expect(failure.status).toBe(403);
    expect(failure.fix).toBe(
      "The access token has SecurityAlert.ReadWrite.All, SecurityIncident.Read.All but not SecurityIncident.ReadWrite.All, which updating incidents needs: add the Microsoft Graph application permission SecurityIncident.ReadWrite.All and grant admin consent.",
    );
    expect(reader.incidentPermissions).toEqual({ api: "Microsoft Graph", read: ["SecurityIncident.Read.All", "SecurityIncident.ReadWrite.All"], write: "SecurityIncident.ReadWrite.All" });
  });
});

describe("check", () => {
  it("signs in, and probes with one small listing of the last day", async () => {
    now = Date.now();
    await start([makeGraphAlert({ id: "A", createdDateTime: new Date(Date.now() - 3_600_000).toISOString() })]);
    const graph = client();
    expect((await graph.signIn()).roles).toEqual(["SecurityAlert.ReadWrite.All"]);
    expect(await graph.probeAlerts()).toBe(1);
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]?.query.$top).toBe("10");
    expect(graph.service).toBe("Microsoft Graph");
    expect(graph.permissions).toEqual({ api: "Microsoft Graph", read: ["SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"], write: "SecurityAlert.ReadWrite.All" });
    expect(graph.describeWindow({ ...window, minSeverity: "High" })).toBe("$filter=createdDateTime ge 2026-11-30T00:00:00Z and createdDateTime lt 2026-12-01T00:00:00Z and severity eq 'high'");
  });
});
