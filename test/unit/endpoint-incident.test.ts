import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { groupByIncident, incidentComments, incidentOf } from "../../src/endpoint/incident.ts";
import { copiedComments } from "../../src/issue/reconcile-plan.ts";
import type { Alert } from "../../src/source/alert.ts";
import type { ListedAlert } from "../../src/source/source.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";

const alert = (fields: Record<string, unknown>) => toAlert(alertSchema.parse(makeAlert(fields as never)));
/** The alert as a listing holds it, counting how often it is read whole. */
function listed(whole: Alert, reads: string[] = []): ListedAlert {
  return { id: whole.id, createdAt: whole.createdAt, incidentId: whole.incident?.id ?? null, read: () => (reads.push(whole.id), whole) };
}

describe("groupByIncident", () => {
  it("groups alerts by incidentId, oldest first within and across incidents, and leaves alerts without one loose", () => {
    const alerts = [
      alert({ id: "da3", incidentId: 7, alertCreationTime: "2026-12-01T10:03:00Z" }),
      alert({ id: "da1", incidentId: 9, alertCreationTime: "2026-12-01T10:01:00Z" }),
      alert({ id: "da2", incidentId: null, alertCreationTime: "2026-12-01T10:02:00Z" }),
      alert({ id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z" }),
      alert({ id: "da4", incidentId: 9, alertCreationTime: "2026-12-01T10:04:00Z" }),
    ];
    const { incidents, loose } = groupByIncident(alerts.map((a) => listed(a)));
    expect(incidents.map((incident) => [incident.id, incident.alerts.map((a) => a.id)])).toEqual([
      ["7", ["da0", "da3"]],
      ["9", ["da1", "da4"]],
    ]);
    expect(loose.map((a) => a.id)).toEqual(["da2"]);
  });

  it("reads each alert of an incident whole once to make it, and again only for its evidence; an alert of no incident not at all", () => {
    const reads: string[] = [];
    const withEvidence = alert({ id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z" });
    const alerts = [listed(withEvidence, reads), listed(alert({ id: "da1", incidentId: 7, alertCreationTime: "2026-12-01T10:01:00Z" }), reads), listed(alert({ id: "da2", incidentId: null }), reads)];
    const [incident] = groupByIncident(alerts).incidents;
    expect(reads).toEqual(["da0", "da1"]);
    expect(incident!.alerts[0]!.evidence()).toBe(withEvidence);
    expect(reads).toEqual(["da0", "da1", "da0"]);
  });
});

describe("incidentOf", () => {
  const first = { id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z", title: "Suspicious PowerShell", severity: "Low", status: "New", lastUpdateTime: "2026-12-01T11:00:00Z" };

  it("is named by its first alert, as severe as its most severe, last updated when its latest alert was", () => {
    const incident = incidentOf("7", [alert(first), alert({ ...first, id: "da1", title: "Ransomware", severity: "High", lastUpdateTime: "2026-12-01T12:30:00Z" })]);
    expect(incident).toMatchObject({ id: "7", name: "Suspicious PowerShell", severity: "High", status: "New", redirectedTo: null, comments: [] });
    expect(incident.createdAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(incident.updatedAt?.toISOString()).toBe("2026-12-01T12:30:00.000Z");
  });

  it.each([
    [["Resolved", "Resolved"], "Resolved"],
    [["Resolved", "New"], "InProgress"],
    [["InProgress", "New"], "InProgress"],
    [["New", "New"], "New"],
  ])("alerts %j: %s", (statuses, status) => {
    expect(incidentOf("7", statuses.map((s, i) => alert({ ...first, id: `da${i}`, status: s }))).status).toBe(status);
  });

  it("takes a classification, determination and owner only when every alert has the same", () => {
    const same = { classification: "TruePositive", determination: "Malware", assignedTo: "soc@contoso.com" };
    expect(incidentOf("7", [alert({ ...first, ...same }), alert({ ...first, id: "da1", ...same })])).toMatchObject(same);
    expect(incidentOf("7", [alert({ ...first, ...same }), alert({ ...first, id: "da1", ...same, determination: "Phishing", assignedTo: null })])).toMatchObject({ classification: "TruePositive", determination: null, assignedTo: null });
  });
});

describe("incidentComments", () => {
  const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, "0")}:00Z`;
  const said = (comment: string, minute: number, createdBy: string | null = "ana@contoso.com") => ({ comment, createdBy, createdTime: at(minute) });
  const on = (id: string, comments: unknown[]) => alert({ id, incidentId: 7, alertCreationTime: "2026-12-01T09:00:00Z", comments });

  it("gathers the alerts' comments oldest first, one copy of a comment made on several alerts at its earliest time, naming the alerts of one on only some", () => {
    const comments = incidentComments([
      on("da0", [said("Isolated the device", 5), said("Checked the hash", 1)]),
      on("da1", [said("Isolated the device", 3), said("Not the user", 7, "bo@contoso.com")]),
      on("da2", [said("Isolated the device", 4)]),
    ]);
    expect(comments).toEqual([
      { ...said("Checked the hash", 1), alertIds: ["da0"] },
      said("Isolated the device", 3),
      { ...said("Not the user", 7, "bo@contoso.com"), alertIds: ["da1"] },
    ]);
  });

  it("names three alerts at most on the issue", () => {
    const text = (alertIds: string[]) => copiedComments([{ ...said("Isolated", 1), alertIds }], null).text;
    expect(text(["da0", "da1"])).toContain("· 2026-12-01 10:01:00 UTC · on alerts ` da0 ` and ` da1 `\n\n> Isolated");
    expect(text(["da0", "da1", "da2", "da3", "da4"])).toContain("· on alerts ` da0 `, ` da1 `, ` da2 ` and 2 more\n\n");
  });

  it("keeps the same text by another author, and a second such comment on one alert, as comments of their own", () => {
    const comments = incidentComments([
      on("da0", [said("Escalated", 1), said("Escalated", 5)]),
      on("da1", [said("Escalated", 2), said("Escalated", 2, "bo@contoso.com")]),
    ]);
    expect(comments).toEqual([
      said("Escalated", 1),
      { ...said("Escalated", 2, "bo@contoso.com"), alertIds: ["da1"] },
      { ...said("Escalated", 5), alertIds: ["da0"] },
    ]);
  });

  it("counts an alert listed twice once, and names no alert when the incident has one", () => {
    const only = on("da0", [said("Isolated the device", 1)]);
    expect(incidentComments([only, only])).toEqual([said("Isolated the device", 1)]);
    expect(incidentOf("7", [only]).comments).toEqual([said("Isolated the device", 1)]);
  });

  it("is what an incident holds: the action's comment on each alert is one, and stays in Defender; a second reconcile copies nothing", () => {
    const own = "octocat on GitHub: Contained. (https://github.com/acme/soc/issues/1#issuecomment-1)";
    const incident = incidentOf("7", [
      on("da0", [said(own, 1, "app"), said("Reimaged", 4)]),
      on("da1", [said(own, 2, "app"), said("Reimaged", 3), said("Not the user", 6)]),
    ]);
    expect(incident.comments).toEqual([said(own, 1, "app"), said("Reimaged", 3), { ...said("Not the user", 6), alertIds: ["da1"] }]);
    const first = copiedComments(incident.comments, null);
    expect(first).toEqual({
      text: "**2 comments in Microsoft Defender**\n\n**ana\\@contoso.com** · 2026-12-01 10:03:00 UTC\n\n> Reimaged\n\n**ana\\@contoso.com** · 2026-12-01 10:06:00 UTC · on alert ` da1 `\n\n> Not the user",
      until: at(6),
      count: 2,
    });
    expect(copiedComments(incident.comments, first.until!)).toEqual({ text: undefined, until: undefined, count: 0 });
  });
});
