/**
 * A pull window's filters for the Graph security API: the OData $filter of alerts, and of incidents
 * (whose alerts are then held to the alert filters here, Graph filtering incidents on none of
 * them). Graph's field names and spellings. Pure.
 */
import { severityOf } from "../source/alert.js";
import type { IncidentAlert } from "../source/incident.js";
import { anyOf, odataTime, severitiesFrom } from "../source/odata.js";
import type { AlertWindow } from "../source/source.js";
import { SERVICE_SOURCES } from "./service-sources.js";
import { severityToGraph, statusToGraph } from "./vocabulary.js";

export { SERVICE_SOURCES };

/** Graph's spelling of a `service-sources` value, matched case-insensitively; one the schema lacks is kept as given. */
export function serviceSourceToGraph(value: string): string {
  return SERVICE_SOURCES.find((member) => member.toLowerCase() === value.toLowerCase()) ?? value;
}

export function graphAlertFilter(window: AlertWindow): string {
  const clauses = [
    `createdDateTime ge ${odataTime(window.since)}`,
    `createdDateTime lt ${odataTime(window.until)}`,
  ];
  if (!admitsEverySeverity(window)) clauses.push(anyOf("severity", severitiesFrom(window.minSeverity).map(severityToGraph)));
  if (window.statuses.length > 0) clauses.push(anyOf("status", window.statuses.map(statusToGraph)));
  if (window.serviceSources && window.serviceSources.length > 0) clauses.push(anyOf("serviceSource", window.serviceSources.map(serviceSourceToGraph)));
  if (window.extra) clauses.push(`(${window.extra})`);
  return clauses.join(" and ");
}

/**
 * The incidents updated within the window, and the user's clause (in incident field names). The
 * alert filters are not here: an incident's severity and status are not its alerts', so they are
 * applied to its alerts once read (`passesAlertFilters`).
 */
export function graphIncidentFilter(window: AlertWindow): string {
  const clauses = [updatedSinceFilter(window.since, window.until)];
  if (window.extra) clauses.push(`(${window.extra})`);
  return clauses.join(" and ");
}

/** Whether an alert passes the window's severity, status and service-source filters, as graphAlertFilter's clauses would. */
export function passesAlertFilters(alert: Pick<IncidentAlert, "severity" | "status" | "serviceSource">, window: AlertWindow): boolean {
  if (!admitsEverySeverity(window) && !severitiesFrom(window.minSeverity).includes(severityOf(alert))) return false;
  if (window.statuses.length > 0 && !window.statuses.some((status) => sameWord(status, alert.status))) return false;
  const sources = window.serviceSources ?? [];
  return sources.length === 0 || sources.some((wanted) => sameWord(wanted, alert.serviceSource));
}

// "Informational" admits every severity, Graph's `unknown` (our UnSpecified) included: no clause is the exact filter.
function admitsEverySeverity(window: AlertWindow): boolean {
  return window.minSeverity === "Informational" || window.minSeverity === "UnSpecified";
}

function sameWord(a: string, b: string | null): boolean {
  return b !== null && a.toLowerCase() === b.toLowerCase();
}

/** The alerts changed since a time (and before another), for reading alerts' current state where Graph cannot filter on `id`. */
export function updatedSinceFilter(since: Date, before?: Date): string {
  const clause = `lastUpdateDateTime ge ${odataTime(since)}`;
  return before ? `${clause} and lastUpdateDateTime lt ${odataTime(before)}` : clause;
}
