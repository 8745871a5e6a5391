// Self-tests for the Defender emulator: if these pass, the action's tests run against a service that
// is as strict as the reference says the real one is.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { APP_COMMENT_AUTHOR, DefenderEmulator, PORTAL_ANALYST } from "./defender.ts";
import { isoToTicks } from "./wire.ts";
import type { Alert, DefenderEmulatorOptions } from "./defender.ts";
import { alertIdFor, makeAlert, sampleAlerts } from "./sample-alerts.ts";

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

let emulator: DefenderEmulator;

async function start(options: DefenderEmulatorOptions = {}, alerts: Alert[] = []): Promise<DefenderEmulator> {
  await emulator?.stop();
  emulator = new DefenderEmulator(options);
  emulator.alerts = alerts;
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
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

function list(query: string): Promise<Answer> {
  return call("GET", `/api/alerts?${query}`);
}

function filter(expression: string): Promise<Answer> {
  return list(`$filter=${encodeURIComponent(expression)}`);
}

function ids(answer: Answer): string[] {
  return (answer.json.value as Alert[]).map((a) => a.id).sort();
}

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.json.error.code).toBe(code);
  expect(answer.json.error.target).toMatch(GUID_RE);
}

beforeEach(async () => {
  await start();
});

afterEach(async () => {
  await emulator.stop();
});

describe("$filter", () => {
  const a = makeAlert({ id: "A", status: "New", severity: "High", assignedTo: "O'Brien@contoso.com", incidentId: 48213 });
  const b = makeAlert({ id: "B", status: "New", severity: "Low", assignedTo: null, incidentId: 7 });
  const c = makeAlert({ id: "C", status: "Resolved", severity: "High", assignedTo: "soc@contoso.com", incidentId: 7 });

  beforeEach(async () => {
    await start({}, [a, b, c]);
  });

  it("gives 'and' precedence over 'or'", async () => {
    // Left-to-right evaluation would give (High or New) and Low = [B].
    expect(ids(await filter("severity eq 'High' or status eq 'New' and severity eq 'Low'"))).toEqual(["A", "B", "C"]);
    expect(ids(await filter("(severity eq 'High' or status eq 'New') and severity eq 'Low'"))).toEqual(["B"]);
  });

  it("gives 'not' precedence over 'and' and requires parentheses after it", async () => {
    // not (New) and High = [C]; a loosely binding not would give not (New and High) = [B, C].
    expect(ids(await filter("not (status eq 'New') and severity eq 'High'"))).toEqual(["C"]);
    expect(ids(await filter("not not (status eq 'New')"))).toEqual(["A", "B"]);
    expectError(await filter("not status eq 'New'"), 400, "ODataError");
  });

  it("reads '' inside a quoted string as one quote", async () => {
    expect(ids(await filter("assignedTo eq 'O''Brien@contoso.com'"))).toEqual(["A"]);
    expectError(await filter("assignedTo eq 'O'Brien@contoso.com'"), 400, "ODataError");
  });

  it("compares integers, nulls and literals on either side", async () => {
    expect(ids(await filter("incidentId eq 7"))).toEqual(["B", "C"]);
    expect(ids(await filter("48213 le incidentId"))).toEqual(["A"]);
    expect(ids(await filter("assignedTo eq null"))).toEqual(["B"]);
    expect(ids(await filter("assignedTo ne null and id ne 'C'"))).toEqual(["A"]);
  });

  it("compares datetimes as instants with sub-millisecond precision and offsets", async () => {
    await start({}, [
      makeAlert({ id: "early", alertCreationTime: "2024-01-15T09:46:07.89Z" }),
      makeAlert({ id: "late", alertCreationTime: "2024-01-15T09:46:07.8901234Z" }),
    ]);
    expect(ids(await filter("alertCreationTime gt 2024-01-15T09:46:07.89Z"))).toEqual(["late"]);
    expect(ids(await filter("alertCreationTime ge 2024-01-15T09:46:07.89Z"))).toEqual(["early", "late"]);
    expect(ids(await filter("alertCreationTime lt 2024-01-15T10:46:07.8901234+01:00"))).toEqual(["early"]);
    expect(ids(await filter("alertCreationTime le 2024-01-15T10:46:07.8901234+01:00"))).toEqual(["early", "late"]);
    expect(isoToTicks("2024-01-15T09:46:07.8901234Z")! - isoToTicks("2024-01-15T09:46:07.89Z")!).toBe(1234n);
  });

  it.each([
    ["an unknown property", "title eq 'x'"],
    ["the in operator", "status in ('New','InProgress')"],
    ["a function", "contains(title,'LSASS')"],
    ["a missing operand", "status eq"],
    ["an unterminated string", "status eq 'New"],
    ["an unbalanced parenthesis", "(status eq 'New'"],
    ["a trailing token", "status eq 'New' 'x'"],
    ["an upper-case keyword", "status eq 'New' OR status eq 'Resolved'"],
    ["an enum value in the wrong case", "severity eq 'high'"],
    ["a property name in the wrong case", "Status eq 'New'"],
    ["a wrong-case status value", "status eq 'resolved'"],
    ["an ordering comparison on an enum", "severity ge 'Medium'"],
    ["a quoted datetime", "alertCreationTime gt '2024-01-15T00:00:00Z'"],
    ["a string compared with a number", "incidentId eq '7'"],
    ["an empty expression", " "],
  ])("rejects %s with 400 ODataError", async (_name, expression) => {
    expectError(await filter(expression), 400, "ODataError");
  });

  it.each(["$orderby=alertCreationTime desc", "$select=id", "$count=true", "$top=0", "$top=10001", "$top=ten", "$skip=-1", "$expand=machine", "$top=5&$top=6"])(
    "rejects the query option %s with 400 ODataError",
    async (query) => {
      expectError(await list(query), 400, "ODataError");
    },
  );

  it("accepts $top up to 10,000", async () => {
    expect((await list("$top=10000")).status).toBe(200);
    expectError(await list("$top=10001"), 400, "ODataError");
  });

  it("serves the versioned path too", async () => {
    const answer = await call("GET", `/api/v1.0/alerts?$filter=${encodeURIComponent("id eq 'B'")}`);
    expect(answer.status).toBe(200);
    expect(ids(answer)).toEqual(["B"]);
  });
});

describe("paging", () => {
  const base = Date.parse("2024-03-01T00:00:00Z");
  const alerts = Array.from({ length: 25 }, (_, i) => {
    const created = new Date(base + i * 60_000);
    return makeAlert({ id: alertIdFor(created, `page-${i}`), alertCreationTime: created.toISOString() });
  });
  const allIds = alerts.map((a) => a.id).sort();

  it("pages with $top/$skip over a stable order that is not chronological, without nextLink", async () => {
    await start({}, alerts);
    const pages = await Promise.all([0, 10, 20].map((skip) => list(`$top=10&$skip=${skip}`)));
    expect(pages.map((p) => p.json.value.length)).toEqual([10, 10, 5]);
    expect(pages.every((p) => !("@odata.nextLink" in p.json))).toBe(true);
    const seen = pages.flatMap((p) => (p.json.value as Alert[]).map((a) => a.id));
    expect([...seen].sort()).toEqual(allIds);
    const times = (await list("$top=25")).json.value.map((a: Alert) => a["alertCreationTime"] as string);
    expect(times).not.toEqual([...times].sort());
    expect((await list("$top=25")).json.value.map((a: Alert) => a.id)).toEqual(seen);
  });

  it("cuts a list without $top at the page size and links to the rest, keeping the filter", async () => {
    await start({ pageSizeWithoutTop: 10 }, alerts);
    const first = await filter("status eq 'New'");
    expect(first.json["@odata.context"]).toBe(`${emulator.url}/api/$metadata#Alerts`);
    expect(first.json.value).toHaveLength(10);
    const link = first.json["@odata.nextLink"] as string;
    expect(link.startsWith(`${emulator.url}/api/alerts?`)).toBe(true);
    expect(new URL(link).searchParams.get("$filter")).toBe("status eq 'New'");
    expect(new URL(link).searchParams.get("$skip")).toBe("10");
    const second = await call("GET", link);
    const third = await call("GET", second.json["@odata.nextLink"] as string);
    expect(third.json.value).toHaveLength(5);
    expect(third.json["@odata.nextLink"]).toBeUndefined();
    const seen = [first, second, third].flatMap((p) => (p.json.value as Alert[]).map((a) => a.id));
    expect(seen.sort()).toEqual(allIds);
  });

  it("returns evidence only when expanded", async () => {
    await start({}, alerts.slice(0, 1));
    expect("evidence" in (await list("$top=1")).json.value[0]).toBe(false);
    expect((await list("$top=1&$expand=evidence")).json.value[0].evidence).toHaveLength(2);
  });
});

describe("GET /api/alerts/{id} and authentication", () => {
  it("returns one alert or 404 NotFound", async () => {
    await start({}, [makeAlert({ id: "da637472900382838869_1364969609" })]);
    const found = await call("GET", "/api/alerts/da637472900382838869_1364969609");
    expect(found.status).toBe(200);
    expect(found.json.id).toBe("da637472900382838869_1364969609");
    expectError(await call("GET", "/api/alerts/da637472900382838869_1"), 404, "NotFound");
  });

  it("answers 401 without a bearer token or with a refused one", async () => {
    await start({ acceptToken: (t) => t === "good" });
    expectError(await call("GET", "/api/alerts", undefined, { authorization: "" }), 401, "Unauthorized");
    expectError(await call("GET", "/api/alerts", undefined, { authorization: "Bearer bad" }), 401, "Unauthorized");
    expect((await call("GET", "/api/alerts", undefined, { authorization: "Bearer good" })).status).toBe(200);
    expect(emulator.requests.map((r) => [r.authorization, r.status])).toEqual([
      ["", 401],
      ["Bearer bad", 401],
      ["Bearer good", 200],
    ]);
  });

  const jwt = (roles: string[], aud = "https://api.securitycenter.microsoft.com"): string =>
    ["{}", JSON.stringify({ aud, roles })].map((p) => Buffer.from(p).toString("base64url")).join(".") + ".sig";

  it("answers 403 when checkRoles is on and the token lacks the role", async () => {
    await start({ checkRoles: true }, [makeAlert({ id: "A" })]);
    const readOnly = { authorization: `Bearer ${jwt(["Alert.Read.All"])}` };
    expect((await call("GET", "/api/alerts", undefined, readOnly)).status).toBe(200);
    expectError(await call("PATCH", "/api/alerts/A", { status: "Resolved" }, readOnly), 403, "Forbidden");
    const readWrite = { authorization: `Bearer ${jwt(["Alert.ReadWrite.All"])}` };
    expect((await call("PATCH", "/api/alerts/A", { status: "Resolved" }, readWrite)).status).toBe(200);
  });

  it("answers 403 when checkRoles is on and the token is for another resource, such as Graph", async () => {
    await start({ checkRoles: true }, [makeAlert({ id: "A" })]);
    const roles = ["Alert.ReadWrite.All"];
    for (const aud of ["https://graph.microsoft.com", "https://api.security.microsoft.com", "00000003-0000-0000-c000-000000000000"]) {
      const answer = await call("GET", "/api/alerts", undefined, { authorization: `Bearer ${jwt(roles, aud)}` });
      expectError(answer, 403, "Forbidden");
      expect(answer.json.error.message).toContain(aud);
    }
    for (const aud of ["https://api.securitycenter.microsoft.com", "https://securitycenter.onmicrosoft.com/windowsatpservice"]) {
      expect((await call("GET", "/api/alerts", undefined, { authorization: `Bearer ${jwt(roles, aud)}` })).status).toBe(200);
    }
    await start({ checkRoles: true, audiences: ["https://api-gov.securitycenter.microsoft.us"] }, []);
    expectError(await call("GET", "/api/alerts", undefined, { authorization: `Bearer ${jwt(roles)}` }), 403, "Forbidden");
    const gov = { authorization: `Bearer ${jwt(roles, "https://api-gov.securitycenter.microsoft.us")}` };
    expect((await call("GET", "/api/alerts", undefined, gov)).status).toBe(200);
  });
});

describe("call limits", () => {
  const clock = { now: new Date("2024-05-01T12:00:00.000Z") };
  const at = (ms: number): void => {
    clock.now = new Date(Date.parse("2024-05-01T12:00:00.000Z") + ms);
  };

  beforeEach(async () => {
    at(0);
    await start({ now: () => clock.now }, [makeAlert({ id: "A" })]);
  });

  it("answers the 101st list or get call within a minute with 429 and Retry-After", async () => {
    for (let i = 0; i < 100; i++) {
      at(i * 100);
      expect((await call("GET", i % 2 ? "/api/alerts/A" : "/api/alerts")).status).toBe(200);
    }
    at(30_000);
    const limited = await call("GET", "/api/alerts");
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("30");
    expectError(await call("GET", "/api/alerts/A"), 429, "TooManyRequests");
    // PATCH has a budget of its own.
    expect((await call("PATCH", "/api/alerts/A", { comment: "x" })).status).toBe(200);
    at(60_001);
    expect((await call("GET", "/api/alerts")).status).toBe(200);
  });

  it("answers the 101st PATCH within a minute with 429", async () => {
    for (let i = 0; i < 100; i++) {
      at(i * 100);
      expect((await call("PATCH", "/api/alerts/A", { comment: `c${i}` })).status).toBe(200);
    }
    const limited = await call("PATCH", "/api/alerts/A", { comment: "c100" });
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("51");
    expect(emulator.patches).toHaveLength(100);
  });

  it("answers the 1,501st list, get or PATCH call within an hour with 429", async () => {
    await start({ now: () => clock.now, callLimits: { read: { perMinute: 1000, perHour: 1500 }, patch: { perMinute: 1000, perHour: 1500 } } }, [
      makeAlert({ id: "A" }),
    ]);
    for (let i = 0; i < 1500; i++) {
      at(i * 2000);
      expect((await call("GET", "/api/alerts/A")).status).toBe(200);
    }
    at(3_000_000);
    const limited = await call("GET", "/api/alerts/A");
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("600");
    at(3_600_001);
    expect((await call("GET", "/api/alerts/A")).status).toBe(200);
  }, 60_000);

  it("answers the 501st batchUpdate within an hour with 429", async () => {
    for (let i = 0; i < 500; i++) {
      at(i * 7000);
      expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: `c${i}` })).status).toBe(200);
    }
    at(3_500_000);
    const limited = await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "over" });
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("100");
    expect(emulator.batches).toHaveLength(500);
  }, 60_000);

  it("turns the limits off with callLimits: false", async () => {
    await start({ callLimits: false }, [makeAlert({ id: "A" })]);
    for (let i = 0; i < 120; i++) expect((await call("GET", "/api/alerts/A")).status).toBe(200);
    for (let i = 0; i < 12; i++) expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "x" })).status).toBe(200);
  });
});

describe("PATCH /api/alerts/{id}", () => {
  const clock = { now: new Date("2024-05-01T12:00:00.000Z") };

  beforeEach(async () => {
    await start({ now: () => clock.now }, [
      makeAlert({ id: "A" }),
      makeAlert({ id: "TP", classification: "TruePositive", determination: "Malware" }),
    ]);
  });

  it("applies a valid update and answers with the alert", async () => {
    const body = { status: "Resolved", classification: "TruePositive", determination: "Malware", comment: "octocat on GitHub: done" };
    const answer = await call("PATCH", "/api/alerts/A", body);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: "A",
      status: "Resolved",
      classification: "TruePositive",
      determination: "Malware",
      resolvedTime: "2024-05-01T12:00:00.0000000Z",
      lastUpdateTime: "2024-05-01T12:00:00.0000000Z",
      comments: [{ comment: "octocat on GitHub: done", createdBy: "app", createdTime: "2024-05-01T12:00:00.0000000Z" }],
    });
    expect(emulator.patches).toEqual([{ id: "A", body }]);
    expect(emulator.alerts[0]).toMatchObject({ status: "Resolved", determination: "Malware" });
  });

  it("reopening clears resolvedTime; a new classification drops a determination that no longer fits", async () => {
    await call("PATCH", "/api/alerts/TP", { status: "Resolved" });
    const reopened = await call("PATCH", "/api/alerts/TP", { status: "InProgress", classification: "FalsePositive" });
    expect(reopened.json).toMatchObject({ status: "InProgress", resolvedTime: null, classification: "FalsePositive", determination: null });
  });

  it.each([
    ["an unknown classification", { classification: "Informational, expected activity" }, "'Informational, expected activity'"],
    ["a removed determination", { classification: "TruePositive", determination: "Apt" }, "'Apt'"],
    ["a determination outside the classification", { classification: "FalsePositive", determination: "Malware" }, "'Malware'"],
    ["a determination outside the alert's classification", { determination: "NotMalicious" }, "'NotMalicious'"],
    ["the other spelling of a disputed determination", { classification: "FalsePositive", determination: "Clean" }, "'Clean'"],
  ])("rejects %s with 400 InvalidInput naming the value", async (_name, body, named) => {
    const target = "determination" in body && !("classification" in body) ? "TP" : "A";
    const answer = await call("PATCH", `/api/alerts/${target}`, body);
    expectError(answer, 400, "InvalidInput");
    expect(answer.json.error.message).toContain(named);
    expect(emulator.patches).toEqual([]);
  });

  it.each([
    ["a wrong-case status", { status: "resolved" }],
    ["a wrong-case classification", { classification: "truePositive" }],
    ["a wrong-case determination", { classification: "TruePositive", determination: "MALWARE" }],
    ["an unknown property", { severity: "High" }],
    ["a property name in the wrong case", { Status: "Resolved" }],
    ["a property name in another case", { AssignedTo: "soc@contoso.com" }],
    ["a non-string value", { assignedTo: 42 }],
    ["an array body", [{ status: "Resolved" }]],
    ["malformed JSON", "{status:"],
  ])("rejects %s with 400 InvalidRequestBody", async (_name, body) => {
    expectError(await call("PATCH", "/api/alerts/A", body), 400, "InvalidRequestBody");
  });

  it("rejects an empty body, a missing content type and an unknown id", async () => {
    expectError(await call("PATCH", "/api/alerts/A", {}), 400, "MissingRequiredParameter");
    const plain = await fetch(`${emulator.url}/api/alerts/A`, {
      method: "PATCH",
      headers: { authorization: "Bearer t", "content-type": "text/plain" },
      body: JSON.stringify({ status: "Resolved" }),
    });
    expect(plain.status).toBe(415);
    expectError(await call("PATCH", "/api/alerts/nope", { status: "Resolved" }), 404, "NotFound");
    expect(emulator.patches).toEqual([]);
  });

  it("accepts only the right-hand spellings in 'right' mode", async () => {
    await start({ determinationSpellings: "right" }, [makeAlert({ id: "A" })]);
    for (const [left, right, classification] of [
      ["CompromisedUser", "CompromisedAccount", "TruePositive"],
      ["ConfirmedActivity", "ConfirmedUserActivity", "InformationalExpectedActivity"],
      ["NotMalicious", "Clean", "FalsePositive"],
      ["InsufficientData", "NoEnoughDataToValidate", "FalsePositive"],
    ]) {
      expectError(await call("PATCH", "/api/alerts/A", { classification, determination: left }), 400, "InvalidInput");
      expect((await call("PATCH", "/api/alerts/A", { classification, determination: right })).status).toBe(200);
    }
    expect(emulator.patches).toHaveLength(4);
  });

  it("sends a lone 'Other' through when the alert has no classification", async () => {
    expect((await call("PATCH", "/api/alerts/A", { determination: "Other" })).status).toBe(200);
  });
});

describe("POST /api/alerts/batchUpdate", () => {
  const clock = { now: new Date("2024-05-01T12:00:00.000Z") };

  beforeEach(async () => {
    clock.now = new Date("2024-05-01T12:00:00.000Z");
    await start({ now: () => clock.now }, [makeAlert({ id: "A" }), makeAlert({ id: "B" })]);
  });

  it("updates every listed alert and answers 200 with an empty body", async () => {
    const body = { alertIds: ["A", "B"], status: "InProgress", assignedTo: "soc@contoso.com" };
    const answer = await call("POST", "/api/alerts/batchUpdate", body);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe("");
    expect(emulator.alerts.map((a) => [a["status"], a["assignedTo"]])).toEqual([
      ["InProgress", "soc@contoso.com"],
      ["InProgress", "soc@contoso.com"],
    ]);
    expect(emulator.batches).toEqual([{ body }]);
  });

  it("validates like PATCH and caps the batch at 100 ids", async () => {
    expectError(await call("POST", "/api/alerts/batchUpdate", { status: "Resolved" }), 400, "MissingRequiredParameter");
    expectError(await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], status: "Done" }), 400, "InvalidInput");
    const many = Array.from({ length: 101 }, (_, i) => `id${i}`);
    expectError(await call("POST", "/api/alerts/batchUpdate", { alertIds: many, status: "Resolved" }), 400, "MaximumBatchSizeExceeded");
    expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: many.slice(0, 100), status: "Resolved" })).status).toBe(200);
    expect(emulator.batches).toHaveLength(1);
  });

  it("answers the 11th call within a minute with 429 and Retry-After", async () => {
    for (let i = 0; i < 10; i++) {
      clock.now = new Date(Date.parse("2024-05-01T12:00:00Z") + i * 1000);
      expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: `c${i}` })).status).toBe(200);
    }
    clock.now = new Date(Date.parse("2024-05-01T12:00:20Z"));
    const limited = await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "c10" });
    expectError(limited, 429, "TooManyRequests");
    expect(limited.headers.get("retry-after")).toBe("40");
    expect(emulator.batches).toHaveLength(10);
    // Once the first call leaves the rolling minute, one more call fits.
    clock.now = new Date(Date.parse("2024-05-01T12:01:00.500Z"));
    expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "c11" })).status).toBe(200);
    expectError(await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "c12" }), 429, "TooManyRequests");
  });

  it("takes the limit from batchPerMinute", async () => {
    await start({ batchPerMinute: 1 }, [makeAlert({ id: "A" })]);
    expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "1" })).status).toBe(200);
    expect((await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], comment: "2" })).status).toBe(429);
  });
});

describe("inject", () => {
  it("answers matching requests with the injected responses in order, then resumes normal handling", async () => {
    await start({}, [makeAlert({ id: "A" })]);
    emulator.inject(
      { method: "GET", path: /^\/api\/alerts$/ },
      { status: 503, headers: { "retry-after": "2" }, body: { error: { code: "ServiceUnavailable" } } },
      { status: 200, raw: '{"value": [' },
    );
    const first = await list("$top=1");
    expect([first.status, first.headers.get("retry-after"), first.json.error.code]).toEqual([503, "2", "ServiceUnavailable"]);
    const second = await fetch(`${emulator.url}/api/alerts`, { headers: { authorization: "Bearer t" } });
    expect([second.status, await second.text()]).toEqual([200, '{"value": [']);
    expect(ids(await list("$top=1"))).toEqual(["A"]);
    // Injection precedes authentication and other routes stay untouched.
    expect((await call("GET", "/api/alerts/A")).status).toBe(200);
    expect(emulator.requests.map((r) => r.status)).toEqual([503, 200, 200, 200]);
  });

  it("can delay a response and cut the connection mid-body", async () => {
    emulator.inject({ method: "PATCH", path: /^\/api\/alerts\// }, { status: 200, body: { id: "A" }, delayMs: 300 }, { status: 200, body: { value: [1, 2, 3] }, reset: true });
    const started = Date.now();
    expect((await call("PATCH", "/api/alerts/A", { status: "New" })).json).toEqual({ id: "A" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await expect(call("PATCH", "/api/alerts/A", { status: "New" })).rejects.toThrow();
    expect(emulator.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ["PATCH", "/api/alerts/A", { status: "New" }],
      ["PATCH", "/api/alerts/A", { status: "New" }],
    ]);
  });
});

describe("sample alerts", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const ENTITY_FIELDS = [
    "id", "incidentId", "investigationId", "investigationState", "assignedTo", "severity", "status", "classification",
    "determination", "detectionSource", "detectorId", "category", "threatFamilyName", "threatName", "title",
    "description", "recommendedAction", "alertCreationTime", "firstEventTime", "lastEventTime", "lastUpdateTime",
    "resolvedTime", "machineId", "computerDnsName", "rbacGroupName", "aadTenantId", "mitreTechniques", "relatedUser",
    "comments", "evidence",
  ];

  it("are complete, deterministic and carry MDE-shaped ids whose ticks are the creation time", () => {
    const alerts = sampleAlerts(now);
    expect(alerts).toHaveLength(6);
    expect(JSON.stringify(sampleAlerts(now))).toBe(JSON.stringify(alerts));
    for (const alert of alerts) {
      expect(Object.keys(alert).sort()).toEqual([...ENTITY_FIELDS].sort());
      expect(alert.id).toMatch(/^da\d{18}_-?\d{1,12}$/);
      const ticks = BigInt(alert.id.slice(2, 20));
      const created = Number((ticks - 621_355_968_000_000_000n) / 10_000n);
      expect(created).toBe(Date.parse(alert["alertCreationTime"] as string));
      expect(alert["machineId"]).toMatch(/^[0-9a-f]{40}$/);
      for (const evidence of alert["evidence"] as Array<Record<string, unknown>>) {
        expect(Object.keys(evidence)).toHaveLength(25);
      }
    }
    expect(new Set(alerts.map((a) => a["severity"]))).toEqual(new Set(["High", "Medium", "Low", "Informational"]));
    expect(JSON.stringify(alerts)).toContain("@security-team");
    expect(JSON.stringify(alerts)).toContain("<img src=x onerror=alert(1)>");
    expect(JSON.stringify(alerts)).toContain("javascript:");
  });

  it("fall inside a 24-hour window and makeAlert ids are unique", async () => {
    await start({}, sampleAlerts(now));
    const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
    expect((await filter(`alertCreationTime ge ${since}`)).json.value).toHaveLength(6);
    expect((await filter(`alertCreationTime ge ${new Date(now.getTime() - 3600_000).toISOString()}`)).json.value).toHaveLength(1);
    const made = Array.from({ length: 50 }, () => makeAlert().id);
    expect(new Set(made).size).toBe(50);
  });
});

describe("comments and lastUpdateTime", () => {
  const T0 = "2024-05-01T12:00:00.000Z";
  const clock = { now: new Date(T0) };
  const at = (iso: string): string => iso.replace(/\.(\d{3})Z$/, ".$10000Z");
  const later = (seconds: number): void => {
    clock.now = new Date(clock.now.getTime() + seconds * 1000);
  };

  beforeEach(async () => {
    clock.now = new Date(T0);
    await start({ now: () => clock.now }, [
      makeAlert({ id: "A", lastUpdateTime: "2024-05-01T11:00:00.0000000Z" }),
      makeAlert({ id: "B", lastUpdateTime: "2024-05-01T11:00:00.0000000Z" }),
      makeAlert({ id: "C", lastUpdateTime: "2024-05-01T11:00:00.0000000Z" }),
    ]);
  });

  it("appends PATCH and batchUpdate comments in order, signed by the app, and serves them on get and list", async () => {
    await call("PATCH", "/api/alerts/A", { comment: "first" });
    later(5);
    await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A", "B"], comment: "second" });
    later(5);
    await call("PATCH", "/api/alerts/A", { status: "InProgress", comment: "third" });
    const expected = [
      { comment: "first", createdBy: APP_COMMENT_AUTHOR, createdTime: "2024-05-01T12:00:00.0000000Z" },
      { comment: "second", createdBy: APP_COMMENT_AUTHOR, createdTime: "2024-05-01T12:00:05.0000000Z" },
      { comment: "third", createdBy: APP_COMMENT_AUTHOR, createdTime: "2024-05-01T12:00:10.0000000Z" },
    ];
    expect((await call("GET", "/api/alerts/A")).json.comments).toEqual(expected);
    const listed = (await list("$top=10")).json.value as Alert[];
    expect(listed.find((a) => a.id === "A")?.["comments"]).toEqual(expected);
    expect(listed.find((a) => a.id === "B")?.["comments"]).toEqual([expected[1]]);
    expect(listed.find((a) => a.id === "C")?.["comments"]).toEqual([]);
  });

  it("answers an empty comment list for an alert seeded without one", async () => {
    const bare = makeAlert({ id: "bare" });
    delete bare["comments"];
    emulator.alerts.push(bare);
    expect((await call("GET", "/api/alerts/bare")).json.comments).toEqual([]);
    expect(((await filter("id eq 'bare'")).json.value as Alert[])[0]?.["comments"]).toEqual([]);
  });

  it("moves lastUpdateTime on every PATCH and batchUpdate, even one that changes nothing", async () => {
    later(60);
    const first = await call("PATCH", "/api/alerts/A", { status: "InProgress" });
    expect(first.json.lastUpdateTime).toBe(at("2024-05-01T12:01:00.000Z"));
    later(60);
    const same = await call("PATCH", "/api/alerts/A", { status: "InProgress" });
    expect(same.json.lastUpdateTime).toBe(at("2024-05-01T12:02:00.000Z"));
    later(60);
    await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A", "B"], assignedTo: "soc@contoso.com" });
    expect(emulator.alerts.map((a) => [a.id, a["lastUpdateTime"]])).toEqual([
      ["A", "2024-05-01T12:03:00.0000000Z"],
      ["B", "2024-05-01T12:03:00.0000000Z"],
      ["C", "2024-05-01T11:00:00.0000000Z"],
    ]);
  });

  it("leaves lastUpdateTime alone when an update is refused", async () => {
    expectError(await call("PATCH", "/api/alerts/A", { status: "Closed" }), 400, "InvalidInput");
    expectError(await call("POST", "/api/alerts/batchUpdate", { alertIds: ["A"], classification: "FalsePositive", determination: "Malware" }), 400, "InvalidInput");
    expect(emulator.alerts[0]?.["lastUpdateTime"]).toBe("2024-05-01T11:00:00.0000000Z");
    expect((await call("GET", "/api/alerts/A")).json.comments).toEqual([]);
  });

  it("filters on the moving lastUpdateTime with ge, gt, le and lt", async () => {
    later(30);
    await call("PATCH", "/api/alerts/A", { comment: "touched" }); // A: 12:00:30
    later(30);
    emulator.portal("B", { status: "InProgress" }); // B: 12:01:00; C stays at 11:00
    expect(ids(await filter("lastUpdateTime ge 2024-05-01T12:00:30Z"))).toEqual(["A", "B"]);
    expect(ids(await filter("lastUpdateTime gt 2024-05-01T12:00:30Z"))).toEqual(["B"]);
    expect(ids(await filter("lastUpdateTime le 2024-05-01T12:00:30Z"))).toEqual(["A", "C"]);
    expect(ids(await filter("lastUpdateTime lt 2024-05-01T12:00:30Z"))).toEqual(["C"]);
    expect(ids(await filter("lastUpdateTime gt 2024-05-01T12:00:30.0000001Z"))).toEqual(["B"]);
    expect(ids(await filter("lastUpdateTime lt 2024-05-01T12:00:30.0000001Z"))).toEqual(["A", "C"]);
    // a cursor taken before a change finds the alert again after it
    later(30);
    await call("PATCH", "/api/alerts/C", { assignedTo: "soc@contoso.com" });
    expect(ids(await filter("lastUpdateTime gt 2024-05-01T12:01:00Z"))).toEqual(["C"]);
  });

  it("combines a lastUpdateTime bound with an or-chain of ids", async () => {
    later(60);
    emulator.portal("A", { comment: "looked at it" });
    emulator.portal("C", { assignedTo: "soc@contoso.com" });
    const chain = "(id eq 'A' or id eq 'B' or id eq 'C')";
    expect(ids(await filter(`lastUpdateTime ge 2024-05-01T12:01:00Z and ${chain}`))).toEqual(["A", "C"]);
    expect(ids(await filter(`${chain} and lastUpdateTime lt 2024-05-01T12:01:00Z`))).toEqual(["B"]);
    expect(ids(await filter(`lastUpdateTime gt 2024-05-01T12:01:00Z and (id eq 'A' or id eq 'C')`))).toEqual([]);
    expect(ids(await filter(`(id eq 'A' or id eq 'B') and lastUpdateTime le 2024-05-01T12:01:00Z`))).toEqual(["A", "B"]);
    // without parentheses 'and' binds first: B is listed whatever its time
    expect(ids(await filter(`id eq 'B' or id eq 'C' and lastUpdateTime ge 2024-05-01T12:01:00Z`))).toEqual(["B", "C"]);
  });
});

describe("portal and automated investigation", () => {
  const clock = { now: new Date("2024-05-01T12:00:00.000Z") };

  beforeEach(async () => {
    clock.now = new Date("2024-05-01T12:00:00.000Z");
    await start({ now: () => clock.now }, [
      makeAlert({ id: "A", lastUpdateTime: "2024-05-01T11:00:00.0000000Z" }),
      makeAlert({ id: "TP", classification: "TruePositive", determination: "Malware", status: "InProgress", lastUpdateTime: "2024-05-01T11:00:00.0000000Z" }),
    ]);
  });

  it("applies an analyst's change, signs the comment with the analyst and moves lastUpdateTime to now", async () => {
    await call("PATCH", "/api/alerts/A", { comment: "octocat on GitHub: looking" });
    clock.now = new Date("2024-05-01T12:05:00.000Z");
    const shown = emulator.portal("A", {
      status: "Resolved",
      classification: "FalsePositive",
      determination: "NotMalicious",
      assignedTo: "soc1@contoso.com",
      comment: "Known admin tool",
      by: "soc1@contoso.com",
    });
    const expected = {
      status: "Resolved",
      classification: "FalsePositive",
      determination: "NotMalicious",
      assignedTo: "soc1@contoso.com",
      resolvedTime: "2024-05-01T12:05:00.0000000Z",
      lastUpdateTime: "2024-05-01T12:05:00.0000000Z",
      comments: [
        { comment: "octocat on GitHub: looking", createdBy: APP_COMMENT_AUTHOR, createdTime: "2024-05-01T12:00:00.0000000Z" },
        { comment: "Known admin tool", createdBy: "soc1@contoso.com", createdTime: "2024-05-01T12:05:00.0000000Z" },
      ],
    };
    expect(shown).toMatchObject(expected);
    expect((await call("GET", "/api/alerts/A")).json).toMatchObject(expected);
    // portal changes are not API calls
    expect(emulator.patches).toHaveLength(1);
  });

  it("takes the time from 'at' and the analyst from PORTAL_ANALYST by default", async () => {
    emulator.portal("A", { comment: "earlier note", at: new Date("2024-05-01T11:30:00.123Z") });
    const alert = (await call("GET", "/api/alerts/A")).json;
    expect(alert.lastUpdateTime).toBe("2024-05-01T11:30:00.1230000Z");
    expect(alert.comments).toEqual([{ comment: "earlier note", createdBy: PORTAL_ANALYST, createdTime: "2024-05-01T11:30:00.1230000Z" }]);
    expect(ids(await filter("lastUpdateTime gt 2024-05-01T11:30:00.123Z"))).toEqual([]);
    expect(ids(await filter("lastUpdateTime eq 2024-05-01T11:30:00.123Z"))).toEqual(["A"]);
  });

  it("reopens and reclassifies like the API: a stale determination is dropped, resolvedTime cleared", async () => {
    emulator.portal("TP", { status: "Resolved" });
    emulator.portal("TP", { status: "New", classification: "InformationalExpectedActivity" });
    expect((await call("GET", "/api/alerts/TP")).json).toMatchObject({
      status: "New",
      classification: "InformationalExpectedActivity",
      determination: null,
      resolvedTime: null,
    });
  });

  it.each([
    ["an unknown status", { status: "Closed" }, /'Closed'/],
    ["a wrong-case classification", { classification: "falsePositive" }, /case-sensitive/],
    ["a determination outside the classification", { classification: "FalsePositive", determination: "Malware" }, /'Malware'/],
    ["a determination outside the alert's classification", { determination: "NotMalicious" }, /'NotMalicious'/],
    ["nothing to change", { by: "soc1@contoso.com" }, /At least one/],
  ])("refuses %s like the API, changing nothing", (_name, change, message) => {
    const before = structuredClone(emulator.alerts);
    expect(() => emulator.portal("TP", change)).toThrow(message);
    expect(emulator.alerts).toEqual(before);
  });

  it("refuses an unknown alert", () => {
    expect(() => emulator.portal("nope", { status: "Resolved" })).toThrow(/nope was not found/);
    expect(() => emulator.automatedInvestigation("nope")).toThrow(/nope was not found/);
  });

  it("resolves an alert as automated investigation does", async () => {
    clock.now = new Date("2024-05-01T12:10:00.000Z");
    emulator.automatedInvestigation("TP");
    expect((await call("GET", "/api/alerts/TP")).json).toMatchObject({
      status: "Resolved",
      assignedTo: "Automation",
      investigationState: "SuccessfullyRemediated",
      classification: "TruePositive",
      determination: "Malware",
      resolvedTime: "2024-05-01T12:10:00.0000000Z",
      lastUpdateTime: "2024-05-01T12:10:00.0000000Z",
      comments: [],
    });
    emulator.automatedInvestigation("A", { outcome: "Benign", at: new Date("2024-05-01T12:20:00.000Z") });
    expect((await call("GET", "/api/alerts/A")).json).toMatchObject({
      status: "Resolved",
      assignedTo: "Automation",
      investigationState: "Benign",
      lastUpdateTime: "2024-05-01T12:20:00.0000000Z",
    });
    expect(ids(await filter("status eq 'Resolved' and assignedTo eq 'Automation'"))).toEqual(["A", "TP"]);
    expect(() => emulator.automatedInvestigation("A", { outcome: "Running" as never })).toThrow(/Running/);
  });
});
