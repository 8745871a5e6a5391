/** Pull: alerts in the window → new alert issues, never two for one alert. */
import type { Config } from "../config.js";
import type { Alert } from "../defender/alert.js";
import type { AlertListing, DefenderClient } from "../defender/client.js";
import { alertFilter } from "../defender/filter.js";
import { type AlertIssue, type AlertIssueStore, describe } from "../github/store.js";
import { type IssueDraft, renderIssue, severityOf } from "../issue/render.js";
import { vocabulary } from "../issue/vocabulary.js";

export interface PullLog {
  info(message: string): void;
  warning(message: string): void;
}

export interface OpenedIssue {
  alertId: string;
  issueNumber: number;
  url: string;
  title: string;
  severity: string;
}

export interface PullResult {
  dryRun: boolean;
  window: { since: Date; until: Date };
  alertsFound: number;
  alreadyTicketed: number;
  opened: OpenedIssue[];
  /** Drafts a dry run would have opened. */
  planned: IssueDraft[];
  alertsRemaining: number;
  failures: Array<{ alertId: string; error: string }>;
  malformed: AlertListing["malformed"];
  labelsCreated: string[];
  /** Issue numbers closed as duplicates (in a dry run: that would be). */
  duplicatesClosed: number[];
}

// Issues are listed from a little before the window, in case GitHub's and Defender's clocks differ.
const CLOCK_MARGIN_MS = 5 * 60_000;

/**
 * Second issues for one alert (two runs at once can each open one): the oldest stays, every later
 * open one is a duplicate of it.
 */
export function duplicateIssues(issues: readonly AlertIssue[]): Array<{ duplicate: AlertIssue; original: AlertIssue }> {
  const byAlert = new Map<string, AlertIssue[]>();
  for (const issue of issues) byAlert.set(issue.alertId, [...(byAlert.get(issue.alertId) ?? []), issue]);
  return [...byAlert.values()].flatMap((group) => {
    const [original, ...later] = [...group].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number);
    return later.filter((issue) => issue.state === "open").map((duplicate) => ({ duplicate, original: original! }));
  });
}

/** Alerts without an issue, oldest first (ties by ID, so every run picks the same ones). */
export function newAlerts(alerts: readonly Alert[], issues: readonly AlertIssue[]): Alert[] {
  const ticketed = new Set(issues.map((issue) => issue.alertId));
  return alerts
    .filter((alert) => !ticketed.has(alert.id))
    .sort((a, b) => a.alertCreationTime.getTime() - b.alertCreationTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function runPull(config: Config, defender: DefenderClient, store: AlertIssueStore, log: PullLog, now = new Date()): Promise<PullResult> {
  const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
  const filter = alertFilter({ ...window, minSeverity: config.minSeverity, statuses: config.statuses, extra: config.filter });
  log.info(`Listing Defender alerts with $filter=${filter}`);
  const listing = await defender.listAlerts(filter);
  for (const bad of listing.malformed) log.warning(`Skipped malformed alert ${JSON.stringify(bad.id)}: ${bad.problem}`);

  const existing = await store.listUpdatedSince(new Date(window.since.getTime() - CLOCK_MARGIN_MS));
  for (const stranger of existing.strangers) {
    log.warning(`Issue #${stranger.number} has an alert marker but was opened by ${JSON.stringify(stranger.author)}, who is not in trusted-authors: it is not treated as an alert issue. If the action runs as that identity, add it to trusted-authors.`);
  }
  const fresh = newAlerts(listing.alerts, existing.issues);
  const batch = fresh.slice(0, config.maxIssues);
  const drafts = batch.map((alert) =>
    renderIssue(alert, {
      titleTemplate: config.titleTemplate,
      portalHost: config.cloud.portalHost,
      tenantId: config.tenantId,
      extraLabels: config.labels,
    }),
  );
  log.info(`${listing.alerts.length + listing.malformed.length} alerts in the window, ${listing.alerts.length - fresh.length} already have an issue, ${fresh.length} new; opening ${drafts.length}`);

  const result: PullResult = {
    dryRun: config.dryRun,
    window,
    alertsFound: listing.alerts.length + listing.malformed.length,
    alreadyTicketed: listing.alerts.length - fresh.length,
    opened: [],
    planned: [],
    alertsRemaining: fresh.length,
    failures: [],
    malformed: listing.malformed,
    labelsCreated: [],
    duplicatesClosed: [],
  };
  for (const { duplicate, original } of duplicateIssues(existing.issues)) {
    if (!config.dryRun) await store.closeAsDuplicate(duplicate, original);
    result.duplicatesClosed.push(duplicate.number);
    log.warning(`Issue #${duplicate.number} is a second issue for alert ${duplicate.alertId}; ${config.dryRun ? "would close" : "closed"} it as a duplicate of #${original.number}.`);
  }
  if (config.dryRun) {
    result.planned = drafts;
    result.alertsRemaining = fresh.length - drafts.length;
    return result;
  }
  if (drafts.length === 0) return result;

  // A window that already holds alert issues had its vocabulary made by the run that opened them.
  if (existing.issues.length === 0) {
    result.labelsCreated = await store.ensureVocabulary(vocabulary());
    if (result.labelsCreated.length > 0) log.info(`Created ${result.labelsCreated.length} labels of the vocabulary`);
  }
  for (const [index, draft] of drafts.entries()) {
    const alert = batch[index]!;
    try {
      const issue = await store.create({ ...draft, assignees: config.assignees });
      result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: severityOf(alert) });
      log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
    } catch (error) {
      result.failures.push({ alertId: alert.id, error: describe(error) });
      // Permission, validation and disabled-issues errors will fail every create alike.
      if (isFinal(error)) break;
    }
  }
  result.alertsRemaining = fresh.length - result.opened.length;
  return result;
}

function isFinal(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return status === 401 || status === 403 || status === 404 || status === 410;
}
