import { describe, expect, it } from "vitest";
import { incidentStatusFromGraph, readGraphIncident } from "../../src/graph/incident.ts";
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
