/**
 * A world for end-to-end runs: the Entra, Defender, Graph security and GitHub emulators on loopback,
 * and a way to run the bundled action (`node dist/index.js`) in it exactly as the runner does.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DefenderEmulator } from "../emulators/defender.ts";
import { type EntraApp, EntraEmulator } from "../emulators/entra.ts";
import { GitHubEmulator, type GitHubEmulatorOptions } from "../emulators/github.ts";
import { GraphEmulator, type GraphEmulatorOptions } from "../emulators/graph.ts";
import { createTestTls } from "../emulators/tls.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BUNDLE = path.join(ROOT, "dist/index.js");

export const TENANT_ID = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
export const CLIENT_ID = "0b5c7f1e-8c2a-4e8d-9a51-3f6d2c7e4a10";
export const CLIENT_SECRET = "Qm8~test-client-secret-value-7f3a";
export const GITHUB_TOKEN = "ghs_e2eTestToken0123456789abcdefABCDEF";

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error::`, `::warning::` and `::notice::` lines, decoded. */
  annotations: Array<{ level: string; message: string }>;
}

export interface RunOptions {
  /** Extra environment for the action (tuning knobs, proxies). */
  env?: Record<string, string>;
  /** The webhook payload; written to GITHUB_EVENT_PATH. */
  event?: { name: string; payload: unknown };
}

export interface World {
  entra: EntraEmulator;
  defender: DefenderEmulator;
  github: GitHubEmulator;
  graph: GraphEmulator;
  /** The inputs every run gets unless overridden: sign-in and emulator URLs. */
  baseInputs: Record<string, string>;
  /** What a run adds to read alerts from the Graph emulator (`source: graph`). */
  graphInputs: Record<string, string>;
  run(inputs?: Record<string, string>, options?: RunOptions): Promise<RunResult>;
  stop(): Promise<void>;
}

export interface WorldOptions {
  labels?: "vocabulary" | "none";
  defender?: ConstructorParameters<typeof DefenderEmulator>[0];
  /** Changes to the registered app: roles, a certificate, federated credentials. */
  app?: Partial<EntraApp>;
  tokenLifetimeSeconds?: number;
  github?: Omit<GitHubEmulatorOptions, "tokens">;
  graph?: GraphEmulatorOptions;
  /** One clock for the Defender and GitHub emulators (a benchmark runs it faster than real time). */
  now?: () => Date;
}

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const dir = await mkdtemp(path.join(tmpdir(), "defender-issues-e2e-"));
  const tls = await createTestTls(dir);
  const entra = new EntraEmulator({ tls, apps: [{ clientId: CLIENT_ID, secret: CLIENT_SECRET, tenantId: TENANT_ID, ...options.app }], tenantDomains: { "contoso.onmicrosoft.com": TENANT_ID }, ...(options.tokenLifetimeSeconds ? { tokenLifetimeSeconds: options.tokenLifetimeSeconds } : {}) });
  const clock = options.now ? { now: options.now } : {};
  const defender = new DefenderEmulator({ acceptToken: (token) => entra.issuedTokens.has(token), ...clock, ...options.defender });
  const github = new GitHubEmulator({ tokens: [GITHUB_TOKEN], ...clock, ...options.github });
  // Holds tokens to Graph's audience and roles, as Graph does.
  const graph = new GraphEmulator({ acceptToken: (token) => entra.issuedTokens.has(token), checkRoles: true, ...clock, ...options.graph });
  await Promise.all([entra.start(), defender.start(), github.start(), graph.start()]);
  if (options.labels !== "none") await seedVocabulary(github);
  const baseInputs = {
    mode: "pull",
    "tenant-id": TENANT_ID,
    "client-id": CLIENT_ID,
    "client-secret": CLIENT_SECRET,
    "github-token": GITHUB_TOKEN,
    "authority-host": entra.url,
    "api-url": defender.url,
  };
  let runs = 0;
  return {
    entra,
    defender,
    github,
    graph,
    baseInputs,
    graphInputs: { source: "graph", "api-url": graph.url },
    async run(inputs = {}, runOptions = {}) {
      const allInputs: Record<string, string> = { ...baseInputs, ...inputs };
      const env: Record<string, string> = { NODE_EXTRA_CA_CERTS: tls.caPath, GITHUB_API_URL: github.url, ...runOptions.env };
      const result = await runAction(path.join(dir, `run-${++runs}`), allInputs, env, runOptions.event);
      // Every run of every case is also a check that nothing secret leaked.
      assertNothingSecret(result, [
        allInputs["client-secret"] ?? "",
        allInputs["github-token"] ?? "",
        env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? "",
        ...keyLines(allInputs["client-certificate"] ?? ""),
        ...entra.issuedTokens,
      ]);
      return result;
    },
    async stop() {
      await Promise.all([entra.stop(), defender.stop(), github.stop(), graph.stop()]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The base64 lines of a PEM's private key. */
function keyLines(pem: string): string[] {
  const key = /-----BEGIN [A-Z ]*PRIVATE KEY-----([\s\S]*?)-----END/.exec(pem)?.[1] ?? "";
  return key.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length >= 8);
}

const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

/**
 * Throws when a secret, a key line or any JWT (access or ID token) shows in stdout, stderr, the
 * outputs or the summary. The runner's own `::add-mask::` lines are the one place they belong.
 */
export function assertNothingSecret(result: RunResult, secrets: Iterable<string>): void {
  const printed = { stdout: result.stdout.replace(/^::add-mask::.*$/gm, ""), stderr: result.stderr, outputs: JSON.stringify(result.outputs), summary: result.summary };
  for (const [where, text] of Object.entries(printed)) {
    for (const secret of secrets) {
      if (secret.length >= 6 && text.includes(secret)) throw new Error(`the run printed a secret in ${where}: ${secret.slice(0, 4)}…`);
    }
    if (JWT.test(text)) throw new Error(`the run printed a token in ${where}`);
  }
}

/** The labels a repository has after a first pull, so most cases skip creating them. */
async function seedVocabulary(github: GitHubEmulator): Promise<void> {
  const { vocabulary } = await import("../../src/issue/vocabulary.ts");
  for (const label of vocabulary()) github.addLabel(label.name, label.color, label.description);
}

/** Runs the bundle as the runner does: INPUT_* (hyphens kept), GITHUB_* files, a clean environment. */
export async function runAction(dir: string, inputs: Record<string, string>, env: Record<string, string>, event?: RunOptions["event"]): Promise<RunResult> {
  await import("node:fs/promises").then((fs) => fs.mkdir(dir, { recursive: true }));
  const outputPath = path.join(dir, "output");
  const summaryPath = path.join(dir, "summary.md");
  const eventPath = path.join(dir, "event.json");
  await Promise.all([writeFile(outputPath, ""), writeFile(summaryPath, ""), writeFile(eventPath, JSON.stringify(event?.payload ?? {}))]);
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: dir,
    RUNNER_TEMP: dir,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_REPOSITORY: "acme/soc",
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_EVENT_NAME: event?.name ?? "schedule",
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_RUN_ID: "4242",
    GITHUB_WORKFLOW: "defender-issues",
    GITHUB_ACTOR: "github-actions[bot]",
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [BUNDLE], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(await readFile(outputPath, "utf8")),
    summary: await readFile(summaryPath, "utf8"),
    annotations: parseAnnotations(stdout),
  };
}

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

function parseAnnotations(stdout: string): RunResult["annotations"] {
  return Array.from(stdout.matchAll(/^::(error|warning|notice)[^:]*::(.*)$/gm), (m) => ({
    level: m[1]!,
    message: m[2]!.replace(/%0D/g, "\r").replace(/%0A/g, "\n").replace(/%25/g, "%"),
  }));
}

/** The alert IDs of the issues in the emulated repository that carry a marker. */
export function ticketedAlertIds(world: World): string[] {
  return world.github.issues.flatMap((issue) => {
    const match = /^<!-- defender-alert-id: (\S+) -->$/m.exec(issue.body ?? "");
    return match ? [match[1]!] : [];
  });
}

/** Issue writes the action made (creates, label creation, patches, comments). */
export function githubWrites(world: World): string[] {
  return world.github.writes().map((request) => `${request.method} ${request.path}`);
}

export function minutesAgo(minutes: number, from = new Date()): string {
  return new Date(from.getTime() - minutes * 60_000).toISOString().replace(/\.\d+Z$/, "Z");
}
