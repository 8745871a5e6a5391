/** `source: graph` end to end: pull, sync, two-way reconcile and check against the Graph security API. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { GraphAlert } from "../emulators/graph.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { endpointAlert, identityAlert, makeGraphAlert, oauthAlert, phishingAlert } from "../emulators/sample-graph-alerts.ts";
import { commentEvent, issuesEvent } from "../support/events.ts";
import { minutesAgo, type RunResult, startWorld, ticketedAlertIds, type World, type WorldOptions } from "../support/world.ts";

let world: World;
const start = async (options: WorldOptions = {}) => {
  world = await startWorld(options);
};
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const marker = (id: string) => `<!-- defender-alert-id: ${id} -->`;
const SCHEDULE = { event: { name: "schedule", payload: { schedule: "*/30 * * * *" } } };
const TRIAGER = "octocat";
const listRequests = () => world.graph.requests.filter((r) => r.method === "GET" && r.path === "/v1.0/security/alerts_v2");
const graphWrites = () => world.graph.requests.filter((r) => r.method !== "GET").map((r) => [r.method, r.path, r.body]);

/** A sample alert, created `minutes` ago (the samples' own times are fixed). */
function recent(alert: GraphAlert, minutes: number): GraphAlert {
  const at = minutesAgo(minutes);
  return { ...structuredClone(alert), createdDateTime: at, lastUpdateDateTime: at, firstActivityDateTime: at, lastActivityDateTime: at };
}

function pull(inputs: Record<string, string> = {}): Promise<RunResult> {
  return world.run({ ...world.graphInputs, mode: "pull", ...inputs });
}

describe("pull", () => {
  beforeEach(() => start());

  it("opens one issue per alert of every product, oldest first, labelled in our vocabulary, with each product's evidence in the body", async () => {
    world.graph.alerts.push(recent(endpointAlert, 40), recent(phishingAlert, 30), recent(identityAlert, 20), recent(oauthAlert, 10));

    const result = await pull();
    expect(result.code).toBe(0);
    expect(result.outputs["alerts-found"]).toBe("4");
    expect(result.outputs["issues-created"]).toBe("4");
    const issues = world.github.issues;
    expect(issues.map((issue) => [issue.title, issue.labels])).toEqual([
      ["[High] 'Mimikatz' credential theft tool was detected on fin-ws-042.contoso.com", ["defender-alert", "severity:High"]],
      ["[Medium] Email messages containing malicious URL removed after delivery", ["defender-alert", "severity:Medium"]],
      ["[Medium] User and IP address reconnaissance (SMB) on dc01.contoso.com", ["defender-alert", "severity:Medium"]],
      ["[Low] Unusual addition of credentials to an OAuth app", ["defender-alert", "severity:Low"]],
    ]);
    expect(ticketedAlertIds(world)).toEqual([endpointAlert.id, phishingAlert.id, identityAlert.id, oauthAlert.id]);
    const phishing = issues[1]!.body!;
    expect(phishing).toContain("| Product | Microsoft Defender for Office 365 |");
    for (const shown of ["` Overdue invoice 2026-1187 – action required `", "from ` Fabrikam Billing <billing@fabrikam-invoices.example> `", "to ` jdoe@contoso.com `", "network message ID ` 5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d `", "delivery Delivered → Inbox", "| Mailbox | ` jdoe@contoso.com ` |"]) {
      expect(phishing).toContain(shown);
    }
    // Graph's own portal link, on the cloud's portal host, is the alert's link.
    expect(phishing).toContain(`(${phishingAlert.alertWebUrl})`);
  });

  it("asks Graph for the window, severities, statuses and service sources in Graph's spelling, every request with the Prefer header", async () => {
    world.graph.alerts.push(recent(endpointAlert, 40), recent(phishingAlert, 30));

    const result = await pull({ "min-severity": "Medium", statuses: "New, InProgress", "service-sources": "MicrosoftDefenderForOffice365", lookback: "2h" });
    expect(result.code).toBe(0);
    expect(ticketedAlertIds(world)).toEqual([phishingAlert.id]);
    const [first] = listRequests();
    expect(first!.query.$filter).toMatch(
      /^createdDateTime ge \S+Z and createdDateTime lt \S+Z and \(severity eq 'medium' or severity eq 'high'\) and \(status eq 'new' or status eq 'inProgress'\) and serviceSource eq 'microsoftDefenderForOffice365'$/,
    );
    expect(world.graph.requests.map((r) => r.prefer)).toEqual(world.graph.requests.map(() => "include-unknown-enum-members"));
  });

  it("a repository that switches from endpoint to graph gets no second issue for an alert it has", async () => {
    const shared = recent(endpointAlert, 40);
    world.defender.alerts.push(makeAlert({ id: shared.id, alertCreationTime: shared.createdDateTime!, title: shared.title ?? "" }));
    const first = await world.run({ mode: "pull" });
    expect(first.outputs["issues-created"]).toBe("1");

    world.graph.alerts.push(shared, recent(phishingAlert, 30));
    const second = await pull();
    expect(second.code).toBe(0);
    expect(second.outputs["alerts-found"]).toBe("2");
    expect(second.outputs["issues-created"]).toBe("1");
    expect(ticketedAlertIds(world)).toEqual([shared.id, phishingAlert.id]);
  });

  it("fails with Graph's words and the permission to add when the token lacks SecurityAlert.Read.All", async () => {
    await world.stop();
    await start({ app: { roles: { "https://graph.microsoft.com": [] } } });
    world.graph.alerts.push(recent(phishingAlert, 30));

    const result = await pull();
    expect(result.code).toBe(1);
    const error = result.annotations.find((a) => a.level === "error")!.message;
    expect(error).toContain("HTTP 403");
    expect(error).toContain("SecurityAlert.Read.All");
    expect(error).toContain("Microsoft Graph application permission");
    expect(world.github.issues).toEqual([]);
  });
});

describe("sync", () => {
  beforeEach(() => start());

  function seed(alert: GraphAlert, labels: string[] = []) {
    world.graph.alerts.push(alert);
    world.github.collaborators.set(TRIAGER, "triage");
    return world.github.addIssue({
      title: `[Medium] ${alert.title}`,
      body: `Opened from Microsoft Defender.\n\n${marker(alert.id)}`,
      labels: ["defender-alert", "severity:Medium", ...labels],
      created_at: minutesAgo(50),
    });
  }

  it("closing an issue resolves its alert with the labels' classification and determination, in Graph's spelling", async () => {
    const alert = recent(phishingAlert, 60);
    const issue = seed(alert, ["classification:TruePositive", "determination:Phishing"]);
    issue.state = "closed";

    const result = await world.run({ ...world.graphInputs, mode: "sync" }, { event: issuesEvent("closed", { number: issue.number, body: issue.body!, labels: issue.labels, state: "closed" }, TRIAGER) });
    expect(result.code).toBe(0);
    const sent = { status: "resolved", classification: "truePositive", determination: "phishing" };
    expect(graphWrites()).toEqual([["PATCH", `/v1.0/security/alerts_v2/${alert.id}`, sent]]);
    expect(JSON.parse(result.outputs["alerts-updated"]!)).toEqual([{ alertId: alert.id, issueNumber: issue.number, changes: sent }]);
    expect(world.graph.alerts[0]).toMatchObject(sent);
  });

  it("in a dry run reports the change in Graph's spelling and sends nothing", async () => {
    const alert = recent(phishingAlert, 60);
    const issue = seed(alert, ["classification:FalsePositive", "determination:NotMalicious"]);
    issue.state = "closed";
    const result = await world.run({ ...world.graphInputs, mode: "sync", "dry-run": "true" }, { event: issuesEvent("closed", { number: issue.number, body: issue.body!, labels: issue.labels, state: "closed" }, TRIAGER) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.outputs["alerts-updated"]!)).toEqual([{ alertId: alert.id, issueNumber: issue.number, changes: { status: "resolved", classification: "falsePositive", determination: "notMalicious" } }]);
    expect(graphWrites()).toEqual([]);
  });

  it("sends the schema's spelling of a disputed determination first, and the documented one once when Graph refuses it", async () => {
    const alert = recent(identityAlert, 60);
    const issue = seed(alert, ["determination:CompromisedUser"]);
    world.graph.inject({ method: "PATCH", path: /alerts_v2\// }, { status: 400, body: { error: { code: "BadRequest", message: "Invalid value for determination", innerError: { "request-id": "r-1", date: "2026-12-04T00:00:00" } } } }, { status: 200, body: {} });

    const result = await world.run({ ...world.graphInputs, mode: "sync" }, { event: issuesEvent("labeled", { number: issue.number, body: issue.body!, labels: issue.labels }, TRIAGER, { label: "determination:CompromisedUser" }) });
    expect(result.code).toBe(0);
    expect(graphWrites().map(([, , body]) => body)).toEqual([
      { classification: "truePositive", determination: "compromisedAccount" },
      { classification: "truePositive", determination: "compromisedUser" },
    ]);
  });

  it("copies a triager's comment to the alert's comments", async () => {
    const alert = recent(oauthAlert, 60);
    const issue = seed(alert);
    const result = await world.run(
      { ...world.graphInputs, mode: "sync" },
      { event: commentEvent({ number: issue.number, body: issue.body!, labels: issue.labels }, TRIAGER, { id: 901, body: "Consent revoked; app blocked tenant-wide." }) },
    );
    expect(result.code).toBe(0);
    const [[method, path, body]] = graphWrites() as [[string, string, { comment: string }]];
    expect([method, path]).toEqual(["POST", `/v1.0/security/alerts_v2/${alert.id}/comments`]);
    expect(body).toMatchObject({ "@odata.type": "microsoft.graph.security.alertComment" });
    expect(body.comment).toMatch(/^octocat on GitHub: Consent revoked; app blocked tenant-wide\. \(https:\/\/github\.com\/\S+\)$/);
    expect(world.graph.alerts[0]!.comments!.map((c) => c.comment)).toEqual([body.comment]);
  });

  it("two-way reconcile: an alert resolved in the portal closes its issue with its labels; an issue closed on GitHub resolves its alert; the next run is quiet", async () => {
    const inPortal = recent(endpointAlert, 90);
    const onGitHub = recent(phishingAlert, 80);
    const portalIssue = seed(inPortal);
    const githubIssue = seed(onGitHub);
    githubIssue.state = "closed";
    world.graph.portal(inPortal.id, { status: "resolved", classification: "truePositive", determination: "malware" });

    const first = await world.run({ ...world.graphInputs, mode: "sync", lookback: "7d" }, SCHEDULE);
    expect(first.code).toBe(0);
    expect(portalIssue.state).toBe("closed");
    expect(portalIssue.labels).toEqual(["defender-alert", "severity:Medium", "classification:TruePositive", "determination:Malware"]);
    expect(graphWrites()).toEqual([["PATCH", `/v1.0/security/alerts_v2/${onGitHub.id}`, { status: "resolved" }]]);

    const writes = world.github.writes().length;
    const patches = graphWrites().length;
    const second = await world.run({ ...world.graphInputs, mode: "sync", lookback: "7d" }, SCHEDULE);
    expect(second.code).toBe(0);
    expect(world.github.writes().slice(writes)).toEqual([]);
    expect(graphWrites().slice(patches)).toEqual([]);
  });
});

describe("two-way reconcile of issues older than the lookback", () => {
  beforeEach(() => start());

  it("reads their alerts' state although Graph lists none of them as updated within the lookback, and closes the one resolved since", async () => {
    world.github.collaborators.set(TRIAGER, "triage");
    const daysAgo = (days: number) => minutesAgo(days * 1440);
    const alerts = [endpointAlert, phishingAlert, identityAlert].map((alert, i) => ({ ...structuredClone(alert), createdDateTime: daysAgo(12 + i), lastUpdateDateTime: daysAgo(9 + i) }));
    // Resolved in the portal nine days ago, before the lookback began.
    Object.assign(alerts[0]!, { status: "resolved", classification: "truePositive", determination: "malware", resolvedDateTime: daysAgo(9) });
    world.graph.alerts.push(...alerts);
    const issues = alerts.map((alert) => world.github.addIssue({ title: alert.title ?? "", body: marker(alert.id), labels: ["defender-alert", "severity:Medium"], created_at: daysAgo(11) }));

    const result = await world.run({ ...world.graphInputs, mode: "sync", lookback: "1d" }, SCHEDULE);
    expect(result.code).toBe(0);
    expect(issues.map((issue) => issue.state)).toEqual(["closed", "open", "open"]);
    expect(issues[0]!.labels).toEqual(["defender-alert", "severity:Medium", "classification:TruePositive", "determination:Malware"]);
    // None was updated within the lookback: their state came from one listing of the older updates.
    const reads = world.graph.requests.filter((r) => r.method === "GET").map((r) => (r.path === "/v1.0/security/alerts_v2" ? (r.query.$count ? "count" : "list") : "get"));
    expect(reads.filter((read) => read === "get")).toEqual([]);
    expect(graphWrites()).toEqual([]);
  });
});

describe("check", () => {
  it("passes with SecurityAlert.ReadWrite.All, and warns with only SecurityAlert.Read.All, naming the Microsoft Graph permission", async () => {
    await start({ app: { roles: { "https://graph.microsoft.com": ["SecurityAlert.Read.All"] } } });
    world.graph.alerts.push(makeGraphAlert({ id: "fa1", createdDateTime: minutesAgo(5) }));
    const result = await world.run({ ...world.graphInputs, mode: "check" });
    expect(result.code).toBe(0);
    expect(result.summary).toContain("Microsoft Graph permission");
    expect(result.annotations.filter((a) => a.level === "warning").map((a) => a.message)).toEqual([
      expect.stringContaining("add the Microsoft Graph application permission `SecurityAlert.ReadWrite.All` to the app registration and grant admin consent"),
    ]);
  });
});
