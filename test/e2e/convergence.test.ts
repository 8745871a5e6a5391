/** After any run of faults, the next clean runs reach the state a fault-free run reaches. */
import { afterEach, expect, it } from "vitest";
import { issuesEvent } from "../support/events.ts";
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
