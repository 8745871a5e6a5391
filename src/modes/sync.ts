/** Sync: an issue event, or a scheduled reconcile, → the alert's PATCH (or batch update). */
import type { Config } from "../config.js";
import type { SyncEvent } from "../github/event.js";
import type { AlertIssueStore } from "../github/store.js";
import { type AlertChanges, commentText, planIssueEvent, type Plan } from "../issue/changes.js";
import { readIssueMarker } from "../issue/marker.js";
import { acceptedValues } from "../issue/triage.js";
import type { AlertSource, SentChanges } from "../source/source.js";

export interface SyncLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

export interface AlertUpdate {
  /** The alert's ID; for an incident issue, the incident's (also in `incidentId`). */
  alertId: string;
  /** Set when the issue is an incident issue: the change goes to the incident. */
  incidentId?: string;
  issueNumber: number;
  changes: AlertChanges;
}

/** An update as reported: `changes` is what was sent, in the API's spelling (in a dry run, what would be). */
export interface SentUpdate {
  alertId: string;
  incidentId?: string;
  issueNumber: number;
  changes: SentChanges;
}

export interface SyncResult {
  kind: "event" | "reconcile";
  dryRun: boolean;
  updated: SentUpdate[];
  /** Why nothing was sent, when nothing was. */
  skipped: Array<{ issueNumber?: number; reason: string }>;
  problems: Array<{ issueNumber: number; problems: string[] }>;
  failures: Array<{ alertId: string; issueNumber: number; error: string }>;
  /** Reconcile: issues looked at, and those whose alert already matched. */
  examined: number;
  inStep: number;
  /** Two-way reconcile: issues brought in step with their alert. */
  issuesUpdated: IssueUpdateReport[];
  /** Two-way reconcile: Defender owners no login maps to, left as the issue has them. */
  unmappedOwners: Array<{ issueNumber: number; owner: string }>;
}

/** An issue brought in step with its alert, as the `issues-updated` output gives it. */
export interface IssueUpdateReport {
  issueNumber: number;
  /** The alert's ID; for an incident issue, the incident's (also in `incidentId`). */
  alertId: string;
  incidentId?: string;
  changes: {
    state?: "open" | "closed";
    labelsAdded?: string[];
    labelsRemoved?: string[];
    assignees?: string[];
    /** How many Defender comments were copied. */
    comments?: number;
  };
}

/** Clients are built on first use: most events need neither, and start-up time is the runner's. */
export interface SyncDeps {
  store: () => Promise<AlertIssueStore>;
  source: () => Promise<AlertSource>;
}

export function emptyResult(kind: SyncResult["kind"], dryRun: boolean): SyncResult {
  return { kind, dryRun, updated: [], skipped: [], problems: [], failures: [], examined: 0, inStep: 0, issuesUpdated: [], unmappedOwners: [] };
}

const TRUSTED = (config: Config, login: string) => config.trustedAuthors.some((author) => author.toLowerCase() === login.toLowerCase());

/** Handles one `issues` or `issue_comment` event. Ignored and untrusted events succeed, saying why. */
export async function syncEvent(config: Config, event: Exclude<SyncEvent, { kind: "other" }>, deps: SyncDeps, log: SyncLog): Promise<SyncResult> {
  const result = emptyResult("event", config.dryRun);
  const issue = event.issue;
  const skip = (reason: string, level: "notice" | "warning" = "notice") => {
    log[level](`Issue #${issue.number}: ${reason}; nothing sent to Defender.`);
    result.skipped.push({ issueNumber: issue.number, reason });
    return result;
  };

  if (issue.isPullRequest) return skip("a pull request, not an alert issue");
  if (config.syncDirection === "to-github") return skip("sync-direction is to-github: issue events send nothing to Defender");
  const marker = readIssueMarker(issue.body);
  if (marker.kind === "none") return skip("no alert marker, so not an alert issue");
  if (marker.kind === "invalid") return skip(`not an alert issue: ${marker.reason}`, "warning");
  const what = marker.kind === "incident" ? "incident" : "alert";
  if (!TRUSTED(config, issue.author)) {
    return skip(`has an ${what} marker but was opened by ${JSON.stringify(issue.author)}, who is not in trusted-authors`, "warning");
  }
  const target = marker.kind === "incident" ? { alertId: marker.incidentId, incidentId: marker.incidentId } : { alertId: marker.alertId };
  if (event.kind === "issues" && event.action === "edited" && event.previousBody !== undefined) {
    const before = readIssueMarker(event.previousBody);
    const same = marker.kind === "incident" ? before.kind === "incident" && before.incidentId === marker.incidentId : before.kind === "alert" && before.alertId === marker.alertId;
    if (!same) {
      return skip(`the edit changed the ${what} marker; the ${what} ID the issue was opened with stands, so this edit is ignored`, "warning");
    }
  }
  if (TRUSTED(config, event.sender)) return skip(`the event was sent by ${JSON.stringify(event.sender)}, a trusted author (the action's own change)`);

  let plan: Plan;
  if (event.kind === "issue_comment") {
    if (event.action !== "created") return skip(`comment events of type '${event.action}' change nothing in Defender`);
    if (!config.syncComments) return skip("sync-comments is false");
    if (TRUSTED(config, event.comment.author)) return skip("the comment is the action's own");
    plan = { kind: "send", changes: { comment: commentText(event.comment.author, event.comment.body, event.comment.url) } };
  } else {
    plan = planIssueEvent(event.action, issue, event.assignee, config.assigneeMap, event.label);
  }
  if (plan.kind === "nothing") return skip(plan.reason);

  const permission = await (await deps.store()).canTriage(event.sender);
  if (!permission.allowed) {
    return skip(`${JSON.stringify(event.sender)} has the role '${permission.role}' here; changing a Defender alert takes triage or above`, "warning");
  }
  if (plan.kind === "problem") {
    await explainLabelProblem(config, await deps.store(), issue.number, plan.problems, log);
    result.problems.push({ issueNumber: issue.number, problems: plan.problems });
    return result;
  }
  // Loaded only now: most events end before this point, and start-up is what they cost.
  const { sendChanges } = await import("./send.js");
  await sendChanges(config, deps, { ...target, issueNumber: issue.number, changes: plan.changes }, result, log);
  return result;
}

/** Warns, and comments on the issue once per distinct problem, listing what sync accepts. */
export async function explainLabelProblem(config: Config, store: AlertIssueStore, issueNumber: number, problems: string[], log: SyncLog): Promise<void> {
  log.warning(`Issue #${issueNumber}: ${problems.join("; ")}; nothing sent to Defender.`);
  if (config.dryRun) return;
  const body = `The labels of this issue cannot be sent to Defender: ${problems.join("; ")}. Nothing was changed on the alert.\n\nSync reads one label per field:\n\n${acceptedValues()}`;
  await store.commentOnce(issueNumber, `labels ${problems.join("; ")}`, body);
}
