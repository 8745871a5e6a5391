/** After any run of faults, the next clean runs reach the state a fault-free run reaches. */
import { afterEach, expect, it } from "vitest";
import { issuesEvent } from "../support/events.ts";
import type { EmulatedIssue } from "../emulators/github.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { minutesAgo, startWorld, type World } from "../support/world.ts";

const worlds: World[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) {
    expect(world.github.violations).toEqual([]);
    await world.stop();
  }
});

async function worldWith(alerts: ReturnType<typeof makeAlert>[]): Promise<World> {
  const world = await startWorld();
  worlds.push(world);
  world.defender.alerts.push(...structuredClone(alerts));
  return world;
}

/** What a triager sees: per alert, the open issue's title and labels. */
function openTickets(world: World) {
  return world.github.issues
    .filter((issue) => issue.state === "open")
    .map((issue) => ({ alert: /defender-alert-id: (\S+)/.exec(issue.body ?? "")?.[1], title: issue.title, labels: issue.labels }))
    .sort((a, b) => String(a.alert).localeCompare(String(b.alert)));
}

it("pull: faulty runs, then a clean one, leave exactly the issues a fault-free run opens", async () => {
  const alerts = [makeAlert({ alertCreationTime: minutesAgo(30), title: "A" }), makeAlert({ alertCreationTime: minutesAgo(20), title: "B" }), makeAlert({ alertCreationTime: minutesAgo(10), title: "C" })];
  const clean = await worldWith(alerts);
  expect((await clean.run()).code).toBe(0);

  const faulty = await worldWith(alerts);
  const down = { status: 503, body: { error: { code: "ServiceUnavailable", message: "down" } } };
  faulty.defender.inject({ method: "GET", path: /^\/api\/alerts$/ }, down, down);
  expect((await faulty.run({}, { env: { DEFENDER_ISSUES_RETRY_BUDGET_MS: "1500" } })).code).toBe(1);
  faulty.github.inject({ method: "POST", path: /^\/repos\/acme\/soc\/issues$/ }, { status: 502, applyEffect: true }, { status: 500 }, { status: 500 }, { status: 500 });
  expect((await faulty.run({ "max-issues": "2" })).code).toBe(1);
  await Promise.all([faulty.run(), faulty.run()]);
  const final = await faulty.run();
  expect(final.code).toBe(0);

  expect(openTickets(faulty)).toEqual(openTickets(clean));
  expect(openTickets(faulty)).toHaveLength(3);
});

it("sync: a change that could not be sent fails its run, and the scheduled reconcile applies it", async () => {
  const alert = makeAlert();
  const world = await worldWith([alert]);
  const issue = world.github.addIssue({ title: "t", body: `<!-- defender-alert-id: ${alert.id} -->`, state: "closed", labels: ["determination:Malware"] });
  world.github.collaborators.set("triager", "triage");
  const down = { status: 503, body: { error: { code: "ServiceUnavailable", message: "down" } } };
  world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, down, down);
  const event = issuesEvent("closed", { number: issue.number, body: issue.body!, state: "closed", labels: issue.labels }, "triager");
  const failed = await world.run({ mode: "sync" }, { event, env: { DEFENDER_ISSUES_RETRY_BUDGET_MS: "1500" } });
  expect(failed.code).toBe(1);
  expect(world.defender.patches).toEqual([]);

  const reconciled = await world.run({ mode: "sync", lookback: "1d" }, { event: { name: "schedule", payload: {} } });
  expect(reconciled.code).toBe(0);
  expect(world.defender.alerts[0]).toMatchObject({ status: "Resolved", classification: "TruePositive", determination: "Malware" });
});

it("two-way: triage on both sides and faulty runs, then one clean reconcile, leave every issue expressing what its alert holds", async () => {
  const alerts = [makeAlert({ alertCreationTime: minutesAgo(90) }), makeAlert({ alertCreationTime: minutesAgo(80) }), makeAlert({ alertCreationTime: minutesAgo(70) })];
  const world = await worldWith(alerts);
  const [a, b, c] = alerts.map((alert) =>
    world.github.addIssue({ title: "t", body: `<!-- defender-alert-id: ${alert.id} -->`, labels: ["defender-alert", "severity:Medium"], created_at: minutesAgo(60) }),
  ) as [EmulatedIssue, EmulatedIssue, EmulatedIssue];
  const inputs = { mode: "sync", lookback: "7d", "assignee-map": '{"octocat": "octo.cat@contoso.com", "hubot": "hubot@contoso.com"}' };
  const schedule = { event: { name: "schedule", payload: {} }, env: { DEFENDER_ISSUES_RETRY_BUDGET_MS: "1500" } };
  const refused = { status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } };
  const down = { status: 503, body: { error: { code: "ServiceUnavailable", message: "down" } } };

  // Defender resolves A with a comment; B is closed on GitHub as a false positive; C is classified in Defender and assigned on GitHub.
  world.defender.portal(alerts[0]!.id, { status: "Resolved", classification: "TruePositive", determination: "Malware", comment: "Quarantined." });
  world.github.act("triager", b.number, { state: "closed", stateReason: "not_planned", labels: { add: ["classification:FalsePositive", "determination:NotMalicious"] } });
  world.defender.portal(alerts[2]!.id, { classification: "InformationalExpectedActivity", determination: "SecurityTesting", comment: "Red team." });
  world.github.act("triager", c.number, { assignees: ["octocat"] });
  // Run 1: Defender is down, and A's update is refused after its comment.
  world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, down, down);
  world.github.inject({ method: "PATCH", path: new RegExp(`^/repos/acme/soc/issues/${a.number}$`) }, refused);
  expect((await world.run(inputs, schedule)).code).toBe(1);

  // More triage on both sides, then run 2: C's comment is refused.
  world.defender.portal(alerts[0]!.id, { comment: "Device reimaged.", at: new Date(Date.now() + 5_000) });
  world.defender.portal(alerts[1]!.id, { assignedTo: "hubot@contoso.com", at: new Date(Date.now() + 5_000) });
  world.defender.portal(alerts[2]!.id, { comment: "Scope confirmed with the red team lead.", at: new Date(Date.now() + 5_000) });
  world.github.inject({ method: "POST", path: new RegExp(`^/repos/acme/soc/issues/${c.number}/comments$`) }, refused);
  expect((await world.run(inputs, schedule)).code).toBe(1);

  // One clean run.
  const clean = await world.run(inputs, schedule);
  expect(clean.code).toBe(0);

  const owners: Record<string, string> = { "octo.cat@contoso.com": "octocat", "hubot@contoso.com": "hubot" };
  for (const [index, issue] of [a, b, c].entries()) {
    const alert = world.defender.alerts.find((found) => found.id === alerts[index]!.id)!;
    const labelOf = (field: string) => issue.labels.filter((label) => label.startsWith(`${field}:`)).map((label) => label.slice(field.length + 1));
    expect(issue.state).toBe(alert.status === "Resolved" ? "closed" : "open");
    expect(labelOf("classification")).toEqual(alert.classification ? [alert.classification] : []);
    expect(labelOf("determination")).toEqual(alert.determination ? [alert.determination] : []);
    expect(issue.assignees).toEqual(alert.assignedTo ? [owners[alert.assignedTo as string]] : []);
    // Every Defender comment is on the issue once.
    const defenderComments = (alert.comments as Array<{ comment: string }>).filter((comment) => !/ on GitHub: /.test(comment.comment));
    const copies = world.github.comments.filter((comment) => comment.issue_number === issue.number);
    for (const { comment } of defenderComments) expect(copies.filter((copy) => copy.body.includes(`> ${comment}`))).toHaveLength(1);
  }
  expect(world.defender.alerts.map((alert) => [alert.status, alert.classification, alert.determination, alert.assignedTo])).toEqual([
    ["Resolved", "TruePositive", "Malware", null],
    ["Resolved", "FalsePositive", "NotMalicious", "hubot@contoso.com"],
    ["New", "InformationalExpectedActivity", "SecurityTesting", "octo.cat@contoso.com"],
  ]);
  // One resolution comment on A, however many runs it took.
  expect(world.github.comments.filter((comment) => comment.issue_number === a.number && comment.body.includes("Resolved in Microsoft Defender"))).toHaveLength(1);

  const writes = world.github.writes().length;
  const defenderWrites = world.defender.requests.filter((r) => r.method !== "GET").length;
  const quiet = await world.run(inputs, schedule);
  expect(quiet.code).toBe(0);
  expect(world.github.writes()).toHaveLength(writes);
  expect(world.defender.requests.filter((r) => r.method !== "GET")).toHaveLength(defenderWrites);
});
