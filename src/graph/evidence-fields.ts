/**
 * Reading the fields of Graph evidence, whatever their types turn out to be: a wrong type reads as
 * none. Field names are Microsoft's (`Fields<T>`, `fieldOf<T>`), so a misspelt name fails to
 * compile. Pure.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { EvidenceDetail } from "../source/alert.js";

export type Raw = Record<string, unknown>;
/** An evidence entry as read: any of its type's fields may be anything. */
export type Fields<T> = Partial<Record<keyof T | "@odata.type", unknown>>;

export function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string field; anything else (a number, an object, a wrong type) reads as none. */
export function str(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function num(value: unknown): string | null {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : null;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item !== "") : [];
}

/** A field of a complex value, named as Microsoft's type names it. */
export function fieldOf<T>(raw: unknown, name: keyof T & string): unknown {
  return isRecord(raw) ? raw[name] : undefined;
}

/** A string field of each complex value in a list (`ipAddresses[].ipAddress`). */
export function eachField<T>(list: unknown, name: keyof T & string): string[] {
  return Array.isArray(list) ? list.flatMap((item) => str(fieldOf<T>(item, name)) ?? []) : [];
}

export function joinPath(dir: string | null, name: string | null, separator = "\\"): string | null {
  if (dir && name) return `${dir.replace(/[\\/]+$/, "")}${separator}${name}`;
  return name ?? dir;
}

/**
 * `DOMAIN\account` for a NetBIOS domain; the UPN for a cloud account (its domain a DNS name);
 * else what there is.
 */
export function accountText(account: unknown): string | null {
  const name = str(fieldOf<SecurityNamespace.UserAccount>(account, "accountName"));
  const domain = str(fieldOf<SecurityNamespace.UserAccount>(account, "domainName"));
  const upn = str(fieldOf<SecurityNamespace.UserAccount>(account, "userPrincipalName"));
  if (name && domain && !(domain.includes(".") && upn)) return `${domain}\\${name}`;
  return upn ?? name ?? str(fieldOf<SecurityNamespace.UserAccount>(account, "displayName"));
}

/** `Name <address>`, or whichever of the two there is. */
export function sender(value: unknown): string | null {
  const address = str(fieldOf<SecurityNamespace.EmailSender>(value, "emailAddress"));
  const name = str(fieldOf<SecurityNamespace.EmailSender>(value, "displayName"));
  if (address && name && name !== address) return `${name} <${address}>`;
  return address ?? name;
}

/** The IP address an `ipEvidence` value names. */
export function ipOf(value: unknown): string | null {
  return str(fieldOf<SecurityNamespace.IpEvidence>(value, "ipAddress"));
}

/** A value that repeats the entity says nothing more. */
export function other(value: string | null, entity: string | null): string | null {
  return value === entity ? null : value;
}

export function list(values: string[]): string | null {
  return values.length > 0 ? values.join(", ") : null;
}

/** The parts of an evidence row's details, in order; empty values are left out. */
export class Details {
  readonly parts: EvidenceDetail[] = [];

  /** `label` is ours, never text from the reply: it is written into the body as it is. */
  code(label: string | undefined, value: string | null): this {
    if (value) this.parts.push(label ? { label, code: value } : { code: value });
    return this;
  }

  text(label: string | undefined, value: string | null): this {
    if (value) this.parts.push(label ? { label, text: value } : { text: value });
    return this;
  }
}

/** The file's path and name as one. */
export function filePath(file: unknown): string | null {
  return joinPath(str(fieldOf<SecurityNamespace.FileDetails>(file, "filePath")), str(fieldOf<SecurityNamespace.FileDetails>(file, "fileName")));
}

/** The strongest hash of a file, and its signer. */
export function fileDetails(details: Details, file: unknown): void {
  const sha256 = str(fieldOf<SecurityNamespace.FileDetails>(file, "sha256"));
  const sha1 = str(fieldOf<SecurityNamespace.FileDetails>(file, "sha1"));
  if (sha256) details.code("SHA-256", sha256);
  else if (sha1) details.code("SHA-1", sha1);
  else details.code("MD5", str(fieldOf<SecurityNamespace.FileDetails>(file, "md5")));
  details.text("signer", str(fieldOf<SecurityNamespace.FileDetails>(file, "signer")));
}

const HASH_NAMES: Readonly<Record<string, string>> = { md5: "MD5", sha1: "SHA-1", sha256: "SHA-256", sha256ac: "SHA-256 AC" };

/** A hash algorithm's name as we write it; the algorithm comes from the reply, so only ours are names. */
export function hashName(algorithm: unknown): string {
  const name = str(algorithm)?.toLowerCase();
  return name !== undefined && Object.hasOwn(HASH_NAMES, name) ? HASH_NAMES[name]! : "hash";
}

/** An evidence entry as a row: its type word, the entity it names, and its details. */
export interface Row {
  type: string;
  entity: string | null;
  details: Details;
}
