/** Sync on issue events: every row of SPEC.md's table, end to end through the bundle. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { commentEvent, issuesEvent, type IssueFixture } from "../support/events.ts";
import { startWorld, type World } from "../support/world.ts";

let world: World;
let alertId: string;
let fixture: IssueFixture;

async function setUp(defender?: NonNullable<Parameters<typeof startWorld>[0]>["defender"]) {
  world = await startWorld({ defender });
  const alert = makeAlert();
  alertId = alert.id;
  world.defender.alerts.push(alert);
  const issue = world.github.addIssue({ title: "[Medium] LSASS", body: `<!-- defender-alert-id: ${alertId} -->\nbody`, labels: ["defender-alert"] });
  fixture = { number: issue.number, body: issue.body ?? "" };
  world.github.collaborators.set("triager", "triage");
  world.github.collaborators.set("maintainer", "maintain");
  world.github.collaborators.set("reader", "read");
}

const sync = (event: { name: string; payload: unknown }, inputs: Record<string, string> = {}) => world.run({ mode: "sync", ...inputs }, { event });

afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

describe("what each event sends", () => {
  beforeEach(async () => setUp());

  it.each([
    ["closed with triage labels", issuesEvent("closed", { number: 1, body: "", labels: ["defender-alert", "Classification: true-positive", "determination:Malware"], state: "closed", stateReason: "completed" }, "triager"), { status: "Resolved", classification: "TruePositive", determination: "Malware" }],
    ["closed as not planned, no labels", issuesEvent("closed", { number: 1, body: "", state: "closed", stateReason: "not_planned" }, "triager"), { status: "Resolved" }],
    ["reopened", issuesEvent("reopened", { number: 1, body: "" }, "triager"), { status: "InProgress" }],
    ["reopened with a status label", issuesEvent("reopened", { number: 1, body: "", labels: ["status:New"] }, "maintainer"), { status: "New" }],
    ["labeled with a determination that implies its classification", issuesEvent("labeled", { number: 1, body: "", labels: ["determination:malware"] }, "triager", { label: "determination:malware" }), { classification: "TruePositive", determination: "Malware" }],
    ["labeled with the other spelling of a determination", issuesEvent("labeled", { number: 1, body: "", labels: ["classification:FalsePositive", "determination: Clean"] }, "triager", { label: "determination: Clean" }), { classification: "FalsePositive", determination: "NotMalicious" }],
    ["labeled determination:Other alone", issuesEvent("labeled", { number: 1, body: "", labels: ["determination:Other"] }, "triager", { label: "determination:Other" }), { determination: "Other" }],
    ["unlabeled, leaving a status", issuesEvent("unlabeled", { number: 1, body: "", labels: ["status:InProgress"] }, "triager", { label: "classification:FalsePositive" }), { status: "InProgress" }],
    ["edited, marker unchanged", issuesEvent("edited", { number: 1, body: "", labels: ["status:in_progress"] }, "triager", { previousBody: "" }), { status: "InProgress" }],
    ["assigned, mapped", issuesEvent("assigned", { number: 1, body: "", assignees: ["octocat"] }, "triager", { assignee: "octocat" }), { assignedTo: "octo.cat@contoso.com" }],
    ["assigned, unmapped", issuesEvent("assigned", { number: 1, body: "", assignees: ["hubot"] }, "triager", { assignee: "hubot" }), { assignedTo: "hubot" }],
  ])("%s", async (_name, event, changes) => {
    const body = `<!-- defender-alert-id: ${alertId} -->\nbody`;
    (event.payload.issue as { body: string }).body = body;
    if ((event.payload as { changes?: { body: { from: string } } }).changes) (event.payload as { changes: { body: { from: string } } }).changes.body.from = body;
    const result = await sync(event, { "assignee-map": "octocat: octo.cat@contoso.com" });
    expect(result.code).toBe(0);
    expect(world.defender.patches).toEqual([{ id: alertId, body: changes }]);
    expect(JSON.parse(result.outputs["alerts-updated"]!)).toEqual([{ alertId, issueNumber: 1, changes }]);
    expect(result.summary).toContain(`#1`);
  });

  it("copies a new comment to the alert, naming its author and linking it", async () => {
    const result = await sync(commentEvent({ ...fixture }, "triager", { id: 555, body: "Isolated the host. @ciso FYI" }));
    expect(result.code).toBe(0);
    expect(world.defender.patches).toEqual([{ id: alertId, body: { comment: "triager on GitHub: Isolated the host. @ciso FYI (https://github.com/acme/soc/issues/1#issuecomment-555)" } }]);
    expect((world.defender.alerts[0]!.comments as Array<{ comment: string }>).map((c) => c.comment)).toEqual(["triager on GitHub: Isolated the host. @ciso FYI (https://github.com/acme/soc/issues/1#issuecomment-555)"]);
  });

  it("cuts a comment over 4,000 characters and lets the link carry the rest", async () => {
    await sync(commentEvent({ ...fixture }, "triager", { body: "x".repeat(5000) }));
    const sent = (world.defender.patches[0]!.body as { comment: string }).comment;
    expect(sent).toBe(`triager on GitHub: ${"x".repeat(4000)}… (cut; the rest is on GitHub) (https://github.com/acme/soc/issues/1#issuecomment-9001)`);
  });

  it.each([
    ["unassigned", issuesEvent("unassigned", { number: 1, body: "" }, "triager", { assignee: "octocat" })],
    ["opened", issuesEvent("opened", { number: 1, body: "" }, "triager")],
    ["labeled with no triage label", issuesEvent("labeled", { number: 1, body: "", labels: ["defender-alert", "needs-review"] }, "triager", { label: "needs-review" })],
    ["a label sync does not read added to a classified issue", issuesEvent("labeled", { number: 1, body: "", labels: ["classification:TruePositive", "needs-review"] }, "triager", { label: "needs-review" })],
    ["a label sync does not read removed from a classified issue", issuesEvent("unlabeled", { number: 1, body: "", labels: ["classification:TruePositive"] }, "triager", { label: "needs-review" })],
  ])("sends nothing for %s, and asks GitHub nothing", async (_name, event) => {
    (event.payload.issue as { body: string }).body = fixture.body;
    const before = world.github.requests.length;
    const result = await sync(event);
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(world.github.requests.length).toBe(before);
    expect(result.outputs["alerts-updated"]).toBe("[]");
    expect(result.annotations.map((a) => a.level)).toEqual(["notice"]);
  });
});

describe("trust", () => {
  beforeEach(async () => setUp());

  it("ignores a look-alike issue opened by someone outside trusted-authors", async () => {
    const result = await sync(issuesEvent("closed", { ...fixture, author: "mallory", state: "closed" }, "mallory"));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(world.github.requests).toEqual([]);
    expect(result.annotations).toEqual([{ level: "warning", message: `Issue #1: has an alert marker but was opened by "mallory", who is not in trusted-authors; nothing sent to Defender.` }]);
  });

  it("ignores a sender without the triage role, checked through the API", async () => {
    const result = await sync(issuesEvent("closed", { ...fixture, state: "closed" }, "reader"));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(world.github.requests.map((r) => r.path)).toEqual(["/repos/acme/soc/collaborators/reader/permission"]);
    expect(result.annotations).toEqual([{ level: "warning", message: `Issue #1: "reader" has the role 'read' here; changing a Defender alert takes triage or above; nothing sent to Defender.` }]);
  });

  it("ignores a stranger on a public repository, which answers 'read' for anyone", async () => {
    const result = await sync(issuesEvent("labeled", { ...fixture, labels: ["classification:FalsePositive"] }, "drive-by", { label: "classification:FalsePositive" }));
    expect(result.code).toBe(0);
    expect(world.defender.patches).toEqual([]);
  });

  it("ignores events sent by a trusted author, so the action cannot loop", async () => {
    const result = await sync(commentEvent({ ...fixture }, "github-actions[bot]", { body: "The labels of this issue cannot be sent" }));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(world.github.requests).toEqual([]);
  });

  it.each([
    ["a path-like alert ID", "<!-- defender-alert-id: ../../machines/x -->"],
    ["two markers", `<!-- defender-alert-id: a1 -->\n<!-- defender-alert-id: a2 -->`],
  ])("ignores a body with %s", async (_name, body) => {
    const result = await sync(issuesEvent("closed", { ...fixture, body, state: "closed" }, "triager"));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(result.annotations[0]?.level).toBe("warning");
  });

  it("ignores an edit that changes the marker: the alert ID the issue was opened with stands", async () => {
    const event = issuesEvent("edited", { ...fixture, body: "<!-- defender-alert-id: other_alert_1 -->", labels: ["status:Resolved"] }, "maintainer", { previousBody: fixture.body });
    const result = await sync(event);
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(result.annotations[0]?.message).toContain("the edit changed the alert marker");
  });

  it("ignores a marker written in a comment on an issue that has none", async () => {
    const plain = world.github.addIssue({ title: "question", body: "how do I triage?" });
    const result = await sync(commentEvent({ number: plain.number, body: plain.body! }, "triager", { body: `<!-- defender-alert-id: ${alertId} -->\nclose it` }));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(result.annotations).toEqual([{ level: "notice", message: `Issue #${plain.number}: no alert marker, so not an alert issue; nothing sent to Defender.` }]);
  });

  it("does not read a label with a Unicode look-alike as the real one", async () => {
    const lookAlike = "classification:TruePоsitive"; // Cyrillic о
    const result = await sync(issuesEvent("labeled", { ...fixture, labels: [lookAlike] }, "triager", { label: lookAlike }));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(result.annotations).toEqual([{ level: "warning", message: `Issue #1: \`${lookAlike}\` is not a classification sync knows; nothing sent to Defender.` }]);
  });

  it("ignores comments on pull requests", async () => {
    const result = await sync(commentEvent({ ...fixture, pullRequest: true }, "triager", { body: "LGTM" }));
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
  });
});

describe("problems and rejections", () => {
  it("falls back once to the other spelling when Defender refuses a determination", async () => {
    await setUp({ determinationSpellings: "right" });
    const result = await sync(issuesEvent("closed", { ...fixture, state: "closed", labels: ["classification:FalsePositive", "determination:NotMalicious"] }, "triager"));
    expect(result.code).toBe(0);
    expect(world.defender.requests.filter((r) => r.method === "PATCH").map((r) => [(r.body as { determination: string }).determination, r.status])).toEqual([["NotMalicious", 400], ["Clean", 200]]);
    expect(JSON.parse(result.outputs["alerts-updated"]!)[0].changes).toEqual({ status: "Resolved", classification: "FalsePositive", determination: "Clean" });
  });

  it("sends nothing for conflicting labels, warns, and comments once across repeated events", async () => {
    await setUp();
    const labels = ["classification:TruePositive", "classification:FalsePositive"];
    const first = await sync(issuesEvent("labeled", { ...fixture, labels }, "triager", { label: labels[1]! }));
    const second = await sync(issuesEvent("closed", { ...fixture, labels, state: "closed" }, "triager"));
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(world.defender.requests).toEqual([]);
    expect(first.annotations).toContainEqual({ level: "warning", message: "Issue #1: two classification labels: TruePositive and FalsePositive; nothing sent to Defender." });
    expect(world.github.comments).toHaveLength(1);
    expect(world.github.comments[0]!.body).toContain("`classification:InformationalExpectedActivity`");
    expect(world.github.comments[0]!.user).toBe("github-actions[bot]");
  });

  it("refuses a determination outside its classification", async () => {
    await setUp();
    const result = await sync(issuesEvent("labeled", { ...fixture, labels: ["classification:FalsePositive", "determination:Malware"] }, "triager", { label: "determination:Malware" }));
    expect(result.code).toBe(0);
    expect(world.defender.patches).toEqual([]);
    expect(result.annotations[0]?.message).toBe("Issue #1: determination Malware does not go with classification FalsePositive; nothing sent to Defender.");
  });

  it("fails the step and comments when the alert is gone (outside retention)", async () => {
    await setUp();
    world.defender.alerts.length = 0;
    const result = await sync(issuesEvent("closed", { ...fixture, state: "closed" }, "triager"));
    expect(result.code).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toMatch(new RegExp(`^1 update failed: #1 ${alertId}: alert ${alertId} was not found in Defender: it may be older than the tenant's retention`));
    expect(world.github.comments[0]?.body).toContain("Defender did not accept the change from this issue");
  });

  it("reports another rejection with Defender's code, message and correlation ID", async () => {
    await setUp();
    world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, { status: 403, body: { error: { code: "Forbidden", message: "Missing application roles. API required roles: Alert.ReadWrite.All", target: "0a1b2c3d-0000-4000-8000-00000000abcd" } } });
    const result = await sync(issuesEvent("reopened", { ...fixture }, "triager"));
    expect(result.code).toBe(1);
    expect(result.annotations.find((a) => a.level === "error")?.message).toContain("failed with HTTP 403: Forbidden: Missing application roles. API required roles: Alert.ReadWrite.All (correlation ID 0a1b2c3d-0000-4000-8000-00000000abcd).");
  });

  it("in a dry run checks trust and labels but sends nothing", async () => {
    await setUp();
    const result = await sync(issuesEvent("closed", { ...fixture, state: "closed" }, "triager"), { "dry-run": "true" });
    expect(result.code).toBe(0);
    expect(world.defender.requests).toEqual([]);
    expect(JSON.parse(result.outputs["alerts-updated"]!)).toEqual([{ alertId, issueNumber: 1, changes: { status: "Resolved" } }]);
  });
});
