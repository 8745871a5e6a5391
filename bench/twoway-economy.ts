/**
 * Two-way reconcile's request economy: K alert issues as an earlier reconcile left them (open, their
 * record of agreement saying the alert's state), of which D changed in Defender and G on GitHub.
 *
 * The fewest it could make:
 *   GitHub   ≥ ⌈open / 100⌉ + ⌈closed / 100⌉ listing pages (open issues, then closed ones updated
 *              within the lookback; each listing at least one request)
 *              + one update per changed issue (D + G: both directions write the record)
 *              + one comment per issue that gets Defender's comments or a state change from Defender
 *   Entra ID ≥ 1 token
 *   Defender ≥ ⌈K / 40⌉ bulk reads + for each distinct change sent, ⌈alerts / 50⌉ writes
 * A second reconcile right after writes nothing on either side, and Defender sees at most 100 calls
 * in any minute (its API's limit).
 */
import { mostWithin, ratio } from "./economy.ts";
import { alertIssueBody, alertsBetween, HOUR, isoAt, MINUTE, startLab } from "./support/lab.ts";
import { endpointTriage, recordLine } from "./support/source.ts";

const SCALE = 60;
const ISSUES_PER_PAGE = 100;
const IDS_PER_READ = 40;
const BATCH_SIZE = 50;
const DEFENDER_CALLS_PER_MINUTE = 100;
const TRIAGER = "triager";

/** What an analyst (or automated investigation) does in Defender, and what it brings to the issue. */
interface DefenderChange {
  name: string;
  /** The issue gets a comment: Defender's comments, or the state change explained. */
  comments: boolean;
  /** A change made in the portal; none: automated investigation resolved the alert. */
  portal?: { status?: string; classification?: string; determination?: string; comment?: string };
}

const DEFENDER_CHANGES: DefenderChange[] = [
  { name: "resolved in the portal, TruePositive / Malware", comments: true, portal: { status: "Resolved", classification: "TruePositive", determination: "Malware" } },
  { name: "commented in the portal", comments: true, portal: { comment: "Confirmed with the user: the dump was a support request. Watching the host." } },
  { name: "resolved by automated investigation (owner Automation)", comments: true },
];

/** What a triager does on GitHub, and the one change it means for the alert. */
interface GitHubChange {
  name: string;
  act: { state: "closed"; stateReason: "completed" | "not_planned"; labels: { add: string[] } };
  alert: Record<string, string>;
}

const GITHUB_CHANGES: GitHubChange[] = [
  {
    name: "closed as TruePositive / Malware",
    act: { state: "closed", stateReason: "completed", labels: { add: ["classification:TruePositive", "determination:Malware"] } },
    alert: { status: "Resolved", classification: "TruePositive", determination: "Malware" },
  },
  {
    name: "closed as FalsePositive / NotMalicious",
    act: { state: "closed", stateReason: "not_planned", labels: { add: ["classification:FalsePositive", "determination:NotMalicious"] } },
    alert: { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious" },
  },
];

export interface TwoWayEconomyRow {
  case: string;
  issues: number;
  changedInDefender: number;
  changedOnGitHub: number;
  github: number;
  githubMinimum: number;
  /** The first reconcile's GitHub requests by kind. */
  githubDetail: { listing: number; updates: number; comments: number; other: string[] };
  entra: number;
  defenderReads: number;
  defenderReadsMinimum: number;
  defenderWrites: number;
  defenderWritesMinimum: number;
  defenderCallsInAnyMinute: number;
  /** GitHub and Defender writes of a second reconcile right after the first. */
  secondReconcileWrites: { github: number; defender: number };
  issuesUpdated: number;
  ratio: number;
  met: boolean;
}

const ceil = (n: number, size: number) => Math.ceil(n / size);

async function twoWayRow(issues: number, inDefender: number, onGitHub: number): Promise<TwoWayEconomyRow> {
  const lab = await startLab({ scale: SCALE });
  try {
    const now = lab.now();
    const alerts = alertsBetween(issues, now, 2 * HOUR, 20 * HOUR, "twoway");
    lab.world.defender.alerts.push(...alerts);
    lab.world.github.collaborators.set(TRIAGER, "triage");
    const numbers = alerts.map((alert, i) => {
      const record = recordLine({ triage: endpointTriage(alert as unknown as Parameters<typeof endpointTriage>[0]), commentsUntil: null, issueComments: 0 });
      return lab.world.github.addIssue({
        title: `[${String(alert.severity)}] Suspicious access to LSASS service on ws-finance-07 (${i})`,
        body: `${alertIssueBody(alert.id)}\n\n${record}\n`,
        labels: ["defender-alert", `severity:${String(alert.severity)}`],
        created_at: isoAt(new Date(now.getTime() - 3 * HOUR)),
        updated_at: isoAt(new Date(now.getTime() - HOUR)),
      }).number;
    });

    // The changes, on disjoint issues spread over the repository; each side's kinds taken in turn.
    const stride = Math.max(1, Math.floor(issues / Math.max(1, inDefender + onGitHub)));
    const changed = Array.from({ length: inDefender + onGitHub }, (_, i) => i * stride);
    const defenderSent = new Map<string, number>();
    let defenderComments = 0;
    for (const [n, index] of changed.slice(0, inDefender).entries()) {
      const change = DEFENDER_CHANGES[n % DEFENDER_CHANGES.length]!;
      const at = new Date(now.getTime() - 10 * MINUTE);
      if (change.portal) lab.world.defender.portal(alerts[index]!.id, { ...change.portal, at });
      else lab.world.defender.automatedInvestigation(alerts[index]!.id, { at });
      if (change.comments) defenderComments++;
    }
    for (const [n, index] of changed.slice(inDefender).entries()) {
      const change = GITHUB_CHANGES[n % GITHUB_CHANGES.length]!;
      lab.world.github.act(TRIAGER, numbers[index]!, { ...change.act, at: new Date(now.getTime() - 10 * MINUTE) });
      const key = JSON.stringify(change.alert);
      defenderSent.set(key, (defenderSent.get(key) ?? 0) + 1);
    }

    const defenderMark = lab.world.defender.requests.length;
    const first = await lab.run({ mode: "sync" }, { event: { name: "schedule", payload: {} } });
    if (first.result.code !== 0) throw new Error(`two-way reconcile failed: ${first.result.stdout.slice(-2000)}`);
    const defenderTimes = lab.world.defender.requests.slice(defenderMark).map((r) => r.at);
    const second = await lab.run({ mode: "sync" }, { event: { name: "schedule", payload: {} } });
    if (second.result.code !== 0) throw new Error(`second two-way reconcile failed: ${second.result.stdout.slice(-2000)}`);

    const open = issues - onGitHub;
    const githubMinimum = Math.max(1, ceil(open, ISSUES_PER_PAGE)) + Math.max(1, ceil(onGitHub, ISSUES_PER_PAGE)) + inDefender + onGitHub + defenderComments;
    const defenderReadsMinimum = ceil(issues, IDS_PER_READ);
    const defenderWritesMinimum = [...defenderSent.values()].reduce((sum, n) => sum + ceil(n, BATCH_SIZE), 0);
    const defenderWrites = first.requests.defender.patch + first.requests.defender.batch;
    const microsoft = first.requests.entra + first.requests.defender.total;
    const githubWrites = (requests: string[]) => requests.filter((r) => !r.startsWith("GET ")).length;
    const requests = first.requests.githubRequests;
    const listing = requests.filter((r) => /^GET .*\/issues$/.test(r)).length;
    const updates = requests.filter((r) => /^PATCH .*\/issues\/\d+$/.test(r)).length;
    const comments = requests.filter((r) => /^POST .*\/issues\/\d+\/comments$/.test(r)).length;
    const row: TwoWayEconomyRow = {
      case: `K=${issues} D=${inDefender} G=${onGitHub}`,
      issues,
      changedInDefender: inDefender,
      changedOnGitHub: onGitHub,
      github: first.requests.github.total,
      githubMinimum,
      githubDetail: { listing, updates, comments, other: requests.filter((r) => !/^(GET .*\/issues|PATCH .*\/issues\/\d+|POST .*\/issues\/\d+\/comments)$/.test(r)) },
      entra: first.requests.entra,
      defenderReads: first.requests.defender.list,
      defenderReadsMinimum,
      defenderWrites,
      defenderWritesMinimum,
      defenderCallsInAnyMinute: mostWithin(defenderTimes, MINUTE),
      secondReconcileWrites: { github: githubWrites(second.requests.githubRequests), defender: second.requests.defender.patch + second.requests.defender.batch },
      issuesUpdated: (JSON.parse(first.result.outputs["issues-updated"] ?? "[]") as unknown[]).length,
      ratio: Math.max(ratio(first.requests.github.total, githubMinimum), ratio(microsoft, 1 + defenderReadsMinimum + defenderWritesMinimum)),
      met: false,
    };
    row.met = row.ratio === 1 && row.entra === 1 && row.defenderReads === defenderReadsMinimum && row.defenderWrites === defenderWritesMinimum
      && row.defenderCallsInAnyMinute <= DEFENDER_CALLS_PER_MINUTE && row.secondReconcileWrites.github === 0 && row.secondReconcileWrites.defender === 0;
    return row;
  } finally {
    await lab.stop();
  }
}

/** (K, D, G): a quiet repository, one side's changes, both, and five times the size. */
const ROWS = [[100, 0, 0], [100, 10, 0], [100, 0, 10], [100, 10, 10], [500, 50, 50]] as const;

export async function twoWayEconomy(log: (line: string) => void): Promise<TwoWayEconomyRow[]> {
  const rows: TwoWayEconomyRow[] = [];
  for (const [k, d, g] of ROWS) {
    const row = await twoWayRow(k, d, g);
    const detail = row.githubDetail;
    log(`two-way ${row.case}: GitHub ${row.github}/${row.githubMinimum} (listing ${detail.listing}, updates ${detail.updates}, comments ${detail.comments}${detail.other.length ? `, other ${detail.other.join("; ")}` : ""}), Entra ${row.entra}, Defender reads ${row.defenderReads}/${row.defenderReadsMinimum}, writes ${row.defenderWrites}/${row.defenderWritesMinimum}, second run writes ${row.secondReconcileWrites.github} + ${row.secondReconcileWrites.defender}`);
    rows.push(row);
  }
  return rows;
}
