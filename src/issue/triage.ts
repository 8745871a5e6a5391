/** Triage labels → Defender alert fields, as SPEC.md's "Labels that sync reads" says. Pure. */
import {
  CLASSIFICATIONS,
  type Classification,
  DETERMINATION_ALIASES,
  DETERMINATIONS,
  DETERMINATIONS_BY_CLASSIFICATION,
  STATUSES,
  type Status,
} from "./vocabulary.js";

export interface TriageFields {
  status?: Status;
  classification?: Classification;
  determination?: string;
}

export type TriageReading = { ok: true; fields: TriageFields } | { ok: false; problems: string[] };

const FIELDS = ["status", "classification", "determination"] as const;
type Field = (typeof FIELDS)[number];

/** Case-insensitive, spaces, `-` and `_` ignored: `Classification: true-positive` = `classification:TruePositive`. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, "");
}

const CANONICAL: Record<Field, Map<string, string>> = {
  status: new Map(STATUSES.map((value) => [normalise(value), value])),
  classification: new Map(CLASSIFICATIONS.map((value) => [normalise(value), value])),
  determination: new Map([
    ...DETERMINATIONS.map((value) => [normalise(value), value] as const),
    // The other spelling of a disputed determination means the same one.
    ...Object.entries(DETERMINATION_ALIASES).map(([value, alias]) => [normalise(alias), value] as const),
  ]),
};

/** Accepted values, for the comment that explains a problem. */
export function acceptedValues(): string {
  const determinations = CLASSIFICATIONS.map((c) => `  - with \`classification:${c}\`: ${DETERMINATIONS_BY_CLASSIFICATION[c].map((d) => `\`determination:${d}\``).join(", ")}`);
  return [
    `- Status: ${STATUSES.map((s) => `\`status:${s}\``).join(", ")}`,
    `- Classification: ${CLASSIFICATIONS.map((c) => `\`classification:${c}\``).join(", ")}`,
    "- Determination (one, fitting the classification):",
    ...determinations,
  ].join("\n");
}

/** Splits `prefix:value` when the prefix is one sync reads; other labels are none of its business. */
function triageLabel(label: string): { field: Field; value: string } | undefined {
  const colon = label.indexOf(":");
  if (colon < 0) return undefined;
  const prefix = normalise(label.slice(0, colon));
  const field = FIELDS.find((f) => f === prefix);
  return field ? { field, value: label.slice(colon + 1) } : undefined;
}

/** Whether a label is one sync reads (`status:`, `classification:` or `determination:`, any value). */
export function isTriageLabel(label: string): boolean {
  return triageLabel(label) !== undefined;
}

/**
 * Reads the issue's labels. Two labels for one field, an unknown value, or a determination that
 * does not fit the classification is a problem, and then nothing is sent.
 */
export function readTriageLabels(labels: readonly string[]): TriageReading {
  const found: Partial<Record<Field, string>> = {};
  const problems: string[] = [];
  for (const label of labels) {
    const parsed = triageLabel(label);
    if (!parsed) continue;
    const value = CANONICAL[parsed.field].get(normalise(parsed.value));
    if (value === undefined) {
      problems.push(`\`${label}\` is not a ${parsed.field} sync knows`);
      continue;
    }
    const previous = found[parsed.field];
    if (previous !== undefined && previous !== value) problems.push(`two ${parsed.field} labels: ${previous} and ${value}`);
    found[parsed.field] = value;
  }
  if (problems.length > 0) return { ok: false, problems };

  const fields: TriageFields = {};
  if (found.status) fields.status = found.status as Status;
  const classification = (found.classification as Classification | undefined) ?? impliedClassification(found.determination);
  if (classification) fields.classification = classification;
  if (found.determination) {
    if (classification && !DETERMINATIONS_BY_CLASSIFICATION[classification].includes(found.determination)) {
      return { ok: false, problems: [`determination ${found.determination} does not go with classification ${classification}`] };
    }
    fields.determination = found.determination;
  }
  return { ok: true, fields };
}

/** A determination that fits one classification implies it (`Malware` → `TruePositive`); `Other` fits all. */
export function impliedClassification(determination: string | undefined): Classification | undefined {
  if (!determination) return undefined;
  const fits = CLASSIFICATIONS.filter((c) => DETERMINATIONS_BY_CLASSIFICATION[c].includes(determination));
  return fits.length === 1 ? fits[0] : undefined;
}

/** A determination in the spelling sync sends first (`Clean` → `NotMalicious`); unknown values as they are. */
export function canonicalDetermination(value: string): string {
  return CANONICAL.determination.get(normalise(value)) ?? value;
}

/** True when two determination spellings name the same value (`NotMalicious` and `Clean`). */
export function sameDetermination(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return a === b;
  return canonicalDetermination(a) === canonicalDetermination(b);
}
