/** The Defender alert as the action reads it: lenient where Defender varies, strict where we rely on it. */
import { z } from "zod";
import { ALERT_ID_PATTERN } from "../issue/marker.js";

// Defender writes 0 to 7 fractional digits; anything else is not a time we can order by.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const time = z
  .string()
  .regex(ISO_TIME)
  .transform((value) => new Date(value));

const optionalTime = time.nullish().catch(null);
const text = z.string().nullish().catch(null);

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

export type Alert = z.infer<typeof alertSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;

export type AlertReading = { ok: true; alert: Alert } | { ok: false; id: string; problem: string };

/** Validates one alert from a page; a malformed one is reported, not thrown. */
export function readAlert(raw: unknown): AlertReading {
  const parsed = alertSchema.safeParse(raw);
  if (parsed.success) return { ok: true, alert: parsed.data };
  return { ok: false, id: idOf(raw), problem: problemsOf(parsed.error) };
}

/**
 * An alert of a listing: its ID and creation time, which dedupe and order need, and the rest read
 * when it is wanted. A listing of thousands keeps each alert's bytes rather than its objects: the
 * bytes live outside the JavaScript heap, which then stays small.
 */
export interface ListedAlert {
  id: string;
  alertCreationTime: Date;
  read(): Alert;
}

export type ListedAlertReading = { ok: true; alert: ListedAlert } | { ok: false; id: string; problem: string };

// Only the ID and the creation time can make an alert malformed: every other field is lenient. The
// rest of the alert is not looked at here (a plain object schema ignores other keys).
const headSchema = z.object({ id: alertSchema.shape.id, alertCreationTime: alertSchema.shape.alertCreationTime });

const decoder = new TextDecoder();

/** Validates the parts of one alert a listing needs now; `bytes` (its JSON) is read again by `read()`. */
export function readListedAlert(raw: unknown, bytes: Uint8Array): ListedAlertReading {
  const head = headSchema.safeParse(raw);
  if (!head.success) return { ok: false, id: idOf(raw), problem: problemsOf(head.error) };
  const { id, alertCreationTime } = head.data;
  const read = (): Alert => {
    const reading = readAlert(JSON.parse(decoder.decode(bytes)));
    if (!reading.ok) throw new Error(`Alert ${id} could not be read again: ${reading.problem}`);
    return reading.alert;
  };
  return { ok: true, alert: { id, alertCreationTime, read } };
}

function idOf(raw: unknown): string {
  return typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : "(no id)";
}

function problemsOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "alert"}: ${issue.message}`).join("; ");
}
