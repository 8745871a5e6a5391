/**
 * Two-way reconcile, planned: an alert issue and its alert in our vocabulary, and the decision
 * turned into what each side is sent (the alert's PATCH fields; the issue's state, labels and
 * assignees, one comment and its record). Pure: the mode fetches, this plans, the mode applies.
 */
import type { AlertChanges, IssueState } from "./changes.js";
import { assignedToFor } from "./changes.js";
import { cellCode, formatTime, inlineText, quoteBlock, truncate } from "./markdown.js";
import type { AgreedRecord } from "./record.js";
import { readTriageLabels } from "./triage.js";
import { decideTwoWay, type FieldDecision, type FieldTimes, type IssueTriage, TRIAGE_FIELDS, type Triage, type TriageField } from "./twoway.js";
import { type Classification, DETERMINATIONS_BY_CLASSIFICATION } from "./vocabulary.js";
import { type Alert, triageOf } from "../source/alert.js";

/** The fields of an alert two-way reads, in our vocabulary. */
export interface AlertView {
  triage: Triage;
  /** When the alert last changed, if Defender says. */
  updatedAt: Date | null;
  comments: ReadonlyArray<{ comment: string; createdBy: string | null; createdTime: string; alertIds?: readonly string[] }>;
}

/** An alert's, or an incident's, fields as two-way reads them. */
export function alertView(alert: Pick<Alert, "status" | "classification" | "determination" | "assignedTo" | "updatedAt" | "comments">): AlertView {
  return { triage: triageOf(alert), updatedAt: alert.updatedAt, comments: alert.comments };
}

export type Direction = "both" | "to-github";

/** Comments the action sends to Defender begin `<login> on GitHub:` (see changes.ts); they never come back. */
const OWN_COMMENT = /^[A-Za-z0-9][A-Za-z0-9-]*(?:\[bot\])? on GitHub: /;
// Only at the start of a comment: a copied Defender comment quotes text that could hold the tag.
const COPIED_TAG = /^<!-- defender-issues-copied: (\S+) -->/;
const STATE_TAG = /^(?:<!-- defender-issues-copied: \S+ -->\n)?<!-- defender-issues-state: (open|closed) -->/;
const COMMENT_MAX = 4_000;
const COMMENTS_BODY_MAX = 60_000;
const ALERTS_NAMED_MAX = 3;
const ALERT_ID_MAX = 100;

/** What the issue expresses; label problems (two classifications, an unknown value) mean none. */
export function issueTriage(issue: IssueState, assigneeMap: Readonly<Record<string, string>>): { ok: true; triage: IssueTriage } | { ok: false; problems: string[] } {
  const labels = readTriageLabels(issue.labels);
  if (!labels.ok) return labels;
  const { status, classification, determination } = labels.fields;
  const triage: IssueTriage = { status: issue.state === "closed" ? "Resolved" : status === "New" || status === "InProgress" ? status : "Open" };
  if (classification) triage.classification = classification;
  if (determination) triage.determination = determination;
  const assignee = issue.assignees[0];
  if (assignee) triage.owner = assignedToFor(assignee, assigneeMap);
  return { ok: true, triage };
}

/** The fields whose change on both sides needs the issue's change time, and the events that tell it. */
export function fieldTimes(fields: readonly TriageField[], events: ReadonlyArray<{ event: string; createdAt: Date; label?: string }>): FieldTimes {
  const times: FieldTimes = {};
  for (const event of events) {
    const field = eventField(event);
    if (field && fields.includes(field) && (!times[field] || times[field]!.getTime() < event.createdAt.getTime())) times[field] = event.createdAt;
  }
  // A field changed with no event to say when (a history GitHub no longer shows) counts as older than Defender's change.
  for (const field of fields) times[field] ??= new Date(0);
  return times;
}

function eventField(event: { event: string; label?: string }): TriageField | undefined {
  if (event.event === "closed" || event.event === "reopened") return "status";
  if (event.event === "assigned" || event.event === "unassigned") return "owner";
  if ((event.event === "labeled" || event.event === "unlabeled") && event.label) {
    const prefix = event.label.slice(0, event.label.indexOf(":")).toLowerCase().replace(/[\s_-]+/g, "");
    return (["status", "classification", "determination"] as const).find((f) => f === prefix);
  }
  return undefined;
}

export interface IssueChanges {
  state?: "open" | "closed";
  stateReason?: "completed" | "not_planned" | "reopened";
  labelsAdded: string[];
  labelsRemoved: string[];
  /** The new assignees, when the owner came back and a login maps to it. */
  assignees?: string[];
}

export interface ReconcilePlan {
  /** Fields to PATCH on the alert (nothing when the direction is to-github). */
  toDefender: AlertChanges;
  /** What the issue is brought to; empty when it needs nothing. */
  toGitHub: IssueChanges;
  /** The comment to add to the issue, if any: the state change explained, Defender's new comments. */
  comment: string | undefined;
  /** The newest Defender comment the comment copies, and how many it copies. */
  copiedUntil: string | undefined;
  copied: number;
  /** Defender's owner, when no login maps to it. */
  unmappedOwner: string | undefined;
  /** Fields changed on both sides whose order the issue's events must tell. */
  needsTime: TriageField[];
  /** The agreed state once both sides' writes land (fields whose write fails keep their old value). */
  agreed: Triage;
}

export interface PlanInput {
  issue: IssueState & { number: number };
  triage: IssueTriage;
  record: AgreedRecord | undefined;
  alert: AlertView;
  assigneeMap: Readonly<Record<string, string>>;
  direction: Direction;
  issueTimes?: FieldTimes;
  /** Defender comments up to this time are on the issue already (the record's, or a later copy's). */
  commentsSince?: string | null;
  /** A comment of a run that died before its update says the state change already. */
  stateNoted?: boolean;
}

export function planReconcile(input: PlanInput): ReconcilePlan {
  const { issue, triage, record, alert, direction } = input;
  const decision = decideTwoWay(record?.triage, triage, alert.triage, { alertChangedAt: alert.updatedAt, ...(input.issueTimes ? { issueChangedAt: input.issueTimes } : {}) });
  withheldDetermination(decision.fields, triage);
  const byField = new Map(decision.fields.map((d) => [d.field, d] as const));
  const old = record?.triage;
  const agreed: Triage = { ...alert.triage };
  for (const field of TRIAGE_FIELDS) {
    const d = byField.get(field)!;
    const kept = old?.[field] ?? null;
    // A change the issue made that is not sent (to-github) is not agreed: the alert's value is, so
    // the next run finds the issue changed and the alert not, and neither sends it nor undoes it.
    const value = d.kind === "agreed" || d.kind === "to-github" || (d.kind === "to-defender" && direction === "both") ? d.value : d.kind === "to-defender" ? alert.triage[field] : kept;
    (agreed as unknown as Record<string, unknown>)[field] = value;
  }

  const toDefender: AlertChanges = {};
  if (direction === "both") {
    for (const d of decision.fields) if (d.kind === "to-defender") setAlertField(toDefender, d);
    // Defender checks a determination against the classification: one goes with the other.
    if (toDefender.determination && !toDefender.classification && triage.classification && triage.classification !== alert.triage.classification) toDefender.classification = triage.classification;
  }

  const toGitHub: IssueChanges = { labelsAdded: [], labelsRemoved: [] };
  const labels = [...issue.labels];
  const replaceLabel = (field: "status" | "classification" | "determination", value: string | null) => {
    const current = labels.filter((label) => fieldOfLabel(label) === field);
    const wanted = value === null ? undefined : `${field}:${value}`;
    for (const label of current) if (label !== wanted) toGitHub.labelsRemoved.push(label);
    if (wanted && !current.includes(wanted)) toGitHub.labelsAdded.push(wanted);
  };
  let unmappedOwner: string | undefined;
  let stateNote: string | undefined;
  for (const d of decision.fields) {
    if (d.kind !== "to-github") continue;
    if (d.field === "status") {
      const status = d.value as Triage["status"];
      if (status === "Resolved" && issue.state === "open") {
        toGitHub.state = "closed";
        toGitHub.stateReason = alert.triage.classification === "FalsePositive" ? "not_planned" : "completed";
        stateNote = resolvedNote(alert.triage);
      } else if (status !== "Resolved" && issue.state === "closed") {
        toGitHub.state = "open";
        toGitHub.stateReason = "reopened";
        stateNote = `**Reopened:** the alert is ${status === "New" ? "New" : "In progress"} again in Microsoft Defender.`;
      }
      if (labels.some((label) => fieldOfLabel(label) === "status")) replaceLabel("status", status);
    } else if (d.field === "classification" || d.field === "determination") {
      replaceLabel(d.field, d.value as string | null);
    } else if (d.field === "owner") {
      const login = d.value === null ? undefined : loginFor(d.value as string, input.assigneeMap, issue.assignees);
      if (login) {
        if (issue.assignees[0]?.toLowerCase() !== login.toLowerCase() || issue.assignees.length !== 1) toGitHub.assignees = [login];
      } else {
        if (d.value !== null) unmappedOwner = d.value as string;
        agreed.owner = old?.owner ?? triage.owner ?? null;
      }
    }
  }

  const { text: copied, until, count } = copiedComments(alert.comments, input.commentsSince !== undefined ? input.commentsSince : (record?.commentsUntil ?? null));
  if (input.stateNoted) stateNote = undefined;
  // The tags lead the comment: they record the newest copy and the state change it announces, for
  // a run that dies before the record.
  const tag = `${until ? `<!-- defender-issues-copied: ${until} -->\n` : ""}${stateNote && toGitHub.state ? `<!-- defender-issues-state: ${toGitHub.state} -->\n` : ""}`;
  const comment = stateNote || copied ? `${tag}${[stateNote, copied].filter(Boolean).join("\n\n")}` : undefined;
  return {
    toDefender,
    toGitHub,
    comment,
    copiedUntil: until,
    copied: count,
    unmappedOwner,
    needsTime: decision.fields.filter((d) => d.kind === "needs-time").map((d) => d.field),
    agreed,
  };
}

/**
 * Defender's determination comes to the issue only with a classification it belongs to. When the
 * issue keeps its own classification (it goes to Defender, or the direction is to-github), a
 * determination of Defender's other classification would leave the issue a pair that sync refuses
 * to read; it is left as the issue has it, and agreed as before.
 */
function withheldDetermination(fields: FieldDecision[], issue: IssueTriage): void {
  const classification = fields.find((d) => d.field === "classification")!;
  const index = fields.findIndex((d) => d.field === "determination");
  const determination = fields[index]!;
  if (determination.kind !== "to-github" || determination.value === null) return;
  const kept = classification.kind === "to-github" ? (classification.value as Classification | null) : (issue.classification ?? null);
  if (kept && !DETERMINATIONS_BY_CLASSIFICATION[kept].includes(determination.value as string)) fields[index] = { field: "determination", kind: "unchanged" };
}

function setAlertField(changes: AlertChanges, d: Extract<FieldDecision, { kind: "to-defender" }>): void {
  if (d.field === "owner") changes.assignedTo = d.value as string;
  else if (d.field === "status") changes.status = d.value as AlertChanges["status"];
  else if (d.field === "classification") changes.classification = d.value as Classification;
  else changes.determination = d.value as string;
}

function fieldOfLabel(label: string): "status" | "classification" | "determination" | undefined {
  const colon = label.indexOf(":");
  if (colon < 0) return undefined;
  const prefix = label.slice(0, colon).toLowerCase().replace(/[\s_-]+/g, "");
  return (["status", "classification", "determination"] as const).find((f) => f === prefix);
}

/** The login for a Defender owner: the one `assignee-map` maps to it, or an assignee of that very name. */
export function loginFor(owner: string, assigneeMap: Readonly<Record<string, string>>, assignees: readonly string[]): string | undefined {
  const wanted = owner.toLowerCase();
  const mapped = Object.entries(assigneeMap).find(([, value]) => value.toLowerCase() === wanted)?.[0];
  return mapped ?? assignees.find((login) => login.toLowerCase() === wanted);
}

function resolvedNote(alert: Triage): string {
  const by = alert.owner === "Automation" ? " by automated investigation" : alert.owner ? ` (owner ${inlineText(alert.owner)})` : "";
  const how = [alert.classification && `classification ${alert.classification}`, alert.determination && `determination ${alert.determination}`].filter(Boolean).join(", ");
  return `**Resolved in Microsoft Defender**${by}${how ? `, ${how}` : ""}. Closing this issue to match.`;
}

/**
 * Defender's comments not yet on the issue, oldest first, each with its author and time (and the
 * alerts it is on, when an incident's comment is on only some of them) and its text quoted inert;
 * the action's own (`… on GitHub:`) stay in Defender.
 */
export function copiedComments(comments: AlertView["comments"], since: string | null): { text: string | undefined; until: string | undefined; count: number } {
  const after = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
  const fresh = comments
    .filter((c) => !OWN_COMMENT.test(c.comment) && Date.parse(c.createdTime) > after)
    .sort((a, b) => Date.parse(a.createdTime) - Date.parse(b.createdTime));
  if (fresh.length === 0) return { text: undefined, until: undefined, count: 0 };
  const until = fresh.at(-1)!.createdTime;
  const parts: string[] = [];
  let used = 0;
  for (const c of fresh) {
    const part = `**${inlineText(c.createdBy ?? "someone")}** · ${formatTime(new Date(c.createdTime))}${onAlerts(c.alertIds)}\n\n${quoteBlock(truncate(c.comment, COMMENT_MAX))}`;
    if (used + part.length > COMMENTS_BODY_MAX) {
      parts.push(`${fresh.length - parts.length} more comments are in Microsoft Defender.`);
      break;
    }
    parts.push(part);
    used += part.length;
  }
  const heading = fresh.length === 1 ? "**Comment in Microsoft Defender**" : `**${fresh.length} comments in Microsoft Defender**`;
  return { text: `${heading}\n\n${parts.join("\n\n")}`, until, count: fresh.length };
}

/** Which of an incident's alerts a comment is on, when it is on only some: ` · on alert `da1``; three named at most. */
function onAlerts(alertIds: readonly string[] | undefined): string {
  if (!alertIds || alertIds.length === 0) return "";
  const named = alertIds.slice(0, ALERTS_NAMED_MAX).map((id) => cellCode(truncate(id, ALERT_ID_MAX)));
  const more = alertIds.length - named.length;
  const list = more > 0 ? `${named.join(", ")} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
  return ` · on ${alertIds.length === 1 ? "alert" : "alerts"} ${list}`;
}

/** Whether one of the action's comments announces the issue's change to `state` (its leading tags say so). */
export function announces(ownComment: string, state: "open" | "closed"): boolean {
  return STATE_TAG.exec(ownComment)?.[1] === state;
}

/** The newest copy a comment of the action's records, among its comments on an issue. */
export function lastCopied(ownComments: readonly string[]): string | undefined {
  let newest: string | undefined;
  for (const body of ownComments) {
    const time = COPIED_TAG.exec(body)?.[1];
    if (time && !Number.isNaN(Date.parse(time)) && (!newest || Date.parse(time) > Date.parse(newest))) newest = time;
  }
  return newest;
}
