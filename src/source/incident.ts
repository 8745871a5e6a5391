/**
 * A Defender incident in our own vocabulary, whichever API it came from: the alerts Defender
 * correlated into one investigation, and what an incident issue shows and triages. Each source
 * translates at its border (Graph's `/security/incidents`; the Endpoint API's alerts grouped by
 * `incidentId`). Pure.
 */
import type { Alert, AlertComment } from "./alert.js";

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
