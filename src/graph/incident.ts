/**
 * A Graph security incident (`/v1.0/security/incidents`, `$expand=alerts`) as the action reads it:
 * strict on its ID and creation time, lenient on the rest, its alerts held to what makes an alert
 * malformed as alerts are (a malformed one is reported, not the incident's loss) and kept light
 * until an issue body is rendered (IncidentAlert), and translated into our incident model. Field
 * names are checked against Microsoft's published types.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { z } from "zod";
import { idOf, optionalTime, problemsOf, text, time } from "../source/fields.js";
import { ALERT_ID_PATTERN } from "../issue/marker.js";
import { readMemberBytes } from "../json-stream.js";
import type { Incident, IncidentAlert } from "../source/incident.js";
import type { MalformedAlert } from "../source/source.js";
import { graphComments, readIncidentGraphAlert } from "./alert.js";
import { type AlertApart, evidenceSideBySide, readAlertApart, shared } from "../source/compact.js";
import { classificationFromGraph, determinationFromGraph, severityFromGraph } from "./vocabulary.js";


// Our words for Graph's incident statuses; `awaitingAction` (an evolvable member) is work in progress.
const STATUS_FROM_GRAPH: Record<Exclude<SecurityNamespace.IncidentStatus, "unknownFutureValue">, string> = {
  active: "New",
  inProgress: "InProgress",
  awaitingAction: "InProgress",
  resolved: "Resolved",
  redirected: "Redirected",
};

// Every field read is one of Microsoft's: a misspelt name is a compile error.
const shape = {
  id: z.string().regex(ALERT_ID_PATTERN, "an ID of letters, digits, '_' and '-' (at most 128)"),
  createdDateTime: time,
  displayName: text,
  severity: text,
  status: text,
  classification: text,
  determination: text,
  assignedTo: text,
  lastUpdateDateTime: optionalTime,
  incidentWebUrl: text,
  redirectIncidentId: text,
  tenantId: text,
  comments: graphComments,
  alerts: z.array(z.unknown()).nullish().catch(null).transform((items) => items ?? []),
} satisfies Partial<Record<keyof SecurityNamespace.Incident, unknown>>;

const incidentSchema = z.looseObject(shape);

export type IncidentReading = { ok: true; incident: Incident; malformed: MalformedAlert[] } | { ok: false; id: string; problem: string };

/** Our word for a Graph incident status, case-insensitively; another value as Graph wrote it. */
export function incidentStatusFromGraph(value: string | null | undefined): string | null {
  if (!value) return null;
  const key = Object.keys(STATUS_FROM_GRAPH).find((k) => k.toLowerCase() === value.toLowerCase());
  return key === undefined ? value : STATUS_FROM_GRAPH[key as keyof typeof STATUS_FROM_GRAPH];
}

/**
 * An incident from its bytes, as a page of incidents holds it: each alert is parsed on its own,
 * apart from its evidence, which is kept as bytes until a body gathers it (IncidentAlert.evidence).
 * Those bytes are copied out of the page, so that what is kept is the evidence and not every chunk
 * of the reply it came in.
 */
export function readGraphIncidentBytes(bytes: Uint8Array): IncidentReading {
  const alerts: AlertApart[] = [];
  const rest = readMemberBytes(bytes, "alerts", (alertBytes) => alerts.push(readAlertApart(alertBytes)));
  return readGraphIncident(rest, alerts);
}

/** An incident, parsed; `streamed`: alerts read apart from it, beside those its `alerts` holds. */
export function readGraphIncident(raw: unknown, streamed: readonly AlertApart[] = []): IncidentReading {
  const parsed = incidentSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, id: idOf(raw), problem: problemsOf(parsed.error, "incident") };
  }
  const incident = parsed.data;
  const alerts: IncidentAlert[] = [];
  const malformed: MalformedAlert[] = [];
  const apart = [...streamed, ...incident.alerts.map((alert) => readAlertApart(Buffer.from(JSON.stringify(alert))))];
  // The alerts' evidence side by side in one buffer, each alert holding where its own is.
  const evidence = evidenceSideBySide(apart);
  for (const [i, item] of apart.entries()) {
    const reading = readIncidentGraphAlert(item.raw, evidence[i]!);
    if (reading.ok) alerts.push(reading.alert);
    else malformed.push({ id: reading.id, problem: reading.problem });
  }
  alerts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const status = incidentStatusFromGraph(incident.status);
  return {
    ok: true,
    malformed,
    incident: {
      id: incident.id,
      name: incident.displayName ?? null,
      severity: severityFromGraph(incident.severity),
      status,
      classification: classificationFromGraph(incident.classification),
      determination: determinationFromGraph(incident.determination),
      assignedTo: incident.assignedTo ?? null,
      createdAt: incident.createdDateTime,
      updatedAt: incident.lastUpdateDateTime ?? null,
      webUrl: incident.incidentWebUrl ?? null,
      redirectedTo: status === "Redirected" ? (incident.redirectIncidentId ?? null) : null,
      tenantId: shared(incident.tenantId ?? null),
      alerts,
      comments: incident.comments,
    },
  };
}
