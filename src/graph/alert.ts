/**
 * A Graph security alert (`/v1.0/security/alerts_v2`) as the action reads it: lenient where Graph
 * varies, strict where we rely on it (the ID and the creation time), and translated into our alert
 * model at this border. Field names are checked against Microsoft's published types.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { z } from "zod";
import { idOf, optionalTime, problemsOf, text, time } from "../source/fields.js";
import { ALERT_ID_PATTERN } from "../issue/marker.js";
import { type Alert, type AlertComment, type AlertEvidence, severityOf } from "../source/alert.js";
import { type EvidenceBytes, KeptIncidentAlert } from "../source/compact.js";
import type { IncidentAlert } from "../source/incident.js";
import type { ListedAlert } from "../source/source.js";
import { graphEvidence, type GraphEvidence } from "./evidence.js";
import { classificationFromGraph, determinationFromGraph, severityFromGraph, statusFromGraph } from "./vocabulary.js";


const commentSchema = z.looseObject({ comment: text, createdByDisplayName: text, createdDateTime: text });

/** Graph's `comments` of an alert or an incident (`alertComment`), in our model; one without text or time is left out. */
export const graphComments = z.array(z.unknown()).nullish().catch(null).transform((items) => (items ?? []).flatMap((item): AlertComment[] => {
  const parsed = commentSchema.safeParse(item);
  return parsed.success && parsed.data.comment && parsed.data.createdDateTime
    ? [{ comment: parsed.data.comment, createdBy: parsed.data.createdByDisplayName ?? null, createdTime: parsed.data.createdDateTime }]
    : [];
}));

// Every field read is one of Microsoft's: a misspelt name is a compile error.
const shape = {
  id: z.string().regex(ALERT_ID_PATTERN, "an ID of letters, digits, '_' and '-' (at most 128)"),
  createdDateTime: time,
  providerAlertId: text,
  incidentId: text,
  status: text,
  severity: text,
  classification: text,
  determination: text,
  serviceSource: text,
  detectionSource: text,
  productName: text,
  detectorId: text,
  tenantId: text,
  title: text,
  description: text,
  recommendedActions: text,
  category: text,
  assignedTo: text,
  alertWebUrl: text,
  incidentWebUrl: text,
  actorDisplayName: text,
  threatDisplayName: text,
  threatFamilyName: text,
  mitreTechniques: z.array(z.unknown()).nullish().catch(null).transform((items) => (items ?? []).filter((item): item is string => typeof item === "string")),
  lastUpdateDateTime: optionalTime,
  resolvedDateTime: optionalTime,
  firstActivityDateTime: optionalTime,
  lastActivityDateTime: optionalTime,
  comments: graphComments,
  evidence: z.array(z.unknown()).nullish().catch(null).transform((items) => (items ?? []).flatMap((item) => {
    // One odd evidence entry should not cost the whole alert its ticket.
    const parsed = graphEvidence(item);
    return parsed ? [parsed] : [];
  })),
} satisfies Partial<Record<keyof SecurityNamespace.Alert, unknown>>;

export const graphAlertSchema = z.looseObject(shape);

export type GraphAlert = z.infer<typeof graphAlertSchema>;

export type AlertReading = { ok: true; alert: Alert } | { ok: false; id: string; problem: string };
export type ListedAlertReading = { ok: true; alert: ListedAlert } | { ok: false; id: string; problem: string };

/** Validates one alert; a malformed one is reported, not thrown. */
export function readGraphAlert(raw: unknown): AlertReading {
  const parsed = graphAlertSchema.safeParse(raw);
  if (parsed.success) return { ok: true, alert: fromGraph(parsed.data) };
  return { ok: false, id: idOf(raw), problem: problemsOf(parsed.error) };
}

// Only the ID and the creation time can make an alert malformed: every other field is lenient.
const headSchema = z.object({ id: shape.id, createdDateTime: shape.createdDateTime, lastUpdateDateTime: shape.lastUpdateDateTime, incidentId: shape.incidentId });

// What an incident keeps of each of its alerts (IncidentAlert): no evidence, no comments.
const summarySchema = z.object({
  id: shape.id,
  createdDateTime: shape.createdDateTime,
  title: shape.title,
  severity: shape.severity,
  status: shape.status,
  serviceSource: shape.serviceSource,
  productName: shape.productName,
  detectionSource: shape.detectionSource,
  firstActivityDateTime: shape.firstActivityDateTime,
  alertWebUrl: shape.alertWebUrl,
  tenantId: shape.tenantId,
});

const decoder = new TextDecoder();

/** A listed alert whose `bytes` (its JSON) are read again by `read()`; also its last update, for time-boundary paging. */
export function readListedGraphAlert(raw: unknown, bytes: Uint8Array): ListedAlertReading & { updatedAt?: Date | null } {
  const head = headSchema.safeParse(raw);
  if (!head.success) return { ok: false, id: idOf(raw), problem: problemsOf(head.error) };
  const { id, createdDateTime } = head.data;
  return { ok: true, alert: { id, createdAt: createdDateTime, incidentId: head.data.incidentId || null, read: readAgain(id, bytes) }, updatedAt: head.data.lastUpdateDateTime ?? null };
}

/** An incident's alert: what the incident keeps of it, read as fromGraph reads it, and its evidence parsed only when gathered. */
export function readIncidentGraphAlert(raw: unknown, evidence: EvidenceBytes): { ok: true; alert: IncidentAlert } | { ok: false; id: string; problem: string } {
  const parsed = summarySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, id: idOf(raw), problem: problemsOf(parsed.error) };
  return { ok: true, alert: new GraphIncidentAlert(summaryOf(parsed.data), parsed.data.serviceSource ?? null, evidence) };
}

/** A Graph alert as its incident keeps it (KeptIncidentAlert). */
class GraphIncidentAlert extends KeptIncidentAlert {
  evidence(): AlertEvidence {
    return graphEvidenceOf(this.evidenceItems());
  }
}

/** An alert's evidence in our model, as fromGraph reads it: the shown entries, and the first device and user. */
export function graphEvidenceOf(items: unknown): AlertEvidence {
  return namedIn(shape.evidence.parse(items));
}

function namedIn(evidence: readonly GraphEvidence[]): AlertEvidence {
  const device = evidence.find((item): item is Extract<GraphEvidence, { kind: "device" }> => item.kind === "device");
  const user = evidence.find((item): item is Extract<GraphEvidence, { kind: "user" }> => item.kind === "user");
  return { evidence: evidence.map((item) => item.shown), device: device ? { name: device.deviceDnsName, id: device.mdeDeviceId } : null, user: user?.account ?? null };
}

function readAgain(id: string, bytes: Uint8Array): () => Alert {
  return () => {
    const reading = readGraphAlert(JSON.parse(decoder.decode(bytes)));
    if (!reading.ok) throw new Error(`Alert ${id} could not be read again: ${reading.problem}`);
    return reading.alert;
  };
}

/** What an incident keeps of an alert, in our model (fromGraph reads the same). */
function summaryOf(alert: z.infer<typeof summarySchema>): Omit<IncidentAlert, "serviceSource" | "evidence"> {
  return {
    id: alert.id,
    createdAt: alert.createdDateTime,
    title: alert.title ?? null,
    severity: severityFromGraph(alert.severity),
    status: statusFromGraph(alert.status),
    product: alert.productName || alert.serviceSource || null,
    detectionSource: alert.detectionSource ?? null,
    firstActivity: alert.firstActivityDateTime ?? null,
    webUrl: alert.alertWebUrl ?? null,
    tenantId: alert.tenantId ?? null,
  };
}

/** The Graph alert in our model: enum values in our spelling, the first device and user from the evidence. */
export function fromGraph(alert: GraphAlert): Alert {
  const device = alert.evidence.find((item): item is Extract<GraphEvidence, { kind: "device" }> => item.kind === "device");
  const named = namedIn(alert.evidence);
  const summary = summaryOf(alert);
  const { severity } = summary;
  return {
    ...summary,
    description: alert.description ?? null,
    recommendedAction: alert.recommendedActions ?? null,
    classification: classificationFromGraph(alert.classification),
    determination: determinationFromGraph(alert.determination),
    category: alert.category ?? null,
    threat: [alert.threatFamilyName, alert.threatDisplayName].filter((v, i, all) => v && all.indexOf(v) === i).join(" / ") || null,
    device: named.device,
    deviceGroup: device?.rbacGroupName ?? null,
    user: named.user,
    lastActivity: alert.lastActivityDateTime ?? null,
    updatedAt: alert.lastUpdateDateTime ?? null,
    mitreTechniques: alert.mitreTechniques,
    incident: alert.incidentId ? { id: alert.incidentId, webUrl: alert.incidentWebUrl ?? null } : null,
    investigation: null,
    assignedTo: alert.assignedTo ?? null,
    comments: alert.comments,
    evidence: named.evidence,
    // `{severity}` is the label word for both sources; `{computerDnsName}` what it is in the Endpoint API.
    fields: { ...alert, severity: severityOf({ severity }), computerDnsName: device?.deviceDnsName ?? null },
  };
}
