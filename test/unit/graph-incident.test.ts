import { describe, expect, it } from "vitest";
import { readGraphAlert } from "../../src/graph/alert.ts";
import { incidentStatusFromGraph, readGraphIncident, readGraphIncidentBytes } from "../../src/graph/incident.ts";
import { type Incident, type IncidentAlert, incidentAlertOf } from "../../src/source/incident.ts";
import { sampleGraphAlerts, sampleIncident } from "../emulators/sample-graph-alerts.ts";

const withAlerts = (fields: Record<string, unknown> = {}) => ({ ...structuredClone(sampleIncident), alerts: sampleGraphAlerts().filter((a) => a.incidentId === sampleIncident.id).reverse(), ...fields });

describe("readGraphIncident", () => {
  it("reads an incident and its alerts into our model, its alerts oldest first", () => {
    const reading = readGraphIncident(withAlerts());
    if (!reading.ok) throw new Error(reading.problem);
    const { incident } = reading;
    expect(incident).toMatchObject({
      id: "48213",
      name: "Multi-stage incident involving Initial access & Credential access on one endpoint",
      severity: "High",
      status: "New",
      classification: null,
      determination: null,
      redirectedTo: null,
      webUrl: sampleIncident.incidentWebUrl,
    });
    expect(incident.alerts.map((a) => a.id)).toEqual(sampleGraphAlerts().filter((a) => a.incidentId === "48213").sort((a, b) => String(a.createdDateTime).localeCompare(String(b.createdDateTime))).map((a) => a.id));
    expect(reading.malformed).toEqual([]);
  });

  it("reads a merged incident as Redirected, to the incident it went into", () => {
    const reading = readGraphIncident(withAlerts({ status: "redirected", redirectIncidentId: "48230", alerts: [] }));
    expect(reading.ok && reading.incident).toMatchObject({ status: "Redirected", redirectedTo: "48230", alerts: [] });
  });

  it("takes the classification, determination and comments in our words", () => {
    const reading = readGraphIncident(withAlerts({ status: "resolved", classification: "truePositive", determination: "compromisedAccount", comments: [{ comment: "Contained.", createdByDisplayName: "analyst@contoso.com", createdDateTime: "2026-12-01T10:00:00Z" }, { comment: null }] }));
    expect(reading.ok && reading.incident).toMatchObject({
      status: "Resolved",
      classification: "TruePositive",
      determination: "CompromisedUser",
      comments: [{ comment: "Contained.", createdBy: "analyst@contoso.com", createdTime: "2026-12-01T10:00:00Z" }],
    });
  });

  it("reports a malformed alert and keeps the rest; refuses an incident without an ID or a creation time", () => {
    const reading = readGraphIncident(withAlerts({ alerts: [{ id: "bad id!", createdDateTime: "2026-12-01T10:00:00Z" }, sampleGraphAlerts()[0]] }));
    expect(reading.ok && reading.incident.alerts.length).toBe(1);
    expect(reading.ok && reading.malformed.map((m) => m.id)).toEqual(["bad id!"]);
    expect(readGraphIncident({ ...sampleIncident, id: "" }).ok).toBe(false);
    expect(readGraphIncident({ ...sampleIncident, createdDateTime: "yesterday" })).toMatchObject({ ok: false, id: "48213" });
  });
});

describe("readGraphIncidentBytes", () => {
  // What an incident shows: its alerts as it keeps them, without their readers.
  /** What an incident shows of an alert, as a plain object (the kept alerts give their times through getters). */
  const shown = ({ id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId, serviceSource }: IncidentAlert) => ({ id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId, serviceSource });
  const kept = (incident: Incident) => ({ ...incident, alerts: incident.alerts.map(shown) });

  it("reads an incident from its bytes as readGraphIncident reads it parsed, each alert kept as its whole reading says", () => {
    const raw = withAlerts({ alerts: [{ id: "bad id!", createdDateTime: "2026-12-01T10:00:00Z" }, ...withAlerts().alerts] });
    const fromBytes = readGraphIncidentBytes(Buffer.from(JSON.stringify(raw)));
    const parsed = readGraphIncident(raw);
    if (!fromBytes.ok || !parsed.ok) throw new Error("the sample incident did not read");
    expect(kept(fromBytes.incident)).toEqual(kept(parsed.incident));
    expect(fromBytes.malformed).toEqual(parsed.malformed);
    expect(fromBytes.malformed.map((m) => m.id)).toEqual(["bad id!"]);
    for (const alert of fromBytes.incident.alerts) {
      const whole = readGraphAlert(raw.alerts.find((item) => (item as { id: string }).id === alert.id));
      if (!whole.ok) throw new Error(whole.problem);
      expect(alert.evidence()).toEqual({ evidence: whole.alert.evidence, device: whole.alert.device, user: whole.alert.user });
      expect(alert.evidence().evidence.length).toBeGreaterThan(0);
      expect(shown(alert)).toEqual(shown(incidentAlertOf(whole.alert)));
      expect(shown(alert).createdAt).toEqual(whole.alert.createdAt);
    }
  });
});

describe("incidentStatusFromGraph", () => {
  it.each([
    ["active", "New"],
    ["Active", "New"],
    ["inProgress", "InProgress"],
    ["awaitingAction", "InProgress"],
    ["resolved", "Resolved"],
    ["redirected", "Redirected"],
    ["unknownFutureValue", "unknownFutureValue"],
    [null, null],
  ])("%s → %s", (graph, ours) => {
    expect(incidentStatusFromGraph(graph)).toBe(ours);
  });
});
