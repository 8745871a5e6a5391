/**
 * Switching `group-by` on a repository: alert issues are kept and linked from the incident issues
 * that follow them; after a switch back, an alert whose incident has an issue never gets its own.
 */
import { afterEach, expect, it } from "vitest";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { makeGraphAlert, sampleGraphAlerts, sampleGraphIncidents } from "../emulators/sample-graph-alerts.ts";
import { minutesAgo, startWorld, type World } from "../support/world.ts";

let world: World;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };
const incidentIdOf = (body: string | null | undefined) => /^<!-- defender-incident-id: (\S+) -->$/m.exec(body ?? "")?.[1];
const alertIdOf = (body: string | null | undefined) => /^<!-- defender-alert-id: (\S+) -->$/m.exec(body ?? "")?.[1];
const incidentIssues = () => world.github.issues.filter((issue) => incidentIdOf(issue.body) !== undefined);
const alertIssues = () => world.github.issues.filter((issue) => alertIdOf(issue.body) !== undefined);
const incidentListings = () => world.github.requests.filter((r) => r.method === "GET" && r.path === "/repos/acme/soc/issues" && r.query.labels === "defender-incident");

function seedGraph(): void {
  world.graph.incidents.push(...sampleGraphIncidents().map((incident, i) => ({ ...incident, createdDateTime: minutesAgo(120 - i * 10), lastUpdateDateTime: minutesAgo(60 - i * 10) })));
  world.graph.alerts.push(...sampleGraphAlerts().map((alert, i) => ({ ...alert, createdDateTime: minutesAgo(110 - i * 5), lastUpdateDateTime: minutesAgo(50 - i * 5) })));
}

/** Issues last touched days ago: beyond what a pull's own listing of recent issues reaches. */
function age(issues: ReadonlyArray<{ created_at: string; updated_at: string }>): void {
  for (const issue of issues) issue.created_at = issue.updated_at = minutesAgo(3 * 24 * 60);
}

it("alert to incident: the alert issues stay as they are, and each incident issue links the alert issues of its alerts", async () => {
  world = await startWorld({ app: { roles: GRAPH_ROLES } });
  seedGraph();
  const byAlert = await world.run({ ...world.graphInputs, mode: "pull" });
  expect(byAlert.code).toBe(0);
  const before = alertIssues().map((issue) => ({ ...issue }));
  expect(before.length).toBe(world.graph.alerts.length);

  const byIncident = await world.run({ ...world.graphInputs, mode: "pull", "group-by": "incident" });
  expect(byIncident.code).toBe(0);
  expect(byIncident.outputs).toMatchObject({ "issues-created": "2", "incidents-created": "2" });
  // No alert issue opened, closed or edited.
  expect(alertIssues().map((issue) => [issue.number, issue.state, issue.body])).toEqual(before.map((issue) => [issue.number, issue.state, issue.body]));
  for (const issue of incidentIssues()) {
    const incidentId = incidentIdOf(issue.body);
    for (const alert of world.graph.alerts.filter((a) => a.incidentId === incidentId)) {
      const own = before.find((i) => alertIdOf(i.body) === alert.id)!;
      const row = issue.body!.split("\n").find((line) => line.startsWith("| ") && line.includes(alert.id));
      expect(row).toMatch(new RegExp(` · #${own.number} \\|$`));
    }
  }
});

it("incident to alert: alerts an incident issue lists get no issue, others do; an alert that joins an incident with an old open issue is listed there, once", async () => {
  world = await startWorld({ app: { roles: GRAPH_ROLES } });
  seedGraph();
  await world.run({ ...world.graphInputs, mode: "pull", "group-by": "incident" });
  expect(incidentIssues()).toHaveLength(2);

  // The Sentinel sample belongs to no incident Graph lists: the only alert of its own.
  const listed = world.graph.alerts.filter((a) => a.incidentId === "48213" || a.incidentId === "48230");
  const loose = world.graph.alerts.filter((a) => !listed.includes(a));
  expect(loose).toHaveLength(1);
  const quiet = await world.run({ ...world.graphInputs, mode: "pull" });
  expect(quiet.code).toBe(0);
  expect(quiet.outputs).toMatchObject({ "alerts-found": String(world.graph.alerts.length), "issues-created": "1" });
  expect(quiet.summary).toContain(`| Already have an issue | ${listed.length} |`);
  expect(alertIssues().map((i) => alertIdOf(i.body))).toEqual(loose.map((a) => a.id));

  age(incidentIssues());
  const issue = incidentIssues().find((i) => incidentIdOf(i.body) === "48230")!;
  const joined = makeGraphAlert({ id: "ca99joined", incidentId: "48230", title: "Mass download by the OAuth app", severity: "high", createdDateTime: minutesAgo(2), lastUpdateDateTime: minutesAgo(2) });
  world.graph.correlate(joined, new Date(Date.now() - 5_000));

  const writes = world.github.writes().length;
  const dry = await world.run({ ...world.graphInputs, mode: "pull", lookback: "1h", "dry-run": "true" });
  expect(dry.code).toBe(0);
  expect(dry.summary).toContain(`| Incident issues to update with joined alerts | #${issue.number} |`);
  expect(world.github.writes().slice(writes)).toEqual([]);

  const listings = incidentListings().length;
  const result = await world.run({ ...world.graphInputs, mode: "pull", lookback: "1h" });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ "alerts-found": "1", "issues-created": "0" });
  expect(incidentListings().length - listings).toBe(1);
  expect(alertIssues()).toHaveLength(1);
  expect(issue.body).toContain("ca99joined");
  const comments = world.github.comments.filter((c) => c.issue_number === issue.number);
  expect(comments.map((c) => c.body.split("\n")[0])).toEqual(["**1 alert joined this incident in Microsoft Defender:**"]);

  const after = world.github.writes().length;
  const again = await world.run({ ...world.graphInputs, mode: "pull", lookback: "1h" });
  expect(again.outputs["issues-created"]).toBe("0");
  expect(world.github.writes().slice(after)).toEqual([]);
});

it("incident to alert with source: endpoint: a joining alert goes to its incident's issue; an alert of another incident, or of none, gets its own", async () => {
  world = await startWorld();
  world.defender.alerts.push(
    makeAlert({ id: "da300_1", incidentId: 7003, alertCreationTime: minutesAgo(50), lastUpdateTime: minutesAgo(40), title: "Suspicious PowerShell", severity: "Medium" }),
    makeAlert({ id: "da300_2", incidentId: 7003, alertCreationTime: minutesAgo(45), lastUpdateTime: minutesAgo(35), title: "Credential dumping", severity: "High" }),
  );
  await world.run({ mode: "pull", "group-by": "incident" });
  const [issue] = incidentIssues();
  expect(incidentIssues()).toHaveLength(1);
  age([issue!]);

  world.defender.alerts.push(
    makeAlert({ id: "da300_3", incidentId: 7003, alertCreationTime: minutesAgo(5), lastUpdateTime: minutesAgo(5), title: "Lateral movement", severity: "High" }),
    makeAlert({ id: "da300_4", incidentId: 7777, alertCreationTime: minutesAgo(4), lastUpdateTime: minutesAgo(4), title: "Other incident" }),
    makeAlert({ id: "da300_5", incidentId: null, alertCreationTime: minutesAgo(3), lastUpdateTime: minutesAgo(3), title: "Lone alert" }),
  );
  const result = await world.run({ mode: "pull", lookback: "30m" });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ "alerts-found": "3", "issues-created": "2" });
  expect(alertIssues().map((i) => alertIdOf(i.body))).toEqual(["da300_4", "da300_5"]);
  expect(issue!.body).toContain("da300_3");
  expect(world.github.comments.filter((c) => c.issue_number === issue!.number).map((c) => c.body)).toEqual([expect.stringMatching(/^\*\*1 alert joined this incident in Microsoft Defender:\*\*\n\n- High · Lateral movement · /)]);
});
