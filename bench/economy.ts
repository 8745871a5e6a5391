/**
 * Request economy: the requests each run makes against the fewest it could make.
 *
 * Pull, for N new alerts and E alert issues already in the window:
 *   GitHub   ≥ creates + listing pages + 1 listing of open incident issues (when there are new
 *              alerts: they belong to incidents, and an incident with an issue takes its alerts)
 *              + vocabulary (first run only)
 *   Entra ID ≥ 1 token;  Defender ≥ ⌈alerts / page⌉ list calls
 * where a listing that finds nothing still takes one request (GitHub and Defender answer an empty
 * page), creates are the issues the run may open (max-issues and the hourly room), and a first run's
 * vocabulary is one label listing plus one write per label the repository lacks.
 * Sync, per event: 1 permission check + 1 token + at most 1 Defender call, nothing for a no-op.
 * Reconcile of K changed alert issues sharing M distinct changes, one way (`sync-direction:
 * to-defender`): the listing, ⌈K / 40⌉ bulk reads, and one batch call per change (per 50 alerts, the
 * batch size sync uses). Two-way reconcile has its own rows (twoway-economy.ts), and so do pull
 * and sync with `source: graph` (graph-economy.ts), and pull with `group-by: incident`
 * (incident-economy.ts).
 */
import { vocabulary } from "../src/issue/vocabulary.ts";
import { commentEvent, issuesEvent } from "../test/support/events.ts";
import { alertIssueBody, alertsBetween, HOUR, isoAt, type Lab, MINUTE, type RequestCounts, startLab } from "./support/lab.ts";

const SCALE = 60;
// The action's defaults (src/modes/pull.ts ISSUES_PER_HOUR, src/endpoint/client.ts MAX_PAGE_SIZE).
const ISSUES_PER_HOUR = 400;
const PAGE = 10_000;
const VOCABULARY_SIZE = vocabulary().length;

export interface PullEconomyRow {
  case: string;
  newAlerts: number;
  issuesInWindow: number;
  issuesOlder: number;
  firstRun: boolean;
  opened: number;
  github: number;
  githubMinimum: number;
  microsoft: number;
  microsoftMinimum: number;
  /** Calls to the alerts API: Defender's or Graph's. */
  listCalls: number;
  ratio: number;
  detail: RequestCounts["github"];
}

export const ratio = (made: number, minimum: number) => (minimum === 0 ? (made === 0 ? 1 : Number.POSITIVE_INFINITY) : made / minimum);

/** Where a pull row's alerts live, how the run reads them, and the fewest Microsoft calls its listing takes. */
export interface PullSource {
  /** Seeds `count` alerts created between `newestAgo` and `oldestAgo` before `now`; returns their IDs. */
  seed(lab: Lab, count: number, now: Date, newestAgo: number, oldestAgo: number, salt: string): string[];
  inputs(lab: Lab): Record<string, string>;
  /** The run's requests to the alerts API (the token's excluded). */
  calls(requests: RequestCounts): number;
  /** The fewest list calls for a window of `alerts`. */
  listMinimum(alerts: number): number;
}

/** Defender for Endpoint: a page holds 10,000; a window without alerts still costs one (empty) page. */
export const ENDPOINT_PULL: PullSource = {
  seed(lab, count, now, newestAgo, oldestAgo, salt) {
    const alerts = alertsBetween(count, now, newestAgo, oldestAgo, salt);
    lab.world.defender.alerts.push(...alerts);
    return alerts.map((alert) => alert.id);
  },
  inputs: () => ({}),
  calls: (requests) => requests.defender.total,
  listMinimum: (alerts) => Math.max(1, Math.ceil(alerts / PAGE)),
};

export async function pullRow(source: PullSource, newAlerts: number, inWindow: number, older: number, firstRun: boolean): Promise<PullEconomyRow> {
  const lab = await startLab({ scale: SCALE, labels: firstRun ? "none" : "vocabulary" });
  try {
    const now = lab.now();
    const ticketed = source.seed(lab, inWindow, now, 3 * HOUR, 20 * HOUR, "ticketed");
    source.seed(lab, newAlerts, now, 10 * MINUTE, 20 * HOUR, "new");
    // Already ticketed: opened over an hour ago (so the hour's room is whole), updated within the window.
    for (const [i, alertId] of ticketed.entries()) {
      lab.world.github.addIssue({ title: `[High] ticketed ${i}`, body: alertIssueBody(alertId), labels: ["defender-alert", "severity:High"], created_at: isoAt(new Date(now.getTime() - 2 * HOUR - i * 1000)), updated_at: isoAt(new Date(now.getTime() - 90 * MINUTE)) });
    }
    for (const alert of alertsBetween(older, new Date(now.getTime() - 40 * 24 * HOUR), 0, 24 * HOUR, "older")) {
      const at = isoAt(new Date(String(alert.alertCreationTime)));
      lab.world.github.addIssue({ title: "[High] older", body: alertIssueBody(alert.id), labels: ["defender-alert"], created_at: at, updated_at: at });
    }
    const { result, requests } = await lab.run({ ...source.inputs(lab), "max-issues": String(Math.max(1, newAlerts)) });
    if (result.code !== 0) throw new Error(`pull failed: ${result.stdout.slice(-2000)}`);
    const opened = Number(result.outputs["issues-created"]);
    const alerts = inWindow + newAlerts;
    const listing = alerts === 0 ? 0 : Math.max(1, Math.ceil(inWindow / 100));
    const vocabulary = firstRun && newAlerts > 0 ? 1 + VOCABULARY_SIZE : 0;
    // The alerts here all belong to incidents: new ones send pull looking for open incident issues.
    const incidentIssues = newAlerts > 0 ? 1 : 0;
    const githubMinimum = Math.min(newAlerts, ISSUES_PER_HOUR) + listing + incidentIssues + vocabulary;
    const listCalls = source.calls(requests);
    const microsoftMinimum = 1 + source.listMinimum(alerts);
    const microsoft = requests.entra + listCalls;
    return {
      case: `N=${newAlerts} E=${inWindow}${older ? ` (+${older} older)` : ""}${firstRun ? ", first run" : ""}`,
      newAlerts,
      issuesInWindow: inWindow,
      issuesOlder: older,
      firstRun,
      opened,
      github: requests.github.total,
      githubMinimum,
      microsoft,
      microsoftMinimum,
      listCalls,
      ratio: Math.max(ratio(requests.github.total, githubMinimum), ratio(microsoft, microsoftMinimum)),
      detail: requests.github,
    };
  } finally {
    await lab.stop();
  }
}

export async function pullEconomy(log: (line: string) => void): Promise<PullEconomyRow[]> {
  const cases: Array<[number, number, number, boolean]> = [];
  for (const n of [0, 50, 500]) for (const e of [0, 50, 500]) cases.push([n, e, 0, false]);
  cases.push([50, 0, 0, true], [0, 0, 5000, false], [50, 0, 5000, false], [50, 500, 5000, false]);
  const rows: PullEconomyRow[] = [];
  for (const [n, e, older, first] of cases) {
    const row = await pullRow(ENDPOINT_PULL, n, e, older, first);
    log(`pull ${row.case}: GitHub ${row.github}/${row.githubMinimum}, Microsoft ${row.microsoft}/${row.microsoftMinimum}, opened ${row.opened}`);
    rows.push(row);
  }
  return rows;
}

export interface SyncEconomyRow {
  event: string;
  sends: boolean;
  github: number;
  entra: number;
  defender: number;
  /** 1 permission check, 1 token, 1 Defender call when the event sends; 0 otherwise. */
  met: boolean;
}

/** The alert the sync rows' issue is for. */
export const SYNC_ALERT_ID = "da639316371102720000_2100764642";
const MARKER_BODY = `<!-- defender-alert-id: ${SYNC_ALERT_ID} -->\nbody`;

/** The events the sync rows send, by a triager unless said otherwise: [name, whether it sends, event]. */
export function syncEvents(): Array<[string, boolean, { name: string; payload: unknown }]> {
  const fixture = { number: 1, body: MARKER_BODY };
  return [
    ["issues closed", true, issuesEvent("closed", { ...fixture, state: "closed", labels: ["classification:TruePositive", "determination:Malware"] }, "triager")],
    ["issues reopened", true, issuesEvent("reopened", { ...fixture }, "triager")],
    ["issues labeled (triage label)", true, issuesEvent("labeled", { ...fixture, labels: ["classification:FalsePositive"] }, "triager", { label: "classification:FalsePositive" })],
    ["issues unlabeled (triage label)", true, issuesEvent("unlabeled", { ...fixture, labels: ["status:InProgress"] }, "triager", { label: "classification:FalsePositive" })],
    ["issues edited", true, issuesEvent("edited", { ...fixture, labels: ["status:InProgress"] }, "triager", { previousBody: MARKER_BODY })],
    ["issues assigned", true, issuesEvent("assigned", { ...fixture, assignees: ["octocat"] }, "triager", { assignee: "octocat" })],
    ["issue_comment created", true, commentEvent({ ...fixture }, "triager", { body: "Isolated the host." })],
    ["issues unassigned", false, issuesEvent("unassigned", { ...fixture }, "triager", { assignee: "octocat" })],
    ["issues opened", false, issuesEvent("opened", { ...fixture }, "triager")],
    ["issues labeled (other label)", false, issuesEvent("labeled", { ...fixture, labels: ["classification:TruePositive", "needs-review"] }, "triager", { label: "needs-review" })],
    ["issues closed, no marker", false, issuesEvent("closed", { number: 2, body: "a bug report", state: "closed" }, "triager")],
    ["issues closed by a reader", false, issuesEvent("closed", { ...fixture, state: "closed" }, "reader")],
  ];
}

/**
 * [GitHub, Entra ID, alerts API] requests an event should cost: 1 permission check, 1 token, 1 call
 * when it sends; a reader is refused after the permission check, and nothing goes to Microsoft.
 */
export function expectedSyncRequests(name: string, sends: boolean): [number, number, number] {
  return sends ? [1, 1, 1] : name.endsWith("by a reader") ? [1, 0, 0] : [0, 0, 0];
}

export async function syncEconomy(log: (line: string) => void): Promise<SyncEconomyRow[]> {
  const lab = await startLab();
  try {
    lab.world.defender.alerts.push({ ...alertsBetween(1, lab.now(), HOUR, HOUR, "sync")[0]!, id: SYNC_ALERT_ID });
    lab.world.github.collaborators.set("triager", "triage");
    const rows: SyncEconomyRow[] = [];
    for (const [name, sends, event] of syncEvents()) {
      const { result, requests } = await lab.run({ mode: "sync" }, { event });
      if (result.code !== 0) throw new Error(`sync ${name} failed: ${result.stdout.slice(-2000)}`);
      const row = { event: name, sends, github: requests.github.total, entra: requests.entra, defender: requests.defender.total, met: false };
      const expected = expectedSyncRequests(name, sends);
      row.met = row.github === expected[0] && row.entra === expected[1] && row.defender === expected[2];
      log(`sync ${name}: GitHub ${row.github}, Entra ${row.entra}, Defender ${row.defender}`);
      rows.push(row);
    }
    return rows;
  } finally {
    await lab.stop();
  }
}

export interface ReconcileEconomyRow {
  case: string;
  changed: number;
  distinctChanges: number;
  github: number;
  githubMinimum: number;
  entra: number;
  defenderReads: number;
  defenderReadsMinimum: number;
  defenderWrites: number;
  /** One call per distinct change, each at most 50 alerts. */
  defenderWritesMinimum: number;
  batchCallsInAnyMinute: number;
  secondReconcileSends: number;
}

const CHANGES: Array<{ labels: string[]; state: "open" | "closed" }> = [
  { labels: ["classification:TruePositive", "determination:Malware"], state: "closed" },
  { labels: ["classification:FalsePositive", "determination:NotMalicious"], state: "closed" },
  { labels: ["status:InProgress"], state: "open" },
  { labels: ["classification:InformationalExpectedActivity", "determination:SecurityTesting"], state: "closed" },
  { labels: ["classification:TruePositive", "determination:Phishing"], state: "open" },
  { labels: ["determination:Other"], state: "closed" },
  { labels: ["classification:TruePositive", "determination:UnwantedSoftware"], state: "closed" },
  { labels: ["classification:FalsePositive", "determination:InsufficientData"], state: "open" },
  { labels: ["classification:TruePositive", "determination:CompromisedUser"], state: "open" },
  { labels: ["classification:InformationalExpectedActivity", "determination:LineOfBusinessApplication"], state: "open" },
  { labels: ["classification:TruePositive", "determination:MultiStagedAttack"], state: "open" },
  { labels: ["classification:TruePositive", "determination:MaliciousUserActivity"], state: "closed" },
];

async function reconcileRow(changed: number, distinct: number): Promise<ReconcileEconomyRow> {
  const lab = await startLab({ scale: SCALE });
  try {
    const now = lab.now();
    const alerts = alertsBetween(changed, now, 2 * HOUR, 20 * HOUR, "reconcile");
    lab.world.defender.alerts.push(...alerts);
    for (const [i, alert] of alerts.entries()) {
      const change = CHANGES[i % distinct]!;
      lab.world.github.addIssue({ title: `alert ${i}`, body: alertIssueBody(alert.id), labels: ["defender-alert", ...change.labels], state: change.state, created_at: isoAt(new Date(now.getTime() - 3 * HOUR)), updated_at: isoAt(new Date(now.getTime() - HOUR)) });
    }
    // Issues without a record of agreement, brought to Defender one way: what these rows measure.
    const inputs = { mode: "sync", "sync-direction": "to-defender" };
    const first = await lab.run(inputs, { event: { name: "schedule", payload: {} } });
    if (first.result.code !== 0) throw new Error(`reconcile failed: ${first.result.stdout.slice(-2000)}`);
    const batchTimes = lab.world.defender.requests.filter((r) => r.method === "POST").map((r) => r.at);
    const second = await lab.run(inputs, { event: { name: "schedule", payload: {} } });
    const perChange = Array.from({ length: distinct }, (_, c) => alerts.filter((_, i) => i % distinct === c).length);
    return {
      case: `K=${changed} M=${distinct}`,
      changed,
      distinctChanges: distinct,
      github: first.requests.github.total,
      githubMinimum: Math.max(1, Math.ceil(changed / 100)),
      entra: first.requests.entra,
      defenderReads: first.requests.defender.list,
      defenderReadsMinimum: Math.ceil(changed / 40),
      defenderWrites: first.requests.defender.patch + first.requests.defender.batch,
      defenderWritesMinimum: perChange.reduce((sum, k) => sum + Math.ceil(k / 50), 0),
      batchCallsInAnyMinute: mostWithin(batchTimes, MINUTE),
      secondReconcileSends: second.requests.defender.patch + second.requests.defender.batch,
    };
  } finally {
    await lab.stop();
  }
}

/** The most timestamps that fall within any window of `span`. */
export function mostWithin(times: readonly number[], span: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= span) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

export async function reconcileEconomy(log: (line: string) => void): Promise<ReconcileEconomyRow[]> {
  const rows: ReconcileEconomyRow[] = [];
  for (const [k, m] of [[10, 1], [50, 5], [200, 4], [120, 12]] as const) {
    const row = await reconcileRow(k, m);
    log(`reconcile ${row.case}: GitHub ${row.github}, Entra ${row.entra}, Defender reads ${row.defenderReads}, writes ${row.defenderWrites}, second run ${row.secondReconcileSends}`);
    rows.push(row);
  }
  return rows;
}

export type { Lab };
