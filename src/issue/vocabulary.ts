/** The label vocabulary of SPEC.md: what pull creates and what sync reads. */

export const ALERT_LABEL = "defender-alert";
/** What every incident issue carries instead of the alert label (SPEC.md "Incident issues"). */
export const INCIDENT_LABEL = "defender-incident";

export const SEVERITIES = ["UnSpecified", "Informational", "Low", "Medium", "High"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const STATUSES = ["New", "InProgress", "Resolved"] as const;
export type Status = (typeof STATUSES)[number];

export const CLASSIFICATIONS = ["TruePositive", "InformationalExpectedActivity", "FalsePositive"] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Determinations allowed with each classification, in the spelling sync sends first. */
export const DETERMINATIONS_BY_CLASSIFICATION: Record<Classification, readonly string[]> = {
  TruePositive: ["MultiStagedAttack", "MaliciousUserActivity", "CompromisedUser", "Malware", "Phishing", "UnwantedSoftware", "Other"],
  InformationalExpectedActivity: ["SecurityTesting", "LineOfBusinessApplication", "ConfirmedActivity", "Other"],
  FalsePositive: ["NotMalicious", "InsufficientData", "Other"],
};

/** Microsoft's pages disagree on these spellings: labels accept both, sync falls back once. */
export const DETERMINATION_ALIASES: Readonly<Record<string, string>> = {
  CompromisedUser: "CompromisedAccount",
  ConfirmedActivity: "ConfirmedUserActivity",
  NotMalicious: "Clean",
  InsufficientData: "NoEnoughDataToValidate",
};

export const DETERMINATIONS: readonly string[] = [...new Set(Object.values(DETERMINATIONS_BY_CLASSIFICATION).flat())];

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** What GitHub accepts of a label (SPEC.md "Input details"); longer or other values get a 422. */
export const LABEL_NAME_MAX = 50;
export const LABEL_DESCRIPTION_MAX = 100;
export const LABEL_COLOR = /^[0-9a-f]{6}$/i;

const SEVERITY_COLORS: Record<Severity, string> = {
  UnSpecified: "cfd3d7",
  Informational: "0e8a16",
  Low: "fbca04",
  Medium: "f9a03f",
  High: "b60205",
};

const STATUS_TEXT: Record<Status, [color: string, text: string]> = {
  New: ["c5def5", "New"],
  InProgress: ["1d76db", "In progress"],
  Resolved: ["0e8a16", "Resolved"],
};

const CLASSIFICATION_TEXT: Record<Classification, string> = {
  TruePositive: "a real threat",
  InformationalExpectedActivity: "real but expected or benign activity",
  FalsePositive: "not malicious",
};

export function severityLabel(severity: Severity): string {
  return `severity:${severity}`;
}

/** The triage labels and the severity labels. */
function triageLabels(): LabelSpec[] {
  const labels: LabelSpec[] = SEVERITIES.map((severity) => ({ name: severityLabel(severity), color: SEVERITY_COLORS[severity], description: `Defender alert severity ${severity}` }));
  for (const status of STATUSES) {
    const [color, text] = STATUS_TEXT[status];
    labels.push({ name: `status:${status}`, color, description: `Sync: set the Defender alert's status to ${text}` });
  }
  for (const classification of CLASSIFICATIONS) {
    labels.push({ name: `classification:${classification}`, color: "d4c5f9", description: `Sync: classify the Defender alert as ${CLASSIFICATION_TEXT[classification]}` });
  }
  for (const determination of DETERMINATIONS) {
    const fits = CLASSIFICATIONS.filter((c) => DETERMINATIONS_BY_CLASSIFICATION[c].includes(determination));
    const fitsText = fits.length === CLASSIFICATIONS.length ? "any classification" : fits.join(" or ");
    labels.push({ name: `determination:${determination}`, color: "fef2c0", description: `Sync: set the Defender alert's determination; goes with ${fitsText}` });
  }
  return labels;
}

/** The labels the seals vouch for: every label of the vocabulary but the alert and incident labels. */
function sealedLabels(): LabelSpec[] {
  return triageLabels();
}

/**
 * The alert and incident labels are the seals: their descriptions name the label set, and pull
 * writes them only once every other label of the set exists. A new issue carries one of them, so
 * the label with this description is how a run knows, from the issue it just opened and without
 * asking, that the repository has the whole vocabulary. The incident label is made whatever
 * `group-by` says, so a repository that switches to incident issues already has it.
 */
export function alertLabel(): LabelSpec {
  return { name: ALERT_LABEL, color: "5319e7", description: `Opened from a Microsoft Defender alert · label set ${setId()}` };
}

export function incidentLabel(): LabelSpec {
  return { name: INCIDENT_LABEL, color: "0052cc", description: `Opened from a Microsoft Defender incident · label set ${setId()}` };
}

// The set is named by every label in it, the seals too: a set that gains a seal is a new set.
function setId(): string {
  return labelSetId([...sealedLabels(), { name: INCIDENT_LABEL, color: "", description: "" }, { name: ALERT_LABEL, color: "", description: "" }]);
}

/** The seals, in the order pull writes them, after every other label. */
export function seals(): LabelSpec[] {
  return [incidentLabel(), alertLabel()];
}

/** Every label pull creates, with colours and descriptions; the seals come last. */
export function vocabulary(): LabelSpec[] {
  return [...sealedLabels(), ...seals()];
}

/** Whether a repository whose alert or incident label has this description has the whole vocabulary. */
export function isVocabularyComplete(sealDescription: string | null): boolean {
  return seals().some((seal) => seal.description === sealDescription);
}

/** A short, stable name for a set of labels (FNV-1a over their names): it changes when the set does. */
function labelSetId(labels: readonly LabelSpec[]): string {
  let hash = 0x811c9dc5;
  for (const char of labels.map((label) => label.name.toLowerCase()).sort().join("\n")) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** Labels GitHub refused, by its answer: a missing permission is one line, not one per label. */
export function groupByError(failed: ReadonlyArray<{ label: string; error: string }>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { label, error } of failed) groups.set(error, [...(groups.get(error) ?? []), label]);
  return groups;
}
