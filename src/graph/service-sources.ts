/** Graph's `serviceSource` values, apart, so the inputs can name them without loading the Graph adapter. */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";

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
