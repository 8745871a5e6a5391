/** What a run tells the workflow: outputs and the job summary. */
import { cellCode, inlineText } from "./issue/markdown.js";
import { formatTime } from "./issue/render.js";
import type { PullResult } from "./modes/pull.js";

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
    issues: JSON.stringify(result.opened.map(({ alertId, issueNumber, url }) => ({ alertId, issueNumber, url }))),
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
    `| Alerts found | ${result.alertsFound} |`,
    `| Already have an issue | ${result.alreadyTicketed} |`,
    `| ${result.dryRun ? "Would open" : "Issues opened"} | ${result.dryRun ? result.planned.length : result.opened.length} |`,
    `| Left for the next run | ${result.alertsRemaining} |`,
  ];
  if (result.failures.length > 0) lines.push(`| Failed | ${result.failures.length} |`);
  if (result.malformed.length > 0) lines.push(`| Malformed, skipped | ${result.malformed.length} |`);
  if (result.opened.length > 0) {
    lines.push("", "### Opened", "", "| Issue | Severity | Title | Alert |", "|---|---|---|---|");
    for (const issue of result.opened) {
      lines.push(`| [#${issue.issueNumber}](${issue.url}) | ${issue.severity} | ${inlineText(issue.title)} | ${cellCode(issue.alertId)} |`);
    }
  }
  if (result.planned.length > 0) {
    lines.push("", "### Would open", "", "| Title | Labels | Alert |", "|---|---|---|");
    for (const draft of result.planned) {
      lines.push(`| ${inlineText(draft.title)} | ${inlineText(draft.labels.join(", "))} | ${cellCode(draft.alertId)} |`);
    }
  }
  if (result.failures.length > 0) {
    lines.push("", "### Failed", "", "| Alert | Error |", "|---|---|");
    for (const failure of result.failures) lines.push(`| ${cellCode(failure.alertId)} | ${inlineText(failure.error)} |`);
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
