/** The label vocabulary of SPEC.md: what pull creates and what sync reads. */

export const ALERT_LABEL = "defender-alert";

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

const SEVERITY_COLORS: Record<Severity, string> = {
  UnSpecified: "cfd3d7",
  Informational: "0e8a16",
  Low: "fbca04",
  Medium: "f9a03f",
  High: "b60205",
};

const CLASSIFICATION_TEXT: Record<Classification, string> = {
  TruePositive: "a real threat",
  InformationalExpectedActivity: "real activity, expected or benign",
  FalsePositive: "not malicious",
};

export function severityLabel(severity: Severity): string {
  return `severity:${severity}`;
}

/** Every label pull creates, with colours and descriptions (GitHub caps descriptions at 100). */
export function vocabulary(): LabelSpec[] {
  const labels: LabelSpec[] = [
    { name: ALERT_LABEL, color: "5319e7", description: "Opened from a Microsoft Defender for Endpoint alert" },
  ];
  for (const severity of SEVERITIES) {
    labels.push({ name: severityLabel(severity), color: SEVERITY_COLORS[severity], description: `Defender alert severity ${severity}` });
  }
  labels.push(
    { name: "status:New", color: "c5def5", description: "Sync: set the Defender alert status to New" },
    { name: "status:InProgress", color: "1d76db", description: "Sync: set the Defender alert status to In progress" },
    { name: "status:Resolved", color: "0e8a16", description: "Sync: set the Defender alert status to Resolved" },
  );
  for (const classification of CLASSIFICATIONS) {
    labels.push({
      name: `classification:${classification}`,
      color: "d4c5f9",
      description: `Sync: classify the Defender alert as ${classification} (${CLASSIFICATION_TEXT[classification]})`,
    });
  }
  for (const determination of DETERMINATIONS) {
    const fits = CLASSIFICATIONS.filter((c) => DETERMINATIONS_BY_CLASSIFICATION[c].includes(determination));
    labels.push({
      name: `determination:${determination}`,
      color: "fef2c0",
      description: `Sync: determination ${determination} (with ${fits.join(" or ")})`.slice(0, 100),
    });
  }
  return labels;
}
