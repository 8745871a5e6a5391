/** The benchmark's figures as markdown tables, each with its target and whether it was met. */
import type { ColdStartResult } from "./cold-start.ts";
import type { PullEconomyRow, ReconcileEconomyRow, SyncEconomyRow } from "./economy.ts";
import type { GraphPullEconomyRow, GraphSyncEconomyRow } from "./graph-economy.ts";
import type { IncidentPullEconomyRow } from "./incident-economy.ts";
import type { IncidentScaleResult } from "./incident-scale.ts";
import type { TwoWayEconomyRow } from "./twoway-economy.ts";
import type { PacingResult } from "./pacing.ts";
import type { PlanningResult, ScaleRow } from "./scale.ts";

const yes = (met: boolean) => (met ? "yes" : "**no**");

function table(header: string[], rows: Array<Array<string | number>>): string {
  return [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export interface EconomyResult {
  pull: PullEconomyRow[];
  sync: SyncEconomyRow[];
  reconcile: ReconcileEconomyRow[];
  twoWay: TwoWayEconomyRow[];
  graphPull: GraphPullEconomyRow[];
  graphSync: GraphSyncEconomyRow[];
  incidentPull: IncidentPullEconomyRow[];
}

export function economyTables(result: EconomyResult): string {
  const pull = table(
    ["pull: N new, E ticketed in the window", "opened", "GitHub requests / fewest", "Entra + Defender / fewest", "ratio", "target 1.00 met"],
    result.pull.map((row) => [row.case, row.opened, `${row.github} / ${row.githubMinimum}`, `${row.microsoft} / ${row.microsoftMinimum}`, row.ratio.toFixed(2), yes(row.ratio === 1)]),
  );
  const sync = table(
    ["sync event", "sends", "GitHub", "Entra ID", "Defender", "target met"],
    result.sync.map((row) => [row.event, row.sends ? "yes" : "no", row.github, row.entra, row.defender, yes(row.met)]),
  );
  const reconcile = table(
    ["reconcile, sync-direction: to-defender: K changed, M distinct changes", "GitHub / fewest", "Entra ID tokens", "Defender reads / fewest", "Defender writes / one per change", "batch calls in any minute", "second reconcile sends", "target met"],
    result.reconcile.map((row) => [
      row.case,
      `${row.github} / ${row.githubMinimum}`,
      row.entra,
      `${row.defenderReads} / ${row.defenderReadsMinimum}`,
      `${row.defenderWrites} / ${row.defenderWritesMinimum}`,
      row.batchCallsInAnyMinute,
      row.secondReconcileSends,
      yes(row.github === row.githubMinimum && row.entra === 1 && row.defenderReads === row.defenderReadsMinimum && row.defenderWrites === row.defenderWritesMinimum && row.batchCallsInAnyMinute <= 10 && row.secondReconcileSends === 0),
    ]),
  );
  const twoWay = table(
    ["two-way reconcile: K alert issues, D changed in Defender, G on GitHub", "GitHub / fewest", "Entra ID tokens", "Defender reads / fewest", "Defender writes / fewest", "Defender calls in any minute", "second reconcile writes (GitHub + Defender)", "ratio", "target met"],
    result.twoWay.map((row) => [
      row.case,
      `${row.github} / ${row.githubMinimum}`,
      row.entra,
      `${row.defenderReads} / ${row.defenderReadsMinimum}`,
      `${row.defenderWrites} / ${row.defenderWritesMinimum}`,
      row.defenderCallsInAnyMinute,
      `${row.secondReconcileWrites.github} + ${row.secondReconcileWrites.defender}`,
      row.ratio.toFixed(2),
      yes(row.met),
    ]),
  );
  const graphPull = table(
    ["pull, source: graph: N new, E ticketed in the window", "opened", "GitHub requests / fewest", "⌈alerts / 1,000⌉", "Entra + Graph / fewest", "ratio", "target 1.00 met"],
    result.graphPull.map((row) => [row.case, row.opened, `${row.github} / ${row.githubMinimum}`, row.pages, `${row.microsoft} / ${row.microsoftMinimum}`, row.ratio.toFixed(2), yes(row.ratio === 1)]),
  );
  const graphSync = table(
    ["sync event, source: graph", "sends", "GitHub", "Entra ID", "Graph", "Graph calls", "target met"],
    result.graphSync.map((row) => [row.event, row.sends ? "yes" : "no", row.github, row.entra, row.graph, row.calls, yes(row.met)]),
  );
  const incidentPull = table(
    ["pull, group-by: incident (source: graph unless said): I new incidents of A alerts, E incident issues", "opened", "updated + commented", "issues listed", "GitHub requests / fewest", "incidents listed", "fewest list calls", "Entra + Graph or Defender / fewest", "ratio", "target 1.00 met"],
    result.incidentPull.map((row) => [
      row.case,
      row.opened,
      `${row.updated} + ${row.commented}`,
      row.issuesListed,
      `${row.github} / ${row.githubMinimum}`,
      row.incidentsListed,
      row.pages,
      `${row.microsoft} / ${row.microsoftMinimum}`,
      row.ratio.toFixed(2),
      yes(row.ratio === 1),
    ]),
  );
  return [pull, sync, reconcile, twoWay, graphPull, graphSync, incidentPull].join("\n\n");
}

export function pacingTable(result: PacingResult): string {
  const summary = table(
    ["pacing: 500-alert backlog", "figure", "target", "met"],
    [
      ["issues opened", `${result.opened} of ${result.backlog} in ${result.runs.length} runs, drained by minute ${result.minutesToDrain}`, "all, over consecutive runs", yes(result.opened === result.backlog)],
      ["secondary-limit hits", result.secondaryLimitHits, "0", yes(result.secondaryLimitHits === 0)],
      ["slowest run's create pace", result.slowestRunPace === null ? "–" : `${Math.round(result.slowestRunPace * 100)}% of one per 3 s`, "≥ 90%", yes((result.slowestRunPace ?? 0) >= 0.9)],
      ["most issues opened in any hour", result.mostCreatesInAnyHour, "≤ 400 (room left for others)", yes(result.mostCreatesInAnyHour <= 400)],
      ["most content writes in any hour, other automation's included", result.mostContentWritesInAnyHour, "≤ 500", yes(result.mostContentWritesInAnyHour <= 500)],
      ["most content writes in any minute", result.mostContentWritesInAnyMinute, "≤ 80", yes(result.mostContentWritesInAnyMinute <= 80)],
    ],
  );
  const runs = table(
    ["run", "began (minute)", "ended", "opened", "seconds between creates"],
    result.runs.map((run, i) => [i + 1, run.startedMinute, run.endedMinute, run.opened, run.secondsBetweenCreates ?? "–"]),
  );
  return `${summary}\n\n${result.schedule}; other automation wrote ${result.otherAutomationWrites} comments meanwhile.\n\n${runs}`;
}

export function scaleTable(result: { planning: PlanningResult[]; dryRuns: ScaleRow[]; incidents: IncidentScaleResult }): string {
  const rows: Array<Array<string | number>> = result.planning.map((plan) => [
    `planning alone${sourceNote(plan.source)}: dedupe ${plan.alerts.toLocaleString("en")} alerts (${plan.pages === 1 ? "one page" : `${plan.pages} pages`}) against ${plan.issues.toLocaleString("en")} issues, render ${plan.rendered.toLocaleString("en")}`,
    plan.cpuMs,
    plan.peakRssMB,
    yes(plan.cpuMs < 2000),
    yes(plan.peakRssMB < 150),
  ]);
  for (const run of result.dryRuns) {
    rows.push([`whole dry run${sourceNote(run.source)} (start, sign-in, both listings, dedupe, render): ${run.case}, would open ${run.wouldOpen}`, run.cpuMs, run.peakRssMB, yes(run.cpuMs < 2000), yes(run.peakRssMB < 150)]);
  }
  for (const plan of result.incidents.planning) {
    const rewritten = plan.updated > 0 ? `, rewrite ${plan.updated}` : "";
    rows.push([
      `planning alone, group-by: incident, source: ${plan.source}: plan ${plan.case} (${plan.alerts.toLocaleString("en")} alerts, ${plan.pages} pages; reading them ${plan.readCpuMs} ms more) against ${plan.issues.toLocaleString("en")} issues, render ${plan.rendered}${rewritten}`,
      plan.cpuMs,
      plan.peakRssMB,
      yes(plan.cpuMs < 2000),
      yes(plan.peakRssMB < 150),
    ]);
  }
  for (const run of result.incidents.dryRuns) {
    rows.push([`whole dry run, group-by: incident, source: ${run.source} (start, sign-in, both listings, plan, render): ${run.case} (${run.alerts.toLocaleString("en")} alerts) against ${run.issues.toLocaleString("en")} issues, would open ${run.wouldOpen}`, run.cpuMs, run.peakRssMB, yes(run.cpuMs < 2000), yes(run.peakRssMB < 150)]);
  }
  return table(["scale", "CPU ms", "peak RSS MB", "< 2 s CPU", "< 150 MB"], rows);
}

const sourceNote = (source: "endpoint" | "graph") => (source === "graph" ? ", source: graph" : "");

export function coldStartTable(result: ColdStartResult): string {
  return table(
    ["cold start (median of 20)", "ms", "× bare node", "target", "met"],
    [
      ["node -e ''", result.bareNodeMs, "1.00", "", ""],
      ["sync, issue event without a marker (ends there)", result.noopSyncMs, result.noopSyncRatio.toFixed(2), "≤ 3.5×", yes(result.noopSyncRatio <= 3.5)],
      ["pull, until its first request", result.pullFirstRequestMs, result.pullFirstRequestRatio.toFixed(2), "", ""],
    ],
  ) + `\n\nBundle: ${result.bundleKB.toLocaleString("en")} KB in all (dist/*.js); the entry chunk every run loads, ${result.entryKB.toLocaleString("en")} KB.`;
}
