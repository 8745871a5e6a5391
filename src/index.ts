/** The action's entry point: read the inputs, run the mode, report; the only place a run fails. */
import * as core from "@actions/core";
import { readConfig, readTuning } from "./config.js";

const SECRET_INPUTS = ["client-secret", "client-certificate", "github-token"];

async function main(): Promise<void> {
  // Masked before anything, including an input error, can print them.
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (value) core.setSecret(value);
  }
  const config = readConfig((name) => core.getInput(name));
  const tuning = readTuning(process.env);
  const reporter = {
    setOutput: (name: string, value: string) => core.setOutput(name, value),
    summary: async (markdown: string) => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write();
    },
  };
  const log = { info: (m: string) => core.info(m), warning: (m: string) => core.warning(m) };

  // Each mode loads only its own clients, so a run that has nothing to do starts fast.
  const { createDefender, createStore } = await import("./clients.js");
  const { runPull } = await import("./modes/pull.js");
  const { reportPull } = await import("./report.js");
  const result = await runPull(config, createDefender(config, tuning), createStore(config, tuning, process.env), log);
  await reportPull(result, reporter);
  if (result.failures.length > 0) {
    core.setFailed(`${result.failures.length} of ${result.failures.length + result.opened.length} issues could not be opened: ${result.failures.map((f) => `${f.alertId} (${f.error})`).join("; ")}. The next run opens them.`);
  }
}

main().catch((error: unknown) => {
  core.setFailed(error instanceof Error ? error.message : String(error));
});
