/** Two-way reconcile end to end: Defender's changes reach the issue, the issue's reach the alert, once. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { readRecord } from "../../src/issue/record.ts";
import type { Alert } from "../emulators/defender.ts";
import type { EmulatedIssue } from "../emulators/github.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { commentEvent, issuesEvent } from "../support/events.ts";
import { hrefsIn, mentionsIn, renderGfm, tagsIn } from "../support/gfm.ts";
import { minutesAgo, type RunResult, startWorld, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const marker = (id: string) => `<!-- defender-alert-id: ${id} -->`;
const SCHEDULE = { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } };
const reconcile = (inputs: Record<string, string> = {}) => world.run({ mode: "sync", lookback: "7d", ...inputs }, SCHEDULE);
const MAP = { "assignee-map": '{"octocat": "octo.cat@contoso.com"}' };
const BASE_LABELS = ["defender-alert", "severity:Medium"];
const inFuture = (seconds: number) => new Date(Date.now() + seconds * 1000);

/** An alert and the issue pull opened for it (no record of agreement yet). */
function seed(alert: Partial<Alert> = {}, issue: Partial<EmulatedIssue> = {}): { alert: Alert; issue: EmulatedIssue } {
  const made = makeAlert({ alertCreationTime: minutesAgo(120), ...alert });
  world.defender.alerts.push(made);
  const opened = world.github.addIssue({
    title: "[Medium] Suspicious access to LSASS service on ws-finance-07.corp.contoso.com",
    body: `**Severity:** Medium\n\n${marker(made.id)}`,
    labels: [...BASE_LABELS],
    created_at: minutesAgo(110),
    ...issue,
  });
  return { alert: made, issue: opened };
}

const commentsOn = (issue: EmulatedIssue) => world.github.comments.filter((c) => c.issue_number === issue.number);
const defenderWrites = () => world.defender.requests.filter((r) => r.method !== "GET");
const recordOf = (issue: EmulatedIssue) => readRecord(issue.body);
const issuesUpdated = (result: RunResult) => JSON.parse(result.outputs["issues-updated"]!) as unknown[];
const alertsUpdated = (result: RunResult) => JSON.parse(result.outputs["alerts-updated"]!) as unknown[];

/** A reconcile right after: no write on either side, nothing reported. */
async function expectQuiet(inputs: Record<string, string> = {}): Promise<RunResult> {
  const github = world.github.writes().length;
  const defender = defenderWrites().length;
  const result = await reconcile(inputs);
  expect(result.code).toBe(0);
  expect(world.github.writes().slice(github).map((w) => `${w.method} ${w.path}`)).toEqual([]);
  expect(defenderWrites().slice(defender)).toEqual([]);
  expect(result.outputs["issues-updated"]).toBe("[]");
  expect(result.outputs["alerts-updated"]).toBe("[]");
  return result;
}

/** The copy comment's leading tag: the newest Defender comment it copies. */
const copiedTag = (time: string) => `<!-- defender-issues-copied: ${time} -->`;
/** The tag that says which state change a comment announces. */
const stateTag = (state: "open" | "closed") => `<!-- defender-issues-state: ${state} -->\n`;
/** How a Defender comment reads on the issue. */
const copiedPart = (by: string, time: string, quoted: string) => `**${by.replace("@", "\\@")}** · ${time.replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC")}\n\n${quoted}`;

it("an alert resolved in the Defender portal closes its issue once, with its classification and determination as labels", async () => {
  const { alert, issue } = seed();
  world.defender.portal(alert.id, { status: "Resolved", classification: "TruePositive", determination: "Malware" });

  const first = await reconcile();
  expect(first.code).toBe(0);
  expect(issue).toMatchObject({ state: "closed", state_reason: "completed", assignees: [] });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:TruePositive", "determination:Malware"]);
  expect(commentsOn(issue).map((c) => [c.user, c.body])).toEqual([
    ["github-actions[bot]", `${stateTag("closed")}**Resolved in Microsoft Defender**, classification TruePositive, determination Malware. Closing this issue to match.`],
  ]);
  // One comment and one update: state, labels and the record together.
  expect(world.github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`POST /repos/acme/soc/issues/${issue.number}/comments`, `PATCH /repos/acme/soc/issues/${issue.number}`]);
  expect(world.github.issueEvents(issue.number).map((e) => [e.event, e.actor, e.label?.name ?? e.state_reason])).toEqual([
    ["labeled", "github-actions[bot]", "classification:TruePositive"],
    ["labeled", "github-actions[bot]", "determination:Malware"],
    ["closed", "github-actions[bot]", "completed"],
  ]);
  expect(issuesUpdated(first)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { state: "closed", labelsAdded: ["classification:TruePositive", "determination:Malware"] } }]);
  expect(alertsUpdated(first)).toEqual([]);
  expect(defenderWrites()).toEqual([]);
  expect(recordOf(issue)).toEqual({ triage: { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: null }, commentsUntil: null, issueComments: 1 });
  expect(issue.body).toMatch(/^\*\*Severity:\*\* Medium\n\n<!-- defender-alert-id: \S+ -->\n\n<!-- defender-issues-agreed: \{.*\} -->\n$/);
  expect(first.summary).toContain("### From Defender");
  expect(first.summary).toContain("| Issues updated (from Defender) | 1 |");

  await expectQuiet();
  expect(commentsOn(issue)).toHaveLength(1);
});

it("automated investigation resolves an alert: the issue is closed saying so, its assignees kept, and the unmapped owner reported", async () => {
  const { alert, issue } = seed({ assignedTo: "octo.cat@contoso.com" }, { assignees: ["octocat"] });
  // In step: the first reconcile records the agreement and changes nothing a triager sees.
  const agreed = await reconcile(MAP);
  expect(agreed.code).toBe(0);
  expect(world.github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`PATCH /repos/acme/soc/issues/${issue.number}`]);
  expect(world.github.writes()[0]!.body).toEqual({ body: expect.stringContaining("defender-issues-agreed") });
  expect(recordOf(issue)?.triage).toEqual({ status: "New", classification: null, determination: null, owner: "octo.cat@contoso.com" });
  expect(issuesUpdated(agreed)).toEqual([]);

  world.defender.automatedInvestigation(alert.id, { outcome: "SuccessfullyRemediated" });
  const result = await reconcile(MAP);
  expect(result.code).toBe(0);
  expect(issue).toMatchObject({ state: "closed", state_reason: "completed", assignees: ["octocat"], labels: BASE_LABELS });
  expect(commentsOn(issue).map((c) => c.body)).toEqual([`${stateTag("closed")}**Resolved in Microsoft Defender** by automated investigation. Closing this issue to match.`]);
  expect(issuesUpdated(result)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { state: "closed" } }]);
  expect(alertsUpdated(result)).toEqual([]);
  expect(defenderWrites()).toEqual([]);
  expect(result.summary).toContain("| Owners no login maps to | 1 |");
  expect(result.summary).toContain(`| #${issue.number} | \` Automation \` |`);
  expect(result.annotations).toContainEqual({ level: "notice", message: `Issue #${issue.number}: Defender's owner "Automation" maps to no GitHub login (assignee-map); the assignees are left as they are.` });
  expect(world.defender.alerts[0]).toMatchObject({ status: "Resolved", assignedTo: "Automation" });

  await expectQuiet(MAP);
});

it("an alert reactivated in Defender reopens its closed issue with one comment, and a reclassification replaces its labels", async () => {
  const { alert, issue } = seed();
  world.defender.portal(alert.id, { status: "Resolved", classification: "TruePositive", determination: "Malware" });
  expect((await reconcile()).code).toBe(0);
  expect(issue.state).toBe("closed");

  // Reclassified while resolved: labels replaced, the issue stays closed, no comment.
  world.defender.portal(alert.id, { classification: "FalsePositive", determination: "NotMalicious" });
  const reclassified = await reconcile();
  expect(reclassified.code).toBe(0);
  expect(issue).toMatchObject({ state: "closed", state_reason: "completed" });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:FalsePositive", "determination:NotMalicious"]);
  expect(commentsOn(issue)).toHaveLength(1);
  expect(issuesUpdated(reclassified)).toEqual([{
    issueNumber: issue.number,
    alertId: alert.id,
    changes: { labelsAdded: ["classification:FalsePositive", "determination:NotMalicious"], labelsRemoved: ["classification:TruePositive", "determination:Malware"] },
  }]);
  expect(defenderWrites()).toEqual([]);
  await expectQuiet();

  // Reactivated: Resolved → New.
  world.defender.portal(alert.id, { status: "New" });
  const reopened = await reconcile();
  expect(reopened.code).toBe(0);
  expect(issue).toMatchObject({ state: "open", state_reason: "reopened" });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:FalsePositive", "determination:NotMalicious"]);
  expect(commentsOn(issue).map((c) => c.body).slice(1)).toEqual([`${stateTag("open")}**Reopened:** the alert is New again in Microsoft Defender.`]);
  expect(issuesUpdated(reopened)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { state: "open" } }]);
  expect(world.github.issueEvents(issue.number).at(-1)).toMatchObject({ event: "reopened", actor: "github-actions[bot]" });
  expect(recordOf(issue)?.triage).toEqual({ status: "New", classification: "FalsePositive", determination: "NotMalicious", owner: null });
  expect(defenderWrites()).toEqual([]);
  await expectQuiet();
});

it("an alert reassigned in Defender assigns the mapped login; an owner no login maps to leaves the assignees and is reported", async () => {
  const { alert, issue } = seed();
  world.defender.portal(alert.id, { assignedTo: "Octo.Cat@contoso.com" });
  const first = await reconcile(MAP);
  expect(first.code).toBe(0);
  expect(issue).toMatchObject({ state: "open", assignees: ["octocat"], labels: BASE_LABELS });
  expect(commentsOn(issue)).toEqual([]);
  expect(issuesUpdated(first)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { assignees: ["octocat"] } }]);
  expect(world.github.issueEvents(issue.number).map((e) => [e.event, e.assignee])).toEqual([["assigned", "octocat"]]);
  expect(defenderWrites()).toEqual([]);
  await expectQuiet(MAP);

  world.defender.portal(alert.id, { assignedTo: "stranger@contoso.com" });
  const unmapped = await reconcile(MAP);
  expect(unmapped.code).toBe(0);
  expect(issue.assignees).toEqual(["octocat"]);
  expect(issuesUpdated(unmapped)).toEqual([]);
  expect(unmapped.annotations).toContainEqual({ level: "notice", message: `Issue #${issue.number}: Defender's owner "stranger@contoso.com" maps to no GitHub login (assignee-map); the assignees are left as they are.` });
  expect(unmapped.summary).toContain(`| #${issue.number} | \` stranger@contoso.com \` |`);
  // The issue's assignee is not sent back over Defender's newer owner either.
  expect(defenderWrites()).toEqual([]);
  await expectQuiet(MAP);
  expect(world.defender.alerts[0]!.assignedTo).toBe("stranger@contoso.com");
});

it("copies a Defender comment once across runs, and a later one once more, in their own comment each", async () => {
  const { alert, issue } = seed();
  world.defender.portal(alert.id, { comment: "Isolated the device; waiting on the user.", by: "analyst@contoso.com" });
  const firstTime = (world.defender.alerts[0]!.comments as Array<{ createdTime: string }>)[0]!.createdTime;

  const first = await reconcile();
  expect(first.code).toBe(0);
  expect(commentsOn(issue).map((c) => c.body)).toEqual([
    `${copiedTag(firstTime)}\n**Comment in Microsoft Defender**\n\n${copiedPart("analyst@contoso.com", firstTime, "> Isolated the device; waiting on the user.")}`,
  ]);
  expect(issuesUpdated(first)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { comments: 1 } }]);
  expect(recordOf(issue)).toEqual({ triage: { status: "New", classification: null, determination: null, owner: null }, commentsUntil: firstTime, issueComments: 1 });
  expect(issue).toMatchObject({ state: "open", labels: BASE_LABELS, assignees: [] });
  await expectQuiet();

  // A triager comments on the issue: the count grows past the record's, and nothing is copied again.
  world.github.act("triager", issue.number, { comment: "Talked to the user." });
  await expectQuiet();

  world.defender.portal(alert.id, { comment: "User confirms: not them. Resetting the password.", by: "lead@contoso.com", at: inFuture(5) });
  const secondTime = (world.defender.alerts[0]!.comments as Array<{ createdTime: string }>)[1]!.createdTime;
  const second = await reconcile();
  expect(second.code).toBe(0);
  expect(commentsOn(issue).map((c) => c.body).slice(2)).toEqual([
    `${copiedTag(secondTime)}\n**Comment in Microsoft Defender**\n\n${copiedPart("lead@contoso.com", secondTime, "> User confirms: not them. Resetting the password.")}`,
  ]);
  expect(issuesUpdated(second)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { comments: 1 } }]);
  expect(recordOf(issue)).toMatchObject({ commentsUntil: secondTime, issueComments: 3 });
  await expectQuiet();
  expect(commentsOn(issue)).toHaveLength(3);
  expect(defenderWrites()).toEqual([]);
});

it("does not copy back the comment the action sent to Defender from the issue", async () => {
  const { alert, issue } = seed();
  world.github.collaborators.set("triager", "triage");
  world.github.act("triager", issue.number, { comment: "Contained: the device is isolated." });
  const posted = commentsOn(issue)[0]!;
  const sent = await world.run({ mode: "sync" }, { event: commentEvent({ number: issue.number, body: issue.body!, labels: issue.labels }, "triager", { id: posted.id, body: posted.body }) });
  expect(sent.code).toBe(0);
  const defenderComments = world.defender.alerts[0]!.comments as Array<{ comment: string }>;
  expect(defenderComments).toHaveLength(1);
  expect(defenderComments[0]!.comment).toMatch(/^triager on GitHub: Contained: the device is isolated\./);

  const writes = world.github.writes().length;
  const result = await reconcile();
  expect(result.code).toBe(0);
  expect(commentsOn(issue)).toEqual([posted]);
  expect(world.github.writes()).toHaveLength(writes);
  expect(result.outputs["issues-updated"]).toBe("[]");
  expect(defenderWrites()).toHaveLength(1);
  expect(alert.id).toBe(world.defender.alerts[0]!.id);
});

it("renders hostile Defender comment text inert, and it changes neither the record nor what a later run copies", async () => {
  const { alert, issue } = seed();
  const hostile = [
    "@octocat @acme/security-team please look",
    "<img src=x onerror=alert(1)><script>alert(1)</script><details open>x</details>",
    "[click here](https://evil.example/phish) and https://evil.example/x and www.evil.example",
    marker("da999999999999999999_1"),
    "<!-- defender-issues-copied: 2099-01-01T00:00:00Z -->",
    '<!-- defender-issues-agreed: {"status":"New","classification":"FalsePositive","determination":"NotMalicious","owner":"mallory","commentsUntil":"2099-01-01T00:00:00Z","issueComments":99} -->',
    "# heading\n| a | b |\n```\nfence",
  ].join("\n");
  world.defender.portal(alert.id, { comment: hostile, by: "@mallory <b>x</b>" });
  const time = (world.defender.alerts[0]!.comments as Array<{ createdTime: string }>)[0]!.createdTime;

  const result = await reconcile();
  expect(result.code).toBe(0);
  const [copy] = commentsOn(issue);
  expect(commentsOn(issue)).toHaveLength(1);
  expect(copy!.body.startsWith(`${copiedTag(time)}\n**Comment in Microsoft Defender**\n\n`)).toBe(true);
  const html = renderGfm(copy!.body);
  expect(mentionsIn(html)).toEqual([]);
  expect(hrefsIn(html)).toEqual([]);
  expect([...tagsIn(html)].sort()).toEqual(["blockquote", "p", "strong"]);
  // Only the leading tag reads as a tag; the record, marker and copy lines do not.
  expect(copy!.body.match(/^<!--/gm)).toHaveLength(1);
  expect(copy!.body).not.toContain("defender-alert-id:");
  expect(readRecord(copy!.body)).toBeUndefined();
  expect(recordOf(issue)).toEqual({ triage: { status: "New", classification: null, determination: null, owner: null }, commentsUntil: time, issueComments: 1 });
  expect(issue.body!.match(/defender-issues-agreed/g)).toHaveLength(1);
  expect(issue.labels).toEqual(BASE_LABELS);
  expect(defenderWrites()).toEqual([]);
  await expectQuiet();

  // A triager comments, and Defender gets a second comment: only that one is copied.
  world.github.act("triager", issue.number, { comment: "ok" });
  world.defender.portal(alert.id, { comment: "second", at: inFuture(5) });
  const next = await reconcile();
  expect(next.code).toBe(0);
  expect(commentsOn(issue).map((c) => c.body).at(-1)).toMatch(/\*\*Comment in Microsoft Defender\*\*\n\n\*\*analyst\\@contoso\.com\*\* · [^\n]+\n\n> second$/);
  expect(commentsOn(issue)).toHaveLength(3);
  await expectQuiet();
});

it("an issue closed while its event run failed: reconcile resolves the alert and leaves the issue as it is but for its record", async () => {
  const { alert, issue } = seed();
  world.github.collaborators.set("triager", "triage");
  world.github.act("triager", issue.number, { state: "closed", labels: { add: ["classification:TruePositive", "determination:Malware"] } });
  const down = { status: 503, body: { error: { code: "ServiceUnavailable", message: "down" } } };
  world.defender.inject({ method: "PATCH", path: /^\/api\/alerts\// }, down, down);
  const event = issuesEvent("closed", { number: issue.number, body: issue.body!, state: "closed", labels: issue.labels }, "triager");
  const failed = await world.run({ mode: "sync" }, { event, env: { DEFENDER_ISSUES_RETRY_BUDGET_MS: "1500" } });
  expect(failed.code).toBe(1);
  expect(world.defender.patches).toEqual([]);
  const before = structuredClone(issue);
  const comments = structuredClone(commentsOn(issue));
  const writes = world.github.writes().length;

  const result = await reconcile();
  expect(result.code).toBe(0);
  expect(world.defender.patches).toEqual([{ id: alert.id, body: { status: "Resolved", classification: "TruePositive", determination: "Malware" } }]);
  expect(world.defender.alerts[0]).toMatchObject({ status: "Resolved", classification: "TruePositive", determination: "Malware" });
  expect(alertsUpdated(result)).toEqual([{ alertId: alert.id, issueNumber: issue.number, changes: { status: "Resolved", classification: "TruePositive", determination: "Malware" } }]);
  expect(issuesUpdated(result)).toEqual([]);
  expect(world.github.writes().slice(writes).map((w) => [w.method, w.path, Object.keys(w.body as object)])).toEqual([["PATCH", `/repos/acme/soc/issues/${issue.number}`, ["body"]]]);
  expect({ ...issue, body: null, updated_at: null }).toEqual({ ...before, body: null, updated_at: null });
  expect(issue.body).toBe(`${before.body}\n\n${issue.body!.split("\n\n").at(-1)}`);
  expect(recordOf(issue)?.triage).toEqual({ status: "Resolved", classification: "TruePositive", determination: "Malware", owner: null });
  expect(commentsOn(issue)).toEqual(comments);
  await expectQuiet();
});

it("a classification changed on both sides: the later change wins, whichever side made it", async () => {
  const start = seed();
  const other = seed();
  for (const { alert } of [start, other]) world.defender.portal(alert.id, { classification: "TruePositive", determination: "Malware", at: new Date(Date.now() - 60_000) });
  expect((await reconcile()).code).toBe(0);
  for (const { issue } of [start, other]) {
    expect(issue.labels).toEqual([...BASE_LABELS, "classification:TruePositive", "determination:Malware"]);
    expect(recordOf(issue)?.triage).toMatchObject({ classification: "TruePositive", determination: "Malware" });
  }

  const toFalsePositive = { labels: { remove: ["classification:TruePositive", "determination:Malware"], add: ["classification:FalsePositive", "determination:NotMalicious"] } };
  // Defender's change is the later one on the first issue, the issue's on the second.
  world.github.act("triager", start.issue.number, { ...toFalsePositive, at: inFuture(60) });
  world.defender.portal(start.alert.id, { classification: "InformationalExpectedActivity", determination: "SecurityTesting", at: inFuture(120) });
  world.defender.portal(other.alert.id, { classification: "InformationalExpectedActivity", determination: "SecurityTesting", at: inFuture(60) });
  world.github.act("triager", other.issue.number, { ...toFalsePositive, at: inFuture(120) });

  const result = await reconcile();
  expect(result.code).toBe(0);
  expect(start.issue.labels).toEqual([...BASE_LABELS, "classification:InformationalExpectedActivity", "determination:SecurityTesting"]);
  expect(other.issue.labels).toEqual([...BASE_LABELS, "classification:FalsePositive", "determination:NotMalicious"]);
  expect(world.defender.patches).toEqual([{ id: other.alert.id, body: { classification: "FalsePositive", determination: "NotMalicious" } }]);
  expect(world.defender.alerts.find((a) => a.id === start.alert.id)).toMatchObject({ classification: "InformationalExpectedActivity", determination: "SecurityTesting" });
  expect(world.defender.alerts.find((a) => a.id === other.alert.id)).toMatchObject({ classification: "FalsePositive", determination: "NotMalicious" });
  expect(issuesUpdated(result)).toEqual([{
    issueNumber: start.issue.number,
    alertId: start.alert.id,
    changes: { labelsAdded: ["classification:InformationalExpectedActivity", "determination:SecurityTesting"], labelsRemoved: ["classification:FalsePositive", "determination:NotMalicious"] },
  }]);
  expect(alertsUpdated(result)).toEqual([{ alertId: other.alert.id, issueNumber: other.issue.number, changes: { classification: "FalsePositive", determination: "NotMalicious" } }]);
  expect(recordOf(start.issue)?.triage).toMatchObject({ classification: "InformationalExpectedActivity", determination: "SecurityTesting" });
  expect(recordOf(other.issue)?.triage).toMatchObject({ classification: "FalsePositive", determination: "NotMalicious" });
  expect(world.github.comments).toEqual([]);
  await expectQuiet();
});

it("an issue from before two-way (no record): its labels and assignee go to Defender, the rest comes back, Defender's comments are copied", async () => {
  const { alert, issue } = seed(
    { status: "New", classification: "TruePositive", determination: "Malware", assignedTo: null },
    { labels: [...BASE_LABELS, "status:InProgress"], assignees: ["octocat"] },
  );
  world.defender.portal(alert.id, { comment: "Seen on two more devices.", by: "analyst@contoso.com", at: new Date(Date.now() - 60_000) });
  const time = (world.defender.alerts[0]!.comments as Array<{ createdTime: string }>)[0]!.createdTime;
  expect(recordOf(issue)).toBeUndefined();

  const result = await reconcile(MAP);
  expect(result.code).toBe(0);
  expect(world.defender.patches).toEqual([{ id: alert.id, body: { status: "InProgress", assignedTo: "octo.cat@contoso.com" } }]);
  expect(issue).toMatchObject({ state: "open", assignees: ["octocat"] });
  expect(issue.labels).toEqual([...BASE_LABELS, "status:InProgress", "classification:TruePositive", "determination:Malware"]);
  expect(commentsOn(issue).map((c) => c.body)).toEqual([
    `${copiedTag(time)}\n**Comment in Microsoft Defender**\n\n${copiedPart("analyst@contoso.com", time, "> Seen on two more devices.")}`,
  ]);
  expect(alertsUpdated(result)).toEqual([{ alertId: alert.id, issueNumber: issue.number, changes: { status: "InProgress", assignedTo: "octo.cat@contoso.com" } }]);
  expect(issuesUpdated(result)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { labelsAdded: ["classification:TruePositive", "determination:Malware"], comments: 1 } }]);
  expect(recordOf(issue)).toEqual({ triage: { status: "InProgress", classification: "TruePositive", determination: "Malware", owner: "octo.cat@contoso.com" }, commentsUntil: time, issueComments: 1 });
  await expectQuiet(MAP);
});

it("an open issue older than the lookback is still looked at, and closed when its alert is resolved", async () => {
  const { alert, issue } = seed({ alertCreationTime: minutesAgo(60 * 24 * 30) }, { created_at: minutesAgo(60 * 24 * 30), updated_at: minutesAgo(60 * 24 * 30) });
  world.defender.portal(alert.id, { status: "Resolved", classification: "TruePositive", determination: "Phishing" });
  const result = await reconcile({ lookback: "1d" });
  expect(result.code).toBe(0);
  expect(issue).toMatchObject({ state: "closed", state_reason: "completed" });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:TruePositive", "determination:Phishing"]);
  expect(commentsOn(issue)).toHaveLength(1);
  expect(issuesUpdated(result)).toHaveLength(1);
  await expectQuiet({ lookback: "1d" });
});

it("a false positive resolved in Defender closes the issue as not planned", async () => {
  const { alert, issue } = seed();
  world.defender.portal(alert.id, { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious", assignedTo: "analyst@contoso.com" });
  const result = await reconcile();
  expect(result.code).toBe(0);
  expect(issue).toMatchObject({ state: "closed", state_reason: "not_planned", assignees: [] });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:FalsePositive", "determination:NotMalicious"]);
  expect(commentsOn(issue).map((c) => c.body)).toEqual([
    `${stateTag("closed")}**Resolved in Microsoft Defender** (owner analyst\\@contoso.com), classification FalsePositive, determination NotMalicious. Closing this issue to match.`,
  ]);
  expect(result.annotations).toContainEqual({ level: "notice", message: `Issue #${issue.number}: Defender's owner "analyst@contoso.com" maps to no GitHub login (assignee-map); the assignees are left as they are.` });
  expect(issuesUpdated(result)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { state: "closed", labelsAdded: ["classification:FalsePositive", "determination:NotMalicious"] } }]);
  await expectQuiet();
});

/** The scenario of the interrupted-run cases: each side has a change for the other, and a Defender comment to copy. */
function bothSidesChanged(): { alert: Alert; issue: EmulatedIssue; commentTime: string } {
  const { alert, issue } = seed({}, { assignees: ["octocat"] });
  world.defender.portal(alert.id, { status: "Resolved", classification: "TruePositive", determination: "Malware", comment: "Remediated: the file is quarantined." });
  const commentTime = (world.defender.alerts.find((a) => a.id === alert.id)!.comments as Array<{ createdTime: string }>)[0]!.createdTime;
  return { alert, issue, commentTime };
}

/** What the issues and alerts look like, without times. */
function endState() {
  return {
    issues: world.github.issues.map((issue) => ({ state: issue.state, state_reason: issue.state_reason, labels: issue.labels, assignees: issue.assignees, record: recordOf(issue)?.triage })),
    // The note names the alert's owner as the run read it: before or after its own write to Defender.
    comments: world.github.comments.map((c) => c.body.replace(/<!-- defender-issues-copied: \S+ -->/, "TAG").replace(/· [^\n]+/g, "· TIME").replace(/ \(owner [^)]*\)/, "")),
    alerts: world.defender.alerts.map((a) => ({ status: a.status, classification: a.classification, determination: a.determination, assignedTo: a.assignedTo, comments: (a.comments as unknown[]).length })),
  };
}

it("a run that dies between the sides' writes is completed by the next: the same end state as an uninterrupted run, nothing sent twice", async () => {
  // Uninterrupted, for reference.
  bothSidesChanged();
  expect((await reconcile(MAP)).code).toBe(0);
  const clean = endState();
  expect(clean.issues[0]).toMatchObject({ state: "closed", labels: [...BASE_LABELS, "classification:TruePositive", "determination:Malware"], assignees: ["octocat"] });
  expect(clean.comments).toHaveLength(1);
  expect(clean.alerts[0]).toMatchObject({ assignedTo: "octo.cat@contoso.com" });
  await world.stop();

  // The issue's update fails after the comment was posted.
  world = await startWorld();
  const { issue } = bothSidesChanged();
  world.github.inject({ method: "PATCH", path: new RegExp(`^/repos/acme/soc/issues/${issue.number}$`) }, { status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } });
  const failed = await reconcile(MAP);
  expect(failed.code).toBe(1);
  expect(world.defender.patches).toHaveLength(1);
  expect(commentsOn(issue)).toHaveLength(1);
  expect(issue.state).toBe("open");
  const done = await reconcile(MAP);
  expect(done.code).toBe(0);
  expect(endState()).toEqual(clean);
  expect(world.defender.patches).toHaveLength(1);
  await expectQuiet(MAP);
  expect(endState()).toEqual(clean);
  await world.stop();

  // The comment fails: nothing on the issue changed, the next run does it all.
  world = await startWorld();
  const second = bothSidesChanged();
  world.github.inject({ method: "POST", path: new RegExp(`^/repos/acme/soc/issues/${second.issue.number}/comments$`) }, { status: 422, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } });
  expect((await reconcile(MAP)).code).toBe(1);
  expect(commentsOn(second.issue)).toEqual([]);
  expect((await reconcile(MAP)).code).toBe(0);
  expect(endState()).toEqual(clean);
  expect(world.defender.patches).toHaveLength(1);
  await expectQuiet(MAP);
  await world.stop();

  // The comment is posted but its reply is lost (the process is killed, or a 502 after the write).
  world = await startWorld();
  const third = bothSidesChanged();
  world.github.inject({ method: "POST", path: new RegExp(`^/repos/acme/soc/issues/${third.issue.number}/comments$`) }, { status: 422, applyEffect: true, body: { message: "Validation Failed", documentation_url: "https://docs.github.com/rest" } });
  expect((await reconcile(MAP)).code).toBe(1);
  expect(commentsOn(third.issue)).toHaveLength(1);
  expect((await reconcile(MAP)).code).toBe(0);
  expect(endState()).toEqual(clean);
  await expectQuiet(MAP);
});

it("sync-direction to-defender writes nothing to GitHub but label-problem comments; to-github sends nothing to Defender", async () => {
  const { alert, issue } = seed({}, { labels: [...BASE_LABELS, "classification:TruePositive"] });
  const { issue: conflicted } = seed({}, { labels: [...BASE_LABELS, "classification:TruePositive", "classification:FalsePositive"] });
  const { alert: reopenedAlert, issue: closed } = seed({}, { state: "closed" });
  world.defender.portal(alert.id, { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious", comment: "closing" });
  const before = structuredClone(issue);

  const toDefender = await reconcile({ "sync-direction": "to-defender" });
  expect(toDefender.code).toBe(0);
  expect(world.github.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`POST /repos/acme/soc/issues/${conflicted.number}/comments`]);
  expect(issue).toEqual(before);
  expect(toDefender.outputs["issues-updated"]).toBe("[]");
  expect(world.defender.patches).toHaveLength(2);
  expect(world.defender.patches).toContainEqual({ id: alert.id, body: { classification: "TruePositive" } });
  expect(world.defender.patches).toContainEqual({ id: reopenedAlert.id, body: { status: "Resolved" } });
  world.defender.patches.length = 0;
  world.defender.portal(reopenedAlert.id, { status: "New" });
  // The issue, open and TruePositive, spoke last: put Defender back to FalsePositive by hand to test to-github.
  world.defender.portal(alert.id, { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious" });
  world.github.requests.length = 0;
  const defenderBefore = defenderWrites().length;

  const toGitHub = await reconcile({ "sync-direction": "to-github" });
  expect(toGitHub.code).toBe(0);
  expect(defenderWrites()).toHaveLength(defenderBefore);
  expect(toGitHub.outputs["alerts-updated"]).toBe("[]");
  // The issue's classification is neither sent nor undone; the state and the determination come back.
  expect(issue).toMatchObject({ state: "closed", state_reason: "not_planned" });
  expect(issue.labels).toEqual([...BASE_LABELS, "classification:TruePositive"]);
  expect(commentsOn(conflicted)).toHaveLength(1);
  // Closed on GitHub, New in Defender: the issue's state is neither sent nor undone, and its record reads.
  expect(closed).toMatchObject({ state: "closed", state_reason: "completed" });
  expect(recordOf(closed)?.triage).toEqual({ status: "New", classification: null, determination: null, owner: null });
  expect(world.defender.alerts.find((a) => a.id === reopenedAlert.id)!.status).toBe("New");
  await expectQuiet({ "sync-direction": "to-github" });
  await expectQuiet({ "sync-direction": "to-github" });

  // An issue event with to-github: a notice, nothing sent.
  world.github.collaborators.set("triager", "triage");
  world.github.act("triager", issue.number, { labels: { add: ["determination:Malware"] } });
  const event = issuesEvent("labeled", { number: issue.number, body: issue.body!, state: issue.state, labels: issue.labels }, "triager", { label: "determination:Malware" });
  const eventRun = await world.run({ mode: "sync", "sync-direction": "to-github" }, { event });
  expect(eventRun.code).toBe(0);
  expect(eventRun.annotations).toEqual([{ level: "notice", message: `Issue #${issue.number}: sync-direction is to-github: issue events send nothing to Defender; nothing sent to Defender.` }]);
  expect(defenderWrites()).toHaveLength(defenderBefore);
});

it("dry-run reports both directions and writes to neither side", async () => {
  const { alert, issue } = seed({}, { assignees: ["octocat"] });
  world.defender.portal(alert.id, { status: "Resolved", classification: "TruePositive", determination: "Malware", comment: "done" });
  const defenderBefore = defenderWrites().length;
  const result = await reconcile({ ...MAP, "dry-run": "true" });
  expect(result.code).toBe(0);
  expect(world.github.writes()).toEqual([]);
  expect(defenderWrites()).toHaveLength(defenderBefore);
  expect(alertsUpdated(result)).toEqual([{ alertId: alert.id, issueNumber: issue.number, changes: { assignedTo: "octo.cat@contoso.com" } }]);
  expect(issuesUpdated(result)).toEqual([{ issueNumber: issue.number, alertId: alert.id, changes: { state: "closed", labelsAdded: ["classification:TruePositive", "determination:Malware"], comments: 1 } }]);
  expect(result.summary).toContain("(dry run)");
  expect(result.summary).toContain("### To Defender");
  expect(result.summary).toContain("### From Defender");
  expect(result.summary).toContain("| Alerts that would be updated (to Defender) | 1 |");
  expect(result.summary).toContain("| Issues that would be updated (from Defender) | 1 |");
  expect(issue).toMatchObject({ state: "open", labels: BASE_LABELS });
  expect(recordOf(issue)).toBeUndefined();
});
