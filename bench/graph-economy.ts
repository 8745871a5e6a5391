/**
 * Request economy with `source: graph`: the pull and sync rows of economy.ts, read from the Graph
 * security API (`/v1.0/security/alerts_v2`) instead of Defender for Endpoint's.
 *
 * Pull, for N new alerts and E alert issues already in the window:
 *   GitHub   ≥ as for endpoint (economy.ts)
 *   Entra ID ≥ 1 token;  Graph ≥ graphListCalls(alerts): ⌈alerts / 1,000⌉ pages, and one request
 *              more where a reading by time cannot end sooner (see graphListCalls)
 * Sync, per event: 1 permission check + 1 token + 1 Graph call (a PATCH, or a comment's POST),
 * nothing for a no-op.
 */
import { expectedSyncRequests, pullRow, type PullEconomyRow, type PullSource, SYNC_ALERT_ID, syncEvents } from "./economy.ts";
import { graphAlertsBetween, HOUR, startLab } from "./support/lab.ts";

// The action's default and largest page (src/graph/client.ts MAX_PAGE_SIZE).
const PAGE = 1_000;

/**
 * The fewest list calls that read a window of `alerts` from Graph, paged by time as the action must
 * (src/graph/listing.ts: past some `$skip` Graph stops paging without an error, so next links cannot
 * be followed to the end):
 * - a page holds 1,000 alerts; an empty window still costs one request (an empty page);
 * - each page after the first asks for `createdDateTime ge` the last page's last time (`ge`, not
 *   `gt`, because alerts share timestamps), so it brings that alert again: 999 new ones at most;
 * - a page as full as was asked for may have more behind it (Graph has been reported to leave out
 *   the next link while more remain), so a reading that ends on a full page asks once more and gets
 *   the repeated alert alone.
 * So k requests see the end of a window of at most 999·k alerts. It is ⌈alerts / 1,000⌉ except for
 * a last page that comes out full (1,000 alerts: 2) and, from 1,999 alerts, the repeats adding up
 * to a page (10,000: 11).
 */
export function graphListCalls(alerts: number, pageSize = PAGE): number {
  return alerts === 0 ? 1 : Math.floor((alerts - 1) / (pageSize - 1)) + 1;
}

export const GRAPH_PULL: PullSource = {
  seed(lab, count, now, newestAgo, oldestAgo, salt) {
    const alerts = graphAlertsBetween(count, now, newestAgo, oldestAgo, salt);
    lab.world.graph.alerts.push(...alerts);
    return alerts.map((alert) => alert.id);
  },
  inputs: (lab) => lab.world.graphInputs,
  calls: (requests) => requests.graph.total,
  listMinimum: graphListCalls,
};

export interface GraphPullEconomyRow extends PullEconomyRow {
  /** ⌈alerts / 1,000⌉: the pages the window's alerts fill. */
  pages: number;
}

/** (N, E): nothing, new alerts alone, with issues to look up, a full page, and 2,500 alerts (three pages). */
const PULL_CASES = [[0, 0], [50, 0], [50, 500], [500, 500], [500, 2000]] as const;

export async function graphPullEconomy(log: (line: string) => void): Promise<GraphPullEconomyRow[]> {
  const rows: GraphPullEconomyRow[] = [];
  for (const [n, e] of PULL_CASES) {
    const row = { ...(await pullRow(GRAPH_PULL, n, e, 0, false)), pages: Math.ceil((n + e) / PAGE) };
    log(`pull, source: graph, ${row.case}: GitHub ${row.github}/${row.githubMinimum}, Microsoft ${row.microsoft}/${row.microsoftMinimum} (Graph list calls ${row.listCalls}, pages of 1,000 ${row.pages}), opened ${row.opened}`);
    rows.push(row);
  }
  return rows;
}

export interface GraphSyncEconomyRow {
  event: string;
  sends: boolean;
  github: number;
  entra: number;
  graph: number;
  /** The Graph calls, e.g. "PATCH" or "POST comment". */
  calls: string;
  /** 1 permission check, 1 token, 1 Graph call when the event sends; 0 otherwise. */
  met: boolean;
}

export async function graphSyncEconomy(log: (line: string) => void): Promise<GraphSyncEconomyRow[]> {
  const lab = await startLab();
  try {
    const [alert] = graphAlertsBetween(1, lab.now(), HOUR, HOUR, "sync");
    lab.world.graph.alerts.push({ ...alert!, id: SYNC_ALERT_ID, providerAlertId: SYNC_ALERT_ID });
    lab.world.github.collaborators.set("triager", "triage");
    const rows: GraphSyncEconomyRow[] = [];
    for (const [name, sends, event] of syncEvents()) {
      const { result, requests } = await lab.run({ ...lab.world.graphInputs, mode: "sync" }, { event });
      if (result.code !== 0) throw new Error(`sync (source: graph) ${name} failed: ${result.stdout.slice(-2000)}`);
      const { graph } = requests;
      const calls = [
        ...Array<string>(graph.patch).fill("PATCH"),
        ...Array<string>(graph.comment).fill("POST comment"),
        ...Array<string>(graph.read).fill("GET alert"),
        ...Array<string>(graph.list).fill("GET list"),
      ];
      const row = { event: name, sends, github: requests.github.total, entra: requests.entra, graph: graph.total, calls: calls.join(" + ") || "–", met: false };
      const expected = expectedSyncRequests(name, sends);
      row.met = row.github === expected[0] && row.entra === expected[1] && row.graph === expected[2];
      log(`sync, source: graph, ${name}: GitHub ${row.github}, Entra ${row.entra}, Graph ${row.graph} (${row.calls})`);
      rows.push(row);
    }
    return rows;
  } finally {
    await lab.stop();
  }
}
