/**
 * Graph's enum spellings and ours, both ways. Graph spells in camelCase (`inProgress`,
 * `truePositive`); labels, titles and reports keep our one vocabulary. The maps are typed with
 * Microsoft's published unions, so a value Graph's schema does not have does not compile. Pure.
 */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { AlertChanges } from "../issue/changes.js";
import { DETERMINATION_ALIASES, type Severity } from "../issue/vocabulary.js";
import type { SentChanges } from "../source/source.js";

type GraphSeverity = Exclude<SecurityNamespace.AlertSeverity, "unknownFutureValue">;
type GraphStatus = Exclude<SecurityNamespace.AlertStatus, "unknownFutureValue">;
type GraphClassification = Exclude<SecurityNamespace.AlertClassification, "unknownFutureValue">;
type GraphDetermination = Exclude<SecurityNamespace.AlertDetermination, "unknownFutureValue">;
type GraphIncidentStatus = Exclude<SecurityNamespace.IncidentStatus, "unknownFutureValue" | "redirected" | "awaitingAction">;

export const SEVERITY_FROM_GRAPH: Record<GraphSeverity, Severity> = {
  unknown: "UnSpecified",
  informational: "Informational",
  low: "Low",
  medium: "Medium",
  high: "High",
};

export const STATUS_FROM_GRAPH: Record<GraphStatus, string> = {
  unknown: "Unknown",
  new: "New",
  inProgress: "InProgress",
  resolved: "Resolved",
};

// Graph's `unknown` classification and determination mean "not set".
const CLASSIFICATION_FROM_GRAPH: Record<GraphClassification, string | null> = {
  unknown: null,
  falsePositive: "FalsePositive",
  truePositive: "TruePositive",
  informationalExpectedActivity: "InformationalExpectedActivity",
};

const DETERMINATION_FROM_GRAPH: Record<GraphDetermination, string | null> = {
  unknown: null,
  apt: "Apt",
  malware: "Malware",
  securityPersonnel: "SecurityPersonnel",
  securityTesting: "SecurityTesting",
  unwantedSoftware: "UnwantedSoftware",
  other: "Other",
  multiStagedAttack: "MultiStagedAttack",
  compromisedAccount: "CompromisedUser",
  phishing: "Phishing",
  maliciousUserActivity: "MaliciousUserActivity",
  notMalicious: "NotMalicious",
  notEnoughDataToValidate: "InsufficientData",
  confirmedActivity: "ConfirmedActivity",
  lineOfBusinessApplication: "LineOfBusinessApplication",
};

/**
 * The other spellings of the four disputed determinations, which Microsoft's update page uses and
 * its schema does not: sent only as the one fallback after Graph refuses the schema's.
 */
const DOCUMENTED_DETERMINATIONS: Record<string, string> = {
  CompromisedUser: "compromisedUser",
  NotMalicious: "clean",
  InsufficientData: "insufficientData",
  ConfirmedActivity: "confirmedUserActivity",
};

// Read back too: a documented spelling, should Graph ever return one, is the same determination.
const DETERMINATION_READ: Record<string, string | null> = {
  ...DETERMINATION_FROM_GRAPH,
  ...Object.fromEntries(Object.entries(DOCUMENTED_DETERMINATIONS).map(([value, documented]) => [documented, value])),
};

function lookup<T>(map: Record<string, T>, value: string | null | undefined): T | undefined {
  return value !== null && value !== undefined && Object.hasOwn(map, value) ? map[value] : undefined;
}

/** Our spelling of a Graph value, case-insensitively (Microsoft's examples use both cases); other values as they are. */
function ours<T extends string | null>(map: Record<string, T>, value: string | null | undefined): T | string | null {
  if (value === null || value === undefined || value === "") return null;
  const key = Object.keys(map).find((k) => k.toLowerCase() === value.toLowerCase());
  return key === undefined ? value : (map[key] as T);
}

export function severityFromGraph(value: string | null | undefined): string | null {
  return ours(SEVERITY_FROM_GRAPH, value);
}

export function statusFromGraph(value: string | null | undefined): string | null {
  return ours(STATUS_FROM_GRAPH, value);
}

export function classificationFromGraph(value: string | null | undefined): string | null {
  return ours(CLASSIFICATION_FROM_GRAPH, value);
}

export function determinationFromGraph(value: string | null | undefined): string | null {
  return ours(DETERMINATION_READ, value);
}

function reverse<T extends string | null>(map: Record<string, T>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).flatMap(([graph, our]) => (our === null ? [] : [[our, graph]])));
}

const SEVERITY_TO_GRAPH = reverse(SEVERITY_FROM_GRAPH);
const STATUS_TO_GRAPH = reverse(STATUS_FROM_GRAPH);
const CLASSIFICATION_TO_GRAPH = reverse(CLASSIFICATION_FROM_GRAPH);
const DETERMINATION_TO_GRAPH: Record<string, string> = {
  ...reverse(DETERMINATION_FROM_GRAPH),
  // Our alias of a disputed value is the fallback: Graph's documented spelling.
  ...Object.fromEntries(Object.entries(DOCUMENTED_DETERMINATIONS).map(([value, documented]) => [DETERMINATION_ALIASES[value]!, documented])),
};

// An incident that is neither in progress nor resolved is `active` (an alert's `new`).
const INCIDENT_STATUS_TO_GRAPH: Record<string, GraphIncidentStatus> = {
  New: "active",
  InProgress: "inProgress",
  Resolved: "resolved",
};

/** Graph's spelling of one of our severities, for a `$filter`. */
export function severityToGraph(severity: Severity): string {
  return lookup(SEVERITY_TO_GRAPH, severity)!;
}

/** Graph's spelling of one of our statuses (`New`, `InProgress`, `Resolved`, `Unknown`), for a `$filter`. */
export function statusToGraph(status: string): string {
  return lookup(STATUS_TO_GRAPH, status) ?? status;
}

/** A change in Graph's spelling: the PATCH body's fields, and the comment as it is posted. */
export function toGraphChanges(changes: AlertChanges): SentChanges {
  const sent: Record<string, string> = {};
  if (changes.status) sent.status = lookup(STATUS_TO_GRAPH, changes.status) ?? changes.status;
  if (changes.classification) sent.classification = lookup(CLASSIFICATION_TO_GRAPH, changes.classification) ?? changes.classification;
  if (changes.determination) sent.determination = lookup(DETERMINATION_TO_GRAPH, changes.determination) ?? changes.determination;
  if (changes.assignedTo) sent.assignedTo = changes.assignedTo;
  if (changes.comment) sent.comment = changes.comment;
  return sent;
}

/** A change to an incident in Graph's spelling: as an alert's, but with the incident's statuses (`New` is `active`). */
export function toGraphIncidentChanges(changes: AlertChanges): SentChanges {
  const sent = { ...toGraphChanges(changes) };
  if (changes.status) sent.status = lookup(INCIDENT_STATUS_TO_GRAPH, changes.status) ?? changes.status;
  return sent;
}
