// Preloaded into the action's process (`NODE_OPTIONS=--import=…/usage.mjs`): writes the process's
// CPU time and peak resident memory to BENCH_USAGE_PATH when it exits. Plain JavaScript, so that
// loading it costs the process nothing a TypeScript loader would.
import { writeFileSync } from "node:fs";
import { peakRssMB } from "./peak-rss.mjs";

const target = process.env.BENCH_USAGE_PATH;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    const userMs = usage.userCPUTime / 1000;
    const systemMs = usage.systemCPUTime / 1000;
    writeFileSync(target, JSON.stringify({ userMs, systemMs, cpuMs: userMs + systemMs, peakRssMB: peakRssMB() }));
  });
}
