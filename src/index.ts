/** The action's entry point: read the inputs, run the mode, report; the only place a run fails. */
import { appendFileSync, readFileSync } from "node:fs";
import * as core from "@actions/core";
import { type Config, MODES, readConfig, readTuning, type Tuning } from "./config.js";
import { readEvent } from "./github/event.js";
import { emptyResult, syncEvent } from "./modes/sync.js";
import { checkLines, checkSummary, failureSummary, reportPull, reportSync } from "./report.js";

const SECRET_INPUTS = ["client-secret", "client-certificate", "github-token"];

const reporter = {
  setOutput: (name: string, value: string) => core.setOutput(name, value),
  // What core.summary.addRaw(…).write() does, without its asynchronous file checks (a no-op sync
  // run spends a good part of its time waiting on them).
  summary: async (markdown: string) => {
    if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, markdown, "utf8");
  },
};

const log = {
  info: (message: string) => core.info(message),
  notice: (message: string) => core.notice(message),
  warning: (message: string) => core.warning(message),
};

/**
 * The Microsoft stack (MSAL, undici) loads first, for the sign-in; the GitHub stack (Octokit) only
 * once Defender has answered with alerts to look up, so a quiet window never loads it.
 */
/** A mode runs and reports; it returns why the step fails, if it does. */
type Run = (config: Config, tuning: Tuning) => Promise<string | undefined>;

async function pull(config: Config, tuning: Tuning): Promise<string | undefined> {
  const [{ createSource }, { runPull }, { runIncidentPull }] = await Promise.all([import("./source/setup.js"), import("./modes/pull.js"), import("./modes/incident-pull.js")]);
  const store = once(async () => (await import("./github/setup.js")).createStore(config, tuning, process.env));
  const run = config.groupBy === "incident" ? runIncidentPull : runPull;
  const result = await run(config, { source: await createSource(config, tuning), store }, log, { issuesPerHour: tuning.issuesPerHour });
  await reportPull(result, reporter);
  if (result.failures.length === 0) return undefined;
  return `${result.failures.length} of ${result.failures.length + result.opened.length} issues could not be opened: ${result.failures.map((f) => `${f.alertId} (${f.error})`).join("; ")}. The next run opens them.`;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

const RECONCILE_EVENTS = new Set(["schedule", "workflow_dispatch"]);

/**
 * The sync path is loaded with the entry point: most sync runs are issue events that end on the
 * first check (no marker), and start-up is most of what they cost. Clients load on first use.
 */
async function sync(config: Config, tuning: Tuning): Promise<string | undefined> {
  const eventName = process.env.GITHUB_EVENT_NAME ?? "";
  // Built on first use, then the same client for the rest of the run: one sign-in, one pace.
  const deps = {
    store: once(async () => (await import("./github/setup.js")).createStore(config, tuning, process.env)),
    source: once(async () => (await import("./source/setup.js")).createSource(config, tuning)),
  };
  let result;
  if (RECONCILE_EVENTS.has(eventName)) {
    if (config.syncDirection === "to-defender") {
      const { reconcile } = await import("./modes/reconcile.js");
      result = await reconcile(config, deps, log);
    } else {
      const { reconcileTwoWay } = await import("./modes/twoway.js");
      result = await reconcileTwoWay(config, deps, log);
    }
  } else {
    // Read at once: the file is small, and waiting on the thread pool is a good part of a no-op run.
    const payload: unknown = process.env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(process.env.GITHUB_EVENT_PATH, "utf8")) : {};
    const event = readEvent(eventName, payload);
    if (event.kind === "other") {
      result = emptyResult("event", config.dryRun);
      const reason = `sync handles issues, issue_comment, schedule and workflow_dispatch events, not '${eventName}'`;
      log.notice(`${reason}; nothing sent to Defender.`);
      result.skipped.push({ reason });
    } else {
      result = await syncEvent(config, event, deps, log);
    }
  }
  await reportSync(result, reporter);
  if (result.failures.length === 0) return undefined;
  return `${result.failures.length} update${result.failures.length === 1 ? "" : "s"} failed: ${result.failures.map((f) => `#${f.issueNumber} ${f.alertId}: ${f.error}`).join("; ")}`;
}

async function check(config: Config, tuning: Tuning): Promise<string | undefined> {
  const [{ createSource }, { runCheck }] = await Promise.all([import("./source/setup.js"), import("./modes/check.js")]);
  const items = await runCheck(config, { source: await createSource(config, tuning), github: async () => (await import("./github/setup.js")).checkGitHub(config, process.env) });
  checkLines(items).forEach((line, i) => (items[i]!.status === "warning" ? core.warning(line) : core.info(line)));
  await reporter.summary(checkSummary(items));
  const failed = items.filter((item) => item.status === "failed");
  if (failed.length === 0) return undefined;
  // The names are ours; their `…` marks are for the summary.
  return `${failed.length} set-up check${failed.length === 1 ? "" : "s"} failed: ${failed.map((item) => item.name.replace(/`/g, "")).join("; ")}`;
}

const RUNS: Record<Config["mode"], Run> = { pull, sync, check };

function maskSecrets(): void {
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name);
    if (!value) continue;
    core.setSecret(value);
    // The runner matches a mask line by line, so each line of a PEM is masked on its own too.
    const lines = value.split(/\r?\n/);
    if (lines.length > 1) for (const line of lines) if (line.trim().length >= 8 && !line.startsWith("-----")) core.setSecret(line.trim());
  }
}

/** The mode the run was asked for, when the input names one, for the summary of a run that failed early. */
function requestedMode(): string | undefined {
  const asked = core.getInput("mode").trim().toLowerCase();
  return MODES.find((mode) => mode === asked);
}

/** A run that stopped on an error still leaves a summary: what went wrong and what to do. */
async function reportFailure(error: unknown): Promise<void> {
  try {
    await reporter.summary(failureSummary(requestedMode(), error));
  } catch (summaryError) {
    core.info(`The job summary could not be written: ${summaryError instanceof Error ? summaryError.message : String(summaryError)}`);
  }
}

async function main(): Promise<string | undefined> {
  try {
    // Masked before anything, including an input error, can print them.
    maskSecrets();
    const config = await readConfig((name) => core.getInput(name));
    return await RUNS[config.mode](config, readTuning(process.env));
  } catch (error) {
    await reportFailure(error);
    return error instanceof Error ? error.message : String(error);
  }
}

void main().then((failure) => {
  if (failure !== undefined) core.setFailed(failure);
});
