/** Pull: alerts in the window → new alert issues, never two for one alert. */
import type { Config } from "../config.js";
import type { Alert } from "../source/alert.js";
import type { AlertListing, AlertSource, ListedAlert } from "../source/source.js";
import { describe, isFinal } from "../github/errors.js";
import { type AlertIssue, type AlertIssueStore, type CreatedIssue, oldestIssueFirst, type VocabularyOutcome } from "../github/store.js";
import { type IssueDraft, renderIssue, severityOf } from "../issue/render.js";
import { renderIncidentIssue } from "../issue/render-incident.js";
import type { Incident } from "../source/incident.js";
import { alertIssueNumbers, routeToIncidentIssues, updateIncidentIssues } from "./incident-issues.js";
import { ALERT_LABEL, groupByError, INCIDENT_LABEL, isVocabularyComplete, seals, vocabulary } from "../issue/vocabulary.js";

export interface PullLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface OpenedIssue {
  /** The alert's ID; for an incident issue, the incident's (also in `incidentId`). */
  alertId: string;
  incidentId?: string;
  issueNumber: number;
  url: string;
  title: string;
  severity: string;
}

/** What a dry run would open. */
export type PlannedIssue = Omit<IssueDraft, "body"> & { incidentId?: string };

export interface PullResult {
  dryRun: boolean;
  window: { since: Date; until: Date };
  alertsFound: number;
  alreadyTicketed: number;
  opened: OpenedIssue[];
  planned: PlannedIssue[];
  alertsRemaining: number;
  /** Issues the hourly budget let this run open, when it held the run back. */
  hourlyRoom: number | undefined;
  failures: Array<{ alertId: string; incidentId?: string; error: string }>;
  malformed: AlertListing["malformed"];
  /** Labels of the vocabulary this run made, and those GitHub refused. */
  labels: VocabularyOutcome;
  /** Issue numbers closed as duplicates (in a dry run: that would be). */
  duplicatesClosed: number[];
  /** With `group-by: incident`: incidents listed, and incident issues that gained alerts. */
  incidentsFound: number | undefined;
  incidentIssuesUpdated: Array<{ issueNumber: number; incidentId: string; joined: string[] }>;
  /** Incident issues told that Defender put some of their alerts in another incident. */
  alertsMoved: Array<{ issueNumber: number; incidentId: string; to: string; alerts: string[] }>;
}

export interface PullOptions {
  now?: Date;
  /** Most issues opened in any hour, by this action and anything else acting as its identity. */
  issuesPerHour?: number;
}

// Issues are listed from a little before the window, in case GitHub's and Defender's clocks differ.
const CLOCK_MARGIN_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * GitHub allows about 500 content-creating requests an hour per identity (80 a minute), shared
 * with everything else that identity does; pull keeps a fifth of them for comments, labels and
 * other automation.
 */
export const ISSUES_PER_HOUR = 400;

/** Issues that may still be opened within the hourly budget, given when recent ones were opened. */
export function hourlyRoom(opened: readonly Date[], now: Date, perHour: number): number {
  const hourAgo = now.getTime() - HOUR_MS;
  return Math.max(0, perHour - opened.filter((at) => at.getTime() > hourAgo).length);
}

/**
 * Second issues for one alert (two runs at once can each open one): the oldest stays, every later
 * open one is a duplicate of it.
 */
export function duplicateIssues(issues: readonly AlertIssue[]): Array<{ duplicate: AlertIssue; original: AlertIssue }> {
  const byAlert = new Map<string, AlertIssue[]>();
  for (const issue of issues) {
    const group = byAlert.get(issue.alertId);
    if (group) group.push(issue);
    else byAlert.set(issue.alertId, [issue]);
  }
  return [...byAlert.values()].flatMap((group) => {
    if (group.length === 1) return [];
    const [original, ...later] = [...group].sort(oldestIssueFirst);
    return later.filter((issue) => issue.state === "open").map((duplicate) => ({ duplicate, original: original! }));
  });
}

/** A pull's result before it has opened anything. */
export function emptyPullResult(dryRun: boolean, window: PullResult["window"], alertsFound: number, malformed: PullResult["malformed"]): PullResult {
  return {
    dryRun,
    window,
    alertsFound,
    alreadyTicketed: 0,
    opened: [],
    planned: [],
    alertsRemaining: 0,
    hourlyRoom: undefined,
    failures: [],
    malformed,
    labels: { made: [], failed: [] },
    duplicatesClosed: [],
    incidentsFound: undefined,
    incidentIssuesUpdated: [],
    alertsMoved: [],
  };
}

/** Alerts without an issue, oldest first (ties by ID, so every run picks the same ones). */
export function newAlerts<A extends Pick<ListedAlert, "id" | "createdAt">>(alerts: readonly A[], issues: readonly AlertIssue[]): A[] {
  const ticketed = new Set(issues.map((issue) => issue.alertId));
  return alerts
    .filter((alert) => !ticketed.has(alert.id))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The clients pull uses; the store is built on first use (a window without alerts needs none). */
export interface PullDeps {
  source: AlertSource;
  store: () => Promise<AlertIssueStore>;
}

export async function runPull(config: Config, deps: PullDeps, log: PullLog, options: PullOptions = {}): Promise<PullResult> {
  const { source } = deps;
  const now = options.now ?? new Date();
  const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
  const asked = { ...window, minSeverity: config.minSeverity, statuses: config.statuses, serviceSources: config.serviceSources, extra: config.filter };
  log.info(`Listing ${source.service} alerts with ${source.describeWindow(asked)}`);
  const listing = await source.listAlerts(asked);
  for (const bad of listing.malformed) log.warning(`Skipped malformed alert ${JSON.stringify(bad.id)}: ${bad.problem}`);
  const result = emptyPullResult(config.dryRun, window, listing.alerts.length + listing.malformed.length, listing.malformed);
  // No alert, no issue to find or open: GitHub is not asked anything.
  if (listing.alerts.length === 0) {
    log.info(`${result.alertsFound} alerts in the window; nothing to open`);
    return result;
  }

  // The listing reaches back an hour at least, so it also tells how many issues the last hour saw.
  const listedSince = Math.min(window.since.getTime() - CLOCK_MARGIN_MS, now.getTime() - HOUR_MS);
  const store = await deps.store();
  const existing = await store.listUpdatedSince(new Date(listedSince));
  for (const stranger of existing.strangers) {
    log.warning(`Issue #${stranger.number} has an alert marker but was opened by ${JSON.stringify(stranger.author)}, who is not in trusted-authors: it is not treated as an alert issue. If the action runs as that identity, add it to trusted-authors.`);
  }
  const unticketed = newAlerts(listing.alerts, existing.issues);
  // A repository that grouped by incident before: alerts of an incident with an issue go there.
  const routed = await routeToIncidentIssues(unticketed, existing.incidentIssues, { source, store, incidentsMax: config.maxIssues }, log);
  const fresh = routed.alone;
  result.alreadyTicketed = listing.alerts.length - unticketed.length + routed.listed;
  result.alertsRemaining = fresh.length + routed.deferred;
  const perHour = options.issuesPerHour ?? ISSUES_PER_HOUR;
  const room = hourlyRoom(existing.openedByTrusted, now, perHour);
  const batch = fresh.slice(0, Math.min(config.maxIssues, room));
  if (batch.length < Math.min(fresh.length, config.maxIssues)) {
    result.hourlyRoom = room;
    log.info(`${perHour - room} issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most ${room} of ${perHour} an hour, and the rest wait for a later run`);
  }
  log.info(`${result.alertsFound} alerts in the window, ${result.alreadyTicketed} already have an issue${routed.listed > 0 ? ` (${routed.listed} listed by their incident's issue)` : ""}, ${fresh.length} new; ${config.dryRun ? "would open" : "opening"} ${batch.length}`);

  for (const { duplicate, original } of duplicateIssues(existing.issues)) {
    if (!config.dryRun) await store.closeAsDuplicate(duplicate, original);
    result.duplicatesClosed.push(duplicate.number);
    log.warning(`Issue #${duplicate.number} is a second issue for alert ${duplicate.alertId}; ${config.dryRun ? "would close" : "closed"} it as a duplicate of #${original.number}.`);
  }

  // Each body is rendered just before it is sent, so a long backlog is never held in memory at once.
  const options_ = { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels };
  const render = (alert: Alert) => renderIssue(alert, options_);
  const alertIssues = alertIssueNumbers(existing.issues);
  const renderIncident = (incident: Incident) => renderIncidentIssue(incident, { ...options_, alertIssues });
  if (config.dryRun) {
    result.planned = batch.map((alert) => {
      const { body: _body, ...planned } = render(alert.read());
      return planned;
    });
    result.incidentIssuesUpdated = routed.update.map(({ issue, joined }) => ({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) }));
    result.alertsRemaining = fresh.length - batch.length + routed.deferred;
    return result;
  }
  await openAlertIssues(store, batch, render, config.assignees, result, log, vocabularyCheck(store, result, log));
  await updateIncidentIssues(store, routed.update, renderIncident, result, log);
  result.alertsRemaining = fresh.length - result.opened.length + routed.deferred;
  return result;
}

/**
 * Opens an alert issue for each alert, in order, into `result`; stops at an error that every create
 * would meet (permission, validation, issues disabled).
 */
export async function openAlertIssues(store: AlertIssueStore, alerts: readonly ListedAlert[], render: (alert: Alert) => IssueDraft, assignees: string[], result: PullResult, log: PullLog, checkVocabulary: VocabularyCheck): Promise<void> {
  for (const listed of alerts) {
    const alert = listed.read();
    const draft = render(alert);
    try {
      const issue = await store.create({ ...draft, assignees });
      result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: severityOf(alert) });
      log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
      await checkVocabulary(issue.labelDescriptions);
    } catch (error) {
      result.failures.push({ alertId: alert.id, error: describe(error) });
      if (isFinal(error)) return;
    }
  }
}

export type VocabularyCheck = (labelDescriptions: CreatedIssue["labelDescriptions"]) => Promise<void>;

/**
 * Checks the vocabulary once a run, from the first new issue whose labels tell: its seal label says
 * whether the repository has the whole set, where asking GitHub would cost a request on every run.
 * What it made goes into `result.labels`.
 */
export function vocabularyCheck(store: AlertIssueStore, result: PullResult, log: PullLog): VocabularyCheck {
  let checked = false;
  return async (labelDescriptions) => {
    if (checked) return;
    const made = await makeVocabularyIfIncomplete(store, labelDescriptions, log);
    if (made !== undefined) {
      checked = true;
      result.labels = made;
    }
  };
}

/**
 * Makes the vocabulary when a new issue's labels say it is incomplete: what was made, or undefined
 * when the issue does not tell (found by a listing, or its labels dropped).
 */
export async function makeVocabularyIfIncomplete(store: AlertIssueStore, labelDescriptions: CreatedIssue["labelDescriptions"], log: PullLog): Promise<VocabularyOutcome | undefined> {
  const complete = vocabularyComplete(labelDescriptions);
  if (complete === undefined) return undefined;
  return complete ? { made: [], failed: [] } : makeVocabulary(store, log);
}

/** Whether the repository has the whole vocabulary, as far as a new issue's seal label tells. */
function vocabularyComplete(labelDescriptions: CreatedIssue["labelDescriptions"]): boolean | undefined {
  const seal = [ALERT_LABEL, INCIDENT_LABEL].find((name) => labelDescriptions?.has(name));
  const description = seal === undefined ? undefined : labelDescriptions!.get(seal);
  // Unknown when the issue was found by a listing, or GitHub dropped its labels (no push access).
  return description === undefined ? undefined : isVocabularyComplete(description);
}

/** Labels help triage but are not what pull is for: a label that cannot be made is a warning. */
async function makeVocabulary(store: AlertIssueStore, log: PullLog): Promise<VocabularyOutcome> {
  const sealNames = new Set(seals().map((seal) => seal.name));
  const outcome = await store.ensureVocabulary(vocabulary().filter((label) => !sealNames.has(label.name)), seals());
  if (outcome.made.length > 0) log.info(`Made ${outcome.made.length} labels of the vocabulary`);
  for (const [error, labels] of groupByError(outcome.failed)) {
    log.warning(`GitHub did not make ${labels.length === 1 ? "the label" : `${labels.length} labels:`} ${labels.join(", ")}: ${error}. The next run that opens an issue tries again; they can also be made by hand (see the README's label vocabulary).`);
  }
  return outcome;
}
