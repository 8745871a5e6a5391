/**
 * The record of agreement: the last state an alert issue and its alert agreed on, kept as a hidden
 * line at the end of the issue's body (an HTML comment: nothing shows when rendered). The action
 * writes it with the changes it makes; the listing reconcile already makes reads it, at no cost.
 *
 * Anyone who may edit the body could change it, so it is read strictly and trusted only this far:
 * a decision sends Defender nothing but what the issue's own state, labels and assignee express
 * (see twoway.ts), so a forged or stale record can change which side wins, never what is sent. A
 * record that is missing or does not read is no record: the rule for no agreed state applies.
 */
import type { Triage } from "./twoway.js";
import { CLASSIFICATIONS, DETERMINATION_ALIASES, DETERMINATIONS, STATUSES } from "./vocabulary.js";

export interface AgreedRecord {
  triage: Triage;
  /** The creation time of the latest Defender comment copied to the issue (ISO-8601), if any. */
  commentsUntil: string | null;
  /** How many comments the issue had once the action last wrote: more means someone commented since. */
  issueComments: number;
}

const RECORD_LINE = /^<!-- defender-issues-agreed: (\{[^\n]*\}) -->$/gm;
const OWNER_MAX = 256;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/;
const KNOWN_DETERMINATIONS = new Set([...DETERMINATIONS, ...Object.values(DETERMINATION_ALIASES)]);

/** The hidden line for a record. `<` and `>` are written as JSON escapes, so no value can end the comment. */
export function recordLine(record: AgreedRecord): string {
  const { status, classification, determination, owner } = record.triage;
  const json = JSON.stringify({ status, classification, determination, owner, commentsUntil: record.commentsUntil, issueComments: record.issueComments });
  return `<!-- defender-issues-agreed: ${json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->`;
}

/** The record in a body, when there is exactly one and it reads; otherwise none. */
export function readRecord(body: string | null | undefined): AgreedRecord | undefined {
  if (!body) return undefined;
  const lines = [...body.replace(/\r\n?/g, "\n").matchAll(RECORD_LINE)];
  if (lines.length !== 1) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(lines[0]![1]!);
  } catch {
    return undefined;
  }
  return validRecord(value);
}

function validRecord(value: unknown): AgreedRecord | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const { status, classification, determination, owner, commentsUntil, issueComments } = value as Record<string, unknown>;
  const nullOr = (v: unknown, ok: (x: string) => boolean) => v === null || (typeof v === "string" && ok(v));
  if (typeof status !== "string" || !(STATUSES as readonly string[]).includes(status)) return undefined;
  if (!nullOr(classification, (c) => (CLASSIFICATIONS as readonly string[]).includes(c))) return undefined;
  if (!nullOr(determination, (d) => KNOWN_DETERMINATIONS.has(d))) return undefined;
  if (!nullOr(owner, (o) => o.length > 0 && o.length <= OWNER_MAX && !/[\u0000-\u001f]/.test(o))) return undefined;
  if (!nullOr(commentsUntil, (t) => ISO_TIME.test(t) && !Number.isNaN(Date.parse(t)))) return undefined;
  if (typeof issueComments !== "number" || !Number.isInteger(issueComments) || issueComments < 0) return undefined;
  return { triage: { status, classification, determination, owner } as Triage, commentsUntil: commentsUntil as string | null, issueComments };
}

/** The body with its record replaced, or added as its last line; every other line is kept as it is. */
export function withRecord(body: string | null | undefined, record: AgreedRecord): string {
  const text = (body ?? "").replace(/\r\n?/g, "\n").replace(RECORD_LINE, "").replace(/\n+$/, "");
  return `${text}\n\n${recordLine(record)}\n`;
}
