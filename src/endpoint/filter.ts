/** The Endpoint API's OData $filter for the alerts in a pull window, and for the alerts of incidents. Pure. */
import { anyOf, odataString, odataTime, severitiesFrom } from "../source/odata.js";
import type { AlertWindow } from "../source/source.js";

export { odataString, odataTime, severitiesFrom } from "../source/odata.js";

/** The alerts created within the window that pass its filters. */
export function alertFilter(window: AlertWindow): string {
  return windowFilter("alertCreationTime", window);
}

/**
 * The alerts updated within the window that pass its filters: the incidents they name are those a
 * pull with `group-by: incident` takes (an alert joining an older incident updates only itself).
 */
export function updatedAlertFilter(window: AlertWindow): string {
  return windowFilter("lastUpdateTime", window);
}

/** Every alert of these incidents: `incidentId eq N or …`, the API's incidentId being a number (unquoted). */
export function incidentsFilter(incidentIds: readonly string[]): string {
  return incidentIds.map((id) => `incidentId eq ${/^\d{1,18}$/.test(id) ? id : odataString(id)}`).join(" or ");
}

function windowFilter(time: "alertCreationTime" | "lastUpdateTime", window: AlertWindow): string {
  const clauses = [
    `${time} ge ${odataTime(window.since)}`,
    `${time} lt ${odataTime(window.until)}`,
  ];
  // "Informational" admits every severity, UnSpecified included: no clause is the exact filter.
  if (window.minSeverity !== "Informational" && window.minSeverity !== "UnSpecified") {
    clauses.push(anyOf("severity", severitiesFrom(window.minSeverity)));
  }
  if (window.statuses.length > 0) clauses.push(anyOf("status", window.statuses));
  if (window.extra) clauses.push(`(${window.extra})`);
  return clauses.join(" and ");
}
