// Self-tests for the Graph security emulator: if these pass, a client tested against it meets the
// rules Microsoft's schema and the reference give for alerts_v2 and incidents.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { DOCUMENTATION_ONLY_DETERMINATIONS, GraphEmulator } from "./graph.ts";
import type { GraphEmulatorOptions, PortalIncidentChange } from "./graph.ts";
import {
  endpointAlert,
  identityAlert,
  makeGraphAlert,
  oauthAlert,
  oauthIncident,
  phishingAlert,
  sampleGraphAlerts,
  sampleGraphIncidents,
  sampleIncident,
  sentinelAlert,
} from "./sample-graph-alerts.ts";
import type { GraphAlert, GraphIncident } from "./sample-graph-alerts.ts";

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALERTS = "/v1.0/security/alerts_v2";
const INCIDENTS = "/v1.0/security/incidents";

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

let emulator: GraphEmulator;
let clock = new Date("2026-12-01T09:00:00.000Z");

async function start(options: GraphEmulatorOptions = {}, alerts: GraphAlert[] = [], incidents: GraphIncident[] = []): Promise<GraphEmulator> {
  await emulator?.stop();
  emulator = new GraphEmulator({ now: () => clock, ...options });
  emulator.alerts = alerts;
  emulator.incidents = incidents;
  await emulator.start();
  return emulator;
}

async function call(method: string, pathAndQuery: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const url = pathAndQuery.startsWith("http") ? pathAndQuery : `${emulator.url}${pathAndQuery}`;
  const init: RequestInit = { method, headers: { authorization: "Bearer test-token", ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    init.headers = { "content-type": "application/json", ...init.headers };
  }
  const response = await fetch(url, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

const filter = (expression: string, path = ALERTS): Promise<Answer> => call("GET", `${path}?$filter=${encodeURIComponent(expression)}`);
const ids = (answer: Answer): string[] => (answer.json.value as Array<{ id: string }>).map((a) => a.id).sort();

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json.error.code).toBe(code);
  expect(typeof answer.json.error.message).toBe("string");
  const inner = answer.json.error.innerError;
  expect(inner["request-id"]).toMatch(GUID_RE);
  expect(inner["client-request-id"]).toMatch(GUID_RE);
  expect(inner.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
}

const jwt = (claims: Record<string, unknown>): string =>
  ["{}", JSON.stringify(claims)].map((p) => Buffer.from(p).toString("base64url")).join(".") + ".sig";
const bearer = (claims: Record<string, unknown>): Record<string, string> => ({ authorization: `Bearer ${jwt(claims)}` });

beforeEach(async () => {
  clock = new Date("2026-12-01T09:00:00.000Z");
  await start();
});

afterEach(async () => {
  await emulator.stop();
});

describe("$filter on alerts", () => {
  const a = makeGraphAlert({ id: "A", severity: "high", status: "new", assignedTo: "O'Brien@contoso.com", createdDateTime: "2026-11-30T10:00:00.1234567Z" });
  const b = makeGraphAlert({ id: "B", severity: "low", status: "new", serviceSource: "microsoftDefenderForOffice365", createdDateTime: "2026-11-30T10:00:00.1234568Z" });
  const c = makeGraphAlert({ id: "C", severity: "high", status: "resolved", classification: "truePositive", determination: "malware", createdDateTime: "2026-11-29T10:00:00Z" });

  beforeEach(async () => {
    await start({}, [a, b, c]);
  });

  it("filters each documented field: assignedTo, classification, determination, severity, serviceSource, status", async () => {
    expect(ids(await filter("assignedTo eq 'O''Brien@contoso.com'"))).toEqual(["A"]);
    expect(ids(await filter("assignedTo eq null"))).toEqual(["B", "C"]);
    expect(ids(await filter("classification eq 'truePositive'"))).toEqual(["C"]);
    expect(ids(await filter("determination ne 'malware'"))).toEqual(["A", "B"]);
    expect(ids(await filter("severity eq 'high'"))).toEqual(["A", "C"]);
    expect(ids(await filter("serviceSource eq 'microsoftDefenderForOffice365'"))).toEqual(["B"]);
    expect(ids(await filter("status ne 'resolved'"))).toEqual(["A", "B"]);
  });

  it("compares createdDateTime and lastUpdateDateTime with eq, ne, gt, ge, lt, le as instants, to 100 ns", async () => {
    expect(ids(await filter("createdDateTime gt 2026-11-30T10:00:00.1234567Z"))).toEqual(["B"]);
    expect(ids(await filter("createdDateTime ge 2026-11-30T10:00:00.1234567Z"))).toEqual(["A", "B"]);
    expect(ids(await filter("createdDateTime lt 2026-11-30T10:00:00.1234567Z"))).toEqual(["C"]);
    expect(ids(await filter("createdDateTime le 2026-11-30T11:00:00.1234567+01:00"))).toEqual(["A", "C"]);
    expect(ids(await filter("createdDateTime eq 2026-11-29T10:00:00Z"))).toEqual(["C"]);
    expect(ids(await filter("createdDateTime ne 2026-11-29T10:00:00Z"))).toEqual(["A", "B"]);
    expect(ids(await filter("lastUpdateDateTime ge 2026-11-30T00:00:00Z"))).toEqual(["A", "B"]);
    expect(ids(await filter("2026-11-30T00:00:00Z le lastUpdateDateTime"))).toEqual(["A", "B"]);
  });

  it("gives 'and' precedence over 'or' and honours parentheses", async () => {
    expect(ids(await filter("severity eq 'high' or status eq 'new' and severity eq 'low'"))).toEqual(["A", "B", "C"]);
    expect(ids(await filter("(severity eq 'high' or status eq 'new') and severity eq 'low'"))).toEqual(["B"]);
    expect(ids(await filter("((status eq 'new')) and (severity eq 'high' or severity eq 'low')"))).toEqual(["A", "B"]);
  });

  it("answers 400 BadRequest in Graph's error shape for a field outside the documented list", async () => {
    for (const field of ["id", "title", "incidentId", "detectionSource", "providerAlertId"]) {
      expectError(await filter(`${field} eq 'x'`), 400, "BadRequest");
    }
  });

  it("requires enum values quoted, as schema members, case-sensitively", async () => {
    expectError(await filter("severity eq 'High'"), 400, "BadRequest");
    expectError(await filter("status eq 'New'"), 400, "BadRequest");
    expectError(await filter("severity eq high"), 400, "BadRequest");
    expectError(await filter("status eq 'active'"), 400, "BadRequest"); // an incident status, not an alert status
    expectError(await filter("determination eq 'compromisedUser'"), 400, "BadRequest");
    expectError(await filter("severity ge 'medium'"), 400, "BadRequest");
  });

  it("requires datetimes unquoted", async () => {
    expectError(await filter("createdDateTime ge '2026-11-30T00:00:00Z'"), 400, "BadRequest");
    expectError(await filter("createdDateTime ge 2026-11-30"), 400, "BadRequest");
  });

  it("refuses not, in, functions, unknown operators and broken syntax", async () => {
    for (const expression of [
      "not (severity eq 'high')",
      "severity in ('high', 'low')",
      "startswith(assignedTo, 'O')",
      "severity has 'high'",
      "severity eq 'high' and",
      "(severity eq 'high'",
      "severity eq 'high",
      "",
    ]) {
      expectError(await filter(expression), 400, "BadRequest");
    }
  });

  it("refuses query options it does not support", async () => {
    expectError(await call("GET", `${ALERTS}?$select=id`), 400, "BadRequest");
    expectError(await call("GET", `${ALERTS}?$expand=evidence`), 400, "BadRequest");
    expectError(await call("GET", `${ALERTS}?$orderby=severity`), 400, "BadRequest");
    expectError(await call("GET", `${ALERTS}?$top=0`), 400, "BadRequest");
    expectError(await call("GET", `${ALERTS}?$top=1&$top=2`), 400, "BadRequest");
  });
});

describe("paging", () => {
  const many = Array.from({ length: 25 }, (_, i) =>
    makeGraphAlert({
      id: `A${String(i).padStart(2, "0")}`,
      createdDateTime: new Date(Date.UTC(2026, 10, 30, 0, i)).toISOString(),
      lastUpdateDateTime: new Date(Date.UTC(2026, 10, 30, 12, 24 - i)).toISOString(),
    }),
  );

  async function all(first: string): Promise<{ pages: number; ids: string[] }> {
    const seen: string[] = [];
    let next: string | undefined = first;
    let pages = 0;
    while (next) {
      const answer = await call("GET", next);
      expect(answer.status).toBe(200);
      seen.push(...(answer.json.value as GraphAlert[]).map((a) => a.id));
      next = answer.json["@odata.nextLink"];
      pages++;
    }
    return { pages, ids: seen };
  }

  it("lists newest first, $top as the page size, continued by @odata.nextLink that keeps the filter", async () => {
    await start({}, many);
    const first = await call("GET", `${ALERTS}?$top=10&$filter=${encodeURIComponent("status eq 'new'")}`);
    expect(first.json.value.map((a: GraphAlert) => a.id).slice(0, 2)).toEqual(["A24", "A23"]);
    const next = new URL(first.json["@odata.nextLink"]);
    expect(next.searchParams.get("$filter")).toBe("status eq 'new'");
    expect(next.searchParams.get("$skip")).toBe("10");
    const read = await all(`${ALERTS}?$top=10`);
    expect(read.pages).toBe(3);
    expect(read.ids).toEqual(many.map((a) => a.id).reverse());
  });

  it("pages at the maximum page size without $top, and gives no more than it for a larger $top", async () => {
    await start({ maxPageSize: 10 }, many);
    const plain = await call("GET", ALERTS);
    expect(plain.json.value).toHaveLength(10);
    const big = await call("GET", `${ALERTS}?$top=2000`);
    expect(big.json.value).toHaveLength(10);
    expect(big.json["@odata.nextLink"]).toContain("$top=2000");
    expect((await all(`${ALERTS}?$top=2000`)).ids).toHaveLength(25);
  });

  it("stops paging past the deepest $skip: an empty page with no nextLink and no error", async () => {
    await start({ maxSkip: 10 }, many);
    const read = await all(`${ALERTS}?$top=5`);
    // $skip 0, 5 and 10 are served; the link to $skip=15 answers nothing.
    expect(read.ids).toHaveLength(15);
    const deep = await call("GET", `${ALERTS}?$top=5&$skip=15`);
    expect(deep.status).toBe(200);
    expect(deep.json.value).toEqual([]);
    expect(deep.json["@odata.nextLink"]).toBeUndefined();
  });

  it("reads a window of any size by time boundaries: $orderby on lastUpdateDateTime and a ge filter, $skip held at 0", async () => {
    await start({ maxSkip: 0, maxPageSize: 5 }, many);
    const seen = new Set<string>();
    let since = "2026-11-30T00:00:00Z";
    for (let round = 0; round < 20; round++) {
      const query = `$orderby=lastUpdateDateTime asc&$top=5&$filter=${encodeURIComponent(`lastUpdateDateTime ge ${since}`)}`;
      const page = (await call("GET", `${ALERTS}?${query}`)).json.value as GraphAlert[];
      const fresh = page.filter((a) => !seen.has(a.id));
      if (fresh.length === 0) break;
      for (const a of fresh) seen.add(a.id);
      since = page.at(-1)?.lastUpdateDateTime ?? since;
    }
    expect(seen.size).toBe(25);
    const asc = (await call("GET", `${ALERTS}?$orderby=${encodeURIComponent("lastUpdateDateTime asc")}&$top=2`)).json.value;
    expect(asc.map((a: GraphAlert) => a.id)).toEqual(["A24", "A23"]);
  });

  it("counts with $count=true", async () => {
    await start({}, many);
    const answer = await call("GET", `${ALERTS}?$count=true&$top=3&$filter=${encodeURIComponent("createdDateTime ge 2026-11-30T00:20:00Z")}`);
    expect(answer.json["@odata.count"]).toBe(5);
    expect(answer.json.value).toHaveLength(3);
  });
});

describe("evolvable enums", () => {
  const aiEvidence = {
    "@odata.type": "#microsoft.graph.security.urlEvidence" as const,
    createdDateTime: "2026-11-30T10:00:00Z",
    verdict: "suspicious" as const,
    remediationStatus: "pendingApproval" as const,
    roles: [],
    tags: [],
    url: "https://copilot.example/session/1",
  };

  beforeEach(async () => {
    await start({}, [
      sentinelAlert,
      makeGraphAlert({ id: "AI", serviceSource: "microsoftSecurityForAI", detectionSource: "securityCopilot", evidence: [aiEvidence] }),
      endpointAlert,
    ], [{ ...sampleIncident, status: "awaitingAction" }]);
  });

  it("answers members after unknownFutureValue as unknownFutureValue without the Prefer header", async () => {
    const listed = (await call("GET", ALERTS)).json.value as GraphAlert[];
    const byId = new Map(listed.map((a) => [a.id, a]));
    expect(byId.get(sentinelAlert.id)?.serviceSource).toBe("unknownFutureValue");
    expect(byId.get(sentinelAlert.id)?.detectionSource).toBe("unknownFutureValue");
    expect(byId.get("AI")?.serviceSource).toBe("unknownFutureValue");
    expect(byId.get("AI")?.evidence?.[0]?.remediationStatus).toBe("unknownFutureValue");
    expect(byId.get(endpointAlert.id)?.serviceSource).toBe("microsoftDefenderForEndpoint");
    expect(byId.get(endpointAlert.id)?.detectionSource).toBe("antivirus");
    expect((await call("GET", `${ALERTS}/AI`)).json.detectionSource).toBe("unknownFutureValue");
    expect((await call("GET", `${INCIDENTS}/${sampleIncident.id}`)).json.status).toBe("unknownFutureValue");
    // The stored alert is untouched.
    expect(emulator.alerts[0]?.serviceSource).toBe("microsoftSentinel");
  });

  it("answers the real members with Prefer: include-unknown-enum-members", async () => {
    const prefer = { prefer: "odata.maxpagesize=50, include-unknown-enum-members" };
    const listed = (await call("GET", ALERTS, undefined, prefer)).json.value as GraphAlert[];
    const byId = new Map(listed.map((a) => [a.id, a]));
    expect(byId.get(sentinelAlert.id)?.serviceSource).toBe("microsoftSentinel");
    expect(byId.get(sentinelAlert.id)?.detectionSource).toBe("scheduledAlerts");
    expect(byId.get("AI")?.serviceSource).toBe("microsoftSecurityForAI");
    expect(byId.get("AI")?.detectionSource).toBe("securityCopilot");
    expect(byId.get("AI")?.evidence?.[0]?.remediationStatus).toBe("pendingApproval");
    const incident = await call("GET", `${INCIDENTS}/${sampleIncident.id}?$expand=alerts`, undefined, prefer);
    expect(incident.json.status).toBe("awaitingAction");
    expect(emulator.requests.at(-1)?.prefer).toContain("include-unknown-enum-members");
  });

  it("filters on an evolvable member by its name only with the Prefer header; without it, as unknownFutureValue", async () => {
    const prefer = { prefer: "include-unknown-enum-members" };
    const sentinel = `${ALERTS}?$filter=${encodeURIComponent("serviceSource eq 'microsoftSentinel'")}`;
    expect(ids(await call("GET", sentinel, undefined, prefer))).toEqual([sentinelAlert.id]);
    expectError(await call("GET", sentinel), 400, "BadRequest");
    expect(ids(await filter("serviceSource eq 'unknownFutureValue'"))).toEqual(["AI", sentinelAlert.id].sort());
    expect(ids(await call("GET", `${ALERTS}?$filter=${encodeURIComponent("serviceSource eq 'unknownFutureValue'")}`, undefined, prefer))).toEqual([]);
    const awaiting = `${INCIDENTS}?$filter=${encodeURIComponent("status eq 'awaitingAction'")}`;
    expect(ids(await call("GET", awaiting, undefined, prefer))).toEqual([sampleIncident.id]);
    expectError(await call("GET", awaiting), 400, "BadRequest");
    expect(ids(await filter("status eq 'unknownFutureValue'", INCIDENTS))).toEqual([sampleIncident.id]);
    expect(ids(await filter("status ne 'active'", INCIDENTS))).toEqual([sampleIncident.id]);
  });
});

describe("call limits and faults", () => {
  const app = (appid: string, tid = "t1"): Record<string, string> => bearer({ aud: "https://graph.microsoft.com", appid, tid });

  it("answers the 151st call within a minute for one app and tenant with 429 TooManyRequests and Retry-After", async () => {
    await start({}, [endpointAlert], [sampleIncident]);
    for (let i = 0; i < 149; i++) expect((await call("GET", `${ALERTS}?$top=1`, undefined, app("a"))).status).toBe(200);
    expect((await call("GET", INCIDENTS, undefined, app("a"))).status).toBe(200);
    clock = new Date(clock.getTime() + 20_000);
    const limited = await call("GET", ALERTS, undefined, app("a"));
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("40");
    // Another app, or the same app in another tenant, has its own budget.
    expect((await call("GET", ALERTS, undefined, app("b"))).status).toBe(200);
    expect((await call("GET", ALERTS, undefined, app("a", "t2"))).status).toBe(200);
    clock = new Date(clock.getTime() + 40_000);
    expect((await call("GET", ALERTS, undefined, app("a"))).status).toBe(200);
  });

  it("takes the limit from perMinute, or none with false", async () => {
    await start({ perMinute: 2 }, []);
    await call("GET", ALERTS);
    await call("GET", ALERTS);
    expectError(await call("GET", ALERTS), 429, "TooManyRequests");
    await start({ perMinute: false }, []);
    for (let i = 0; i < 200; i++) await call("GET", ALERTS);
    expect(emulator.requests.every((r) => r.status === 200)).toBe(true);
  });

  it("answers injected faults in order, then resumes; applyEffect carries out a write whose reply is lost", async () => {
    await start({}, [makeGraphAlert({ id: "A" })]);
    emulator.inject(
      { method: "GET", path: /alerts_v2$/ },
      { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } },
      { status: 429, headers: { "retry-after": "7" } },
    );
    expect((await call("GET", ALERTS)).status).toBe(503);
    const throttled = await call("GET", ALERTS);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("7");
    expect((await call("GET", ALERTS)).status).toBe(200);
    emulator.inject({ method: "PATCH", path: /alerts_v2\/A$/ }, { status: 504, applyEffect: true });
    expect((await call("PATCH", `${ALERTS}/A`, { status: "resolved" })).status).toBe(504);
    expect(emulator.alerts[0]?.status).toBe("resolved");
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 429, 200, 504]);
  });

  it("echoes client-request-id and sends request-id on every answer", async () => {
    const answer = await call("GET", `${ALERTS}/missing`, undefined, { "client-request-id": "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0" });
    expectError(answer, 404, "NotFound");
    expect(answer.json.error.innerError["client-request-id"]).toBe("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
    expect(answer.headers.get("request-id")).toBe(answer.json.error.innerError["request-id"]);
    expect(answer.json.error.innerError.date).toBe("2026-12-01T09:00:00");
  });
});

describe("tokens", () => {
  it("answers 401 InvalidAuthenticationToken without a bearer token or with a refused one", async () => {
    await start({ acceptToken: (t) => t === "good" });
    expectError(await call("GET", ALERTS, undefined, { authorization: "" }), 401, "InvalidAuthenticationToken");
    expectError(await call("GET", ALERTS, undefined, { authorization: "Bearer bad" }), 401, "InvalidAuthenticationToken");
    expect((await call("GET", ALERTS, undefined, { authorization: "Bearer good" })).status).toBe(200);
  });

  it("with checkRoles, answers 401 for a token whose audience is not Graph, such as Defender for Endpoint", async () => {
    await start({ checkRoles: true }, [endpointAlert]);
    const roles = ["SecurityAlert.ReadWrite.All"];
    for (const aud of ["https://api.securitycenter.microsoft.com", "https://api.security.microsoft.com", "https://graph.microsoft.com.evil"]) {
      expectError(await call("GET", ALERTS, undefined, bearer({ aud, roles })), 401, "InvalidAuthenticationToken");
    }
    for (const aud of ["https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000", "https://graph.microsoft.us", "https://dod-graph.microsoft.us"]) {
      expect((await call("GET", ALERTS, undefined, bearer({ aud, roles }))).status).toBe(200);
    }
  });

  it("with checkRoles, answers 403 Forbidden without SecurityAlert.Read.All or ReadWrite.All, and for writes without ReadWrite.All", async () => {
    await start({ checkRoles: true }, [makeGraphAlert({ id: "A" })]);
    const as = (roles: string[]): Record<string, string> => bearer({ aud: "https://graph.microsoft.com", roles });
    expectError(await call("GET", ALERTS, undefined, as([])), 403, "Forbidden");
    expectError(await call("GET", ALERTS, undefined, as(["Alert.Read.All", "SecurityIncident.Read.All"])), 403, "Forbidden");
    expect((await call("GET", ALERTS, undefined, as(["SecurityAlert.Read.All"]))).status).toBe(200);
    expectError(await call("PATCH", `${ALERTS}/A`, { status: "resolved" }, as(["SecurityAlert.Read.All"])), 403, "Forbidden");
    expectError(await call("POST", `${ALERTS}/A/comments`, { comment: "x" }, as(["SecurityAlert.Read.All"])), 403, "Forbidden");
    expect((await call("PATCH", `${ALERTS}/A`, { status: "resolved" }, as(["SecurityAlert.ReadWrite.All"]))).status).toBe(200);
  });

  it("with checkRoles, requires SecurityIncident.Read.All or ReadWrite.All for incidents", async () => {
    await start({ checkRoles: true }, [], [sampleIncident]);
    const as = (roles: string[]): Record<string, string> => bearer({ aud: "https://graph.microsoft.com", roles });
    expectError(await call("GET", INCIDENTS, undefined, as(["SecurityAlert.ReadWrite.All"])), 403, "Forbidden");
    expect((await call("GET", INCIDENTS, undefined, as(["SecurityIncident.Read.All"]))).status).toBe(200);
    expect((await call("GET", `${INCIDENTS}/${sampleIncident.id}`, undefined, as(["SecurityIncident.ReadWrite.All"]))).status).toBe(200);
  });

  it("with checkRoles, requires SecurityIncident.ReadWrite.All to change an incident", async () => {
    await start({ checkRoles: true }, [], [structuredClone(sampleIncident)]);
    const as = (roles: string[]): Record<string, string> => bearer({ aud: "https://graph.microsoft.com", roles });
    const incident = `${INCIDENTS}/${sampleIncident.id}`;
    for (const roles of [["SecurityIncident.Read.All"], ["SecurityAlert.ReadWrite.All"], []]) {
      expectError(await call("PATCH", incident, { status: "resolved" }, as(roles)), 403, "Forbidden");
    }
    expect(emulator.incidents[0]?.status).toBe("active");
    expect((await call("PATCH", incident, { status: "resolved" }, as(["SecurityIncident.ReadWrite.All"]))).status).toBe(200);
  });
});

describe("GET and PATCH /alerts_v2/{id}", () => {
  beforeEach(async () => {
    await start({}, sampleGraphAlerts());
  });

  it("returns one alert with its evidence, or 404 NotFound", async () => {
    const found = await call("GET", `${ALERTS}/${endpointAlert.id}`);
    expect(found.status).toBe(200);
    expect(found.json.id).toBe(endpointAlert.id);
    expect(found.json.evidence).toHaveLength(endpointAlert.evidence?.length ?? -1);
    expectError(await call("GET", `${ALERTS}/da000_1`), 404, "NotFound");
  });

  it("applies status, classification, determination and assignedTo; moves lastUpdateDateTime; sets and clears resolvedDateTime", async () => {
    const resolved = await call("PATCH", `${ALERTS}/${endpointAlert.id}`, {
      status: "resolved",
      classification: "truePositive",
      determination: "malware",
      assignedTo: "soc@contoso.com",
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json).toMatchObject({
      status: "resolved",
      classification: "truePositive",
      determination: "malware",
      assignedTo: "soc@contoso.com",
      lastUpdateDateTime: "2026-12-01T09:00:00.000Z",
      resolvedDateTime: "2026-12-01T09:00:00.000Z",
    });
    clock = new Date("2026-12-01T09:05:00.000Z");
    const reopened = await call("PATCH", `${ALERTS}/${endpointAlert.id}`, { status: "inProgress", assignedTo: null });
    expect(reopened.json).toMatchObject({ status: "inProgress", assignedTo: null, resolvedDateTime: null, lastUpdateDateTime: "2026-12-01T09:05:00.000Z" });
    expect(emulator.patches).toHaveLength(2);
  });

  it("refuses fields that cannot be updated, with 400 BadRequest", async () => {
    for (const body of [{ severity: "low" }, { customDetails: {} }, { comments: [] }, { title: "x" }, { Status: "resolved" }, { lastUpdateDateTime: "2026-12-01T00:00:00Z" }, { status: "resolved", toString: "x" }]) {
      expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, body), 400, "BadRequest");
    }
    expect(emulator.alerts[0]?.lastUpdateDateTime).toBe(endpointAlert.lastUpdateDateTime);
  });

  it("refuses enum values outside the schema, in another case, or the unknownFutureValue sentinel", async () => {
    for (const body of [
      { status: "Resolved" },
      { status: "active" },
      { status: "unknownFutureValue" },
      { classification: "TruePositive" },
      { classification: "benignPositive" },
      { determination: "Malware" },
      { assignedTo: 42 },
    ]) {
      expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, body), 400, "BadRequest");
    }
  });

  it("accepts the schema's four disputed determinations and refuses the update page's spellings", async () => {
    for (const [page, schema] of Object.entries(DOCUMENTATION_ONLY_DETERMINATIONS)) {
      expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, { determination: page }), 400, "BadRequest");
      const ok = await call("PATCH", `${ALERTS}/${endpointAlert.id}`, { determination: schema });
      expect(ok.status).toBe(200);
      expect(ok.json.determination).toBe(schema);
    }
  });

  it("refuses an empty body, a body that is not an object, a missing content type and an unknown id", async () => {
    expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, {}), 400, "BadRequest");
    expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, []), 400, "BadRequest");
    expectError(await call("PATCH", `${ALERTS}/${endpointAlert.id}`, "{"), 400, "BadRequest");
    const noType = await fetch(`${emulator.url}${ALERTS}/${endpointAlert.id}`, { method: "PATCH", headers: { authorization: "Bearer t" }, body: '{"status":"resolved"}' });
    expect(noType.status).toBe(415);
    expectError(await call("PATCH", `${ALERTS}/nope`, { status: "resolved" }), 404, "NotFound");
  });
});

describe("comments", () => {
  beforeEach(async () => {
    await start({}, sampleGraphAlerts());
  });

  const body = (comment: string): Record<string, string> => ({ "@odata.type": "microsoft.graph.security.alertComment", comment });

  it("appends a comment and answers 200 with the alert's whole comment list, signed and timed; lastUpdateDateTime moves", async () => {
    const first = await call("POST", `${ALERTS}/${phishingAlert.id}/comments`, body("Opened as issue #12"));
    expect(first.status).toBe(200);
    expect(first.json.value).toEqual([{ comment: "Opened as issue #12", createdByDisplayName: "defender-issues", createdDateTime: "2026-12-01T09:00:00.000Z" }]);
    clock = new Date("2026-12-01T09:01:00.000Z");
    const second = await call("POST", `${ALERTS}/${phishingAlert.id}/comments`, body("Closed"));
    expect(second.json.value.map((c: SecurityNamespace.AlertComment) => c.comment)).toEqual(["Opened as issue #12", "Closed"]);
    const alert = (await call("GET", `${ALERTS}/${phishingAlert.id}`)).json as GraphAlert;
    expect(alert.comments).toHaveLength(2);
    expect(alert.lastUpdateDateTime).toBe("2026-12-01T09:01:00.000Z");
  });

  it("signs with appDisplayName, or the token's app_displayname", async () => {
    await start({ appDisplayName: "SOC sync" }, [makeGraphAlert({ id: "A" })]);
    expect((await call("POST", `${ALERTS}/A/comments`, body("x"))).json.value[0].createdByDisplayName).toBe("SOC sync");
    await start({}, [makeGraphAlert({ id: "A" })]);
    const answer = await call("POST", `${ALERTS}/A/comments`, body("x"), bearer({ app_displayname: "Contoso SOC" }));
    expect(answer.json.value[0].createdByDisplayName).toBe("Contoso SOC");
  });

  it("refuses another @odata.type, extra fields, and a missing or empty comment", async () => {
    for (const bad of [
      { "@odata.type": "microsoft.graph.security.incident", comment: "x" },
      { ...body("x"), createdByDisplayName: "me" },
      { "@odata.type": "microsoft.graph.security.alertComment" },
      body("  "),
      { comment: 5 },
    ]) {
      expectError(await call("POST", `${ALERTS}/${phishingAlert.id}/comments`, bad), 400, "BadRequest");
    }
    expectError(await call("POST", `${ALERTS}/nope/comments`, body("x")), 404, "NotFound");
    expectError(await call("GET", `${ALERTS}/${phishingAlert.id}/comments`), 405, "MethodNotAllowed");
  });

  it("records an analyst's portal change like PATCH, with its own author", async () => {
    clock = new Date("2026-12-01T10:00:00.000Z");
    const after = emulator.portal(identityAlert.id, { status: "resolved", classification: "falsePositive", determination: "notMalicious", comment: "benign scan", by: "ana@contoso.com" });
    expect(after).toMatchObject({ status: "resolved", resolvedDateTime: "2026-12-01T10:00:00.000Z", lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    expect(after.comments?.at(-1)).toEqual({ comment: "benign scan", createdByDisplayName: "ana@contoso.com", createdDateTime: "2026-12-01T10:00:00.000Z" });
    expect(() => emulator.portal(identityAlert.id, { determination: "clean" as never })).toThrow(/determination/);
  });
});

describe("incidents", () => {
  beforeEach(async () => {
    await start({}, sampleGraphAlerts(), sampleGraphIncidents());
  });

  it("lists incidents newest first, and embeds each incident's alerts with $expand=alerts", async () => {
    const plain = await call("GET", INCIDENTS);
    expect(plain.json.value.map((i: GraphIncident) => i.id)).toEqual(["48230", "48213"]);
    expect(plain.json.value[0].alerts).toBeUndefined();
    const expanded = await call("GET", `${INCIDENTS}?$expand=alerts`);
    const incident = expanded.json.value.find((i: GraphIncident) => i.id === sampleIncident.id);
    expect(incident.alerts.map((a: GraphAlert) => a.id).sort()).toEqual([endpointAlert.id, identityAlert.id, phishingAlert.id].sort());
    expect(incident.alerts[0].evidence.length).toBeGreaterThan(0);
    const one = await call("GET", `${INCIDENTS}/48230?$expand=alerts`);
    expect(one.json.alerts.map((a: GraphAlert) => a.id)).toEqual([oauthAlert.id]);
    expectError(await call("GET", `${INCIDENTS}/1`), 404, "NotFound");
    expectError(await call("GET", `${INCIDENTS}?$expand=evidence`), 400, "BadRequest");
  });

  it("filters incidents on their documented fields, with incidentStatus members", async () => {
    const path = INCIDENTS;
    expect(ids(await filter("status eq 'active' and severity eq 'high'", path))).toEqual(["48213"]);
    expect(ids(await filter("lastUpdateDateTime ge 2026-11-30T08:30:00Z", path))).toEqual(["48230"]);
    expect(ids(await filter("createdDateTime lt 2026-11-30T08:30:00Z or assignedTo eq 'x'", path))).toEqual(["48213"]);
    expect(ids(await filter("classification eq null and determination eq null", path))).toEqual(["48213", "48230"]);
    expectError(await filter("status eq 'new'", path), 400, "BadRequest");
    expectError(await filter("serviceSource eq 'microsoftSentinel'", path), 400, "BadRequest");
    expectError(await filter("displayName eq 'x'", path), 400, "BadRequest");
  });

  it("lists the incidents updated within a window, newest created first, or by lastUpdateDateTime with $orderby", async () => {
    // The older incident was updated last: a window on lastUpdateDateTime finds it however old it is.
    emulator.incidents[0]!.lastUpdateDateTime = "2026-12-01T08:00:00.000Z";
    emulator.incidents[1]!.lastUpdateDateTime = "2026-11-30T23:00:00.000Z";
    const window = encodeURIComponent("lastUpdateDateTime ge 2026-11-30T12:00:00Z");
    const listed = await call("GET", `${INCIDENTS}?$filter=${window}&$expand=alerts`);
    expect(listed.json.value.map((i: GraphIncident) => i.id)).toEqual(["48230", "48213"]);
    const ordered = await call("GET", `${INCIDENTS}?$filter=${window}&$orderby=${encodeURIComponent("lastUpdateDateTime desc")}`);
    expect(ordered.json.value.map((i: GraphIncident) => i.id)).toEqual(["48213", "48230"]);
    const since = encodeURIComponent("lastUpdateDateTime gt 2026-11-30T23:00:00Z");
    expect(ids(await call("GET", `${INCIDENTS}?$filter=${since}`))).toEqual(["48213"]);
    expectError(await call("GET", `${INCIDENTS}?$filter=${encodeURIComponent("lastUpdateDateTime ge '2026-11-30T12:00:00Z'")}`), 400, "BadRequest");
  });

  it("expands each incident's alerts whole, with evidence and comments, their evolvable members hidden without the Prefer header", async () => {
    emulator.alerts.find((a) => a.id === sentinelAlert.id)!.incidentId = oauthIncident.id;
    const plain = await call("GET", `${INCIDENTS}?$expand=alerts`);
    const byId = new Map<string, GraphIncident & { alerts: GraphAlert[] }>(plain.json.value.map((i: GraphIncident & { alerts: GraphAlert[] }) => [i.id, i]));
    const fixtures = new Map(sampleGraphAlerts().map((a) => [a.id, a]));
    for (const alert of byId.get(sampleIncident.id)?.alerts ?? []) {
      expect(alert.evidence).toEqual(fixtures.get(alert.id)?.evidence);
      expect(alert.comments).toEqual([]);
    }
    const sentinel = byId.get(oauthIncident.id)?.alerts.find((a) => a.id === sentinelAlert.id);
    expect(sentinel?.serviceSource).toBe("unknownFutureValue");
    const preferred = await call("GET", `${INCIDENTS}/${oauthIncident.id}?$expand=alerts`, undefined, { prefer: "include-unknown-enum-members" });
    expect(preferred.json.alerts.map((a: GraphAlert) => [a.id, a.serviceSource])).toEqual([
      [sentinelAlert.id, "microsoftSentinel"],
      [oauthAlert.id, "microsoftDefenderForCloudApps"],
    ]);
  });

  it("shows incident statuses before unknownFutureValue as they are, redirected included, and awaitingAction only with the Prefer header", async () => {
    emulator.incidents[0]!.status = "redirected";
    emulator.incidents[0]!.redirectIncidentId = oauthIncident.id;
    emulator.incidents[1]!.status = "awaitingAction";
    const plain = (await call("GET", INCIDENTS)).json.value.map((i: GraphIncident) => [i.id, i.status]);
    expect(plain).toEqual([
      [oauthIncident.id, "unknownFutureValue"],
      [sampleIncident.id, "redirected"],
    ]);
    const preferred = (await call("GET", INCIDENTS, undefined, { prefer: "include-unknown-enum-members" })).json.value.map((i: GraphIncident) => i.status);
    expect(preferred).toEqual(["awaitingAction", "redirected"]);
  });

  it("pages incidents like alerts", async () => {
    const first = await call("GET", `${INCIDENTS}?$top=1&$expand=alerts`);
    expect(first.json.value).toHaveLength(1);
    const second = await call("GET", first.json["@odata.nextLink"]);
    expect(second.json.value.map((i: GraphIncident) => i.id)).toEqual(["48213"]);
    expect(second.json.value[0].alerts).toHaveLength(3);
    expect(second.json["@odata.nextLink"]).toBeUndefined();
  });
});

describe("PATCH /incidents/{id}", () => {
  const INCIDENT = `${INCIDENTS}/${sampleIncident.id}`;
  const stored = (id = sampleIncident.id): GraphIncident | undefined => emulator.incidents.find((i) => i.id === id);

  beforeEach(async () => {
    await start({}, sampleGraphAlerts(), sampleGraphIncidents());
  });

  it("applies status, classification, determination, assignedTo, customTags and resolvingComment, and answers the updated incident", async () => {
    const answer = await call(
      "PATCH",
      INCIDENT,
      {
        status: "inProgress",
        classification: "truePositive",
        determination: "multiStagedAttack",
        assignedTo: "soc@contoso.com",
        customTags: ["defender-issues", "ticket-12"],
        resolvingComment: "Tracked in issue #12",
      },
      bearer({ appid: "4a0b1c2d-0000-4a5b-8c6d-7e8f9a0b1c2d" }),
    );
    expect(answer.status).toBe(200);
    expect(answer.json["@odata.context"]).toMatch(/\$metadata#security\/incidents\/\$entity$/);
    expect(answer.json).toMatchObject({
      id: sampleIncident.id,
      status: "inProgress",
      classification: "truePositive",
      determination: "multiStagedAttack",
      assignedTo: "soc@contoso.com",
      customTags: ["defender-issues", "ticket-12"],
      resolvingComment: "Tracked in issue #12",
      lastUpdateDateTime: "2026-12-01T09:00:00.000Z",
      lastModifiedBy: "API-App:4a0b1c2d-0000-4a5b-8c6d-7e8f9a0b1c2d",
      displayName: sampleIncident.displayName,
      severity: "high",
    });
    expect(answer.json.alerts).toBeUndefined();
    expect(emulator.incidentPatches).toEqual([{ id: sampleIncident.id, body: expect.objectContaining({ status: "inProgress" }) }]);
    clock = new Date("2026-12-01T09:05:00.000Z");
    const cleared = await call("PATCH", INCIDENT, { assignedTo: null, customTags: [] });
    expect(cleared.json).toMatchObject({ assignedTo: null, customTags: [], status: "inProgress", lastUpdateDateTime: "2026-12-01T09:05:00.000Z" });
  });

  it("resolving an incident resolves each of its alerts with its classification and determination; other incidents' alerts stay", async () => {
    clock = new Date("2026-12-01T10:00:00.000Z");
    const answer = await call("PATCH", INCIDENT, { status: "resolved", classification: "truePositive", determination: "malware" });
    expect(answer.json).toMatchObject({ status: "resolved", lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    const mine = emulator.alerts.filter((a) => a.incidentId === sampleIncident.id);
    expect(mine).toHaveLength(3);
    for (const alert of mine) {
      expect(alert).toMatchObject({
        status: "resolved",
        classification: "truePositive",
        determination: "malware",
        resolvedDateTime: "2026-12-01T10:00:00.000Z",
        lastUpdateDateTime: "2026-12-01T10:00:00.000Z",
      });
    }
    const read = await call("GET", `${ALERTS}/${phishingAlert.id}`);
    expect(read.json).toMatchObject({ status: "resolved", classification: "truePositive" });
    expect(emulator.alerts.find((a) => a.id === oauthAlert.id)).toEqual(oauthAlert);
    // Reopening the incident leaves its alerts resolved.
    clock = new Date("2026-12-01T11:00:00.000Z");
    await call("PATCH", INCIDENT, { status: "active" });
    expect(stored()?.status).toBe("active");
    expect(emulator.alerts.filter((a) => a.incidentId === sampleIncident.id).map((a) => a.status)).toEqual(["resolved", "resolved", "resolved"]);
  });

  it("resolving without a classification keeps each alert's own", async () => {
    emulator.alerts.find((a) => a.id === identityAlert.id)!.classification = "falsePositive";
    await call("PATCH", INCIDENT, { status: "resolved" });
    const classes = Object.fromEntries(emulator.alerts.filter((a) => a.incidentId === sampleIncident.id).map((a) => [a.id, a.classification]));
    expect(classes).toEqual({ [endpointAlert.id]: null, [phishingAlert.id]: null, [identityAlert.id]: "falsePositive" });
  });

  it("refuses read-only and unknown properties with 400 BadRequest, and changes nothing", async () => {
    for (const body of [
      { severity: "low" },
      { displayName: "x" },
      { summary: "x" },
      { description: "x" },
      { redirectIncidentId: "1" },
      { lastUpdateDateTime: "2026-12-01T00:00:00Z" },
      { comments: [] },
      { systemTags: [] },
      { alerts: [] },
      { Status: "resolved" },
      { toString: "x" },
      { status: "resolved", title: "x" },
    ]) {
      expectError(await call("PATCH", INCIDENT, body), 400, "BadRequest");
    }
    expect(stored()).toEqual(sampleIncident);
    expect(emulator.incidentPatches).toEqual([]);
  });

  it("refuses enum values outside the schema or in another case, the update page's determination spellings, and 'redirected'", async () => {
    for (const body of [
      { status: "Resolved" },
      { status: "new" },
      { status: "closed" },
      { status: "redirected" },
      { classification: "TruePositive" },
      { classification: "benignPositive" },
      { determination: "MultiStagedAttack" },
      ...Object.keys(DOCUMENTATION_ONLY_DETERMINATIONS).map((determination) => ({ determination })),
      { assignedTo: 42 },
      { resolvingComment: ["x"] },
      { customTags: "x" },
      { customTags: [1] },
      { customTags: null },
    ]) {
      expectError(await call("PATCH", INCIDENT, body), 400, "BadRequest");
    }
    for (const determination of Object.values(DOCUMENTATION_ONLY_DETERMINATIONS)) {
      expect((await call("PATCH", INCIDENT, { determination })).json.determination).toBe(determination);
    }
  });

  it("takes the evolvable status awaitingAction only with the Prefer header, and treats unknownFutureValue as absent", async () => {
    expectError(await call("PATCH", INCIDENT, { status: "awaitingAction" }), 400, "BadRequest");
    const prefer = { prefer: "include-unknown-enum-members" };
    const awaiting = await call("PATCH", INCIDENT, { status: "awaitingAction" }, prefer);
    expect(awaiting.json.status).toBe("awaitingAction");
    expect((await call("GET", INCIDENT)).json.status).toBe("unknownFutureValue");
    clock = new Date("2026-12-01T09:30:00.000Z");
    const partial = await call("PATCH", INCIDENT, { status: "unknownFutureValue", assignedTo: "soc@contoso.com" }, prefer);
    expect(partial.json).toMatchObject({ status: "awaitingAction", assignedTo: "soc@contoso.com", lastUpdateDateTime: "2026-12-01T09:30:00.000Z" });
    clock = new Date("2026-12-01T09:45:00.000Z");
    const nothing = await call("PATCH", INCIDENT, { classification: "unknownFutureValue" });
    expect(nothing.status).toBe(200);
    expect(nothing.json).toMatchObject({ classification: null, lastUpdateDateTime: "2026-12-01T09:30:00.000Z" });
  });

  it("refuses an empty body, a body that is not an object, a missing content type and query options; 404 for an unknown incident; 405 for other methods", async () => {
    expectError(await call("PATCH", INCIDENT, {}), 400, "BadRequest");
    expectError(await call("PATCH", INCIDENT, []), 400, "BadRequest");
    expectError(await call("PATCH", INCIDENT, "{"), 400, "BadRequest");
    expectError(await call("PATCH", `${INCIDENT}?$expand=alerts`, { status: "resolved" }), 400, "BadRequest");
    const noType = await fetch(`${emulator.url}${INCIDENT}`, { method: "PATCH", headers: { authorization: "Bearer t" }, body: '{"status":"resolved"}' });
    expect(noType.status).toBe(415);
    expectError(await call("PATCH", `${INCIDENTS}/99999`, { status: "resolved" }), 404, "NotFound");
    expectError(await call("PUT", INCIDENT, { status: "resolved" }), 405, "MethodNotAllowed");
    expectError(await call("DELETE", INCIDENT), 405, "MethodNotAllowed");
    expectError(await call("PATCH", INCIDENTS, { status: "resolved" }), 405, "MethodNotAllowed");
    expect(stored()).toEqual(sampleIncident);
  });
});

describe("incident comments", () => {
  const COMMENTS = `${INCIDENTS}/${sampleIncident.id}/comments`;
  const body = (comment: string): Record<string, string> => ({ "@odata.type": "microsoft.graph.security.alertComment", comment });

  beforeEach(async () => {
    await start({}, sampleGraphAlerts(), sampleGraphIncidents());
  });

  it("appends a comment signed by the app and answers 200 with the incident's whole comment list; lastUpdateDateTime moves", async () => {
    const first = await call("POST", COMMENTS, body("Opened as issue #12"), bearer({ appid: "app-1", app_displayname: "Contoso SOC" }));
    expect(first.status).toBe(200);
    expect(first.json["@odata.context"]).toMatch(/Collection\(microsoft\.graph\.security\.alertComment\)$/);
    expect(first.json.value).toEqual([{ comment: "Opened as issue #12", createdByDisplayName: "Contoso SOC", createdDateTime: "2026-12-01T09:00:00.000Z" }]);
    clock = new Date("2026-12-01T09:01:00.000Z");
    const second = await call("POST", COMMENTS, body("Closed"));
    expect(second.json.value.map((c: SecurityNamespace.AlertComment) => [c.comment, c.createdByDisplayName])).toEqual([
      ["Opened as issue #12", "Contoso SOC"],
      ["Closed", "defender-issues"],
    ]);
    const incident = (await call("GET", `${INCIDENTS}/${sampleIncident.id}`)).json as GraphIncident;
    expect(incident.comments).toHaveLength(2);
    expect(incident.lastUpdateDateTime).toBe("2026-12-01T09:01:00.000Z");
    expect(incident.lastModifiedBy).toBe("API-App:app-1");
    // The incident's alerts keep their own comments.
    expect(emulator.alerts.every((a) => a.comments?.length === 0)).toBe(true);
  });

  it("refuses another @odata.type, extra fields, a missing or empty comment; 404 for an unknown incident; 405 for GET", async () => {
    for (const bad of [
      { "@odata.type": "microsoft.graph.security.incident", comment: "x" },
      { ...body("x"), createdByDisplayName: "me" },
      { "@odata.type": "microsoft.graph.security.alertComment" },
      body(""),
      { comment: 5 },
      [],
    ]) {
      expectError(await call("POST", COMMENTS, bad), 400, "BadRequest");
    }
    expectError(await call("POST", `${INCIDENTS}/99999/comments`, body("x")), 404, "NotFound");
    expectError(await call("GET", COMMENTS), 405, "MethodNotAllowed");
    expect(emulator.incidents[0]).toEqual(sampleIncident);
  });

  it("with checkRoles, requires SecurityIncident.ReadWrite.All", async () => {
    await start({ checkRoles: true }, [], sampleGraphIncidents());
    const as = (roles: string[]): Record<string, string> => bearer({ aud: "https://graph.microsoft.com", roles });
    expectError(await call("POST", COMMENTS, body("x"), as(["SecurityIncident.Read.All", "SecurityAlert.ReadWrite.All"])), 403, "Forbidden");
    expect((await call("POST", COMMENTS, body("x"), as(["SecurityIncident.ReadWrite.All"]))).status).toBe(200);
  });
});

describe("portal changes to an incident", () => {
  beforeEach(async () => {
    await start({}, sampleGraphAlerts(), sampleGraphIncidents());
  });

  it("records an analyst's change like PATCH, with the analyst as author and lastModifiedBy, at the given time", async () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    const after = emulator.portalIncident(sampleIncident.id, {
      status: "resolved",
      classification: "truePositive",
      determination: "compromisedAccount",
      assignedTo: "ana@contoso.com",
      comment: "Password reset for jdoe",
      by: "ana@contoso.com",
      at,
    });
    expect(after).toMatchObject({
      status: "resolved",
      classification: "truePositive",
      determination: "compromisedAccount",
      assignedTo: "ana@contoso.com",
      lastModifiedBy: "ana@contoso.com",
      lastUpdateDateTime: "2026-12-01T10:00:00.000Z",
    });
    expect(after.comments).toEqual([{ comment: "Password reset for jdoe", createdByDisplayName: "ana@contoso.com", createdDateTime: "2026-12-01T10:00:00.000Z" }]);
    expect(emulator.alerts.filter((a) => a.incidentId === sampleIncident.id).map((a) => [a.status, a.determination, a.resolvedDateTime])).toEqual([
      ["resolved", "compromisedAccount", "2026-12-01T10:00:00.000Z"],
      ["resolved", "compromisedAccount", "2026-12-01T10:00:00.000Z"],
      ["resolved", "compromisedAccount", "2026-12-01T10:00:00.000Z"],
    ]);
    // A client reading changes since its last run sees it.
    expect(ids(await filter("lastUpdateDateTime gt 2026-12-01T09:59:59Z", INCIDENTS))).toEqual([sampleIncident.id]);
    expect((await call("GET", `${INCIDENTS}/${sampleIncident.id}`)).json.comments[0].createdByDisplayName).toBe("ana@contoso.com");
    // The returned incident is a copy.
    after.status = "active";
    expect(emulator.incidents[0]?.status).toBe("resolved");
  });

  it("a comment alone moves lastUpdateDateTime, on the clock by default", () => {
    clock = new Date("2026-12-01T12:00:00.000Z");
    const after = emulator.portalIncident(oauthIncident.id, { comment: "Looking into it" });
    expect(after).toMatchObject({ status: "active", lastUpdateDateTime: "2026-12-01T12:00:00.000Z", lastModifiedBy: "analyst@contoso.com" });
    expect(after.comments?.at(-1)?.createdByDisplayName).toBe("analyst@contoso.com");
  });

  it("refuses what PATCH refuses, an empty comment and a merged incident, by throwing", () => {
    expect(() => emulator.portalIncident(sampleIncident.id, { determination: "clean" as never })).toThrow(/determination/);
    expect(() => emulator.portalIncident(sampleIncident.id, { status: "redirected" as never })).toThrow(/redirected/);
    expect(() => emulator.portalIncident(sampleIncident.id, { comment: " " })).toThrow(/comment/);
    expect(() => emulator.portalIncident("99999", { status: "resolved" })).toThrow(/99999/);
    emulator.merge(sampleIncident.id, oauthIncident.id);
    expect(() => emulator.portalIncident(sampleIncident.id, { assignedTo: "x" })).toThrow(/merged/);
    expect(emulator.incidents[0]?.assignedTo).toBeNull();
  });

  it("is typed so that only what a PATCH could set compiles", () => {
    // @ts-expect-error 'redirected' comes only from a merge
    const redirected: PortalIncidentChange = { status: "redirected" };
    // @ts-expect-error 'severity' is Defender's to set
    const severity: PortalIncidentChange = { severity: "low" };
    // @ts-expect-error 'clean' is the update page's spelling, not the schema's
    const clean: PortalIncidentChange = { determination: "clean" };
    expect([redirected, severity, clean]).toHaveLength(3);
  });
});

describe("merges and correlation", () => {
  const A = sampleIncident.id; // high, three alerts
  const B = oauthIncident.id; // low, the OAuth alert
  const C = "48250";
  const incident = (id: string): GraphIncident | undefined => emulator.incidents.find((i) => i.id === id);
  const alertIds = (id: string): string[] => emulator.alerts.filter((a) => a.incidentId === id).map((a) => a.id).sort();
  const prefer = { prefer: "include-unknown-enum-members" };

  beforeEach(async () => {
    const third: GraphIncident = {
      ...structuredClone(oauthIncident),
      id: C,
      displayName: "Suspicious sign-ins to the OAuth app",
      incidentWebUrl: oauthIncident.incidentWebUrl?.replace(B, C) ?? null,
    };
    await start({}, sampleGraphAlerts(), [...sampleGraphIncidents(), third]);
  });

  it("merging redirects the merged incident to the survivor and moves its alerts there, with the survivor's link", async () => {
    clock = new Date("2026-12-01T10:00:00.000Z");
    const { merged, survivor } = emulator.merge(A, B);
    expect(merged).toMatchObject({ id: A, status: "redirected", redirectIncidentId: B, lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    expect(survivor).toMatchObject({ id: B, status: "active", redirectIncidentId: null, severity: "high", lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    expect(alertIds(A)).toEqual([]);
    expect(alertIds(B)).toEqual([endpointAlert.id, phishingAlert.id, identityAlert.id, oauthAlert.id].sort());
    for (const alert of emulator.alerts.filter((a) => a.incidentId === B)) expect(alert.incidentWebUrl).toBe(oauthIncident.incidentWebUrl);
    // The alerts' own lastUpdateDateTime stay.
    expect(emulator.alerts.find((a) => a.id === phishingAlert.id)?.lastUpdateDateTime).toBe(phishingAlert.lastUpdateDateTime);

    const read = await call("GET", `${INCIDENTS}/${A}?$expand=alerts`);
    expect(read.json).toMatchObject({ status: "redirected", redirectIncidentId: B, alerts: [] });
    expect((await call("GET", `${INCIDENTS}/${B}?$expand=alerts`)).json.alerts).toHaveLength(4);
    expect(ids(await filter("status eq 'redirected'", INCIDENTS))).toEqual([A]);
    expect(ids(await filter("lastUpdateDateTime ge 2026-12-01T09:30:00Z", INCIDENTS))).toEqual([A, B]);
  });

  it("keeps a chain of merges: A into B, later B into C leaves A redirected to B, B to C, and every alert under C", async () => {
    clock = new Date("2026-12-01T10:00:00.000Z");
    emulator.merge(A, B);
    clock = new Date("2026-12-01T11:00:00.000Z");
    emulator.merge(B, C);
    expect(incident(A)).toMatchObject({ status: "redirected", redirectIncidentId: B, lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    expect(incident(B)).toMatchObject({ status: "redirected", redirectIncidentId: C, lastUpdateDateTime: "2026-12-01T11:00:00.000Z" });
    expect(incident(C)).toMatchObject({ status: "active", redirectIncidentId: null, severity: "high", lastUpdateDateTime: "2026-12-01T11:00:00.000Z" });
    expect(alertIds(C)).toHaveLength(4);
    for (const alert of emulator.alerts.filter((a) => a.incidentId === C)) expect(alert.incidentWebUrl).toBe(incident(C)?.incidentWebUrl);
  });

  it("refuses a merge into itself, of a merged incident, into a merged incident, or of an unknown one", () => {
    expect(() => emulator.merge(A, A)).toThrow(/itself/);
    expect(() => emulator.merge(A, "99999")).toThrow(/99999/);
    emulator.merge(A, B);
    expect(() => emulator.merge(A, C)).toThrow(/merged into incident '48230'/);
    expect(() => emulator.merge(C, A)).toThrow(/merged into incident '48230'/);
  });

  it("refuses PATCH and comments on a merged incident with 400 BadRequest naming the survivor; it still reads", async () => {
    emulator.merge(A, B);
    const patch = await call("PATCH", `${INCIDENTS}/${A}`, { status: "resolved" });
    expectError(patch, 400, "BadRequest");
    expect(patch.json.error.message).toContain(B);
    expectError(await call("POST", `${INCIDENTS}/${A}/comments`, { comment: "x" }), 400, "BadRequest");
    expect((await call("GET", `${INCIDENTS}/${A}`)).status).toBe(200);
    expect(incident(A)?.status).toBe("redirected");
  });

  it("correlating a new alert into an older incident moves its lastUpdateDateTime into a listing window and raises its severity", async () => {
    const window = "lastUpdateDateTime ge 2026-12-01T00:00:00Z";
    expect(ids(await filter(window, INCIDENTS))).toEqual([]);
    clock = new Date("2026-12-01T10:00:00.000Z");
    const joined = makeGraphAlert({ id: "da638999000000000000_1", incidentId: B, severity: "medium", createdDateTime: "2026-12-01T09:58:00.000Z" });
    const after = emulator.correlate(joined);
    expect(after).toMatchObject({ id: B, severity: "medium", lastUpdateDateTime: "2026-12-01T10:00:00.000Z" });
    expect(ids(await filter(window, INCIDENTS))).toEqual([B]);
    const expanded = await call("GET", `${INCIDENTS}?$expand=alerts&$filter=${encodeURIComponent(window)}`, undefined, prefer);
    expect(expanded.json.value[0].alerts.map((a: GraphAlert) => a.id)).toEqual([joined.id, oauthAlert.id]);
    expect(() => emulator.correlate(joined)).toThrow(/already stored/);
    expect(() => emulator.correlate(makeGraphAlert({ id: "X", incidentId: "99999" }))).toThrow(/99999/);
    expect(() => emulator.correlate(makeGraphAlert({ id: "Y" }))).toThrow(/no incident/);
  });
});

describe("sample alerts and incidents", () => {
  const samples = sampleGraphAlerts();

  it("cover an endpoint alert with the Endpoint API's id, a phishing e-mail, an identity alert and a cloud-apps OAuth alert", () => {
    expect(endpointAlert.id).toMatch(/^da\d{18}_-?\d+$/);
    expect(endpointAlert.providerAlertId).toBe(endpointAlert.id);
    const types = (alert: GraphAlert): string[] => (alert.evidence ?? []).map((e) => e["@odata.type"]);
    expect(types(endpointAlert)).toEqual(
      expect.arrayContaining(["deviceEvidence", "userEvidence", "fileEvidence", "processEvidence", "ipEvidence", "urlEvidence", "registryKeyEvidence", "registryValueEvidence"].map((t) => `#microsoft.graph.security.${t}`)),
    );
    expect(types(phishingAlert)).toEqual(expect.arrayContaining(["#microsoft.graph.security.analyzedMessageEvidence", "#microsoft.graph.security.mailboxEvidence"]));
    expect(identityAlert.serviceSource).toBe("microsoftDefenderForIdentity");
    expect(types(oauthAlert)).toEqual(expect.arrayContaining(["#microsoft.graph.security.oauthApplicationEvidence", "#microsoft.graph.security.cloudApplicationEvidence"]));
    expect(new Set(samples.map((a) => a.id)).size).toBe(samples.length);
  });

  it("are fresh copies each time, and the incident holds several of them", () => {
    const copy = sampleGraphAlerts();
    copy[0]!.status = "resolved";
    expect(sampleGraphAlerts()[0]?.status).toBe("new");
    expect(samples.filter((a) => a.incidentId === sampleIncident.id)).toHaveLength(3);
  });

  it("are checked by the compiler against Microsoft's schema types", () => {
    // @ts-expect-error 'critical' is not an alertSeverity
    makeGraphAlert({ id: "x", severity: "critical" });
    // @ts-expect-error 'compromisedUser' is the update page's spelling, not the schema's
    makeGraphAlert({ id: "x", determination: "compromisedUser" });
    // @ts-expect-error 'computerDnsName' is an Endpoint API field, not a Graph alert field
    makeGraphAlert({ id: "x", computerDnsName: "host" });
    // @ts-expect-error deviceEvidence has no 'deviceName'
    makeGraphAlert({ id: "x", evidence: [{ "@odata.type": "#microsoft.graph.security.deviceEvidence", deviceName: "h" }] });
    // @ts-expect-error 'New' is not an incidentStatus
    const incident: GraphIncident = { id: "1", status: "New" };
    expect(incident.id).toBe("1");
  });
});
