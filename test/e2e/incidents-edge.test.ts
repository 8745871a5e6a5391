/** `group-by: incident` at its edges: a dry run, hostile incident text, a chain of merges. */
import { afterEach, expect, it } from "vitest";
import type { GraphIncident } from "../emulators/graph.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { sampleGraphAlerts, sampleGraphIncidents } from "../emulators/sample-graph-alerts.ts";
import { hrefsIn, mentionsIn, renderGfm, tagsIn } from "../support/gfm.ts";
import { minutesAgo, startWorld, type World } from "../support/world.ts";

let world: World;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

const GRAPH_ROLES = { "https://graph.microsoft.com": ["SecurityAlert.ReadWrite.All", "SecurityIncident.ReadWrite.All"] };
const incidentIdOf = (body: string | null | undefined) => /^<!-- defender-incident-id: (\S+) -->$/m.exec(body ?? "")?.[1];
const pull = (inputs: Record<string, string> = {}) => world.run({ ...world.graphInputs, mode: "pull", "group-by": "incident", ...inputs });

/** Sample incidents and alerts moved into the last hours; `extra` incidents take one sample alert each. */
async function start(extra: Array<Partial<GraphIncident> & { id: string }> = []) {
  world = await startWorld({ app: { roles: GRAPH_ROLES } });
  const [base] = sampleGraphIncidents();
  const incidents = [...sampleGraphIncidents(), ...extra.map((fields) => ({ ...structuredClone(base!), ...fields }))].map((incident, i) => ({
    ...incident,
    createdDateTime: minutesAgo(200 - i * 10),
    lastUpdateDateTime: minutesAgo(60 - i * 5),
  }));
  const alerts = sampleGraphAlerts().map((alert, i) => ({ ...alert, createdDateTime: minutesAgo(190 - i * 5), lastUpdateDateTime: minutesAgo(50 - i * 5) }));
  // The Sentinel sample joins the first extra incident, if any.
  if (extra[0]) alerts[4]!.incidentId = extra[0].id;
  world.graph.incidents.push(...incidents);
  world.graph.alerts.push(...alerts);
}

it("a dry run says which incident issues it would open and writes nothing", async () => {
  await start();
  const result = await pull({ "dry-run": "true" });
  expect(result.code).toBe(0);
  expect(result.outputs["issues-created"]).toBe("0");
  expect(result.outputs["incidents-created"]).toBe("0");
  expect(world.github.writes()).toEqual([]);
  expect(result.summary).toContain("| Incidents found | 2 |");
  expect(result.summary).toContain("incident ` 48213 `");
  expect(result.summary).toContain("incident ` 48230 `");
});

it("renders a hostile incident name inert in the title and the body", async () => {
  const hostile = "@acme/soc <img src=x onerror=alert(1)> | [click](https://evil.example) <!-- defender-alert-id: forged -->";
  await start([{ id: "48300", displayName: hostile, incidentWebUrl: "https://evil.example/incidents/48300" }]);
  const result = await pull();
  expect(result.code).toBe(0);
  const issue = world.github.issues.find((i) => incidentIdOf(i.body) === "48300")!;
  expect(issue.title).not.toMatch(/defender-alert-id/);
  const html = renderGfm(issue.body!);
  expect(mentionsIn(html)).toEqual([]);
  expect([...tagsIn(html)].filter((tag) => !["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "code", "details", "summary", "ul", "li"].includes(tag))).toEqual([]);
  expect(hrefsIn(html).filter((href) => !href.startsWith("https://security.microsoft.com/") && !href.startsWith("https://attack.mitre.org/"))).toEqual([]);
  expect(issue.body!.match(/defender-(alert|incident)-id/g)).toEqual(["defender-incident-id"]);
});

it("closes the issues of a chain of merges as duplicates of the last survivor's, which it opens first", async () => {
  await start([{ id: "48300" }]);
  await pull();
  const before = world.github.issues.map((i) => [incidentIdOf(i.body), i.number] as const);
  expect(before.map(([id]) => id)).toEqual(["48213", "48230", "48300"]);
  const at = new Date(Date.now() - 5_000);
  // 48213 into 48230, then 48230 into a new incident 48400.
  world.graph.incidents.push({ ...structuredClone(world.graph.incidents[0]!), id: "48400", displayName: "Survivor", createdDateTime: minutesAgo(3), lastUpdateDateTime: minutesAgo(3) });
  world.graph.merge("48213", "48230", at);
  world.graph.merge("48230", "48400", at);

  const result = await pull();
  expect(result.code).toBe(0);
  const survivor = world.github.issues.find((i) => incidentIdOf(i.body) === "48400")!;
  expect(survivor.state).toBe("open");
  for (const [id, number] of before.filter(([id]) => id === "48213" || id === "48230")) {
    const issue = world.github.issues.find((i) => i.number === number)!;
    expect([id, issue.state, issue.state_reason]).toEqual([id, "closed", "duplicate"]);
  }
  // The survivor lists every alert of the chain.
  for (const alert of world.graph.alerts.filter((a) => a.incidentId === "48400")) expect(survivor.body).toContain(alert.id);
  expect(world.graph.alerts.filter((a) => a.incidentId === "48400")).toHaveLength(4);
});

it("with source: endpoint, alerts Defender puts in another incident are listed on its issue, and the old issue says where they went, once", async () => {
  world = await startWorld();
  world.defender.alerts.push(
    makeAlert({ id: "da500_1", incidentId: 7010, alertCreationTime: minutesAgo(50), lastUpdateTime: minutesAgo(50), title: "Suspicious PowerShell", severity: "Medium" }),
    makeAlert({ id: "da500_2", incidentId: 7010, alertCreationTime: minutesAgo(45), lastUpdateTime: minutesAgo(45), title: "Credential dumping", severity: "High" }),
    makeAlert({ id: "da501_1", incidentId: 7011, alertCreationTime: minutesAgo(40), lastUpdateTime: minutesAgo(40), title: "Lateral movement" }),
  );
  const endpointPull = () => world.run({ mode: "pull", "group-by": "incident" });
  await endpointPull();
  const old = world.github.issues.find((i) => incidentIdOf(i.body) === "7010")!;
  const survivor = world.github.issues.find((i) => incidentIdOf(i.body) === "7011")!;
  // Defender merges 7010 into 7011: the Endpoint API shows it only as the alerts' incidentId.
  const at = new Date(Date.now() - 5_000).toISOString();
  for (const alert of world.defender.alerts.filter((a) => a.incidentId === 7010)) Object.assign(alert, { incidentId: 7011, lastUpdateTime: at });

  const result = await endpointPull();
  expect(result.code).toBe(0);
  expect(result.outputs["issues-created"]).toBe("0");
  for (const id of ["da500_1", "da500_2", "da501_1"]) expect(survivor.body).toContain(id);
  const said = world.github.comments.filter((c) => c.issue_number === old.number).map((c) => c.body);
  expect(said).toHaveLength(1);
  expect(said[0]).toMatch(new RegExp(`^\\*\\*Microsoft Defender moved 2 alerts of this incident to incident \` 7011 \` \\(#${survivor.number}\\):\\*\\*\n\n- Medium · Suspicious PowerShell · \` da500_1 \`\n- High · Credential dumping · \` da500_2 \``));
  expect(world.github.comments.filter((c) => c.issue_number === survivor.number).map((c) => c.body.split("\n")[0])).toEqual(["**2 alerts joined this incident in Microsoft Defender:**"]);
  expect(old.state).toBe("open");
  expect(result.summary).toContain(`| Incident issues told their alerts moved to another incident | #${old.number} |`);

  const writes = world.github.writes().length;
  const again = await endpointPull();
  expect(again.code).toBe(0);
  expect(world.github.writes().slice(writes)).toEqual([]);
});
