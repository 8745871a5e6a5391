/**
 * A Defender incident in our own vocabulary, whichever API it came from: the alerts Defender
 * correlated into one investigation, and what an incident issue shows and triages. Each source
 * translates at its border (Graph's `/security/incidents`; the Endpoint API's alerts grouped by
 * `incidentId`). Pure.
 */
import { SEVERITIES, type Severity } from "../issue/vocabulary.js";
import { type Alert, type AlertComment, type AlertEvidence, severityOf } from "./alert.js";
import type { ListedAlert } from "./source.js";

/**
 * An incident's alert as the incident keeps it: what planning, the incident's severity, the
 * listing's filters and the alerts table read, and `evidence()`, which only rendering the
 * issue's body asks for. A listing of thousands of incidents keeps each alert's evidence as bytes
 * rather than objects, as an alert listing keeps its alerts (ListedAlert).
 */
export interface IncidentAlert extends Omit<ListedAlert, "incidentId" | "read">, Pick<Alert, "title" | "severity" | "status" | "product" | "detectionSource" | "firstActivity" | "webUrl" | "tenantId"> {
  /** Graph's `serviceSource`, which `service-sources` filters on; none for the Endpoint API. */
  serviceSource: string | null;
  /** Its evidence, read only when an issue's body gathers it. */
  evidence(): AlertEvidence;
}

export interface Incident {
  id: string;
  /** Its name in the portal (Graph's `displayName`); the Endpoint API names none, so its first alert's title. */
  name: string | null;
  /** In our spelling where it is one of ours (`High`); the incident's own, or its highest alert's. */
  severity: string | null;
  /** `New` (Graph's `active`), `InProgress`, `Resolved`, `Redirected` (merged into another), or as the source said. */
  status: string | null;
  classification: string | null;
  determination: string | null;
  assignedTo: string | null;
  createdAt: Date;
  /** When the incident last changed, when the source says. */
  updatedAt: Date | null;
  /** The source's own portal link, when it gives one. */
  webUrl: string | null;
  /** The incident this one was merged into (Graph's `redirectIncidentId`), when it was. */
  redirectedTo: string | null;
  tenantId: string | null;
  alerts: IncidentAlert[];
  comments: AlertComment[];
}

/** An alert already read whole, as an incident keeps it: itself, which gives its evidence. */
export function incidentAlertOf(alert: Alert): IncidentAlert {
  const { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId } = alert;
  const serviceSource = alert.fields.serviceSource;
  return { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId, serviceSource: typeof serviceSource === "string" ? serviceSource : null, evidence: () => alert };
}

/**
 * The incident's severity in our vocabulary: its own when the source gives one, else the highest of
 * its alerts' (the Endpoint API rates only alerts).
 */
export function incidentSeverityOf(incident: Pick<Incident, "severity" | "alerts">): Severity {
  const own = severityOf(incident);
  if (own !== "UnSpecified") return own;
  return incident.alerts.reduce<Severity>((highest, alert) => {
    const severity = severityOf(alert);
    return SEVERITIES.indexOf(severity) > SEVERITIES.indexOf(highest) ? severity : highest;
  }, "UnSpecified");
}
