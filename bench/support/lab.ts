/**
 * The benchmark's laboratory: the emulators of test/support/world.ts on one scaled clock, the
 * bundled action run in it with the same clock preloaded, and the requests each run made.
 */
import crypto from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alertIdFor, defenderTime, makeAlert } from "../../test/emulators/sample-alerts.ts";
import { GRAPH_TENANT_ID, type GraphAlert, type GraphIncident, makeGraphAlert, sampleGraphAlerts, sampleGraphIncidents } from "../../test/emulators/sample-graph-alerts.ts";
import type { RunOptions, RunResult, World, WorldOptions } from "../../test/support/world.ts";
import { startWorld } from "../../test/support/world.ts";
import { scaledNow } from "./scaled-clock.ts";

const CLOCK_PRELOAD = path.join(path.dirname(fileURLToPath(import.meta.url)), "scaled-clock.ts");

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface Lab {
  world: World;
  /** The scaled clock's now. */
  now(): Date;
  scale: number;
  /** Runs the bundle with the lab's clock; returns the run and the requests it made. */
  run(inputs?: Record<string, string>, options?: RunOptions): Promise<{ result: RunResult; requests: RequestCounts }>;
  /** Waits this long on the scaled clock. */
  wait(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export interface RequestCounts {
  github: { total: number; listIssues: number; createIssue: number; labels: number; permission: number; comments: number; other: number };
  entra: number;
  defender: { total: number; list: number; patch: number; batch: number };
  /** Microsoft Graph (`source: graph`): alert listings, single-alert reads, PATCHes and comments; incident listings and single-incident reads. */
  graph: { total: number; list: number; read: number; patch: number; comment: number; incidentList: number; incidentRead: number };
  /** "METHOD path" of every GitHub request, for a row that needs explaining. */
  githubRequests: string[];
}

export async function startLab(options: WorldOptions & { scale?: number } = {}): Promise<Lab> {
  const scale = options.scale ?? 1;
  const epoch = Date.now();
  const clock = scaledNow(epoch, scale);
  const now = () => new Date(clock());
  const world = await startWorld({ ...options, now });
  const env: Record<string, string> = scale === 1 ? {} : { NODE_OPTIONS: `--import=${CLOCK_PRELOAD}`, BENCH_TIME_EPOCH: String(epoch), BENCH_TIME_SCALE: String(scale) };
  return {
    world,
    now,
    scale,
    async run(inputs = {}, runOptions = {}) {
      const marks = { github: world.github.requests.length, entra: world.entra.requests.length, defender: world.defender.requests.length, graph: world.graph.requests.length };
      const nodeOptions = [env.NODE_OPTIONS, runOptions.env?.NODE_OPTIONS].filter(Boolean).join(" ");
      const result = await world.run(inputs, { ...runOptions, env: { ...env, ...runOptions.env, ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}) } });
      return { result, requests: countSince(world, marks) };
    },
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms / scale)),
    stop: () => world.stop(),
  };
}

function countSince(world: World, marks: { github: number; entra: number; defender: number; graph: number }): RequestCounts {
  const github = world.github.requests.slice(marks.github);
  const defender = world.defender.requests.slice(marks.defender);
  const graph = world.graph.requests.slice(marks.graph);
  const is = (method: string, pattern: RegExp) => (r: { method: string; path: string }) => r.method === method && pattern.test(r.path);
  const listIssues = github.filter(is("GET", /\/issues$/)).length;
  const createIssue = github.filter(is("POST", /\/issues$/)).length;
  const labels = github.filter((r) => /\/labels(\/|$)/.test(r.path) && !/\/issues\/\d+\/labels/.test(r.path)).length;
  const permission = github.filter(is("GET", /\/collaborators\/[^/]+\/permission$/)).length;
  const comments = github.filter((r) => /\/issues\/\d+\/comments$/.test(r.path)).length;
  return {
    github: { total: github.length, listIssues, createIssue, labels, permission, comments, other: github.length - listIssues - createIssue - labels - permission - comments },
    entra: world.entra.requests.slice(marks.entra).length,
    defender: {
      total: defender.length,
      list: defender.filter(is("GET", /\/alerts$/)).length,
      patch: defender.filter(is("PATCH", /\/alerts\/[^/]+$/)).length,
      batch: defender.filter(is("POST", /\/batchUpdate$/)).length,
    },
    graph: {
      total: graph.length,
      list: graph.filter(is("GET", /\/alerts_v2$/)).length,
      read: graph.filter(is("GET", /\/alerts_v2\/[^/]+$/)).length,
      patch: graph.filter(is("PATCH", /\/alerts_v2\/[^/]+$/)).length,
      comment: graph.filter(is("POST", /\/alerts_v2\/[^/]+\/comments$/)).length,
      incidentList: graph.filter(is("GET", /\/incidents$/)).length,
      incidentRead: graph.filter(is("GET", /\/incidents\/[^/]+$/)).length,
    },
    githubRequests: github.map((r) => `${r.method} ${r.path}`),
  };
}

/** `count` realistic alerts created between `newest` and `oldest` before `now`, evenly spread. */
export function alertsBetween(count: number, now: Date, newestAgo: number, oldestAgo: number, salt: string) {
  return Array.from({ length: count }, (_, i) => {
    const ago = count === 1 ? newestAgo : newestAgo + ((oldestAgo - newestAgo) * i) / (count - 1);
    const created = new Date(now.getTime() - ago);
    return makeAlert({ alertCreationTime: defenderTime(created), id: alertIdFor(created, `${salt}/${i}`), severity: ["Low", "Medium", "High"][i % 3]! });
  });
}

const GRAPH_SAMPLES = sampleGraphAlerts();

/**
 * `count` Graph alerts created between `newest` and `oldest` before `now`, evenly spread: the samples
 * of every product in turn, evidence and all, each with a fresh ID (in its product's shape) and its
 * times moved along with its creation.
 */
export function graphAlertsBetween(count: number, now: Date, newestAgo: number, oldestAgo: number, salt: string): GraphAlert[] {
  return Array.from({ length: count }, (_, i) => {
    const ago = count === 1 ? newestAgo : newestAgo + ((oldestAgo - newestAgo) * i) / (count - 1);
    const created = new Date(now.getTime() - ago);
    const sample = GRAPH_SAMPLES[i % GRAPH_SAMPLES.length]!;
    // The portal links and provider ID are made again from the new ID.
    const { id, providerAlertId: _provider, alertWebUrl: _alert, incidentWebUrl: _incident, ...fields } = movedTimes(sample, created.getTime() - Date.parse(sample.createdDateTime!));
    // Defender for Endpoint's IDs are the Endpoint API's; the other products' are a prefix and their provider's ID.
    const provider = guid(`${salt}/${i}`);
    const fresh = id.startsWith("da") ? alertIdFor(created, `${salt}/${i}`) : `${id.slice(0, 2)}${provider}`;
    return makeGraphAlert({ ...fields, id: fresh, providerAlertId: id.startsWith("da") ? fresh : provider });
  });
}

/**
 * Defender alerts of `count` incidents of `alertsEach` alerts each, numbered from `firstId` (the
 * Endpoint API's incidents are its alerts' `incidentId`): alertsBetween's alerts, newest first,
 * incident i holding the i-th `alertsEach` of them.
 */
export function endpointIncidentsBetween(count: number, alertsEach: number, now: Date, newestAgo: number, oldestAgo: number, salt: string, firstId: number) {
  const alerts = alertsBetween(count * alertsEach, now, newestAgo, oldestAgo, salt);
  for (const [i, alert] of alerts.entries()) alert.incidentId = firstId + Math.floor(i / alertsEach);
  return alerts;
}

const [GRAPH_INCIDENT] = sampleGraphIncidents();

/**
 * `count` Graph incidents of `alertsEach` alerts, numbered from `firstId`: the alerts are
 * graphAlertsBetween's, spread from `newest` to `oldest` before `now`, each incident taking the next
 * `alertsEach` of them (so its alerts come from several products); an incident was created with its
 * oldest alert and last updated with its newest.
 */
export function graphIncidentsBetween(count: number, alertsEach: number, now: Date, newestAgo: number, oldestAgo: number, salt: string, firstId: number): { incidents: GraphIncident[]; alerts: GraphAlert[] } {
  const alerts = graphAlertsBetween(count * alertsEach, now, newestAgo, oldestAgo, salt);
  const incidents = Array.from({ length: count }, (_, i): GraphIncident => {
    const id = String(firstId + i);
    const own = alerts.slice(i * alertsEach, (i + 1) * alertsEach);
    for (const alert of own) Object.assign(alert, { incidentId: id, incidentWebUrl: incidentUrl(id) });
    return { ...structuredClone(GRAPH_INCIDENT!), id, createdDateTime: own.at(-1)!.createdDateTime!, lastUpdateDateTime: own[0]!.createdDateTime!, incidentWebUrl: incidentUrl(id) };
  });
  return { incidents, alerts };
}

const incidentUrl = (id: string) => `https://security.microsoft.com/incidents/${id}?tid=${GRAPH_TENANT_ID}`;

/** A copy of `value` with every `…DateTime` string moved by `ms`. */
export function movedTimes<T>(value: T, ms: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => movedTimes(item, ms)) as T;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [
    key,
    key.endsWith("DateTime") && typeof field === "string" ? new Date(Date.parse(field) + ms).toISOString() : movedTimes(field, ms),
  ])) as T;
}

function guid(seed: string): string {
  const h = crypto.createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const BODY_ROWS = ["Severity", "Status", "Category", "Detection source", "Threat", "Device", "Device group", "User", "First activity", "Last activity", "Alert created", "MITRE techniques", "Incident", "Investigation", "Assigned to"];

/** A body the size and shape of one pull writes (about 2.6 KB): the marker, the field table, text, evidence. */
export function alertIssueBody(alertId: string): string {
  const rows = BODY_ROWS.map((name) => `| ${name} | ws\\-finance\\-07\\.corp\\.contoso\\.com — CredentialAccess |`).join("\n");
  const evidence = Array.from({ length: 4 }, () => "| Process | `` C:\\Users\\jdoe\\Downloads\\procdump64.exe `` | `` procdump64.exe -accepteula -ma lsass.exe out.dmp `` · PID 6120 · SHA\\-256 `` 2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae `` |").join("\n");
  return [
    `<!-- defender-alert-id: ${alertId} -->`,
    `**[Open the alert in Microsoft Defender](https://security.microsoft.com/alerts/${alertId}?tid=8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f)**`,
    `| Field | Value |\n|---|---|\n${rows}\n| Alert ID | \`${alertId}\` |`,
    `### Description\n\n> A process accessed the memory of the Local Security Authority Subsystem Service \\(lsass\\.exe\\) in a way typical of credential theft tools such as Mimikatz or ProcDump\\.`,
    `### Evidence (4)\n\n| Type | Entity | Details |\n|---|---|---|\n${evidence}`,
    "<details><summary>Triage from this issue (when sync is set up)</summary>\n\n- Label `classification:TruePositive` … to classify the alert.\n\n</details>\n",
  ].join("\n\n");
}

/**
 * An incident issue's body for an incident the bench does not list: the incident marker, a table of
 * its alerts and the record of them (`record`, the action's own line), about the size of a rendered
 * incident of five alerts without evidence.
 */
export function incidentIssueBody(incidentId: string, alertIds: readonly string[], record: string): string {
  const rows = alertIds.map((id) => `| High | Suspicious LSASS memory access by procdump64\\.exe | Microsoft Defender for Endpoint | \`${id}\` |`).join("\n");
  return [
    `<!-- defender-incident-id: ${incidentId} -->`,
    `**[Open the incident in Microsoft Defender](https://security.microsoft.com/incidents/${incidentId}?tid=8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f)**`,
    `| Field | Value |\n|---|---|\n| Severity | High |\n| Status | New |\n| Incident ID | \`${incidentId}\` |`,
    `### Alerts (${alertIds.length})\n\n| Severity | Title | Source | Alert ID |\n|---|---|---|---|\n${rows}`,
    "<details><summary>Triage from this issue (when sync is set up)</summary>\n\n- Label `classification:TruePositive` … to classify the incident.\n\n</details>",
    record,
  ].join("\n\n");
}

export function isoAt(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, "Z");
}

/** `value` to `digits` decimals, for figures that are printed. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
