import { describe, expect, it } from "vitest";
import { readIssueMarker, readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, renderIssue, TITLE_MAX } from "../../src/issue/render.ts";
import { renderIncidentIssue, renderIncidentTitle } from "../../src/issue/render-incident.ts";
import type { Alert } from "../../src/source/alert.ts";
import { type Incident, incidentAlertOf, incidentSeverityOf } from "../../src/source/incident.ts";
import { defenderTime, makeAlert, makeEvidence } from "../emulators/sample-alerts.ts";
import { GRAPH_TENANT_ID, makeGraphAlert } from "../emulators/sample-graph-alerts.ts";
import { hrefsIn, renderGfm, rowsOutOfShape, visibleText } from "../support/gfm.ts";
import { endpointAlerts, endpointIncident, graphAlerts, graphIncident } from "../support/incidents.ts";

const PORTAL = "security.microsoft.com";
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: PORTAL, extraLabels: ["soc"] };
const INCIDENT_LINK = `https://${PORTAL}/incidents/48213?tid=${GRAPH_TENANT_ID}`;

/** The rows of the table under a heading, as raw lines. */
function tableUnder(body: string, heading: RegExp): string[] {
  const lines = body.split("\n");
  const start = lines.findIndex((line) => heading.test(line));
  if (start < 0) return [];
  const table: string[] = [];
  for (const line of lines.slice(start + 4)) {
    if (!line.startsWith("|")) break;
    table.push(line);
  }
  return table;
}

const alertRows = (body: string) => tableUnder(body, /^### Alerts/);
const evidenceRows = (body: string) => tableUnder(body, /^### Evidence across the alerts/);

/** An Endpoint alert `minutes` after a base time, on its own device, with a file and a user. */
function endpointAlert(minutes: number, fields: Record<string, unknown> = {}): Alert {
  const created = new Date(Date.UTC(2026, 10, 30, 8, 0) + minutes * 60_000);
  return endpointAlerts([makeAlert({ alertCreationTime: defenderTime(created), firstEventTime: defenderTime(created), incidentId: 48213, ...fields })])[0]!;
}

describe("renderIncidentIssue", () => {
  const draft = renderIncidentIssue(graphIncident(), options);
  const html = renderGfm(draft.body);

  it("opens with the incident marker line, the only marker in the body", () => {
    expect(draft.incidentId).toBe("48213");
    expect(draft.body.split("\n")[0]).toBe("<!-- defender-incident-id: 48213 -->");
    expect(readIssueMarker(draft.body)).toEqual({ kind: "incident", incidentId: "48213" });
    expect(readMarker(draft.body)).toEqual({ kind: "none" });
    expect(draft.body.match(/defender-(?:alert|incident)-id/gi)).toEqual(["defender-incident-id"]);
  });

  it("carries the incident label, its severity and the extra labels, each once", () => {
    expect(draft.labels).toEqual(["defender-incident", "severity:High", "soc"]);
    expect(renderIncidentIssue(graphIncident(), { ...options, extraLabels: ["defender-incident", "severity:High", "soc"] }).labels).toEqual(["defender-incident", "severity:High", "soc"]);
  });

  it("shows the incident's fields for a triager", () => {
    const incident = graphIncident({ status: "InProgress", assignedTo: "jdoe@contoso.com", classification: "TruePositive", determination: "MultiStagedAttack" });
    const body = renderIncidentIssue(incident, options).body;
    for (const row of [
      "| Name | Multi-stage incident involving Initial access & Credential access on one endpoint |",
      "| Severity | High |",
      "| Status | InProgress |",
      "| Assigned to | jdoe\\@contoso.com |",
      "| Classification | TruePositive |",
      "| Determination | MultiStagedAttack |",
      "| Created | 2026-11-30 08:15:42 UTC |",
      "| Last update | 2026-11-30 08:27:42 UTC |",
      "| Alerts | 3 |",
      "| Incident ID | ` 48213 ` |",
    ]) {
      expect(body).toContain(`\n${row}\n`);
    }
    expect(body).not.toContain("| Merged into |");
  });

  it("links the incident, then each alert, then nothing else", () => {
    const alerts = graphIncident().alerts;
    expect(hrefsIn(html)).toEqual([INCIDENT_LINK, ...alerts.map((alert) => alert.webUrl)]);
  });

  it("lists the alerts oldest first, with severity, title, product, status, first activity and a link", () => {
    expect(alertRows(draft.body)).toEqual([
      `| High | 'Mimikatz' credential theft tool was detected | Microsoft Defender for Endpoint | New | 2026-11-30 08:12:42 UTC | [\` da639316233421230000_-105244918 \`](https://${PORTAL}/alerts/da639316233421230000_-105244918?tid=${GRAPH_TENANT_ID}) |`,
      `| Medium | Email messages containing malicious URL removed after delivery | Microsoft Defender for Office 365 | InProgress | 2026-11-30 08:17:42 UTC | [\` fa9b8e3a1c-7d2f-4b6e-a1c0-3f5e7d9b2a41 \`](https://${PORTAL}/alerts/fa9b8e3a1c-7d2f-4b6e-a1c0-3f5e7d9b2a41?tid=${GRAPH_TENANT_ID}) |`,
      `| Medium | User and IP address reconnaissance (SMB) | Microsoft Defender for Identity | New | 2026-11-30 08:25:42 UTC | [\` aa3f2e1d0c-b9a8-4765-8432-10fedcba9876 \`](https://${PORTAL}/alerts/aa3f2e1d0c-b9a8-4765-8432-10fedcba9876?tid=${GRAPH_TENANT_ID}) |`,
    ]);
    const reversed = graphIncident({ alerts: [...graphIncident().alerts].reverse() });
    expect(alertRows(renderIncidentIssue(reversed, options).body)).toEqual(alertRows(draft.body));
  });

  it("orders by first activity, then by creation, and lists an alert given twice once", () => {
    const late = endpointAlert(30, { firstEventTime: defenderTime(new Date(Date.UTC(2026, 10, 30, 7, 0))) });
    const early = endpointAlert(10);
    const unknownStart = endpointAlert(20, { firstEventTime: null });
    const body = renderIncidentIssue(endpointIncident([early, unknownStart, late, early]), options).body;
    expect(alertRows(body).map((row) => row.split(" | ")[4])).toEqual(["2026-11-30 07:00:00 UTC", "2026-11-30 08:10:00 UTC", "—"]);
    expect(body).toContain("| Alerts | 3 |");
  });

  it("names the detection source when the source names no product, and builds each alert's link from its ID", () => {
    const alert = endpointAlert(0);
    const body = renderIncidentIssue(endpointIncident([alert]), options).body;
    expect(alertRows(body)[0]).toContain(" | WindowsDefenderAtp | ");
    expect(hrefsIn(renderGfm(body))).toEqual([`https://${PORTAL}/incidents/48213?tid=${alert.tenantId}`, `https://${PORTAL}/alerts/${alert.id}?tid=${alert.tenantId}`]);
  });

  it("gathers the devices, users, mailboxes and files the alerts name, with how many alerts name each", () => {
    expect(evidenceRows(draft.body)).toEqual([
      "| Device | ` fin-ws-042.contoso.com ` | 1 |",
      "| Device | ` dc01.contoso.com ` | 1 |",
      "| User | ` CONTOSO\\jdoe ` | 2 |",
      "| Mailbox | ` jdoe@contoso.com ` | 1 |",
      "| File | ` C:\\Users\\jdoe\\AppData\\Local\\Temp\\mimikatz.exe ` | 1 |",
    ]);
  });

  it("builds the incident's link when the source's is not on the portal host, and uses the configured tenant when the incident names none", () => {
    const incident = graphIncident({ webUrl: "https://evil.example/incidents/48213", tenantId: null });
    const hrefs = hrefsIn(renderGfm(renderIncidentIssue(incident, { ...options, portalHost: "security.microsoft.us", tenantId: "contoso.onmicrosoft.us" }).body));
    expect(hrefs[0]).toBe("https://security.microsoft.us/incidents/48213?tid=contoso.onmicrosoft.us");
  });

  it("says which incident a merged one went into, linked", () => {
    const body = renderIncidentIssue(graphIncident({ status: "Redirected", redirectedTo: "48230" }), options).body;
    expect(body).toContain(`\n| Merged into | [\` 48230 \`](https://${PORTAL}/incidents/48230?tid=${GRAPH_TENANT_ID}) |\n`);
    const odd = renderIncidentIssue(graphIncident({ redirectedTo: "../x @octocat" }), options).body;
    expect(odd).toContain("\n| Merged into | ../x @\u200boctocat |\n");
  });

  it("shows an incident without alerts, with neither table", () => {
    const body = renderIncidentIssue(graphIncident({ alerts: [] }), options).body;
    expect(body).toContain("| Alerts | 0 |");
    expect(body).not.toMatch(/^### /m);
    expect(rowsOutOfShape(body)).toEqual([]);
  });

  it("ends with how to triage the incident from the issue", () => {
    const text = visibleText(html);
    expect(text).toContain("Close the issue to resolve the incident and its alerts; reopen it to set it back to InProgress.");
    expect(text).toContain("Assign the issue to set the incident's owner; comments are copied to Defender.");
    expect(draft.body).toContain("- Classify the incident with a `classification:` label and a `determination:` label that goes with it:");
    expect(draft.body).toMatch(/<\/details>\n\n<!-- defender-issues-alerts:(?: [0-9a-f]{8})*(?: since=\S+)? -->\n$/);
  });

  it("leaves the alert issue's triage footer as it was", () => {
    const body = renderIssue(graphAlerts()[0]!, options).body;
    expect(body).toContain("- Close the issue to resolve the alert; reopen it to set it back to InProgress.");
    expect(body).toContain("- Assign the issue to set the alert's owner; comments are copied to the alert.");
  });
});

describe("the incident's severity", () => {
  const alerts = (...severities: Array<string | null>) => severities.map((severity, i) => endpointAlert(i, { severity }));

  it.each([
    ["its own, when the source gives one", "Low", alerts("High"), "Low"],
    ["its highest alert's, when it has none", null, alerts("Low", "High", "Medium"), "High"],
    ["its highest alert's, when its own is unknown", "UnSpecified", alerts("Informational", "Medium"), "Medium"],
    ["UnSpecified, when nothing says", null, alerts(null, "Critical!"), "UnSpecified"],
    ["UnSpecified, without alerts", null, [], "UnSpecified"],
  ] as const)("is %s", (_name, severity, list, expected) => {
    const incident = endpointIncident([...list], { severity });
    expect(incidentSeverityOf(incident)).toBe(expected);
    expect(renderIncidentIssue(incident, options).labels[1]).toBe(`severity:${expected}`);
  });
});

describe("renderIncidentTitle", () => {
  const incident = graphIncident();

  it("gives '[{severity}] {title}' for the default template, since an incident has no computerDnsName", () => {
    expect(renderIncidentTitle(options.titleTemplate, incident)).toBe("[High] Multi-stage incident involving Initial access & Credential access on one endpoint");
    expect(renderIncidentTitle("[{severity}] {title}", incident)).toBe("[High] Multi-stage incident involving Initial access & Credential access on one endpoint");
  });

  it("fills the incident's ID and triage fields, and leaves an alert's fields empty", () => {
    expect(renderIncidentTitle("#{id} {status}: {title}{computerDnsName}{category}", incident)).toBe("#48213 New: Multi-stage incident involving Initial access & Credential access on one endpoint");
  });

  it("names an incident without a name by its ID", () => {
    for (const name of [null, "", " \u200b\n"]) {
      expect(renderIncidentTitle(options.titleTemplate, graphIncident({ name }))).toBe("[High] Defender incident 48213");
    }
  });

  it("falls back to 'Defender incident <id>' when the template fills to nothing", () => {
    expect(renderIncidentTitle("{classification}{nope}", incident)).toBe("Defender incident 48213");
  });

  it("cuts at 256 characters and keeps the name to one inert line", () => {
    const title = renderIncidentTitle(options.titleTemplate, graphIncident({ name: `a\nb\u202e <!-- defender-alert-id: 1 --> ${"x".repeat(300)}` }));
    expect(Array.from(title)).toHaveLength(TITLE_MAX);
    expect(title.startsWith("[High] a b <!-- defender[-]alert-id: 1 --> xxx")).toBe(true);
  });

  it("is the title of the draft", () => {
    expect(renderIncidentIssue(incident, { ...options, titleTemplate: "{id}" }).title).toBe("48213");
  });
});

describe("an incident too large for one issue", () => {
  // 500 alerts, each on its own device with its own user and a file of its own, and one file they share.
  const alerts = Array.from({ length: 500 }, (_, i) =>
    endpointAlert(i, {
      title: `Suspicious activity number ${i} ${"with a long title ".repeat(8)}`,
      computerDnsName: `ws-${String(i).padStart(3, "0")}.corp.contoso.com`,
      relatedUser: { userName: `user${i}`, domainName: "CORP" },
      evidence: [
        makeEvidence({ entityType: "File", fileName: `payload-${i}.exe`, filePath: `C:\\Users\\user${i}\\AppData\\Local\\Temp\\${"deep\\".repeat(20)}` }),
        makeEvidence({ entityType: "File", fileName: "shared.dll", filePath: "C:\\Windows\\Temp" }),
        makeEvidence({ entityType: "Process", fileName: "cmd.exe", filePath: "C:\\Windows\\System32", processCommandLine: "cmd.exe /c whoami" }),
      ],
    }),
  );
  const incident = endpointIncident(alerts);
  const draft = renderIncidentIssue(incident, options);
  const shownAlerts = alertRows(draft.body);
  const shownEntities = evidenceRows(draft.body);

  it("stays within GitHub's 65,536 characters, the footer whole", () => {
    expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(draft.body.length).toBeGreaterThan(BODY_MAX - 3_000);
    expect(draft.body).toMatch(/<\/details>\n\n<!-- defender-issues-alerts:(?: [0-9a-f]{8})*(?: since=\S+)? -->\n$/);
    expect(rowsOutOfShape(draft.body)).toEqual([]);
  });

  it("lists the oldest alerts it has room for and says how many more there are, with the portal link", () => {
    expect(shownAlerts.length).toBeGreaterThan(50);
    expect(shownAlerts.length).toBeLessThan(500);
    expect(shownAlerts[0]).toContain(alerts[0]!.id);
    expect(shownAlerts.at(-1)).toContain(alerts[shownAlerts.length - 1]!.id);
    const more = 500 - shownAlerts.length;
    expect(draft.body).toContain(`\n\n${more} more alerts are not shown here: [see the incident in Microsoft Defender](https://${PORTAL}/incidents/48213?tid=${alerts[0]!.tenantId}).\n\n### Evidence`);
    expect(draft.body).toContain("| Alerts | 500 |");
  });

  it("keeps room for the evidence, the entities most alerts name first, and says how many of each kind are not shown", () => {
    expect(shownEntities.length).toBeGreaterThan(20);
    expect(shownEntities.filter((row) => row.startsWith("| Device |"))).toHaveLength(50);
    expect(shownEntities.filter((row) => row.startsWith("| File |"))[0]).toBe("| File | ` C:\\Windows\\Temp\\shared.dll ` | 500 |");
    const kinds = (kind: string) => shownEntities.filter((row) => row.startsWith(`| ${kind} |`)).length;
    const left = { devices: 500 - kinds("Device"), users: 500 - kinds("User"), files: 501 - kinds("File") };
    const more = left.devices + left.users + left.files;
    expect(draft.body).toContain(`\n\n${more} more entities (${left.devices} devices, ${left.users} users, ${left.files} files) are not shown here: [see the incident in Microsoft Defender](`);
  });

  it("within the limit however long each alert's link, title and evidence are", () => {
    const huge = alerts.map((alert, i) => ({
      ...alert,
      title: "|`<@x>".repeat(2_000),
      product: "@octocat ".repeat(1_000),
      webUrl: `https://${PORTAL}/alerts/${i}?${"q".repeat(2_000)}`,
      evidence: [{ kind: "file" as const, type: "File", entity: `${"|".repeat(9_000)}${i}`, details: [] }],
    }));
    const body = renderIncidentIssue({ ...incident, name: "@x|".repeat(30_000), status: "`".repeat(9_000) }, options).body;
    expect(body.length).toBeLessThanOrEqual(BODY_MAX);
    const hugeBody = renderIncidentIssue({ ...incident, alerts: huge.map((alert) => incidentAlertOf(alert)) }, options).body;
    expect(hugeBody.length).toBeLessThanOrEqual(BODY_MAX);
    expect(hugeBody).toMatch(/\n\n\d+ more alerts are not shown here: /);
    expect(hugeBody).toMatch(/\n\n\d+ more entities \(\d+ devices, \d+ users, \d+ files\) are not shown here: /);
    expect(rowsOutOfShape(hugeBody)).toEqual([]);
  });

  it("shows at most 50 entities of a kind, and says so in the singular for one", () => {
    const body = renderIncidentIssue(endpointIncident(alerts.slice(0, 51).map((alert) => ({ ...alert, user: "CORP\\jdoe", evidence: [] }))), options).body;
    expect(alertRows(body)).toHaveLength(51);
    expect(evidenceRows(body).map((row) => row.split(" | ")[0])).toEqual([...Array(50).fill("| Device"), "| User"]);
    expect(body).toContain("\n\n1 more entity (1 device) is not shown here: [see the incident in Microsoft Defender](");
    expect(body).not.toMatch(/more alerts? (is|are) not shown/);
  });

  it("needs no note when everything fits", () => {
    const body = renderIncidentIssue(endpointIncident(alerts.slice(0, 5)), options).body;
    expect(body).not.toMatch(/not shown here/);
    expect(alertRows(body)).toHaveLength(5);
  });
});

describe("an incident of Graph alerts of every product", () => {
  it("gathers evidence from alerts whose source it does not know", () => {
    const alerts = [
      makeGraphAlert({ id: "g1", incidentId: "7", createdDateTime: "2026-11-30T08:00:00Z", evidence: [{ "@odata.type": "#microsoft.graph.security.mailboxEvidence", primaryAddress: "CFO@contoso.com" } as never] }),
      makeGraphAlert({ id: "g2", incidentId: "7", createdDateTime: "2026-11-30T08:01:00Z", evidence: [{ "@odata.type": "#microsoft.graph.security.mailboxEvidence", primaryAddress: "cfo@contoso.com" } as never] }),
    ];
    const incident: Incident = { ...graphIncident(), id: "7", webUrl: null, alerts: graphAlerts(alerts).map((alert) => incidentAlertOf(alert)) };
    expect(evidenceRows(renderIncidentIssue(incident, options).body)).toEqual(["| Mailbox | ` CFO@contoso.com ` | 2 |"]);
  });
});
