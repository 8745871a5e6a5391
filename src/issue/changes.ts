/** What an issue event, or an issue's state, asks of its alert: SPEC.md's "What sync sends". Pure. */
import { isTriageLabel, readTriageLabels, sameDetermination, type TriageFields } from "./triage.js";

export interface AlertChanges extends TriageFields {
  assignedTo?: string;
  comment?: string;
}

export type Plan =
  | { kind: "send"; changes: AlertChanges }
  | { kind: "nothing"; reason: string }
  | { kind: "problem"; problems: string[] };

export interface IssueState {
  state: "open" | "closed";
  labels: readonly string[];
  assignees: readonly string[];
}

const COMMENT_TEXT_MAX = 4_000;

function send(changes: AlertChanges, emptyReason: string): Plan {
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== "")) as AlertChanges;
  return Object.keys(defined).length > 0 ? { kind: "send", changes: defined } : { kind: "nothing", reason: emptyReason };
}

/** The Defender `assignedTo` for a GitHub login: the map's value, else the login. */
export function assignedToFor(login: string, assigneeMap: Readonly<Record<string, string>>): string {
  return assigneeMap[login.toLowerCase()] ?? login;
}

/** `<login> on GitHub: <text> (<url>)`; long text is cut and the link carries the rest. */
export function commentText(author: string, text: string, url: string): string {
  const chars = Array.from(text.trim());
  const body = chars.length > COMMENT_TEXT_MAX ? `${chars.slice(0, COMMENT_TEXT_MAX).join("")}… (cut; the rest is on GitHub)` : chars.join("");
  return `${author} on GitHub: ${body} (${url})`;
}

/**
 * The PATCH body for an `issues` event, per SPEC.md's table. Adding or removing a label sync does
 * not read changes nothing the alert was sent, so it sends nothing.
 */
export function planIssueEvent(action: string, issue: IssueState, assignee: string | undefined, assigneeMap: Readonly<Record<string, string>>, changedLabel?: string): Plan {
  if ((action === "labeled" || action === "unlabeled") && changedLabel !== undefined && !isTriageLabel(changedLabel)) {
    return { kind: "nothing", reason: `the label ${JSON.stringify(changedLabel)} is not one sync reads` };
  }
  if (action === "assigned") {
    return assignee ? send({ assignedTo: assignedToFor(assignee, assigneeMap) }, "no assignee in the event") : { kind: "nothing", reason: "no assignee in the event" };
  }
  if (!["closed", "reopened", "labeled", "unlabeled", "edited"].includes(action)) {
    return { kind: "nothing", reason: `issue events of type '${action}' change nothing in Defender` };
  }
  const labels = readTriageLabels(issue.labels);
  if (!labels.ok) return { kind: "problem", problems: labels.problems };
  const fields = { ...labels.fields };
  if (action === "closed") fields.status = "Resolved";
  if (action === "reopened") fields.status = labels.fields.status && labels.fields.status !== "Resolved" ? labels.fields.status : "InProgress";
  return send(fields, "the issue's labels name no status, classification or determination");
}

/** What an alert should look like for its issue, for reconcile: closed → Resolved, labels, first assignee. */
export function desiredAlert(issue: IssueState, assigneeMap: Readonly<Record<string, string>>): Plan {
  const labels = readTriageLabels(issue.labels);
  if (!labels.ok) return { kind: "problem", problems: labels.problems };
  const fields: AlertChanges = { ...labels.fields };
  if (issue.state === "closed") fields.status = "Resolved";
  // An open issue with a status:Resolved label was reopened after it (see planIssueEvent): not a resolve.
  else if (fields.status === "Resolved") delete fields.status;
  const assignee = issue.assignees[0];
  if (assignee) fields.assignedTo = assignedToFor(assignee, assigneeMap);
  return send(fields, "the issue asks nothing of its alert");
}

export interface CurrentAlert {
  status?: string | null;
  classification?: string | null;
  determination?: string | null;
  assignedTo?: string | null;
}

/** The fields of `wanted` that the alert does not already have. */
export function difference(wanted: AlertChanges, current: CurrentAlert): AlertChanges {
  const changes: AlertChanges = {};
  if (wanted.status && wanted.status !== current.status) changes.status = wanted.status;
  if (wanted.classification && wanted.classification !== current.classification) changes.classification = wanted.classification;
  if (wanted.determination && !sameDetermination(wanted.determination, current.determination)) changes.determination = wanted.determination;
  if (wanted.assignedTo && wanted.assignedTo.toLowerCase() !== (current.assignedTo ?? "").toLowerCase()) changes.assignedTo = wanted.assignedTo;
  if (changes.determination && !changes.classification && wanted.classification) changes.classification = wanted.classification;
  return changes;
}
