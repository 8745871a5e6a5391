/**
 * Graph alert evidence by its `@odata.type`, as a triager reads it: the entity it names and the
 * details that matter for that kind (a message's sender, recipient, subject and IDs; a process's
 * command line; an OAuth app's publisher). A type not named here is shown by its name and its
 * plain fields. Field names are checked against Microsoft's published types. Pure.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { Evidence, EvidenceDetail } from "../source/alert.js";

/** What the alert's table takes from evidence (its device and user), beside the row shown. */
export type GraphEvidence =
  | { kind: "device"; deviceDnsName: string | null; mdeDeviceId: string | null; rbacGroupName: string | null; shown: Evidence }
  | { kind: "user"; account: string | null; shown: Evidence }
  | { kind: "other"; shown: Evidence };

const PREFIX = "#microsoft.graph.security.";

type Raw = Record<string, unknown>;
/** An evidence entry as read: any of its type's fields may be anything. */
type Fields<T> = Partial<Record<keyof T | "@odata.type", unknown>>;

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string field; anything else (a number, an object, a wrong type) reads as none. */
function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function num(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item !== "") : [];
}

/** A field of a complex value, named as Microsoft's type names it. */
function fieldOf<T>(raw: unknown, name: keyof T & string): unknown {
  return isRecord(raw) ? raw[name] : undefined;
}

function joinPath(dir: string | null, name: string | null): string | null {
  if (dir && name) return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
  return name ?? dir;
}

/** `DOMAIN\account`, else the UPN, else the display name. */
function accountText(account: unknown): string | null {
  const name = str(fieldOf<SecurityNamespace.UserAccount>(account, "accountName"));
  const domain = str(fieldOf<SecurityNamespace.UserAccount>(account, "domainName"));
  return (name ? (domain ? `${domain}\\${name}` : name) : null) ??
    str(fieldOf<SecurityNamespace.UserAccount>(account, "userPrincipalName")) ??
    str(fieldOf<SecurityNamespace.UserAccount>(account, "displayName"));
}

function sender(value: unknown): string | null {
  const address = str(fieldOf<SecurityNamespace.EmailSender>(value, "emailAddress"));
  const name = str(fieldOf<SecurityNamespace.EmailSender>(value, "displayName"));
  if (address && name && name !== address) return `${name} <${address}>`;
  return address ?? name;
}

class Details {
  readonly parts: EvidenceDetail[] = [];

  code(label: string | undefined, value: string | null): this {
    if (value) this.parts.push(label ? { label, code: value } : { code: value });
    return this;
  }

  text(label: string | undefined, value: string | null): this {
    if (value) this.parts.push(label ? { label, text: value } : { text: value });
    return this;
  }
}

function fileDetails(details: Details, file: unknown, prefix = ""): void {
  const hash = str(fieldOf<SecurityNamespace.FileDetails>(file, "sha256"));
  if (hash) details.code(`${prefix}SHA-256`, hash);
  else details.code(`${prefix}SHA-1`, str(fieldOf<SecurityNamespace.FileDetails>(file, "sha1")));
  details.text(`${prefix}signer`, str(fieldOf<SecurityNamespace.FileDetails>(file, "signer")));
}

function filePath(file: unknown): string | null {
  return joinPath(str(fieldOf<SecurityNamespace.FileDetails>(file, "filePath")), str(fieldOf<SecurityNamespace.FileDetails>(file, "fileName")));
}

/** The verdict and remediation every evidence type carries, when they say something. */
function common(details: Details, raw: Fields<SecurityNamespace.AlertEvidence>): void {
  const verdict = str(raw.verdict);
  if (verdict && verdict !== "unknown") details.text("verdict", verdict);
  const remediation = str(raw.remediationStatus);
  if (remediation && remediation !== "none" && remediation !== "unknown") details.text("remediation", remediation);
}

interface Shown {
  type: string;
  entity: string | null;
  details: Details;
}

/** Each named type: its row's type word, entity and details. */
const TYPES: Record<string, (raw: Raw) => Shown> = {
  deviceEvidence: (raw: Fields<SecurityNamespace.DeviceEvidence>) => {
    const d = new Details();
    d.text("OS", [str(raw.osPlatform), num(raw.osBuild)].filter(Boolean).join(" ") || null);
    d.text("risk", str(raw.riskScore));
    d.code("device ID", str(raw.mdeDeviceId));
    const users = Array.isArray(raw.loggedOnUsers) ? raw.loggedOnUsers.map((u) => joinPath(str(fieldOf<SecurityNamespace.LoggedOnUser>(u, "domainName")), str(fieldOf<SecurityNamespace.LoggedOnUser>(u, "accountName")))).filter(Boolean) : [];
    if (users.length > 0) d.code("logged on", users.join(", "));
    return { type: "Device", entity: str(raw.deviceDnsName) ?? str(raw.hostName) ?? str(raw.mdeDeviceId), details: d };
  },
  userEvidence: (raw: Fields<SecurityNamespace.UserEvidence>) => {
    const account = raw.userAccount;
    const d = new Details();
    const upn = str(fieldOf<SecurityNamespace.UserAccount>(account, "userPrincipalName"));
    if (upn && accountText(account) !== upn) d.code(undefined, upn);
    d.text(undefined, str(fieldOf<SecurityNamespace.UserAccount>(account, "displayName")));
    d.code("SID", str(fieldOf<SecurityNamespace.UserAccount>(account, "userSid")));
    return { type: "User", entity: accountText(account), details: d };
  },
  fileEvidence: (raw: Fields<SecurityNamespace.FileEvidence>) => {
    const d = new Details();
    fileDetails(d, raw.fileDetails);
    d.text(undefined, str(raw.detectionStatus));
    return { type: "File", entity: filePath(raw.fileDetails), details: d };
  },
  processEvidence: (raw: Fields<SecurityNamespace.ProcessEvidence>) => {
    const d = new Details();
    d.code(undefined, str(raw.processCommandLine));
    d.text("PID", num(raw.processId));
    d.code("parent", filePath(raw.parentProcessImageFile));
    fileDetails(d, raw.imageFile);
    d.code("user", accountText(raw.userAccount));
    d.text(undefined, str(raw.detectionStatus));
    return { type: "Process", entity: filePath(raw.imageFile), details: d };
  },
  ipEvidence: (raw: Fields<SecurityNamespace.IpEvidence>) => {
    const d = new Details();
    d.text("country", str(raw.countryLetterCode));
    return { type: "IP", entity: str(raw.ipAddress), details: d };
  },
  urlEvidence: (raw: Fields<SecurityNamespace.UrlEvidence>) => ({ type: "URL", entity: str(raw.url), details: new Details() }),
  mailboxEvidence: (raw: Fields<SecurityNamespace.MailboxEvidence>) => {
    const d = new Details();
    d.text(undefined, str(raw.displayName));
    const upn = str(raw.upn);
    if (upn && upn !== str(raw.primaryAddress)) d.code("UPN", upn);
    return { type: "Mailbox", entity: str(raw.primaryAddress) ?? upn, details: d };
  },
  analyzedMessageEvidence: (raw: Fields<SecurityNamespace.AnalyzedMessageEvidence>) => {
    const d = new Details();
    d.code("from", sender(raw.p1Sender));
    const p2 = sender(raw.p2Sender);
    if (p2 && p2 !== sender(raw.p1Sender)) d.code("header from", p2);
    d.code("to", str(raw.recipientEmailAddress));
    d.code("sender IP", str(raw.senderIp));
    d.code("Internet message ID", str(raw.internetMessageId));
    d.code("network message ID", str(raw.networkMessageId));
    d.text("delivery", [str(raw.deliveryAction), str(raw.deliveryLocation)].filter(Boolean).join(" → ") || null);
    d.text("detected by", strings(raw.threatDetectionMethods).join(", ") || null);
    const urls = strings(raw.urls);
    if (urls.length > 0) d.code(urls.length === 1 ? "URL" : `${urls.length} URLs, first`, urls[0]!);
    return { type: "E-mail", entity: str(raw.subject), details: d };
  },
  cloudApplicationEvidence: (raw: Fields<SecurityNamespace.CloudApplicationEvidence>) => {
    const d = new Details();
    d.text("app ID", num(raw.appId) ?? str(raw.appId));
    d.text("instance", str(raw.instanceName));
    return { type: "Cloud app", entity: str(raw.displayName), details: d };
  },
  oauthApplicationEvidence: (raw: Fields<SecurityNamespace.OauthApplicationEvidence>) => {
    const d = new Details();
    d.code("app ID", str(raw.appId));
    d.text("publisher", str(raw.publisher));
    return { type: "OAuth app", entity: str(raw.displayName) ?? str(raw.appId), details: d };
  },
  registryKeyEvidence: (raw: Fields<SecurityNamespace.RegistryKeyEvidence>) => ({ type: "Registry key", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: new Details() }),
  registryValueEvidence: (raw: Fields<SecurityNamespace.RegistryValueEvidence>) => {
    const d = new Details();
    d.code("name", str(raw.registryValueName));
    d.code("value", str(raw.registryValue));
    d.text("type", str(raw.registryValueType));
    return { type: "Registry value", entity: joinPath(str(raw.registryHive), str(raw.registryKey)), details: d };
  },
  azureResourceEvidence: (raw: Fields<SecurityNamespace.AzureResourceEvidence>) => {
    const d = new Details();
    d.text("type", str(raw.resourceType));
    d.code("ID", str(raw.resourceId));
    return { type: "Azure resource", entity: str(raw.resourceName) ?? str(raw.resourceId), details: d };
  },
};

// Shown for a type not named above: its plain fields, never nested ones, in the order Graph sent them.
const GENERIC_SKIP = new Set(["@odata.type", "createdDateTime", "verdict", "remediationStatus", "remediationStatusDetails", "roles", "detailedRoles", "tags"]);
const GENERIC_FIELDS_MAX = 6;

function generic(name: string, raw: Raw): Shown {
  const d = new Details();
  let shown = 0;
  for (const [key, value] of Object.entries(raw)) {
    if (GENERIC_SKIP.has(key) || shown >= GENERIC_FIELDS_MAX) continue;
    const plain = str(value) ?? num(value) ?? (typeof value === "boolean" ? String(value) : null);
    if (plain === null) continue;
    // The field's name comes from the reply too: only a plain identifier is shown as a label.
    d.code(/^[A-Za-z][A-Za-z0-9]{0,40}$/.test(key) ? key : undefined, plain);
    shown++;
  }
  return { type: name, entity: null, details: d };
}

/** The type's name without its namespace or `Evidence` (`#microsoft.graph.security.dnsEvidence` → `dns`). */
function typeName(odataType: string | null): string | null {
  if (!odataType) return null;
  const bare = odataType.startsWith(PREFIX) ? odataType.slice(PREFIX.length) : odataType;
  return bare.replace(/Evidence$/, "") || bare;
}

/** One evidence entry, or none when it is not an object. */
export function graphEvidence(raw: unknown): GraphEvidence | undefined {
  if (!isRecord(raw)) return undefined;
  const odataType = str(raw["@odata.type"]);
  const known = odataType?.startsWith(PREFIX) ? TYPES[odataType.slice(PREFIX.length)] : undefined;
  const { type, entity, details } = known ? known(raw) : generic(typeName(odataType) ?? "Evidence", raw);
  common(details, raw);
  const shown: Evidence = { type, entity, details: details.parts };
  if (odataType === `${PREFIX}deviceEvidence`) {
    return { kind: "device", deviceDnsName: str(raw.deviceDnsName), mdeDeviceId: str(raw.mdeDeviceId), rbacGroupName: str(raw.rbacGroupName), shown };
  }
  if (odataType === `${PREFIX}userEvidence`) return { kind: "user", account: accountText(raw.userAccount), shown };
  return { kind: "other", shown };
}
