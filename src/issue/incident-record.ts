/**
 * Which alerts an incident issue lists, recorded in its body: a hidden last line of short hashes of
 * the alert IDs, so a later pull can tell which alerts joined the incident since, however many the
 * visible table had room for. Pure.
 */
import type { Alert } from "../source/alert.js";

const PREFIX = "<!-- defender-issues-alerts:";
const LINE = /^<!-- defender-issues-alerts:((?: [0-9a-f]{8})*)(?: since=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z))? -->$/gm;
/** Room the record may take in a body: 2,000 alerts' hashes. */
export const RECORD_MAX = 18_100;

export interface ListedAlerts {
  /** The hashes, as numbers, in ascending order: thousands of records stay small and are searched by halves. */
  hashes: Uint32Array;
  /**
   * When the incident held more alerts than the record has room for, only the newest are recorded:
   * an alert created before this time counts as listed.
   */
  since: Date | null;
}

/** FNV-1a over the ID. Two IDs that collide are one listed alert, which costs a mention at most. */
export function alertHashValue(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

/** The hash as the record writes it: eight hex digits. */
export function alertHash(id: string): string {
  return alertHashValue(id).toString(16).padStart(8, "0");
}

/** A record of these alerts' IDs (and `since`), as readListedAlerts reads one. */
export function listedAlerts(ids: readonly string[], since: Date | null = null): ListedAlerts {
  return { hashes: Uint32Array.from(new Set(ids.map(alertHashValue))).sort(), since };
}

/** The record line for these alerts, within `RECORD_MAX` characters: the newest kept when not all fit. */
export function listedLine(alerts: ReadonlyArray<Pick<Alert, "id" | "createdAt">>): string {
  const room = Math.floor((RECORD_MAX - PREFIX.length - " since=2026-01-01T00:00:00.000Z -->".length) / 9);
  const newestFirst = [...alerts].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  const kept = newestFirst.slice(0, room);
  const hashes = [...new Set(kept.map((alert) => alertHash(alert.id)))].sort();
  // The oldest kept alert's time: anything older was listed when the record was cut.
  const since = kept.length < newestFirst.length ? ` since=${kept.at(-1)!.createdAt.toISOString()}` : "";
  return `${PREFIX}${hashes.map((hash) => ` ${hash}`).join("")}${since} -->`;
}

/** The record in a body: none when it is missing, or there is more than one. */
export function readListedAlerts(body: string | null | undefined): ListedAlerts | undefined {
  const found = recordIn(body);
  if (!found) return undefined;
  const [, hashes = "", since] = found.match;
  // Each hash is a space and eight hex digits, as LINE matched them.
  const values = hashArray(hashes.length / 9);
  for (let k = 0; k < values.length; k++) values[k] = Number.parseInt(hashes.slice(9 * k + 1, 9 * k + 9), 16);
  return { hashes: values.sort(), since: since ? new Date(since) : null };
}

// A pull keeps the records of thousands of issues, most of a few hashes: they are cut from shared
// blocks rather than each given a buffer of its own.
const BLOCK_LENGTH = 16_384;
let block = new Uint32Array(BLOCK_LENGTH);
let blockUsed = 0;

function hashArray(length: number): Uint32Array {
  if (length > BLOCK_LENGTH / 16) return new Uint32Array(length);
  if (blockUsed + length > BLOCK_LENGTH) {
    block = new Uint32Array(BLOCK_LENGTH);
    blockUsed = 0;
  }
  blockUsed += length;
  return block.subarray(blockUsed - length, blockUsed);
}

/** Whether the record lists this alert. */
export function lists(record: ListedAlerts, alert: Pick<Alert, "id" | "createdAt">): boolean {
  return hasHash(record.hashes, alertHashValue(alert.id)) || (record.since !== null && alert.createdAt < record.since);
}

/** Whether the sorted `hashes` hold `hash`. */
export function hasHash(hashes: Uint32Array, hash: number): boolean {
  let low = 0;
  let high = hashes.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = hashes[middle]!;
    if (value === hash) return true;
    if (value < hash) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * The body with these alerts dropped from its record (the table still shows them, as history), so
 * a later pull does not take them for alerts of this incident; the body unchanged when it has no
 * single record.
 */
export function withoutAlerts(body: string, ids: readonly string[]): string {
  const found = recordIn(body);
  if (!found) return body;
  const { text, match } = found;
  const [line, hashes = "", since] = match;
  const dropped = new Set(ids.map(alertHash));
  const kept = hashes.trim().split(" ").filter((hash) => hash && !dropped.has(hash));
  const rewritten = `${PREFIX}${kept.map((hash) => ` ${hash}`).join("")}${since ? ` since=${since}` : ""} -->`;
  return text.slice(0, match.index) + rewritten + text.slice(match.index + line.length);
}

/** The body's one record line (its line ends made `\n`), or none when it has none or several. */
function recordIn(body: string | null | undefined): { text: string; match: RegExpExecArray } | undefined {
  if (!body) return undefined;
  const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  const found = [...text.matchAll(LINE)];
  return found.length === 1 ? { text, match: found[0]! } : undefined;
}
