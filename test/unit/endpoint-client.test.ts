// The Defender for Endpoint client's incidents against the loopback Defender emulator: alerts
// grouped by incidentId, each incident read whole in bulk, and changes sent to every alert it holds.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Agent } from "undici";
import type { TokenSource } from "../../src/entra/auth.ts";
import { readClaims } from "../../src/entra/token.ts";
import { DefenderClient } from "../../src/endpoint/client.ts";
import { DefenderApiError } from "../../src/endpoint/errors.ts";
import { refusedAsInvalid, type AlertWindow } from "../../src/source/source.ts";
import { DefenderEmulator, type DefenderEmulatorOptions } from "../emulators/defender.ts";
import { makeAlert, type Alert } from "../emulators/sample-alerts.ts";

const ALERTS = "/api/alerts";
const CLAIMS = { aud: "https://api.securitycenter.microsoft.com", tid: "t1", appid: "app1", roles: ["Alert.ReadWrite.All"] };

let emulator: DefenderEmulator;
let agent: Agent;

const jwt = (claims: Record<string, unknown>): string => ["{}", JSON.stringify(claims)].map((p) => Buffer.from(p).toString("base64url")).join(".") + ".sig";

function tokensFor(claims: Record<string, unknown>): TokenSource {
  const token = jwt(claims);
  return { token: async () => token, claims: () => readClaims(token) };
}

async function start(alerts: Alert[], options: DefenderEmulatorOptions = {}): Promise<void> {
  emulator = new DefenderEmulator({ checkRoles: true, ...options });
  emulator.alerts = alerts;
  await emulator.start();
}

function client(): DefenderClient {
  return new DefenderClient({
    apiUrl: emulator.url,
    tokens: tokensFor(CLAIMS),
    dispatcher: agent,
    tuning: { timeoutMs: 5_000, retryBudgetMs: 10_000, maxAttempts: 4 },
    retrying: () => undefined,
  });
}

const since = new Date("2026-11-30T00:00:00Z");
const until = new Date("2026-12-01T00:00:00Z");
const window: AlertWindow = { since, until, minSeverity: "Informational", statuses: [] };
const WINDOW = "lastUpdateTime ge 2026-11-30T00:00:00Z and lastUpdateTime lt 2026-12-01T00:00:00Z";

/** An alert created and last updated at these times. */
function alertAt(id: string, incidentId: number | null, created: string, updated: string, fields: Partial<Alert> = {}): Alert {
  return makeAlert({ id, incidentId, alertCreationTime: `${created}.0000000Z`, lastUpdateTime: `${updated}.0000000Z`, ...fields });
}

beforeEach(() => {
  agent = new Agent();
});

afterEach(async () => {
  await emulator.stop();
  await agent.close();
});

describe("listIncidents", () => {
  it("groups the alerts updated in the window by incident, pulls in each incident's older alerts, and leaves those without one created in the window loose", async () => {
    await start([
      alertAt("NEW", 7, "2026-11-30T09:00:00", "2026-11-30T09:00:05", { title: "Second alert", severity: "High" }),
      alertAt("OLDER", 7, "2026-11-20T09:00:00", "2026-11-20T09:00:05", { title: "First alert", severity: "Low", status: "Resolved" }),
      alertAt("TOO-LOW", 8, "2026-11-30T10:00:00", "2026-11-30T10:00:05", { severity: "Low" }),
      alertAt("OF-8", 8, "2026-11-20T10:00:00", "2026-11-20T10:00:05", { severity: "High" }),
      alertAt("UNCHANGED", 9, "2026-11-25T10:00:00", "2026-11-25T10:00:05", { severity: "High" }),
      alertAt("OTHER-SOURCE", 10, "2026-11-30T11:00:00", "2026-11-30T11:00:05", { severity: "High", detectionSource: "CustomDetection" }),
      alertAt("LOOSE", null, "2026-11-30T12:00:00", "2026-11-30T12:00:05", { severity: "Medium" }),
      // Created before the window, as listAlerts would not give it: no alert issue for it now.
      alertAt("OLD-LOOSE", null, "2026-11-29T12:00:00", "2026-11-30T12:00:05", { severity: "Medium" }),
    ]);
    const chosen: AlertWindow = { ...window, minSeverity: "Medium", statuses: ["New", "InProgress"], extra: "detectionSource eq 'WindowsDefenderAtp'" };
    const defender = client();
    const listing = await defender.listIncidents(chosen);

    expect(listing.incidents.map((i) => [i.id, i.name, i.severity, i.status, i.alerts.map((a) => a.id)])).toEqual([
      ["7", "First alert", "High", "InProgress", ["OLDER", "NEW"]],
    ]);
    expect(listing.incidents[0]?.alerts.every((alert) => alert.evidence().evidence.length > 0)).toBe(true);
    expect(listing.loose.map((alert) => alert.id)).toEqual(["LOOSE"]);
    expect(listing.loose[0]?.read().evidence.length).toBeGreaterThan(0);
    expect(listing.malformed).toEqual([]);
    expect(listing.pages).toBe(2);
    const filter = `${WINDOW} and (severity eq 'Medium' or severity eq 'High') and (status eq 'New' or status eq 'InProgress') and (detectionSource eq 'WindowsDefenderAtp')`;
    expect(emulator.requests.map((r) => [r.method, r.path, r.query.$filter, r.query.$expand])).toEqual([
      ["GET", ALERTS, filter, "evidence"],
      ["GET", ALERTS, "incidentId eq 7", "evidence"],
    ]);
    expect(defender.describeIncidentWindow(chosen)).toBe(`$filter=${filter}`);
  });

  it("reads the incidents' alerts forty incidents a request, their IDs as unquoted numbers, and gives the incidents of every request oldest first", async () => {
    const alerts = Array.from({ length: 45 }, (_, i) => alertAt(`A${i}`, 5000 + i, `2026-11-30T09:${String(i).padStart(2, "0")}:00`, "2026-11-30T09:00:05"));
    // The second request's last incident holds the oldest alert.
    await start([...alerts, alertAt("OLDEST", 5044, "2026-11-01T09:00:00", "2026-11-01T09:00:05")]);
    const listing = await client().listIncidents(window);
    expect(listing.incidents).toHaveLength(45);
    expect(listing.incidents.map((incident) => incident.id)).toEqual(["5044", ...alerts.slice(0, 44).map((alert) => String(alert.incidentId))]);
    expect(listing.pages).toBe(3);
    const bulk = emulator.requests.slice(1).map((r) => r.query.$filter!);
    expect(bulk.map((filter) => filter.split(" or ").length)).toEqual([40, 5]);
    expect(bulk[1]).toBe("incidentId eq 5040 or incidentId eq 5041 or incidentId eq 5042 or incidentId eq 5043 or incidentId eq 5044");
  });

  it("reports a malformed alert once, whichever reading met it", async () => {
    await start([
      alertAt("GOOD", 7, "2026-11-30T09:00:00", "2026-11-30T09:00:05"),
      alertAt("bad id!", 7, "2026-11-30T09:00:00", "2026-11-30T09:00:05"),
    ]);
    const listing = await client().listIncidents(window);
    expect(listing.incidents.map((i) => [i.id, i.alerts.map((a) => a.id)])).toEqual([["7", ["GOOD"]]]);
    expect(listing.malformed).toEqual([{ id: "bad id!", problem: "id: an ID of letters, digits, '_' and '-' (at most 128)" }]);
  });
});

describe("incident", () => {
  it("reads every alert naming the incident, oldest first; undefined when none does", async () => {
    await start([
      alertAt("LATER", 7, "2026-11-30T09:00:00", "2026-11-30T09:00:05", { title: "Later" }),
      alertAt("FIRST", 7, "2026-11-01T09:00:00", "2026-11-01T09:00:05", { title: "First" }),
      alertAt("ELSEWHERE", 8, "2026-11-01T09:00:00", "2026-11-01T09:00:05"),
    ]);
    const defender = client();
    const incident = await defender.incident("7");
    expect([incident?.id, incident?.name, incident?.alerts.map((a) => a.id)]).toEqual(["7", "First", ["FIRST", "LATER"]]);
    expect(await defender.incident("9")).toBeUndefined();
    expect(emulator.requests.map((r) => [r.query.$filter, r.query.$expand])).toEqual([
      ["incidentId eq 7", "evidence"],
      ["incidentId eq 9", "evidence"],
    ]);
  });
});

describe("incidentsById", () => {
  it("reads many incidents' alerts together, without evidence, and leaves out those Defender holds no alert of", async () => {
    const alerts = Array.from({ length: 45 }, (_, i) => alertAt(`A${i}`, 100 + i, "2026-11-30T09:00:00", "2026-11-30T09:00:05"));
    await start([...alerts, alertAt("B0", 100, "2026-11-01T09:00:00", "2026-11-01T09:00:05")]);
    const ids = [...alerts.map((a) => String(a.incidentId)), "999", "100"];
    const found = await client().incidentsById(ids);
    expect([...found.keys()].sort()).toEqual(alerts.map((a) => String(a.incidentId)).sort());
    expect(found.get("100")?.alerts.map((a) => a.id)).toEqual(["B0", "A0"]);
    // 46 distinct incidents, forty a request.
    expect(emulator.requests.map((r) => [r.query.$filter!.split(" or ").length, r.query.$expand])).toEqual([[40, undefined], [6, undefined]]);
  });

  it("reads their alerts' evidence when asked, for a body rendered from them", async () => {
    await start([alertAt("A", 7, "2026-11-30T09:00:00", "2026-11-30T09:00:05"), alertAt("B", 8, "2026-11-30T09:00:00", "2026-11-30T09:00:05")]);
    const found = await client().incidentsById(["7", "8"], { evidence: true });
    expect([...found.keys()].sort()).toEqual(["7", "8"]);
    expect(emulator.requests.map((r) => [r.query.$filter, r.query.$expand])).toEqual([["incidentId eq 7 or incidentId eq 8", "evidence"]]);
  });
});

describe("updateIncident", () => {
  it("sends the fields to every alert the incident holds in one batch call, and the comment to each alert", async () => {
    const mine = ["A", "B", "C"].map((id, i) => alertAt(id, 7, `2026-11-2${i}T09:00:00`, `2026-11-2${i}T09:00:05`));
    await start([...mine, alertAt("OTHER", 8, "2026-11-20T09:00:00", "2026-11-20T09:00:05")]);
    const comment = "ana on GitHub: contained (https://github.com/o/r/issues/1#issuecomment-1)";
    await client().updateIncident("7", { status: "Resolved", classification: "TruePositive", determination: "Malware", comment });

    expect(emulator.requests.map((r) => [r.method, r.path])).toEqual([
      ["GET", ALERTS],
      ["POST", `${ALERTS}/batchUpdate`],
      ["PATCH", `${ALERTS}/A`],
      ["PATCH", `${ALERTS}/B`],
      ["PATCH", `${ALERTS}/C`],
    ]);
    expect(emulator.requests[0]?.query).toEqual({ $filter: "incidentId eq 7", $top: "10000" });
    const batch = emulator.batches.map(({ body }) => ({ ...(body as object), alertIds: [...(body as { alertIds: string[] }).alertIds].sort() }));
    expect(batch).toEqual([{ alertIds: ["A", "B", "C"], status: "Resolved", classification: "TruePositive", determination: "Malware" }]);
    expect(emulator.patches).toEqual(["A", "B", "C"].map((id) => ({ id, body: { comment } })));
    expect(emulator.alerts.map((a) => [a.id, a["status"], (a["comments"] as Array<{ comment: string }>).map((c) => c.comment)])).toEqual([
      ["A", "Resolved", [comment]],
      ["B", "Resolved", [comment]],
      ["C", "Resolved", [comment]],
      ["OTHER", "New", []],
    ]);
  });

  it("sends at most fifty alerts a batch call, and no batch for a comment alone", async () => {
    const alerts = Array.from({ length: 55 }, (_, i) => alertAt(`A${i}`, 7, "2026-11-20T09:00:00", "2026-11-20T09:00:05"));
    await start(alerts);
    const defender = client();
    await defender.updateIncident("7", { assignedTo: "ana@contoso.com" });
    expect(emulator.batches.map(({ body }) => (body as { alertIds: string[] }).alertIds.length)).toEqual([50, 5]);
    expect(emulator.alerts.every((alert) => alert["assignedTo"] === "ana@contoso.com")).toBe(true);
    expect(emulator.patches).toEqual([]);

    emulator.requests = [];
    await defender.updateIncident("7", { comment: "ana on GitHub: hi (https://github.com/o/r/issues/1)" });
    expect(emulator.requests.filter((r) => r.method !== "GET").map((r) => r.method)).toEqual(Array(55).fill("PATCH"));
  });

  it("surfaces a refused value as a DefenderApiError with status 400, so the determination's other spelling can be tried", async () => {
    await start([alertAt("A", 7, "2026-11-20T09:00:00", "2026-11-20T09:00:05")]);
    const failure = await client().updateIncident("7", { classification: "TruePositive", determination: "CompromisedAccount" }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DefenderApiError);
    expect(refusedAsInvalid(failure)).toBe(true);
    expect(emulator.batches).toEqual([]);
  });

  it("says an incident Defender holds no alert of is not found, and sends nothing", async () => {
    await start([alertAt("A", 7, "2026-11-20T09:00:00", "2026-11-20T09:00:05")]);
    const failure = (await client().updateIncident("9", { status: "Resolved" }).catch((error: unknown) => error)) as Error & { status: number; problem: string };
    expect(failure.status).toBe(404);
    expect(failure.message).toBe(
      "Updating Defender incident 9: Defender holds no alert of incident 9. Its alerts may be older than the tenant's retention, deleted, or moved into another incident by a merge.",
    );
    expect(emulator.requests.map((r) => r.method)).toEqual(["GET"]);
  });
});

describe("permissions", () => {
  it("needs no permission for incidents beyond the alerts'", async () => {
    await start([]);
    const defender = client();
    expect(defender.incidentPermissions).toEqual(defender.permissions);
  });
});
