/** Scheduled reconcile: alert issues bring their alerts into step, in batches, idempotently. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { minutesAgo, startWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

/** Batch bodies with their IDs sorted: the order of IDs in a batch carries no meaning. */
const batchesSorted = () => world.defender.batches.map(({ body }) => ({ ...(body as object), alertIds: [...(body as { alertIds: string[] }).alertIds].sort() }));
const marker = (id: string) => `<!-- defender-alert-id: ${id} -->`;
const reconcile = (inputs: Record<string, string> = {}) => world.run({ mode: "sync", lookback: "7d", ...inputs }, { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } });

it("to-defender: batches alerts that need the same change, patches the rest, skips what is in step, and a second run sends nothing", async () => {
  const alerts = Array.from({ length: 5 }, (_, n) => makeAlert({ alertCreationTime: minutesAgo(600 + n) }));
  alerts[4]!.status = "Resolved";
  world.defender.alerts.push(...alerts);
  const falsePositive = ["defender-alert", "classification:FalsePositive", "determination:NotMalicious"];
  for (const alert of alerts.slice(0, 3)) world.github.addIssue({ title: "fp", body: marker(alert.id), state: "closed", labels: falsePositive, updated_at: minutesAgo(30) });
  world.github.addIssue({ title: "assigned", body: marker(alerts[3]!.id), assignees: ["octocat"], updated_at: minutesAgo(20) });
  world.github.addIssue({ title: "in step", body: marker(alerts[4]!.id), state: "closed", updated_at: minutesAgo(10) });
  world.github.addIssue({ title: "conflict", body: marker("da638000000000000000_1"), labels: ["classification:TruePositive", "classification:FalsePositive"], updated_at: minutesAgo(5) });
  world.github.addIssue({ title: "gone", body: marker("da638000000000000000_2"), state: "closed", updated_at: minutesAgo(5) });
  world.github.addIssue({ title: "old", body: marker(alerts[0]!.id), state: "closed", created_at: minutesAgo(60 * 24 * 20), updated_at: minutesAgo(60 * 24 * 20) });

  const first = await reconcile({ "assignee-map": '{"octocat": "octo.cat@contoso.com"}', "sync-direction": "to-defender" });
  expect(first.code).toBe(0);
  expect(batchesSorted()).toEqual([{ alertIds: alerts.slice(0, 3).map((a) => a.id).sort(), status: "Resolved", classification: "FalsePositive", determination: "NotMalicious" }]);
  expect(world.defender.patches).toEqual([{ id: alerts[3]!.id, body: { assignedTo: "octo.cat@contoso.com" } }]);
  const reads = world.defender.requests.filter((r) => r.method === "GET");
  expect(reads).toHaveLength(1);
  expect(reads[0]!.query.$filter!.split(" or ")).toHaveLength(6);
  expect(JSON.parse(first.outputs["alerts-updated"]!)).toHaveLength(4);
  expect(first.summary).toContain("| Alert issues examined | 7 |");
  expect(first.annotations).toContainEqual({ level: "warning", message: "Issue #6: two classification labels: TruePositive and FalsePositive; nothing sent to Defender." });
  expect(first.annotations).toContainEqual({ level: "warning", message: "Issue #7: alert da638000000000000000_2 is not in Defender (older than the tenant's retention, or deleted); nothing sent." });
  expect(world.github.comments.map((c) => c.issue_number)).toEqual([6]);
  // One client for the run: one sign-in for the read, the batch and the PATCH (and one pace for batches).
  expect(world.entra.requests.filter((r) => r.method === "POST")).toHaveLength(1);

  const writes = world.defender.requests.filter((r) => r.method !== "GET").length;
  const second = await reconcile({ "assignee-map": '{"octocat": "octo.cat@contoso.com"}', "sync-direction": "to-defender" });
  expect(second.code).toBe(0);
  expect(world.defender.requests.filter((r) => r.method !== "GET")).toHaveLength(writes);
  // to-defender writes nothing to GitHub but the comment that explains the label problem.
  expect(world.github.writes().map((w) => `${w.method} ${w.path}`)).toEqual(["POST /repos/acme/soc/issues/6/comments"]);
  expect(second.outputs["alerts-updated"]).toBe("[]");
  expect(world.github.comments).toHaveLength(1);
});

it("falls back to the other determination spelling for a batch, and treats it as in step afterwards", async () => {
  await world.stop();
  world = await startWorld({ defender: { determinationSpellings: "right" } });
  const alerts = [makeAlert({ alertCreationTime: minutesAgo(100) }), makeAlert({ alertCreationTime: minutesAgo(101) })];
  world.defender.alerts.push(...alerts);
  for (const alert of alerts) world.github.addIssue({ title: "c", body: marker(alert.id), state: "closed", labels: ["determination:InsufficientData"], updated_at: minutesAgo(5) });

  const first = await reconcile();
  expect(first.code).toBe(0);
  expect(batchesSorted()).toEqual([{ alertIds: alerts.map((a) => a.id).sort(), status: "Resolved", classification: "FalsePositive", determination: "NoEnoughDataToValidate" }]);
  const second = await reconcile();
  expect(second.outputs["alerts-updated"]).toBe("[]");
  expect(world.defender.requests.filter((r) => r.method === "POST")).toHaveLength(2);
});
