/** Faults on the wire: each is survived, and nothing is lost or opened twice. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { minutesAgo, startWorld, ticketedAlertIds, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const ALERTS = /^\/api\/alerts$/;
const FAST = { env: { DEFENDER_ISSUES_TIMEOUT_MS: "1500" } };

function listStatuses() {
  return world.defender.requests.filter((r) => r.path === "/api/alerts").map((r) => r.status);
}

it("retries a Defender page whose connection resets mid-body", async () => {
  world.defender.alerts.push(makeAlert());
  world.defender.inject({ method: "GET", path: ALERTS }, { status: 200, reset: true, body: { value: [] } });
  const result = await world.run({ "dry-run": "true" });
  expect(result.code).toBe(0);
  expect(result.outputs["alerts-found"]).toBe("1");
  expect(world.defender.requests.filter((r) => r.path === "/api/alerts")).toHaveLength(2);
});

it("times out a hung Defender response and retries", async () => {
  world.defender.alerts.push(makeAlert());
  world.defender.inject({ method: "GET", path: ALERTS }, { status: 200, delayMs: 5000, body: { value: [] } });
  const started = Date.now();
  const result = await world.run({ "dry-run": "true" }, FAST);
  expect(result.code).toBe(0);
  expect(result.outputs["alerts-found"]).toBe("1");
  expect(Date.now() - started).toBeLessThan(5000);
  expect(result.stdout).toMatch(/Listing Defender alerts: .*; retrying in 1 s/);
});

it("retries a Defender reply that is not valid JSON", async () => {
  world.defender.alerts.push(makeAlert());
  world.defender.inject({ method: "GET", path: ALERTS }, { status: 200, raw: '{"value": [{"id": "da6' });
  const result = await world.run({ "dry-run": "true" });
  expect(result.code).toBe(0);
  expect(result.outputs["alerts-found"]).toBe("1");
  expect(listStatuses()).toEqual([200, 200]);
  expect(result.stdout).toContain("Listing Defender alerts: the reply is not valid JSON; retrying in 1 s");
});

it("gives up after a bounded number of attempts and fails the step, opening nothing", async () => {
  world.defender.alerts.push(makeAlert());
  const unavailable = { status: 503, body: { error: { code: "ServiceUnavailable", message: "down" } } };
  world.defender.inject({ method: "GET", path: ALERTS }, unavailable, unavailable, unavailable);
  const result = await world.run({}, { env: { DEFENDER_ISSUES_RETRY_BUDGET_MS: "2500" } });
  expect(result.code).toBe(1);
  expect(result.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual(["Listing Defender alerts failed after 2 attempts: HTTP 503"]);
  expect(world.github.writes()).toEqual([]);
});

it("waits out GitHub's 429 secondary limit and retries a 502 on the issue listing", async () => {
  world.defender.alerts.push(makeAlert());
  world.github.inject({ method: "GET", path: /^\/repos\/acme\/soc\/issues$/ },
    { status: 429, headers: { "retry-after": "1" }, body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." } },
    { status: 502, body: { message: "Server Error" } });
  const result = await world.run();
  expect(result.code).toBe(0);
  expect(world.github.requests.filter((r) => r.method === "GET" && r.path === "/repos/acme/soc/issues" && !r.query.labels).map((r) => r.status)).toEqual([429, 502, 200]);
  expect(world.github.issues).toHaveLength(1);
});

it("does not open a second issue when a create times out after GitHub opened it", async () => {
  const alert = makeAlert({ alertCreationTime: minutesAgo(5) });
  world.defender.alerts.push(alert);
  world.github.inject({ method: "POST", path: /^\/repos\/acme\/soc\/issues$/ }, { status: 201, delayMs: 4000, applyEffect: true });
  const result = await world.run({}, FAST);
  expect(result.code).toBe(0);
  expect(ticketedAlertIds(world)).toEqual([alert.id]);
  expect(result.outputs["issues-created"]).toBe("1");
});

it("re-reads an alert after a lost PATCH reply and does not send its comment twice", async () => {
  const alert = makeAlert();
  world.defender.alerts.push(alert);
  const issue = world.github.addIssue({ title: "t", body: `<!-- defender-alert-id: ${alert.id} -->` });
  world.github.collaborators.set("triager", "triage");
  world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, { status: 200, delayMs: 4000, applyEffect: true });
  const { commentEvent } = await import("../support/events.ts");
  const result = await world.run({ mode: "sync" }, { ...FAST, event: commentEvent({ number: issue.number, body: issue.body! }, "triager", { body: "contained" }) });
  expect(result.code).toBe(0);
  expect(world.defender.requests.filter((r) => r.method === "PATCH")).toHaveLength(1);
  expect((world.defender.alerts[0]!.comments as Array<{ comment: string }>).map((c) => c.comment)).toEqual([`triager on GitHub: contained (https://github.com/acme/soc/issues/${issue.number}#issuecomment-9001)`]);
  expect(JSON.parse(result.outputs["alerts-updated"]!)).toHaveLength(1);
});

it("sends a comment again when the lost PATCH had not landed", async () => {
  const alert = makeAlert();
  world.defender.alerts.push(alert);
  const issue = world.github.addIssue({ title: "t", body: `<!-- defender-alert-id: ${alert.id} -->` });
  world.github.collaborators.set("triager", "triage");
  world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, { status: 200, delayMs: 4000 });
  const { commentEvent } = await import("../support/events.ts");
  const result = await world.run({ mode: "sync" }, { ...FAST, event: commentEvent({ number: issue.number, body: issue.body! }, "triager", { body: "contained" }) });
  expect(result.code).toBe(0);
  expect(world.defender.requests.filter((r) => r.method === "PATCH")).toHaveLength(2);
  expect((world.defender.alerts[0]!.comments as unknown[])).toHaveLength(1);
});

it("pages a set that changes under it without skipping or repeating an alert", async () => {
  const existing = Array.from({ length: 7 }, (_, n) => makeAlert({ alertCreationTime: minutesAgo(60 + n), title: `Existing alert ${n}` }));
  world.defender.alerts.push(...existing);
  // Between the first and the second page, two alerts arrive: one backdated into the window, one new.
  world.defender.beforeList.push(() => undefined, () => {
    world.defender.alerts.push(
      makeAlert({ alertCreationTime: minutesAgo(65, new Date(Date.now() + 1)), title: "Backdated arrival" }),
      makeAlert({ alertCreationTime: minutesAgo(-1), title: "New arrival" }),
    );
  });
  const result = await world.run({ "dry-run": "true", "max-issues": "100" }, { env: { DEFENDER_ISSUES_PAGE_SIZE: "3" } });
  expect(result.code).toBe(0);
  for (const alert of existing) expect(result.summary.split(`Existing alert ${String(alert.title).slice(-1)} on`)).toHaveLength(2);
  expect(result.summary).not.toContain("New arrival");
  expect(Number(result.outputs["alerts-found"])).toBe(existing.length + (result.summary.includes("Backdated arrival") ? 1 : 0));
});

it("uses a fresh token when the one it holds expires during a long pull", async () => {
  const expiry = (token: string) => (JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as { exp: number }).exp * 1000;
  await world.stop();
  // Tokens live 2 s, and Defender refuses an expired one with 401 as the real API does.
  world = await startWorld({ tokenLifetimeSeconds: 2, defender: { acceptToken: (token) => world.entra.issuedTokens.has(token) && expiry(token) > Date.now() } });
  world.defender.alerts.push(...Array.from({ length: 3 }, (_, n) => makeAlert({ alertCreationTime: minutesAgo(10 + n) })));
  world.defender.inject({ method: "GET", path: ALERTS }, { status: 200, delayMs: 2500, body: { value: [] } });
  const result = await world.run({ "dry-run": "true" }, { env: { DEFENDER_ISSUES_PAGE_SIZE: "1", DEFENDER_ISSUES_TIMEOUT_MS: "1000" } });
  expect(result.code).toBe(0);
  expect(result.outputs["alerts-found"]).toBe("3");
  expect(world.defender.requests.filter((r) => r.path === "/api/alerts").every((r) => r.status !== 401)).toBe(true);
  expect(world.entra.requests.filter((r) => r.method === "POST").length).toBeGreaterThanOrEqual(2);
});
