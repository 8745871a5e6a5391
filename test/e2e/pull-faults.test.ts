/** Pull when the services misbehave: retries, lost replies and partial failure. */
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

it("waits out Defender's 429 Retry-After and a 503, then succeeds", async () => {
  world.defender.alerts.push(makeAlert());
  world.defender.inject(
    { method: "GET", path: /^\/api\/alerts$/ },
    { status: 429, headers: { "retry-after": "1" }, body: { error: { code: "TooManyRequests", message: "Rate limit", target: "c0ffee00-0000-4000-8000-000000000001" } } },
    { status: 503, body: { error: { code: "ServiceUnavailable", message: "busy" } } },
  );
  const started = Date.now();
  const result = await world.run();
  expect(result.code).toBe(0);
  expect(result.outputs["issues-created"]).toBe("1");
  expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  expect(world.defender.requests.filter((r) => r.path === "/api/alerts").map((r) => r.status)).toEqual([429, 503, 200]);
  expect(result.stdout).toContain("Listing Defender alerts: HTTP 429; retrying in 1 s");
});

it("retries a token endpoint 500 below MSAL, then signs in", async () => {
  world.defender.alerts.push(makeAlert());
  world.entra.inject({ method: "POST", path: /oauth2\/v2\.0\/token$/ }, { status: 500, body: { error: "server_error" } });
  const result = await world.run({ "dry-run": "true" });
  expect(result.code).toBe(0);
  expect(world.entra.requests.filter((r) => r.method === "POST").map((r) => r.status)).toEqual([500, 200]);
});

it("gives up on a Defender error that is not transient, with its code and correlation ID", async () => {
  world.defender.inject({ method: "GET", path: /^\/api\/alerts$/ }, { status: 403, body: { error: { code: "Forbidden", message: "The application does not have any of the required application permissions", target: "4c7f1a9e-1111-4222-8333-944455556666" } } });
  const result = await world.run();
  expect(result.code).toBe(1);
  expect(result.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual([
    "Listing Defender alerts failed with HTTP 403: Forbidden: The application does not have any of the required application permissions (correlation ID 4c7f1a9e-1111-4222-8333-944455556666). The token has the alert permission, so Defender refused for another reason (a device-group restriction or an unlicensed tenant): see the message above.",
  ]);
  expect(world.github.writes()).toEqual([]);
});

it("waits out GitHub's secondary rate limit on a create and opens the issue once", async () => {
  world.defender.alerts.push(makeAlert());
  world.github.inject({ method: "POST", path: /^\/repos\/acme\/soc\/issues$/ }, {
    status: 403,
    headers: { "retry-after": "1" },
    body: { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest" },
  });
  const result = await world.run();
  expect(result.code).toBe(0);
  expect(world.github.issues).toHaveLength(1);
  expect(result.annotations).toContainEqual({ level: "warning", message: expect.stringMatching(/^GitHub secondary rate limit on POST .*; retrying in 1 s$/) });
});

it("does not open a second issue when a create succeeds but its reply is lost", async () => {
  const alert = makeAlert();
  world.defender.alerts.push(alert);
  world.github.inject({ method: "POST", path: /^\/repos\/acme\/soc\/issues$/ }, { status: 502, applyEffect: true, body: { message: "Server Error" } });
  const result = await world.run();
  expect(result.code).toBe(0);
  expect(ticketedAlertIds(world)).toEqual([alert.id]);
  expect(result.outputs["issues-created"]).toBe("1");
  expect(world.github.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/soc/issues")).toHaveLength(1);
});

it("keeps what it opened when a create keeps failing, fails the step, and the next run opens the rest", async () => {
  const [first, second] = [makeAlert({ alertCreationTime: minutesAgo(20) }), makeAlert({ alertCreationTime: minutesAgo(10) })];
  world.defender.alerts.push(first, second);
  world.github.inject({ method: "POST", path: /^\/repos\/acme\/soc\/issues$/ }, { status: 500 }, { status: 500 }, { status: 500 });
  const failed = await world.run();
  expect(failed.code).toBe(1);
  expect(ticketedAlertIds(world)).toEqual([second.id]);
  expect(world.github.requests.filter((r) => r.method === "POST" && r.path === "/repos/acme/soc/issues").map((r) => r.status)).toEqual([500, 500, 500, 201]);
  expect(failed.outputs).toMatchObject({ "issues-created": "1", "alerts-remaining": "1" });
  expect(failed.annotations.find((a) => a.level === "error")?.message).toMatch(new RegExp(`^1 of 2 issues could not be opened: ${first.id} \\(HTTP 500`));
  expect(failed.summary).toContain("| Failed | 1 |");

  const next = await world.run();
  expect(next.code).toBe(0);
  expect(next.outputs).toMatchObject({ "issues-created": "1", "alerts-remaining": "0" });
  expect(ticketedAlertIds(world).sort()).toEqual([first.id, second.id].sort());
});

it("explains a wrong client secret without printing it", async () => {
  const result = await world.run({ "client-secret": "wrong-secret-value" });
  expect(result.code).toBe(1);
  expect(result.annotations).toEqual([{ level: "error", message: `Sign-in to ${world.entra.url} failed (AADSTS7000215). The client secret is wrong or expired: create a new secret in the app registration and update the client-secret secret (use the secret's Value, not its ID).` }]);
  expect(result.stdout.replace(/^::add-mask::.*$/m, "")).not.toContain("wrong-secret-value");
  expect(world.defender.requests).toEqual([]);
});

it("two pulls at once may each open an issue; the next run closes the later one as a duplicate with a link", async () => {
  const alert = makeAlert();
  world.defender.alerts.push(alert);
  const concurrent = await Promise.all([world.run(), world.run()]);
  expect(concurrent.map((r) => r.code)).toEqual([0, 0]);
  const opened = world.github.issues.filter((issue) => issue.body?.includes(alert.id));
  expect(opened.length).toBeGreaterThanOrEqual(1);

  const next = await world.run();
  expect(next.code).toBe(0);
  const open = world.github.issues.filter((issue) => issue.state === "open" && issue.body?.includes(alert.id));
  expect(open.map((issue) => issue.number)).toEqual([opened[0]!.number]);
  for (const duplicate of opened.slice(1)) {
    expect(world.github.issue(duplicate.number)).toMatchObject({ state: "closed", state_reason: "duplicate" });
    expect(world.github.comments.find((c) => c.issue_number === duplicate.number)?.body).toContain(`Duplicate of #${opened[0]!.number}`);
  }
  expect(next.outputs["issues-created"]).toBe("0");
  const writes = world.github.writes().length;
  const again = await world.run();
  expect(world.github.writes().length).toBe(writes);
  expect(again.summary).not.toContain("Duplicates closed");
});

it("closes every later open issue for one alert as a duplicate of the oldest, and leaves closed ones alone", async () => {
  const alert = makeAlert({ alertCreationTime: minutesAgo(30) });
  world.defender.alerts.push(alert);
  const body = `<!-- defender-alert-id: ${alert.id} -->`;
  const original = world.github.addIssue({ title: "a", body, created_at: minutesAgo(20) });
  const closedEarlier = world.github.addIssue({ title: "b", body, created_at: minutesAgo(19), state: "closed" });
  const duplicate = world.github.addIssue({ title: "c", body, created_at: minutesAgo(19) });
  const dry = await world.run({ "dry-run": "true" });
  expect(dry.summary).toContain(`| Duplicates to close | #${duplicate.number} |`);
  expect(world.github.writes()).toEqual([]);

  const result = await world.run();
  expect(result.code).toBe(0);
  expect(result.summary).toContain(`| Duplicates closed | #${duplicate.number} |`);
  expect(world.github.issue(duplicate.number)).toMatchObject({ state: "closed", state_reason: "duplicate" });
  expect(world.github.issue(original.number)).toMatchObject({ state: "open" });
  expect(world.github.issue(closedEarlier.number)).toMatchObject({ state: "closed", state_reason: "completed" });
  expect(world.github.comments.map((c) => [c.issue_number, c.body])).toEqual([[duplicate.number, `Duplicate of #${original.number}: both were opened for Defender alert \`${alert.id}\` (two pull runs at once). Triage continues on #${original.number}.`]]);
});
