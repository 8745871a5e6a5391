/**
 * A Defender incident in our own vocabulary, whichever API it came from: the alerts Defender
 * correlated into one investigation, and what an incident issue shows and triages. Each source
 * translates at its border (Graph's `/security/incidents`; the Endpoint API's alerts grouped by
 * `incidentId`). Pure.
 */
import { SEVERITIES, type Severity } from "../issue/vocabulary.js";
import { type Alert, type AlertComment, severityOf } from "./alert.js";

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
  alerts: Alert[];
  comments: AlertComment[];
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
