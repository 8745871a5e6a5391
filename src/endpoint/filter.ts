/** The Endpoint API's OData $filter for the alerts in a pull window. Pure. */
import { anyOf, odataTime, severitiesFrom } from "../source/odata.js";
import type { AlertWindow } from "../source/source.js";

export { odataString, odataTime, severitiesFrom } from "../source/odata.js";


export function alertFilter(window: AlertWindow): string {
  const clauses = [
    `alertCreationTime ge ${odataTime(window.since)}`,
    `alertCreationTime lt ${odataTime(window.until)}`,
  ];
  // "Informational" admits every severity, UnSpecified included: no clause is the exact filter.
  if (window.minSeverity !== "Informational" && window.minSeverity !== "UnSpecified") {
    clauses.push(anyOf("severity", severitiesFrom(window.minSeverity)));
  }
  if (window.statuses.length > 0) clauses.push(anyOf("status", window.statuses));
  if (window.extra) clauses.push(`(${window.extra})`);
  return clauses.join(" and ");
}
