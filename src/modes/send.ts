/** What sync sends: a PATCH, or a batch for reconcile, with the one fallback for a disputed determination. */
import type { Config } from "../config.js";
import { describe } from "../github/errors.js";
import type { AlertChanges } from "../issue/changes.js";
import { DETERMINATION_ALIASES } from "../issue/vocabulary.js";
import { refusedAsInvalid, type SentChanges } from "../source/source.js";
import type { AlertUpdate, SentUpdate, SyncDeps, SyncLog, SyncResult } from "./sync.js";

/** PATCHes one alert, falling back once to the other spelling of a disputed determination. */
export async function sendChanges(config: Config, deps: SyncDeps, update: AlertUpdate, result: SyncResult, log: SyncLog): Promise<void> {
  const source = await deps.source();
  const { incidentId } = update;
  const subject = incidentId !== undefined ? `incident ${incidentId}` : `alert ${update.alertId}`;
  const spell = (changes: AlertChanges) => (incidentId !== undefined ? source.spellIncident(changes) : source.spell(changes));
  const reported = (changes: SentChanges): SentUpdate => (incidentId !== undefined ? { incidentId, alertId: incidentId, issueNumber: update.issueNumber, changes } : { alertId: update.alertId, issueNumber: update.issueNumber, changes });
  if (config.dryRun) {
    const changes = spell(update.changes);
    log.info(`Dry run: would update ${subject} (issue #${update.issueNumber}) with ${JSON.stringify(changes)}`);
    result.updated.push(reported(changes));
    return;
  }
  try {
    const send = (changes: AlertChanges) => (incidentId !== undefined ? source.updateIncident(incidentId, changes) : source.updateAlert(update.alertId, changes));
    const sent = spell(await withDeterminationFallback(update.changes, send, log));
    log.info(`Updated ${subject} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
    result.updated.push(reported(sent));
  } catch (error) {
    const message = rejection(error, subject);
    result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
    await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError: unknown) => {
      log.warning(`Could not comment on issue #${update.issueNumber}: ${describe(commentError)}`);
    });
  }
}

function rejection(error: unknown, subject: string): string {
  if (error instanceof Error && (error as { status?: unknown }).status === 404) {
    return `${subject} was not found in Defender: it may be older than the tenant's retention, or deleted (${error.message})`;
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
    if (!refusedAsInvalid(error) || !alias) throw error;
    log.info(`Defender refused determination ${changes.determination}; trying its other spelling, ${alias}`);
    const retried = { ...changes, determination: alias };
    await send(retried);
    return retried;
  }
}
