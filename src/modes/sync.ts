/** Sync: an issue event, or a scheduled reconcile, → the alert's PATCH (or batch update). */
import type { Config } from "../config.js";
import type { DefenderClient } from "../defender/client.js";
import { DefenderApiError } from "../defender/errors.js";
import type { SyncEvent } from "../github/event.js";
import { describe } from "../github/errors.js";
import type { AlertIssueStore } from "../github/store.js";
import { type AlertChanges, commentText, planIssueEvent, type Plan } from "../issue/changes.js";
import { readMarker } from "../issue/marker.js";
import { acceptedValues } from "../issue/triage.js";
import { DETERMINATION_ALIASES } from "../issue/vocabulary.js";

export interface SyncLog {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

export interface AlertUpdate {
  alertId: string;
  issueNumber: number;
  changes: AlertChanges;
}

export interface SyncResult {
  kind: "event" | "reconcile";
  dryRun: boolean;
  updated: AlertUpdate[];
  /** Why nothing was sent, when nothing was. */
  skipped: Array<{ issueNumber?: number; reason: string }>;
  problems: Array<{ issueNumber: number; problems: string[] }>;
  failures: Array<{ alertId: string; issueNumber: number; error: string }>;
  /** Reconcile: issues looked at, and those whose alert already matched. */
  examined: number;
  inStep: number;
}

/** Clients are built on first use: most events need neither, and start-up time is the runner's. */
export interface SyncDeps {
  store: () => Promise<AlertIssueStore>;
  defender: () => Promise<DefenderClient>;
}

export function emptyResult(kind: SyncResult["kind"], dryRun: boolean): SyncResult {
  return { kind, dryRun, updated: [], skipped: [], problems: [], failures: [], examined: 0, inStep: 0 };
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
  const marker = readMarker(issue.body);
  if (marker.kind === "none") return skip("no alert marker, so not an alert issue");
  if (marker.kind === "invalid") return skip(`not an alert issue: ${marker.reason}`, "warning");
  if (!TRUSTED(config, issue.author)) {
    return skip(`has an alert marker but was opened by ${JSON.stringify(issue.author)}, who is not in trusted-authors`, "warning");
  }
  if (event.kind === "issues" && event.action === "edited" && event.previousBody !== undefined) {
    const before = readMarker(event.previousBody);
    if (before.kind !== "one" || before.alertId !== marker.alertId) {
      return skip("the edit changed the alert marker; the alert ID the issue was opened with stands, so this edit is ignored", "warning");
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
  await sendChanges(config, deps, { alertId: marker.alertId, issueNumber: issue.number, changes: plan.changes }, result, log);
  return result;
}

/** Warns, and comments on the issue once per distinct problem, listing what sync accepts. */
export async function explainLabelProblem(config: Config, store: AlertIssueStore, issueNumber: number, problems: string[], log: SyncLog): Promise<void> {
  log.warning(`Issue #${issueNumber}: ${problems.join("; ")}; nothing sent to Defender.`);
  if (config.dryRun) return;
  const body = `The labels of this issue cannot be sent to Defender: ${problems.join("; ")}. Nothing was changed on the alert.\n\nSync reads one label per field:\n\n${acceptedValues()}`;
  await store.commentOnce(issueNumber, `labels ${problems.join("; ")}`, body);
}

/** PATCHes one alert, falling back once to the other spelling of a disputed determination. */
export async function sendChanges(config: Config, deps: SyncDeps, update: AlertUpdate, result: SyncResult, log: SyncLog): Promise<void> {
  if (config.dryRun) {
    log.info(`Dry run: would update alert ${update.alertId} (issue #${update.issueNumber}) with ${JSON.stringify(update.changes)}`);
    result.updated.push(update);
    return;
  }
  const defender = await deps.defender();
  try {
    const sent = await withDeterminationFallback(update.changes, (changes) => defender.updateAlert(update.alertId, changes), log);
    log.info(`Updated alert ${update.alertId} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
    result.updated.push({ ...update, changes: sent });
  } catch (error) {
    const message = rejection(error, update.alertId);
    result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
    await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError: unknown) => {
      log.warning(`Could not comment on issue #${update.issueNumber}: ${describe(commentError)}`);
    });
  }
}

function rejection(error: unknown, alertId: string): string {
  if (error instanceof DefenderApiError && error.status === 404) {
    return `alert ${alertId} was not found in Defender: it may be older than the tenant's retention, or deleted (${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * Microsoft's pages disagree on four determination spellings: when Defender answers 400 to one,
 * the other is tried once. Returns the changes that were accepted.
 */
export async function withDeterminationFallback(changes: AlertChanges, send: (changes: AlertChanges) => Promise<void>, log: SyncLog): Promise<AlertChanges> {
  try {
    await send(changes);
    return changes;
  } catch (error) {
    const alias = changes.determination ? DETERMINATION_ALIASES[changes.determination] : undefined;
    if (!(error instanceof DefenderApiError) || error.status !== 400 || !alias) throw error;
    log.info(`Defender refused determination ${changes.determination}; trying its other spelling, ${alias}`);
    const retried = { ...changes, determination: alias };
    await send(retried);
    return retried;
  }
}
