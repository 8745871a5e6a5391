/**
 * A Defender for Endpoint alert as the action reads it: lenient where Defender varies, strict where
 * we rely on it, and translated into our alert model (src/source/alert.ts) at this border.
 */
import { z } from "zod";
import { idOf, optionalTime, problemsOf, text, time } from "../source/fields.js";
import { ALERT_ID_PATTERN } from "../issue/marker.js";
import type { Alert, AlertEvidence, Evidence, EvidenceDetail, EvidenceKind } from "../source/alert.js";
import { type EvidenceBytes, KeptIncidentAlert, readAlertApart, sharedName } from "../source/compact.js";
import type { ListedAlert } from "../source/source.js";


const evidenceSchema = z.looseObject({
  entityType: text,
  evidenceCreationTime: text,
  sha1: text,
  sha256: text,
  fileName: text,
  filePath: text,
  processId: z.number().nullish().catch(null),
  processCommandLine: text,
  parentProcessId: z.number().nullish().catch(null),
  parentProcessFileName: text,
  parentProcessFilePath: text,
  ipAddress: text,
  url: text,
  registryKey: text,
  registryHive: text,
  registryValueType: text,
  registryValue: text,
  accountName: text,
  domainName: text,
  userSid: text,
  aadUserId: text,
  userPrincipalName: text,
  detectionStatus: text,
});

export const alertSchema = z.looseObject({
  id: z.string().regex(ALERT_ID_PATTERN, "an ID of letters, digits, '_' and '-' (at most 128)"),
  alertCreationTime: time,
  title: text,
  description: text,
  recommendedAction: text,
  severity: text,
  status: text,
  classification: text,
  determination: text,
  category: text,
  detectionSource: text,
  threatFamilyName: text,
  threatName: text,
  assignedTo: text,
  incidentId: z.union([z.number(), z.string()]).nullish().catch(null),
  investigationId: z.union([z.number(), z.string()]).nullish().catch(null),
  investigationState: text,
  machineId: text,
  computerDnsName: text,
  rbacGroupName: text,
  aadTenantId: text,
  firstEventTime: optionalTime,
  lastEventTime: optionalTime,
  lastUpdateTime: optionalTime,
  resolvedTime: optionalTime,
  mitreTechniques: z.array(z.string()).nullish().catch(null),
  comments: z.array(z.looseObject({ comment: text, createdBy: text, createdTime: text })).nullish().catch(null),
  relatedUser: z.looseObject({ userName: text, domainName: text }).nullish().catch(null),
  evidence: z.array(z.unknown()).nullish().catch(null).transform((items) => {
    // One odd evidence entry should not cost the whole alert its ticket.
    return (items ?? []).flatMap((item) => {
      const parsed = evidenceSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  }),
});

export type EndpointAlert = z.infer<typeof alertSchema>;
export type EndpointEvidence = z.infer<typeof evidenceSchema>;

export type AlertReading = { ok: true; alert: Alert } | { ok: false; id: string; problem: string };

/** Validates one alert from a page; a malformed one is reported, not thrown. */
export function readAlert(raw: unknown): AlertReading {
  const parsed = alertSchema.safeParse(raw);
  if (parsed.success) return { ok: true, alert: toAlert(parsed.data) };
  return { ok: false, id: idOf(raw), problem: problemsOf(parsed.error) };
}

/** The Endpoint API's alert in our model. Its enum spellings are ours already. */
export function toAlert(alert: EndpointAlert): Alert {
  const incidentId = incidentIdOf(alert.incidentId) ?? "";
  const investigation = [alert.investigationId, alert.investigationState].filter((v) => v !== null && v !== undefined).join(" · ");
  const machine = alert.computerDnsName ?? alert.machineId;
  return {
    id: alert.id,
    createdAt: alert.alertCreationTime,
    title: alert.title ?? null,
    description: alert.description ?? null,
    recommendedAction: alert.recommendedAction ?? null,
    severity: alert.severity ?? null,
    status: alert.status ?? null,
    classification: alert.classification ?? null,
    determination: alert.determination ?? null,
    product: null,
    category: alert.category ?? null,
    detectionSource: alert.detectionSource ?? null,
    threat: [alert.threatFamilyName, alert.threatName].filter(Boolean).join(" / ") || null,
    device: machine ? { name: alert.computerDnsName ?? null, id: alert.machineId ?? null } : null,
    deviceGroup: alert.rbacGroupName ?? null,
    user: alert.relatedUser?.userName ? [alert.relatedUser.domainName, alert.relatedUser.userName].filter(Boolean).join("\\") : null,
    firstActivity: alert.firstEventTime ?? null,
    lastActivity: alert.lastEventTime ?? null,
    updatedAt: alert.lastUpdateTime ?? null,
    mitreTechniques: alert.mitreTechniques ?? [],
    incident: incidentId ? { id: incidentId, webUrl: null } : null,
    investigation: investigation || null,
    assignedTo: alert.assignedTo ?? null,
    webUrl: null,
    tenantId: alert.aadTenantId ?? null,
    comments: (alert.comments ?? []).flatMap((c) => (c.comment && c.createdTime ? [{ comment: c.comment, createdBy: c.createdBy ?? null, createdTime: c.createdTime }] : [])),
    evidence: alert.evidence.map(toEvidence),
    fields: alert,
  };
}

function joinPath(dir: string | null | undefined, name: string | null | undefined): string {
  if (dir && name) return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
  return name ?? dir ?? "";
}

function toEvidence(item: EndpointEvidence): Evidence {
  const account = item.accountName ? joinPath(item.domainName, item.accountName) : item.userPrincipalName;
  const entity =
    joinPath(item.filePath, item.fileName) ||
    item.ipAddress ||
    item.url ||
    (item.registryKey ? joinPath(item.registryHive, item.registryKey) : "") ||
    account;
  const details: EvidenceDetail[] = [];
  if (item.processCommandLine) details.push({ code: item.processCommandLine });
  if (item.processId !== null && item.processId !== undefined) details.push({ label: "PID", text: String(item.processId) });
  if (item.parentProcessFileName) details.push({ label: "parent", code: item.parentProcessFileName });
  if (item.sha256) details.push({ label: "SHA-256", code: item.sha256 });
  else if (item.sha1) details.push({ label: "SHA-1", code: item.sha1 });
  if (item.registryValue) details.push({ label: "value", code: item.registryValue });
  if (item.userPrincipalName && item.accountName) details.push({ code: item.userPrincipalName });
  if (item.detectionStatus) details.push({ text: item.detectionStatus });
  return { kind: kindOf(item.entityType), type: item.entityType ?? null, entity: entity || null, details };
}

// The Endpoint API's entity types (`User`, `File`, `Process`, `Ip`, …); a process's image is not
// counted as a file, as Graph's process evidence is not.
const KINDS: Readonly<Record<string, EvidenceKind>> = { machine: "device", device: "device", user: "user", mailbox: "mailbox", file: "file" };

function kindOf(entityType: string | null | undefined): EvidenceKind {
  const key = entityType?.toLowerCase() ?? "";
  return Object.hasOwn(KINDS, key) ? KINDS[key]! : "other";
}

/** The API gives `incidentId` as a number; none when it is missing or empty. */
function incidentIdOf(value: number | string | null | undefined): string | null {
  return value === null || value === undefined || value === "" ? null : String(value);
}

export type ListedAlertReading = { ok: true; alert: EndpointListedAlert } | { ok: false; id: string; problem: string };

// Only the ID and the creation time can make an alert malformed: every other field is lenient. The
// rest of the alert is not looked at here (a plain object schema ignores other keys).
const headSchema = z.object({ id: alertSchema.shape.id, alertCreationTime: alertSchema.shape.alertCreationTime, incidentId: alertSchema.shape.incidentId });

const decoder = new TextDecoder();

/** Validates the parts of one alert a listing needs now; `bytes` (its JSON) are read again later. */
export function readListedAlert(raw: unknown, bytes: Uint8Array): ListedAlertReading {
  const head = headSchema.safeParse(raw);
  if (!head.success) return { ok: false, id: idOf(raw), problem: problemsOf(head.error) };
  const { id, alertCreationTime, incidentId } = head.data;
  return { ok: true, alert: new EndpointListedAlert(id, alertCreationTime, incidentIdOf(incidentId), bytes) };
}

/** A listed alert: what the listing read of it, and its JSON, read again whole or apart from its evidence. */
export class EndpointListedAlert implements ListedAlert {
  readonly id: string;
  readonly createdAt: Date;
  readonly incidentId: string | null;
  readonly #bytes: Uint8Array;

  constructor(id: string, createdAt: Date, incidentId: string | null, bytes: Uint8Array) {
    this.id = id;
    this.createdAt = createdAt;
    this.incidentId = incidentId;
    this.#bytes = bytes;
  }

  read(): Alert {
    return this.#readAgain(JSON.parse(decoder.decode(this.#bytes)));
  }

  /** The alert without its evidence, and its evidence's items as bytes: as an incident keeps it. */
  readApart(): { alert: Alert; evidence: Uint8Array[] } {
    const { raw, evidence } = readAlertApart(this.#bytes);
    return { alert: this.#readAgain(raw), evidence };
  }

  #readAgain(raw: unknown): Alert {
    const reading = readAlert(raw);
    if (!reading.ok) throw new Error(`Alert ${this.id} could not be read again: ${reading.problem}`);
    return reading.alert;
  }
}

/** A Defender alert as its incident keeps it (KeptIncidentAlert), with its device and user, which it gives as evidence. */
export class EndpointIncidentAlert extends KeptIncidentAlert {
  readonly #hasDevice: boolean;
  readonly #deviceName: string | null;
  readonly #deviceId: string | null;
  readonly #user: string | null;

  /** `alert`: read apart from its evidence, whose bytes are `evidence`. */
  constructor(alert: Alert, evidence: EvidenceBytes) {
    super(alert, null, evidence);
    this.#hasDevice = alert.device !== null;
    this.#deviceName = sharedName(alert.device?.name ?? null);
    this.#deviceId = sharedName(alert.device?.id ?? null);
    this.#user = sharedName(alert.user);
  }

  evidence(): AlertEvidence {
    const evidence = alertSchema.shape.evidence.parse(this.evidenceItems()).map(toEvidence);
    return { evidence, device: this.#hasDevice ? { name: this.#deviceName, id: this.#deviceId } : null, user: this.#user };
  }
}
