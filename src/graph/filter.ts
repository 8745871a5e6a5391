/** The Graph security API's OData $filter for the alerts in a pull window, in Graph's field names and spellings. Pure. */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { anyOf, odataTime, severitiesFrom } from "../source/odata.js";
import type { AlertWindow } from "../source/source.js";
import { severityToGraph, statusToGraph } from "./vocabulary.js";

/**
 * The schema's `serviceSource` members (those after `unknownFutureValue` too: the Prefer header
 * admits them). Microsoft's published types lag the schema by `microsoftSecurityForAI`.
 */
export const SERVICE_SOURCES = [
  "unknown",
  "microsoftDefenderForEndpoint",
  "microsoftDefenderForIdentity",
  "microsoftDefenderForCloudApps",
  "microsoftDefenderForOffice365",
  "microsoft365Defender",
  "azureAdIdentityProtection",
  "microsoftAppGovernance",
  "dataLossPrevention",
  "microsoftDefenderForCloud",
  "microsoftSentinel",
  "microsoftInsiderRiskManagement",
  "microsoftThreatIntelligence",
  "microsoftSecurityForAI",
] as const satisfies ReadonlyArray<SecurityNamespace.ServiceSource | "microsoftSecurityForAI">;

/** Graph's spelling of a `service-sources` value, matched case-insensitively; one the schema lacks is kept as given. */
export function serviceSourceToGraph(value: string): string {
  return SERVICE_SOURCES.find((member) => member.toLowerCase() === value.toLowerCase()) ?? value;
}

export function graphAlertFilter(window: AlertWindow): string {
  const clauses = [
    `createdDateTime ge ${odataTime(window.since)}`,
    `createdDateTime lt ${odataTime(window.until)}`,
  ];
  // "Informational" admits every severity, Graph's `unknown` (our UnSpecified) included: no clause is the exact filter.
  if (window.minSeverity !== "Informational" && window.minSeverity !== "UnSpecified") {
    clauses.push(anyOf("severity", severitiesFrom(window.minSeverity).map(severityToGraph)));
  }
  if (window.statuses.length > 0) clauses.push(anyOf("status", window.statuses.map(statusToGraph)));
  if (window.serviceSources && window.serviceSources.length > 0) clauses.push(anyOf("serviceSource", window.serviceSources.map(serviceSourceToGraph)));
  if (window.extra) clauses.push(`(${window.extra})`);
  return clauses.join(" and ");
}

/** The alerts changed since a time (and before another), for reading alerts' current state where Graph cannot filter on `id`. */
export function updatedSinceFilter(since: Date, before?: Date): string {
  const clause = `lastUpdateDateTime ge ${odataTime(since)}`;
  return before ? `${clause} and lastUpdateDateTime lt ${odataTime(before)}` : clause;
}
