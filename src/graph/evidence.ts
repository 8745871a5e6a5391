/**
 * Graph alert evidence by its `@odata.type`, as a triager reads it: the row of a type we know
 * (evidence-rows.ts), or, for any other type, its name and its plain fields. Pure.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { Evidence, EvidenceKind } from "../source/alert.js";
import { CLOUD_ROWS } from "./evidence-cloud.js";
import { accountText, Details, type Fields, isRecord, num, type Raw, type Row, str, strings } from "./evidence-fields.js";
import { ROWS as HOST_ROWS } from "./evidence-rows.js";

/**
 * What the alert's table takes from evidence (its device and user), beside the row shown. `kind`
 * here says what the table takes; the row's own `kind` what the evidence is (a file's is `file`).
 */
export type GraphEvidence =
  | { kind: "device"; deviceDnsName: string | null; mdeDeviceId: string | null; rbacGroupName: string | null; shown: Evidence }
  | { kind: "user"; account: string | null; shown: Evidence }
  | { kind: "other"; shown: Evidence };

const ROWS: Readonly<Record<string, (raw: Raw) => Row>> = { ...HOST_ROWS, ...CLOUD_ROWS };

/** The types that are one of our kinds; every other is `other`. */
const KINDS: Readonly<Record<string, EvidenceKind>> = { deviceEvidence: "device", userEvidence: "user", mailboxEvidence: "mailbox", fileEvidence: "file" };

const NAMESPACE = /^#?microsoft\.graph\.security\./i;

/** The verdict, roles and remediation every evidence type carries, when they say something. */
function common(details: Details, raw: Fields<SecurityNamespace.AlertEvidence>): void {
  const verdict = str(raw.verdict);
  if (verdict && verdict !== "unknown") details.text("verdict", verdict);
  details.text("role", strings(raw.roles).join(", ") || null);
  const remediation = str(raw.remediationStatus);
  if (remediation && remediation !== "none" && remediation !== "unknown") details.text("remediation", remediation);
}

// Shown for a type not named in ROWS: its plain fields, never nested ones, in the order Graph sent them.
const GENERIC_SKIP = new Set(["@odata.type", "createdDateTime", "verdict", "remediationStatus", "remediationStatusDetails", "roles", "detailedRoles", "tags"]);
const GENERIC_FIELDS_MAX = 6;
// The field's name comes from the reply too, and a detail's label is written as it is: only a
// plain identifier is shown as one.
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9]{0,40}$/;

function generic(name: string, raw: Raw): Row {
  const d = new Details();
  let shown = 0;
  for (const [key, value] of Object.entries(raw)) {
    if (GENERIC_SKIP.has(key) || shown >= GENERIC_FIELDS_MAX) continue;
    const plain = str(value) ?? num(value) ?? (typeof value === "boolean" ? String(value) : null);
    if (plain === null) continue;
    d.code(PLAIN_NAME.test(key) ? key : undefined, plain);
    shown++;
  }
  return { type: name, entity: null, details: d };
}

/** The type's name without its namespace or `Evidence` (`#microsoft.graph.security.dnsEvidence` → `dns`). */
function typeName(odataType: string | null): string | null {
  if (!odataType) return null;
  const bare = odataType.replace(NAMESPACE, "");
  return bare.replace(/Evidence$/, "") || bare;
}

/** One evidence entry, or none when it is not an object. */
export function graphEvidence(raw: unknown): GraphEvidence | undefined {
  if (!isRecord(raw)) return undefined;
  const odataType = str(raw["@odata.type"]);
  const name = odataType && NAMESPACE.test(odataType) ? odataType.replace(NAMESPACE, "") : null;
  // Own properties only: a type named `constructor` or `__proto__` is not one of ours.
  const row = name !== null && Object.hasOwn(ROWS, name) ? ROWS[name]! : undefined;
  const { type, entity, details } = row ? row(raw) : generic(typeName(odataType) ?? "Evidence", raw);
  common(details, raw);
  const kind = name !== null && Object.hasOwn(KINDS, name) ? KINDS[name]! : "other";
  const shown: Evidence = { kind, type, entity, details: details.parts };
  if (name === "deviceEvidence") {
    const device: Fields<SecurityNamespace.DeviceEvidence> = raw;
    return { kind: "device", deviceDnsName: str(device.deviceDnsName), mdeDeviceId: str(device.mdeDeviceId), rbacGroupName: str(device.rbacGroupName), shown };
  }
  if (name === "userEvidence") {
    const user: Fields<SecurityNamespace.UserEvidence> = raw;
    return { kind: "user", account: accountText(user.userAccount), shown };
  }
  return { kind: "other", shown };
}
