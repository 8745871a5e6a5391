/** `group-by: incident` end to end: one issue per incident, joined alerts, merges, and triage sent to the incident. */
import { afterEach, describe, expect, it } from "vitest";
import { readRecord } from "../../src/issue/record.ts";
import type { GraphAlert, GraphIncident } from "../emulators/graph.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { makeGraphAlert, sampleGraphAlerts, sampleGraphIncidents } from "../emulators/sample-graph-alerts.ts";
import { commentEvent, issuesEvent } from "../support/events.ts";
import { minutesAgo, startWorld, type World } from "../support/world.ts";

let world: World;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };
const TRIAGER = "octocat";
const incidentMarker = (id: string) => `<!-- defender-incident-id: ${id} -->`;
const incidentIdOf = (body: string | null | undefined) => /^<!-- defender-incident-id: (\S+) -->$/m.exec(body ?? "")?.[1];

/** The sample incidents and their alerts, moved into the last hours (the samples' own times are fixed). */
function seedGraph(): { incidents: GraphIncident[]; alerts: GraphAlert[] } {
  const incidents = sampleGraphIncidents().map((incident, i) => ({ ...incident, createdDateTime: minutesAgo(120 - i * 10), lastUpdateDateTime: minutesAgo(60 - i * 10) }));
  const alerts = sampleGraphAlerts().map((alert, i) => ({ ...alert, createdDateTime: minutesAgo(110 - i * 5), lastUpdateDateTime: minutesAgo(50 - i * 5) }));
  world.graph.incidents.push(...incidents);
  world.graph.alerts.push(...alerts);
  return { incidents, alerts };
}

const pull = (inputs: Record<string, string> = {}) => world.run({ ...world.graphInputs, mode: "pull", "group-by": "incident", ...inputs });
const incidentIssues = () => world.github.issues.filter((issue) => incidentIdOf(issue.body) !== undefined);

describe("with source: graph", () => {
  it("opens one issue per incident with its alerts listed, none per alert, and nothing on a rerun", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    const { alerts } = seedGraph();

    const first = await pull();
    expect(first.code).toBe(0);
    expect(incidentIssues().map((issue) => [incidentIdOf(issue.body), issue.title, issue.labels])).toEqual([
      ["48213", "[High] Multi-stage incident involving Initial access & Credential access on one endpoint", ["defender-incident", "severity:High"]],
      ["48230", "[Low] Unusual addition of credentials to an OAuth app", ["defender-incident", "severity:Low"]],
    ]);
    // Every alert is in an incident here: no alert issue.
    expect(world.github.issues).toHaveLength(2);
    const body = incidentIssues()[0]!.body!;
    for (const alert of alerts.filter((a) => a.incidentId === "48213")) expect(body).toContain(alert.id);
    expect(body.match(/defender-incident-id/g)).toEqual(["defender-incident-id"]);
    expect(first.outputs["incidents-created"]).toBe("2");
    expect(JSON.parse(first.outputs.issues!)).toEqual(incidentIssues().map((issue) => ({ incidentId: incidentIdOf(issue.body), issueNumber: issue.number, url: `https://github.com/acme/soc/issues/${issue.number}` })));

    const writes = world.github.writes().length;
    const second = await pull();
    expect(second.code).toBe(0);
    expect(second.outputs["issues-created"]).toBe("0");
    expect(world.github.writes().slice(writes)).toEqual([]);
  });

  it("lists an alert that joined an incident, and says so in one comment, once", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    seedGraph();
    await pull();
    const issue = incidentIssues().find((i) => incidentIdOf(i.body) === "48230")!;
    const joined = makeGraphAlert({ id: "ca99joined", incidentId: "48230", title: "Mass download by the OAuth app", severity: "high", createdDateTime: minutesAgo(2), lastUpdateDateTime: minutesAgo(2) });
    // Joined a few seconds ago: a window ends at the run's start, to the second.
    world.graph.correlate(joined, new Date(Date.now() - 5_000));

    const result = await pull();
    expect(result.code).toBe(0);
    expect(issue.body).toContain("ca99joined");
    const comments = world.github.comments.filter((c) => c.issue_number === issue.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toMatch(/^\*\*1 alert joined this incident in Microsoft Defender:\*\*\n\n- High · Mass download by the OAuth app · /);

    const writes = world.github.writes().length;
    await pull();
    expect(world.github.writes().slice(writes)).toEqual([]);
  });

  it("closes a merged incident's issue as a duplicate of the survivor's, linked both ways, with its alerts listed there", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    seedGraph();
    await pull();
    const [survivor, merged] = incidentIssues();
    world.graph.merge("48230", "48213", new Date(Date.now() - 5_000));

    const result = await pull();
    expect(result.code).toBe(0);
    expect(merged).toMatchObject({ state: "closed", state_reason: "duplicate" });
    const on = (n: number) => world.github.comments.filter((c) => c.issue_number === n).map((c) => c.body);
    expect(on(merged!.number)).toEqual([`Microsoft Defender merged incident \`48230\` into incident \`48213\`: its alerts are listed on #${survivor!.number}, where triage continues.`]);
    expect(on(survivor!.number)).toContainEqual(`Microsoft Defender merged incident \`48230\` (#${merged!.number}) into this incident; its alerts are listed here now.`);
    expect(survivor!.body).toContain(world.graph.alerts.find((a) => a.title === "Unusual addition of credentials to an OAuth app")!.id);
  });

  it("closing an incident issue resolves the incident, in Graph's incident spelling, and its alerts with it", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    seedGraph();
    world.github.collaborators.set(TRIAGER, "triage");
    const issue = world.github.addIssue({ title: "[High] incident", body: `Opened from Defender.\n\n${incidentMarker("48213")}`, labels: ["defender-incident", "classification:TruePositive", "determination:Malware"], created_at: minutesAgo(30) });
    issue.state = "closed";

    const result = await world.run({ ...world.graphInputs, mode: "sync" }, { event: issuesEvent("closed", { number: issue.number, body: issue.body!, labels: issue.labels, state: "closed" }, TRIAGER) });
    expect(result.code).toBe(0);
    const sent = { status: "resolved", classification: "truePositive", determination: "malware" };
    expect(world.graph.incidentPatches).toEqual([{ id: "48213", body: sent }]);
    expect(JSON.parse(result.outputs["alerts-updated"]!)).toEqual([{ incidentId: "48213", alertId: "48213", issueNumber: issue.number, changes: sent }]);
    expect(world.graph.alerts.filter((a) => a.incidentId === "48213").map((a) => a.status)).toEqual(["resolved", "resolved", "resolved"]);
  });

  it("copies a triager's comment to the incident's comments", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    seedGraph();
    world.github.collaborators.set(TRIAGER, "triage");
    const issue = world.github.addIssue({ title: "[Low] incident", body: incidentMarker("48230"), labels: ["defender-incident"], created_at: minutesAgo(30) });
    const result = await world.run({ ...world.graphInputs, mode: "sync" }, { event: commentEvent({ number: issue.number, body: issue.body! }, TRIAGER, { id: 77, body: "App consent revoked." }) });
    expect(result.code).toBe(0);
    expect(world.graph.incidents.find((i) => i.id === "48230")!.comments!.map((c) => c.comment)).toEqual([expect.stringMatching(/^octocat on GitHub: App consent revoked\. \(https:\/\/github\.com\/\S+\)$/)]);
  });

  it("two-way reconcile: an incident resolved in the portal closes its issue with its labels; an incident issue closed on GitHub resolves its incident; the next run is quiet", async () => {
    world = await startWorld({ app: { roles: GRAPH_ROLES } });
    seedGraph();
    world.github.collaborators.set(TRIAGER, "triage");
    const inPortal = world.github.addIssue({ title: "[High] incident", body: incidentMarker("48213"), labels: ["defender-incident", "severity:High"], created_at: minutesAgo(30) });
    const onGitHub = world.github.addIssue({ title: "[Low] incident", body: incidentMarker("48230"), labels: ["defender-incident", "severity:Low"], created_at: minutesAgo(30) });
    onGitHub.state = "closed";
    world.graph.portalIncident("48213", { status: "resolved", classification: "truePositive", determination: "malware", at: new Date(Date.now() - 5_000) });
    const reconcile = () => world.run({ ...world.graphInputs, mode: "sync", lookback: "7d" }, { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } });

    const first = await reconcile();
    expect(first.code).toBe(0);
    expect(inPortal).toMatchObject({ state: "closed", state_reason: "completed" });
    expect(inPortal.labels).toEqual(["defender-incident", "severity:High", "classification:TruePositive", "determination:Malware"]);
    expect(world.graph.incidentPatches).toEqual([{ id: "48230", body: { status: "resolved" } }]);
    expect(JSON.parse(first.outputs["issues-updated"]!)).toEqual([expect.objectContaining({ issueNumber: inPortal.number, incidentId: "48213", changes: expect.objectContaining({ state: "closed" }) })]);

    const writes = world.github.writes().length;
    const patches = world.graph.incidentPatches.length;
    const second = await reconcile();
    expect(second.code).toBe(0);
    expect(world.github.writes().slice(writes)).toEqual([]);
    expect(world.graph.incidentPatches.slice(patches)).toEqual([]);
  });

  it("check names the incident permission the token lacks", async () => {
    world = await startWorld({ app: { roles: { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All"] } } });
    const result = await world.run({ ...world.graphInputs, mode: "check", "group-by": "incident" });
    expect(result.code).toBe(1);
    expect(result.summary).toContain("Microsoft Graph permission for incidents");
    expect(result.summary).toContain("SecurityIncident.ReadWrite.All");
  });
});

describe("with source: endpoint", () => {
  it("groups the window's alerts by incident into one issue each, and gives an alert of no incident its own issue", async () => {
    world = await startWorld();
    world.defender.alerts.push(
      makeAlert({ id: "da100_1", incidentId: 7001, alertCreationTime: minutesAgo(50), lastUpdateTime: minutesAgo(40), title: "Suspicious PowerShell", severity: "Medium" }),
      makeAlert({ id: "da100_2", incidentId: 7001, alertCreationTime: minutesAgo(45), lastUpdateTime: minutesAgo(35), title: "Credential dumping", severity: "High" }),
      makeAlert({ id: "da100_3", incidentId: null, alertCreationTime: minutesAgo(30), lastUpdateTime: minutesAgo(30), title: "Lone alert", severity: "Low" }),
    );
    const result = await world.run({ mode: "pull", "group-by": "incident" });
    expect(result.code).toBe(0);
    expect(result.outputs["incidents-created"]).toBe("1");
    expect(world.github.issues.map((issue) => [issue.title, issue.labels[0]])).toEqual([
      ["[High] Suspicious PowerShell", "defender-incident"],
      ["[Low] Lone alert on ws-finance-07.corp.contoso.com", "defender-alert"],
    ]);
  });

  it("closing an incident issue resolves every alert of the incident in one batch", async () => {
    world = await startWorld();
    world.defender.alerts.push(
      makeAlert({ id: "da200_1", incidentId: 7002, alertCreationTime: minutesAgo(50) }),
      makeAlert({ id: "da200_2", incidentId: 7002, alertCreationTime: minutesAgo(45) }),
      makeAlert({ id: "da200_3", incidentId: 9999, alertCreationTime: minutesAgo(40) }),
    );
    world.github.collaborators.set(TRIAGER, "triage");
    const issue = world.github.addIssue({ title: "[High] incident", body: incidentMarker("7002"), labels: ["defender-incident"], created_at: minutesAgo(30) });
    issue.state = "closed";
    const result = await world.run({ mode: "sync" }, { event: issuesEvent("closed", { number: issue.number, body: issue.body!, labels: issue.labels, state: "closed" }, TRIAGER) });
    expect(result.code).toBe(0);
    expect(world.defender.alerts.map((a) => [a.id, a.status])).toEqual([["da200_1", "Resolved"], ["da200_2", "Resolved"], ["da200_3", "New"]]);
    expect(world.defender.requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([{ alertIds: ["da200_1", "da200_2"], status: "Resolved" }]);
  });

  it("two-way reconcile reads every incident issue's incident in one request and brings a resolve in the portal back", async () => {
    world = await startWorld();
    world.defender.alerts.push(
      makeAlert({ id: "da400_1", incidentId: 7004, alertCreationTime: minutesAgo(50) }),
      makeAlert({ id: "da400_2", incidentId: 7004, alertCreationTime: minutesAgo(45) }),
      makeAlert({ id: "da401_1", incidentId: 7005, alertCreationTime: minutesAgo(40) }),
    );
    const resolved = world.github.addIssue({ title: "[High] incident", body: incidentMarker("7004"), labels: ["defender-incident"], created_at: minutesAgo(30) });
    const untouched = world.github.addIssue({ title: "[High] incident", body: incidentMarker("7005"), labels: ["defender-incident"], created_at: minutesAgo(30) });
    const at = new Date(Date.now() - 5_000);
    for (const id of ["da400_1", "da400_2"]) world.defender.portal(id, { status: "Resolved", at });

    const result = await world.run({ mode: "sync", lookback: "7d" }, { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } });
    expect(result.code).toBe(0);
    expect(world.defender.requests.filter((r) => r.method === "GET").map((r) => r.query.$filter!.split(" or ").sort())).toEqual([["incidentId eq 7004", "incidentId eq 7005"]]);
    expect([resolved.state, untouched.state]).toEqual(["closed", "open"]);
  });

  it("two-way reconcile copies the comments on an incident's alerts to its issue, one made on both alerts once, the action's own not at all; the next run copies nothing", async () => {
    world = await startWorld();
    world.defender.alerts.push(
      makeAlert({ id: "da300_1", incidentId: 7003, alertCreationTime: minutesAgo(50) }),
      makeAlert({ id: "da300_2", incidentId: 7003, alertCreationTime: minutesAgo(45) }),
    );
    world.github.collaborators.set(TRIAGER, "triage");
    const issue = world.github.addIssue({ title: "[High] incident", body: incidentMarker("7003"), labels: ["defender-incident"], created_at: minutesAgo(30) });
    // A triager's comment on the issue goes to each alert of the incident.
    world.github.act(TRIAGER, issue.number, { comment: "Contained: the device is isolated." });
    const posted = world.github.comments.find((c) => c.issue_number === issue.number)!;
    const sent = await world.run({ mode: "sync" }, { event: commentEvent({ number: issue.number, body: issue.body! }, TRIAGER, { id: posted.id, body: posted.body }) });
    expect(sent.code).toBe(0);
    // In the portal: the same comment on both alerts, and another on one of them.
    const ago = (seconds: number) => new Date(Date.now() - seconds * 1000);
    world.defender.portal("da300_1", { comment: "Reimaging the device.", by: "analyst@contoso.com", at: ago(6) });
    world.defender.portal("da300_2", { comment: "Reimaging the device.", by: "analyst@contoso.com", at: ago(5) });
    world.defender.portal("da300_2", { comment: "The user confirms it was not them.", by: "lead@contoso.com", at: ago(4) });
    const commentsOf = (id: string) => world.defender.alerts.find((a) => a.id === id)!.comments as Array<{ comment: string; createdTime: string }>;
    for (const id of ["da300_1", "da300_2"]) expect(commentsOf(id)[0]!.comment).toMatch(/^octocat on GitHub: Contained: the device is isolated\. /);
    const first = commentsOf("da300_1")[1]!.createdTime;
    const last = commentsOf("da300_2")[2]!.createdTime;
    const shown = (time: string) => time.replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC");
    const reconcile = () => world.run({ mode: "sync", lookback: "7d" }, { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } });

    const result = await reconcile();
    expect(result.code).toBe(0);
    const comments = world.github.comments.filter((c) => c.issue_number === issue.number).map((c) => c.body);
    expect(comments.slice(1)).toEqual([
      `<!-- defender-issues-copied: ${last} -->\n**2 comments in Microsoft Defender**\n\n` +
        `**analyst\\@contoso.com** · ${shown(first)}\n\n> Reimaging the device.\n\n` +
        `**lead\\@contoso.com** · ${shown(last)} · on alert \` da300_2 \`\n\n> The user confirms it was not them.`,
    ]);
    expect(JSON.parse(result.outputs["issues-updated"]!)).toEqual([expect.objectContaining({ issueNumber: issue.number, incidentId: "7003", changes: { comments: 2 } })]);
    expect(readRecord(issue.body)).toMatchObject({ commentsUntil: last });

    const writes = world.github.writes().length;
    const defenderWrites = world.defender.requests.filter((r) => r.method !== "GET").length;
    const second = await reconcile();
    expect(second.code).toBe(0);
    expect(world.github.writes().slice(writes)).toEqual([]);
    expect(world.defender.requests.filter((r) => r.method !== "GET")).toHaveLength(defenderWrites);
    expect(second.outputs["issues-updated"]).toBe("[]");
  });
});
