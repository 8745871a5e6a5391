/**
 * How an incident listing keeps thousands of alerts small, whatever their source: each alert's JSON
 * is read apart from its evidence, which is kept as bytes, an incident's alerts' evidence side by
 * side in one buffer, until an issue's body gathers it; and the words many alerts share (products,
 * sources, tenants, titles) are held once.
 */
import { arraysOfBytes, readMemberBytes } from "../json-stream.js";
import type { AlertEvidence } from "./alert.js";
import type { IncidentAlert } from "./incident.js";

/** An alert's JSON read apart from its evidence: the rest parsed, the evidence kept as its items' bytes. */
export interface AlertApart {
  raw: unknown;
  evidence: Uint8Array[];
}

export function readAlertApart(bytes: Uint8Array): AlertApart {
  const evidence: Uint8Array[] = [];
  const raw = readMemberBytes(bytes, "evidence", (item) => evidence.push(item));
  // An `evidence` that was not streamed (its name spelt with escapes) is left in `raw`; anything
  // but an array reads as no evidence, as the sources' readers read it.
  const left = raw !== null && typeof raw === "object" ? (raw as { evidence?: unknown }).evidence : undefined;
  if (Array.isArray(left)) for (const item of left) evidence.push(Buffer.from(JSON.stringify(item)));
  return { raw, evidence };
}

/** Where the bytes of an alert's evidence array are: `buffer` from `start` to `end`. */
export interface EvidenceBytes {
  buffer: Uint8Array;
  start: number;
  end: number;
}

/**
 * The evidence of an incident's alerts, copied side by side into one buffer (so that what is kept is
 * the evidence, not every chunk of the reply it came in): the i-th alert's is the i-th.
 */
export function evidenceSideBySide(apart: ReadonlyArray<Pick<AlertApart, "evidence">>): EvidenceBytes[] {
  const { buffer, bounds } = arraysOfBytes(apart.map((item) => item.evidence));
  return apart.map((_, i) => ({ buffer, start: bounds[i]!, end: bounds[i + 1]! }));
}

const decoder = new TextDecoder();

/** What an incident shows of an alert: all that IncidentAlert names but its evidence and its Graph service source. */
export type AlertShown = Omit<IncidentAlert, "evidence" | "serviceSource">;

/**
 * An incident's alert as thousands of them are kept, whatever its source: no closure or view of its
 * own, the words many alerts share held once, its times as numbers (a Date costs about 100 bytes,
 * and each alert has two), and where its evidence lies in its incident's one buffer. A source reads
 * the evidence in its own words (`evidence()`).
 */
export abstract class KeptIncidentAlert implements IncidentAlert {
  readonly id: string;
  readonly title: string | null;
  readonly severity: string | null;
  readonly status: string | null;
  readonly product: string | null;
  readonly detectionSource: string | null;
  readonly webUrl: string | null;
  readonly tenantId: string | null;
  readonly serviceSource: string | null;
  readonly #createdAt: number;
  readonly #firstActivity: number | null;
  readonly #evidence: Uint8Array;
  readonly #evidenceStart: number;
  readonly #evidenceEnd: number;

  constructor(shown: AlertShown, serviceSource: string | null, evidence: EvidenceBytes) {
    this.id = shown.id;
    this.title = shared(shown.title);
    this.severity = shown.severity;
    this.status = shown.status;
    this.product = shared(shown.product);
    this.detectionSource = shared(shown.detectionSource);
    this.webUrl = shown.webUrl;
    this.tenantId = shared(shown.tenantId);
    this.serviceSource = shared(serviceSource);
    this.#createdAt = shown.createdAt.getTime();
    this.#firstActivity = shown.firstActivity?.getTime() ?? null;
    this.#evidence = evidence.buffer;
    this.#evidenceStart = evidence.start;
    this.#evidenceEnd = evidence.end;
  }

  get createdAt(): Date {
    return new Date(this.#createdAt);
  }

  get firstActivity(): Date | null {
    return this.#firstActivity === null ? null : new Date(this.#firstActivity);
  }

  abstract evidence(): AlertEvidence;

  /** The alert's evidence array, parsed. */
  protected evidenceItems(): unknown {
    return JSON.parse(decoder.decode(this.#evidence.subarray(this.#evidenceStart, this.#evidenceEnd)));
  }
}

/**
 * Strings held once: at most `max` of them, of at most 256 characters, so that odd input cannot
 * grow the table without end (a string past either is kept as it came).
 */
class Interned {
  readonly #held = new Map<string, string>();
  readonly #max: number;

  constructor(max: number) {
    this.#max = max;
  }

  of(value: string | null): string | null {
    if (value === null || value.length > 256) return value;
    const known = this.#held.get(value);
    if (known !== undefined) return known;
    if (this.#held.size < this.#max) this.#held.set(value, value);
    return value;
  }
}

// Words and names have tables of their own, so that thousands of devices cannot crowd out the words.
const words = new Interned(1000);
const names = new Interned(1000);

/** The one copy of a word many alerts share: a product, a detection source, a tenant, a title. */
export const shared = (value: string | null): string | null => words.of(value);

/** The one copy of a name many alerts share: a device's name or ID, a user. */
export const sharedName = (value: string | null): string | null => names.of(value);
