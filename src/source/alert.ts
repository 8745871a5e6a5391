/**
 * An alert in our own vocabulary, whichever API it came from: what an issue, a triage decision and
 * a report need. Each source translates its API's alert into this at its border. Pure.
 */
import { canonicalDetermination } from "../issue/triage.js";
import type { Triage } from "../issue/twoway.js";
import { CLASSIFICATIONS, type Classification, DETERMINATIONS, SEVERITIES, type Severity } from "../issue/vocabulary.js";

/** A comment on the alert, as the source keeps it. */
export interface AlertComment {
  comment: string;
  createdBy: string | null;
  /** ISO-8601, as the source wrote it (compared as a time). */
  createdTime: string;
  /**
   * An incident's comment gathered from its alerts (the Endpoint API's incidents): the alerts it is
   * on, when it is on only some of them.
   */
  alertIds?: string[];
}

/** A part of an evidence row: a value shown as code (paths, hashes, command lines) or as text. */
export type EvidenceDetail = { label?: string; code: string } | { label?: string; text: string };

/**
 * What a piece of evidence is, in our words whichever source named it: what an incident issue
 * gathers across its alerts. Any other kind is `other`, its `type` saying what it is.
 */
export type EvidenceKind = "device" | "user" | "mailbox" | "file" | "other";

/** One piece of evidence: its kind, the entity it names, and what else a triager needs of it. */
export interface Evidence {
  kind: EvidenceKind;
  /** The source's word for its type, as the evidence table shows it. */
  type: string | null;
  entity: string | null;
  details: EvidenceDetail[];
}

export interface Alert {
  id: string;
  createdAt: Date;
  title: string | null;
  description: string | null;
  recommendedAction: string | null;
  /** As the source gives it, in our spelling where the value is one of ours (`High`, `UnSpecified`). */
  severity: string | null;
  /** `New`, `InProgress`, `Resolved`, or what the source said when it is none of those. */
  status: string | null;
  classification: string | null;
  determination: string | null;
  /** The product that raised it (Graph's service source or product name); none for the Endpoint API. */
  product: string | null;
  category: string | null;
  detectionSource: string | null;
  threat: string | null;
  device: { name: string | null; id: string | null } | null;
  deviceGroup: string | null;
  user: string | null;
  firstActivity: Date | null;
  lastActivity: Date | null;
  /** When the alert last changed, when the source says. */
  updatedAt: Date | null;
  mitreTechniques: string[];
  incident: { id: string; webUrl: string | null } | null;
  investigation: string | null;
  assignedTo: string | null;
  /** The source's own link to the alert in the portal, when it gives one. */
  webUrl: string | null;
  /** The alert's tenant, when the source names it. */
  tenantId: string | null;
  comments: AlertComment[];
  evidence: Evidence[];
  /** What `title-template` may name: the source's own scalar fields, `{severity}` being the label word. */
  fields: Readonly<Record<string, unknown>>;
}

export function severityOf(alert: Pick<Alert, "severity">): Severity {
  return SEVERITIES.find((s) => s === alert.severity) ?? "UnSpecified";
}

/** An alert's triage fields in our vocabulary: values outside it (`Unknown`, a new enum) read as none. */
export function triageOf(alert: Pick<Alert, "status" | "classification" | "determination" | "assignedTo">): Triage {
  const status = alert.status === "Resolved" || alert.status === "InProgress" ? alert.status : "New";
  const classification = CLASSIFICATIONS.find((c) => c === alert.classification) ?? null;
  const determination = alert.determination ? canonicalDetermination(alert.determination) : null;
  return {
    status,
    classification: classification as Classification | null,
    determination: determination && DETERMINATIONS.includes(determination) ? determination : null,
    owner: alert.assignedTo?.trim() || null,
  };
}

/** What an alert names, as gathering evidence across an incident's alerts reads it. */
export type AlertEvidence = Pick<Alert, "evidence" | "device" | "user">;
