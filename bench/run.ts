/**
 * `npm run bench [-- economy pacing scale cold-start]`: runs the bundled action (`dist/index.js`)
 * against the emulators and prints what it costs: requests against the fewest possible (alert and
 * incident issues), pacing against GitHub's limits, CPU and memory at scale, and start-up time.
 * Prints a table per section and, at the end, every figure as JSON (also written to .tmp/bench.json).
 */
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { pullEconomy, reconcileEconomy, syncEconomy } from "./economy.ts";
import { coldStart } from "./cold-start.ts";
import { graphPullEconomy, graphSyncEconomy } from "./graph-economy.ts";
import { incidentPullEconomy } from "./incident-economy.ts";
import { incidentScale } from "./incident-scale.ts";
import { pacing } from "./pacing.ts";
import { scale } from "./scale.ts";
import { coldStartTable, economyTables, pacingTable, scaleTable } from "./tables.ts";
import { twoWayEconomy } from "./twoway-economy.ts";

interface Section<T> {
  run(log: (line: string) => void): Promise<T>;
  table(result: T): string;
}

const section = <T>(run: Section<T>["run"], table: Section<T>["table"]): Section<unknown> => ({ run, table: table as Section<unknown>["table"] });

const SECTIONS: Record<string, Section<unknown>> = {
  economy: section(async (log) => ({
    pull: await pullEconomy(log),
    sync: await syncEconomy(log),
    reconcile: await reconcileEconomy(log),
    twoWay: await twoWayEconomy(log),
    graphPull: await graphPullEconomy(log),
    graphSync: await graphSyncEconomy(log),
    incidentPull: await incidentPullEconomy(log),
  }), economyTables),
  pacing: section(pacing, pacingTable),
  scale: section(async (log) => ({ ...(await scale(log)), incidents: await incidentScale(log) }), scaleTable),
  "cold-start": section(coldStart, coldStartTable),
};

const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")}; sections: ${Object.keys(SECTIONS).join(", ")}`);
const chosen = asked.length > 0 ? asked : Object.keys(SECTIONS);

const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", memoryGiB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}` },
};
const log = (line: string) => process.stderr.write(`  ${line}\n`);
const tables: string[] = [];
for (const name of chosen) {
  process.stderr.write(`${name}…\n`);
  const started = performance.now();
  const result = await SECTIONS[name]!.run(log);
  report[name] = result;
  tables.push(`## ${name}\n\n${SECTIONS[name]!.table(result)}\n\n(${Math.round((performance.now() - started) / 1000)} s)`);
}
const machine = report.machine as { node: string; cpus: number; cpu: string; memoryGiB: number };
const markdown = `Node ${machine.node}, ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB, ${report.date as string}\n\n${tables.join("\n\n")}\n`;
await mkdir(".tmp", { recursive: true });
await writeFile(".tmp/bench.json", `${JSON.stringify(report, null, 2)}\n`);
await writeFile(".tmp/bench.md", markdown);
console.log(markdown);
console.log("```json");
console.log(JSON.stringify(report, null, 2));
console.log("```");
