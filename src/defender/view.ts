/**
 * A Defender for Endpoint alert as two-way reconcile sees it: its triage fields in our vocabulary,
 * when it last changed, and its comments. The Endpoint API's words stop here.
 */
import type { AlertView } from "../issue/reconcile-plan.js";
import { canonicalDetermination } from "../issue/triage.js";
import type { Triage } from "../issue/twoway.js";
import { CLASSIFICATIONS, type Classification, DETERMINATIONS } from "../issue/vocabulary.js";
import type { Alert } from "./alert.js";

/** An endpoint alert's fields in our vocabulary: values outside it (`Unknown`, a new enum) read as none. */
export function endpointTriage(alert: { status?: string | null; classification?: string | null; determination?: string | null; assignedTo?: string | null }): Triage {
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

export function alertView(alert: Alert): AlertView {
  return {
    triage: endpointTriage(alert),
    updatedAt: alert.lastUpdateTime ?? null,
    comments: (alert.comments ?? []).flatMap((c) => (c.comment && c.createdTime ? [{ comment: c.comment, createdBy: c.createdBy ?? null, createdTime: c.createdTime }] : [])),
  };
}
