/**
 * A page of Graph incidents keeps each incident's alerts light: what planning and the alerts table
 * read, and the bytes of its evidence, parsed only when an issue body gathers it.
 */
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/graph/evidence.ts", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/graph/evidence.ts")>();
  return { ...actual, graphEvidence: vi.fn(actual.graphEvidence) };
});

const { graphEvidence } = await import("../../src/graph/evidence.ts");
const { readGraphIncidentPage } = await import("../../src/graph/page.ts");
const { readGraphAlert } = await import("../../src/graph/alert.ts");
const { renderIncidentIssue } = await import("../../src/issue/render-incident.ts");
const { incidentAlertOf } = await import("../../src/source/incident.ts");
const { sampleGraphAlerts, sampleGraphIncidents } = await import("../emulators/sample-graph-alerts.ts");

const options = { titleTemplate: "[{severity}] {title}", portalHost: "security.microsoft.com", extraLabels: [] };

async function* body(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, "utf8");
}

describe("readGraphIncidentPage", () => {
  it("parses no evidence until an issue body is rendered, and renders the body an incident of whole alerts has", async () => {
    const alerts = sampleGraphAlerts();
    const value = sampleGraphIncidents().map((incident) => ({ ...incident, alerts: alerts.filter((alert) => alert.incidentId === incident.id) }));
    const page = await readGraphIncidentPage(body(JSON.stringify({ value })));
    const incident = page.items.find((item) => item.id === value[0]!.id)!;
    expect(incident.alerts).toHaveLength(value[0]!.alerts.length);
    expect(graphEvidence).not.toHaveBeenCalled();

    const draft = renderIncidentIssue(incident, options);
    const evidence = value[0]!.alerts.reduce((sum, alert) => sum + (alert.evidence?.length ?? 0), 0);
    expect(evidence).toBeGreaterThan(0);
    expect(graphEvidence).toHaveBeenCalledTimes(evidence);
    const whole = (id: string) => {
      const reading = readGraphAlert(value[0]!.alerts.find((alert) => alert.id === id));
      if (!reading.ok) throw new Error(reading.problem);
      return reading.alert;
    };
    expect(draft).toEqual(renderIncidentIssue({ ...incident, alerts: incident.alerts.map((alert) => incidentAlertOf(whole(alert.id))) }, options));
  });
});
