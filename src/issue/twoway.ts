/**
 * Two-way reconcile's decision: for each field an alert issue and its alert keep in step, which side
 * changed since they last agreed, and so what goes to the other side. Pure: a function of (the
 * last agreed state, the issue, the alert), the same for every source of alerts.
 */
import { sameDetermination } from "./triage.js";
import type { Classification, Status } from "./vocabulary.js";

/** The fields kept in step, in our vocabulary. `null` is "none": no classification yet, no owner. */
export interface Triage {
  status: Status;
  classification: Classification | null;
  determination: string | null;
  /** Defender's `assignedTo` (a UPN, a login, `Automation`), compared case-insensitively. */
  owner: string | null;
}

export type TriageField = keyof Triage;
export const TRIAGE_FIELDS: readonly TriageField[] = ["status", "classification", "determination", "owner"];

/**
 * What the issue expresses, field by field; a field it does not express is absent. Its status is
 * `Resolved` when closed; when open, its `status:` label's value, or `Open` (New or InProgress).
 */
export interface IssueTriage {
  status: Status | "Open";
  classification?: Classification;
  determination?: string;
  owner?: string;
}

/** When the issue last changed each field (from its events), for fields changed on both sides. */
export type FieldTimes = Partial<Record<TriageField, Date>>;

export type FieldDecision<F extends TriageField = TriageField> =
  | { field: F; kind: "agreed"; value: Triage[F] }
  /** The issue's value goes to Defender. */
  | { field: F; kind: "to-defender"; value: NonNullable<Triage[F]> }
  /** Defender's value comes to the issue. */
  | { field: F; kind: "to-github"; value: Triage[F] }
  /** Nothing to do, and nothing agreed: the issue dropped a value Defender cannot take back. */
  | { field: F; kind: "unchanged" }
  /** Changed on both sides to different values: which is later needs the issue's change time. */
  | { field: F; kind: "needs-time" };

export interface TwoWayDecision {
  fields: FieldDecision[];
  /** The state both sides will agree on once the decision is applied, where it is known. */
  agreed: Partial<Triage>;
}

/** Whether the issue's view of a field agrees with a value on Defender's side. */
export function agrees(field: TriageField, issue: IssueTriage[TriageField] | undefined, value: Triage[TriageField] | undefined): boolean {
  if (issue === undefined || value === undefined) return false;
  switch (field) {
    case "status":
      return issue === "Open" ? value === "New" || value === "InProgress" : issue === value;
    case "determination":
      return sameDetermination(issue as string, value as string | null);
    case "owner":
      return value !== null && (issue as string).toLowerCase() === (value as string).toLowerCase();
    default:
      return issue === value;
  }
}

function sameValue(field: TriageField, a: Triage[TriageField] | undefined, b: Triage[TriageField] | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === null || b === null) return a === b;
  if (field === "determination") return sameDetermination(a, b);
  if (field === "owner") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

/**
 * Whether the issue, with no agreed state to compare with, expresses a value for the field. An
 * open issue without a status label says only "not resolved" once it was reopened; on its own it
 * says nothing of the status (SPEC.md: such an issue whose alert is Resolved is closed).
 */
function expresses(field: TriageField, issue: IssueTriage[TriageField] | undefined): boolean {
  return issue !== undefined && !(field === "status" && issue === "Open");
}

/** The value an issue's view sends to Defender. An open issue without a status label is InProgress. */
function sendable(field: TriageField, issue: IssueTriage[TriageField]): NonNullable<Triage[TriageField]> {
  return field === "status" && issue === "Open" ? "InProgress" : (issue as NonNullable<Triage[TriageField]>);
}

/**
 * Decides one field. With an agreed value: a side that differs from it changed; one side changed
 * → its value goes to the other; both changed to different values → the later change, where
 * `issueChangedAt` is when the issue changed and `alertChangedAt` the alert's last update (equal
 * times: GitHub's stands). With none: what the issue expresses goes to Defender, the rest comes back.
 */
export function decideField<F extends TriageField>(
  field: F,
  agreed: Triage[F] | undefined,
  issue: IssueTriage[F] | undefined,
  alert: Triage[F],
  times: { issueChangedAt?: Date | undefined; alertChangedAt: Date | null },
): FieldDecision<F> {
  if (agrees(field, issue, alert) || (issue === undefined && alert === null)) return { field, kind: "agreed", value: alert };
  const toDefender = (): FieldDecision<F> => ({ field, kind: "to-defender", value: sendable(field, issue!) as NonNullable<Triage[F]> });
  const toGitHub = (): FieldDecision<F> => ({ field, kind: "to-github", value: alert });
  if (agreed === undefined) return expresses(field, issue) ? toDefender() : toGitHub();

  const issueChanged = issue !== undefined && !agrees(field, issue, agreed);
  const defenderChanged = !sameValue(field, alert, agreed);
  if (issueChanged && !defenderChanged) return toDefender();
  if (defenderChanged && !issueChanged) return toGitHub();
  if (!issueChanged && !defenderChanged) return { field, kind: "unchanged" };
  if (!times.issueChangedAt) return { field, kind: "needs-time" };
  if (!times.alertChangedAt) return toDefender();
  return times.issueChangedAt.getTime() >= times.alertChangedAt.getTime() ? toDefender() : toGitHub();
}

/**
 * Decides every field. A determination decided for one side carries its classification along when
 * that differs on the other side, since Defender checks the pair and a label table shows both.
 */
export function decideTwoWay(
  agreed: Triage | undefined,
  issue: IssueTriage,
  alert: Triage,
  times: { issueChangedAt?: FieldTimes; alertChangedAt: Date | null },
): TwoWayDecision {
  const fields = TRIAGE_FIELDS.map((field) =>
    decideField(field, agreed?.[field], issue[field], alert[field], { issueChangedAt: times.issueChangedAt?.[field], alertChangedAt: times.alertChangedAt }),
  ) as FieldDecision[];
  const result: Partial<Triage> = {};
  for (const decision of fields) {
    if (decision.kind === "agreed" || decision.kind === "to-defender" || decision.kind === "to-github") {
      (result as Record<string, unknown>)[decision.field] = decision.value;
    } else if (decision.kind === "unchanged" && agreed) {
      (result as Record<string, unknown>)[decision.field] = agreed[decision.field];
    }
  }
  return { fields, agreed: result };
}
