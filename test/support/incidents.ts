/** Neutral incidents for tests, made of the sample alerts of either source. */
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { fromGraph, graphAlertSchema } from "../../src/graph/alert.ts";
import type { Alert } from "../../src/source/alert.ts";
import { type Incident, incidentAlertOf } from "../../src/source/incident.ts";
import { sampleAlerts } from "../emulators/sample-alerts.ts";
import { type GraphIncident, sampleGraphAlerts, sampleIncident } from "../emulators/sample-graph-alerts.ts";

export const NOW = new Date("2026-12-01T20:00:00Z");

export function endpointAlerts(raw: unknown[] = sampleAlerts(NOW)): Alert[] {
  return raw.map((item) => toAlert(alertSchema.parse(item)));
}

export function graphAlerts(raw: unknown[] = sampleGraphAlerts()): Alert[] {
  return raw.map((item) => fromGraph(graphAlertSchema.parse(item)));
}

/** The Graph sample incident with the sample alerts it correlates, as a Graph adapter would give it. */
export function graphIncident(overrides: Partial<Incident> = {}, raw: GraphIncident = sampleIncident): Incident {
  return {
    id: raw.id,
    name: raw.displayName ?? null,
    severity: "High",
    status: "New",
    classification: null,
    determination: null,
    assignedTo: raw.assignedTo ?? null,
    createdAt: new Date(raw.createdDateTime!),
    updatedAt: raw.lastUpdateDateTime ? new Date(raw.lastUpdateDateTime) : null,
    webUrl: raw.incidentWebUrl ?? null,
    redirectedTo: raw.redirectIncidentId ?? null,
    tenantId: raw.tenantId ?? null,
    alerts: graphAlerts().filter((alert) => alert.incident?.id === raw.id).map((alert) => incidentAlertOf(alert)),
    comments: [],
    ...overrides,
  };
}

/** Endpoint alerts grouped as the Endpoint API's incidents are: no name but its first alert's title, no severity of its own. */
export function endpointIncident(alerts: Alert[], overrides: Partial<Incident> = {}): Incident {
  return {
    id: alerts[0]?.incident?.id ?? "48213",
    name: alerts[0]?.title ?? null,
    severity: null,
    status: "New",
    classification: null,
    determination: null,
    assignedTo: null,
    createdAt: alerts[0]?.createdAt ?? NOW,
    updatedAt: null,
    webUrl: null,
    redirectedTo: null,
    tenantId: alerts[0]?.tenantId ?? null,
    alerts: alerts.map((alert) => incidentAlertOf(alert)),
    comments: [],
    ...overrides,
  };
}
