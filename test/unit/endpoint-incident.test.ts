import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { groupByIncident, incidentOf } from "../../src/endpoint/incident.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";

const alert = (fields: Record<string, unknown>) => toAlert(alertSchema.parse(makeAlert(fields as never)));

describe("groupByIncident", () => {
  it("groups alerts by incidentId, oldest first within and across incidents, and leaves alerts without one loose", () => {
    const alerts = [
      alert({ id: "da3", incidentId: 7, alertCreationTime: "2026-12-01T10:03:00Z" }),
      alert({ id: "da1", incidentId: 9, alertCreationTime: "2026-12-01T10:01:00Z" }),
      alert({ id: "da2", incidentId: null, alertCreationTime: "2026-12-01T10:02:00Z" }),
      alert({ id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z" }),
      alert({ id: "da4", incidentId: 9, alertCreationTime: "2026-12-01T10:04:00Z" }),
    ];
    const { incidents, loose } = groupByIncident(alerts);
    expect(incidents.map((incident) => [incident.id, incident.alerts.map((a) => a.id)])).toEqual([
      ["7", ["da0", "da3"]],
      ["9", ["da1", "da4"]],
    ]);
    expect(loose.map((a) => a.id)).toEqual(["da2"]);
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
