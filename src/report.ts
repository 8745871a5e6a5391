/** What a run tells the workflow: outputs and the job summary. */
import { partsOf } from "./errors.js";
import { cellCode, formatTime, inlineText, lineText, ownInlineText } from "./issue/markdown.js";
import { groupByError } from "./issue/vocabulary.js";
import type { PullResult } from "./modes/pull.js";
import type { CheckItem } from "./modes/check.js";
import type { SyncResult } from "./modes/sync.js";

export interface Reporter {
  setOutput(name: string, value: string): void;
  /** Appends markdown to the job summary. */
  summary(markdown: string): Promise<void>;
}

export function pullOutputs(result: PullResult): Record<string, string> {
  return {
    "alerts-found": String(result.alertsFound),
    "issues-created": String(result.opened.length),
    "alerts-remaining": String(result.alertsRemaining),
    issues: JSON.stringify(result.opened.map(({ alertId, incidentId, issueNumber, url }) => (incidentId !== undefined ? { incidentId, issueNumber, url } : { alertId, issueNumber, url }))),
    // Only where incidents are grouped: with group-by alert there are none to count.
    ...(result.incidentsFound !== undefined ? { "incidents-created": String(result.opened.filter((issue) => issue.incidentId !== undefined).length) } : {}),
  };
}

export function pullSummary(result: PullResult): string {
  const lines = [
    `## Defender alerts → issues${result.dryRun ? " (dry run)" : ""}`,
    "",
    `Window: ${formatTime(result.window.since)} to ${formatTime(result.window.until)}`,
    "",
    "| | |",
    "|---|---|",
    ...(result.incidentsFound !== undefined ? [`| Incidents found | ${result.incidentsFound} |`] : []),
    `| Alerts found | ${result.alertsFound} |`,
    `| Already have an issue | ${result.alreadyTicketed} |`,
    `| ${result.dryRun ? "Would open" : "Issues opened"} | ${result.dryRun ? result.planned.length : result.opened.length} |`,
    `| Left for the next run | ${result.alertsRemaining} |`,
  ];
  if (result.failures.length > 0) lines.push(`| Failed | ${result.failures.length} |`);
  if (result.malformed.length > 0) lines.push(`| Malformed, skipped | ${result.malformed.length} |`);
  if (result.labels.made.length > 0) lines.push(`| Labels made | ${result.labels.made.length} |`);
  if (result.labels.failed.length > 0) lines.push(`| Labels GitHub did not make | ${result.labels.failed.length} |`);
  if (result.incidentIssuesUpdated.length > 0) lines.push(`| Incident issues ${result.dryRun ? "to update" : "updated"} with joined alerts | ${result.incidentIssuesUpdated.map((u) => `#${u.issueNumber}`).join(", ")} |`);
  if (result.alertsMoved.length > 0) lines.push(`| Incident issues ${result.dryRun ? "to tell" : "told"} their alerts moved to another incident | ${result.alertsMoved.map((m) => `#${m.issueNumber}`).join(", ")} |`);
  if (result.duplicatesClosed.length > 0) lines.push(`| Duplicates ${result.dryRun ? "to close" : "closed"} | ${result.duplicatesClosed.map((n) => `#${n}`).join(", ")} |`);
  if (result.hourlyRoom !== undefined) lines.push("", `GitHub limits how many issues an identity opens in an hour: this run had room for ${result.hourlyRoom}, and the rest wait for a later run.`);
  if (result.opened.length > 0) {
    lines.push("", "### Opened", "", "| Issue | Severity | Title | Alert or incident |", "|---|---|---|---|");
    for (const issue of result.opened) {
      const what = issue.incidentId !== undefined ? `incident ${cellCode(issue.incidentId)}` : cellCode(issue.alertId);
      lines.push(`| [#${issue.issueNumber}](${issue.url}) | ${issue.severity} | ${inlineText(issue.title)} | ${what} |`);
    }
  }
  if (result.planned.length > 0) {
    lines.push("", "### Would open", "", "| Title | Labels | Alert or incident |", "|---|---|---|");
    for (const draft of result.planned) {
      const what = draft.incidentId !== undefined ? `incident ${cellCode(draft.incidentId)}` : cellCode(draft.alertId);
      lines.push(`| ${inlineText(draft.title)} | ${inlineText(draft.labels.join(", "))} | ${what} |`);
    }
  }
  if (result.failures.length > 0) {
    lines.push("", "### Failed", "", "| Alert | Error |", "|---|---|");
    for (const failure of result.failures) lines.push(`| ${cellCode(failure.alertId)} | ${inlineText(failure.error)} |`);
  }
  if (result.labels.failed.length > 0) {
    lines.push("", "### Labels GitHub did not make", "", "The next run that opens an issue tries again.", "", "| Labels | GitHub's answer |", "|---|---|");
    for (const [error, labels] of groupByError(result.labels.failed)) lines.push(`| ${labels.map(cellCode).join(", ")} | ${inlineText(error)} |`);
  }
  if (result.malformed.length > 0) {
    lines.push("", "### Malformed alerts (skipped)", "", "| Alert | Problem |", "|---|---|");
    for (const bad of result.malformed) lines.push(`| ${cellCode(bad.id)} | ${inlineText(bad.problem)} |`);
  }
  return `${lines.join("\n")}\n`;
}

export async function reportPull(result: PullResult, reporter: Reporter): Promise<void> {
  for (const [name, value] of Object.entries(pullOutputs(result))) reporter.setOutput(name, value);
  await reporter.summary(pullSummary(result));
}

export function syncOutputs(result: SyncResult): Record<string, string> {
  return { "alerts-updated": JSON.stringify(result.updated), "issues-updated": JSON.stringify(result.issuesUpdated) };
}

export function syncSummary(result: SyncResult): string {
  const title = result.kind === "reconcile" ? "Issues ⇄ Defender alerts (reconcile)" : "Issue → Defender alert";
  const lines = [`## ${title}${result.dryRun ? " (dry run)" : ""}`, ""];
  if (result.kind === "reconcile") {
    lines.push(
      "| | |",
      "|---|---|",
      `| Alert issues examined | ${result.examined} |`,
      `| Already in step | ${result.inStep} |`,
      `| ${result.dryRun ? "Alerts that would be updated" : "Alerts updated"} (to Defender) | ${result.updated.length} |`,
      `| ${result.dryRun ? "Issues that would be updated" : "Issues updated"} (from Defender) | ${result.issuesUpdated.length} |`,
    );
    if (result.unmappedOwners.length > 0) lines.push(`| Owners no login maps to | ${result.unmappedOwners.length} |`);
    if (result.problems.length > 0) lines.push(`| Label problems | ${result.problems.length} |`);
    if (result.failures.length > 0) lines.push(`| Failed | ${result.failures.length} |`);
    lines.push("");
  }
  if (result.updated.length > 0) {
    if (result.kind === "reconcile") lines.push("### To Defender", "");
    lines.push("| Alert | Issue | Changes |", "|---|---|---|");
    for (const update of result.updated) lines.push(`| ${cellCode(update.alertId)} | #${update.issueNumber} | ${cellCode(JSON.stringify(update.changes))} |`);
    lines.push("");
  }
  if (result.issuesUpdated.length > 0) {
    lines.push("### From Defender", "", "| Issue | Alert | Changes |", "|---|---|---|");
    for (const update of result.issuesUpdated) lines.push(`| #${update.issueNumber} | ${cellCode(update.alertId)} | ${cellCode(JSON.stringify(update.changes))} |`);
    lines.push("");
  }
  if (result.unmappedOwners.length > 0) {
    lines.push("### Owners no login maps to", "", "Add them to `assignee-map` to have the issue assigned.", "", "| Issue | Defender owner |", "|---|---|");
    for (const { issueNumber, owner } of result.unmappedOwners) lines.push(`| #${issueNumber} | ${cellCode(owner)} |`);
    lines.push("");
  }
  for (const skipped of result.skipped) lines.push(`- ${skipped.issueNumber ? `#${skipped.issueNumber}: ` : ""}${lineText(skipped.reason)}; nothing sent.`);
  for (const problem of result.problems) lines.push(`- #${problem.issueNumber}: ${inlineText(problem.problems.join("; "))}; nothing sent.`);
  for (const failure of result.failures) lines.push(`- #${failure.issueNumber} (${cellCode(failure.alertId)}): failed: ${inlineText(failure.error)}`);
  if (result.kind === "event" && result.updated.length === 0 && result.skipped.length === 0 && result.problems.length === 0 && result.failures.length === 0) lines.push("Nothing to send.");
  return `${lines.join("\n").trimEnd()}\n`;
}

export async function reportSync(result: SyncResult, reporter: Reporter): Promise<void> {
  for (const [name, value] of Object.entries(syncOutputs(result))) reporter.setOutput(name, value);
  await reporter.summary(syncSummary(result));
}

const CHECK_MARKS = { passed: "✓", warning: "⚠", failed: "✗" } as const;
const CHECK_ICONS = { passed: "✅", warning: "⚠️", failed: "❌" } as const;

export function checkLines(items: readonly CheckItem[]): string[] {
  // Replies quote services: one line each, so nothing in them can start a workflow command.
  return items.map((item) => `${CHECK_MARKS[item.status]} ${item.name}: ${item.detail}${item.reply ? `: ${item.reply}` : ""}${item.fix ? ` → ${item.fix}` : ""}`.replace(/[\r\n]+/g, " "));
}

/**
 * Our own words in a summary: `…` spans become code spans, the rest is escaped but left as it reads
 * (our hosts and scopes are not an attacker's links). Only for text we wrote around our own
 * configuration; anything a service or an alert said goes through inlineText.
 */
export function ownText(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (/^`[^`]*`$/.test(part) ? cellCode(part.slice(1, -1)) : ownInlineText(part)))
    .join("")
    .trim();
}

function checkResult(item: CheckItem): string {
  return `${ownText(item.detail)}${item.reply ? `: ${inlineText(item.reply)}` : ""}`;
}

export function checkSummary(items: readonly CheckItem[]): string {
  const failed = items.filter((item) => item.status === "failed").length;
  const warnings = items.filter((item) => item.status === "warning").length;
  const verdict = failed > 0
    ? `${failed} of ${items.length} checks failed.`
    : `Everything needed is in place${warnings > 0 ? `, with ${warnings} warning${warnings === 1 ? "" : "s"} below` : ""}.`;
  const lines = [
    "## defender-issues set-up check",
    "",
    verdict,
    "",
    "| | Check | Result | Fix |",
    "|---|---|---|---|",
    ...items.map((item) => `| ${CHECK_ICONS[item.status]} | ${ownText(item.name)} | ${checkResult(item)} | ${item.fix ? ownText(item.fix) : ""} |`),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The summary of a run that stopped on an error, before or during its work. The error is shown
 * inert (it may quote an input or a service); the fix is ours.
 */
export function failureSummary(mode: string | undefined, error: unknown): string {
  const { problem, reply, fix } = partsOf(error);
  const said = [problem, reply].filter(Boolean).join(": ");
  const lines = [`## defender-issues${mode ? ` ${mode}` : ""} failed`, "", `**Error:** ${inlineText(said)}`];
  if (fix) lines.push("", `**Fix:** ${ownText(fix)}`);
  return `${lines.join("\n")}\n`;
}
