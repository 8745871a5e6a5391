import { describe, expect, it } from "vitest";
import type { AlertIssue, AlertIssueStore, IncidentIssueFound } from "../../src/github/store.ts";
import { listedAlerts } from "../../src/issue/incident-record.ts";
import { alertIssueNumbers, routeToIncidentIssues } from "../../src/modes/incident-issues.ts";
import type { Alert } from "../../src/source/alert.ts";
import type { Incident, IncidentAlert } from "../../src/source/incident.ts";
import type { AlertSource, ListedAlert } from "../../src/source/source.ts";

const at = new Date("2026-12-01T10:00:00Z");
const listed = (id: string, incidentId: string | null): ListedAlert => ({ id, createdAt: at, incidentId, read: () => ({ id, createdAt: at }) as Alert });

function incident(id: string, alerts: string[], fields: Partial<Incident> = {}): Incident {
  return {
    id, name: `Incident ${id}`, severity: "High", status: "New", classification: null, determination: null, assignedTo: null,
    createdAt: at, updatedAt: null, webUrl: null, redirectedTo: null, tenantId: null,
    alerts: alerts.map((alertId) => ({ id: alertId, createdAt: at }) as IncidentAlert), comments: [], ...fields,
  };
}

function issue(number: number, incidentId: string, listedIds: string[]): IncidentIssueFound {
  return {
    number, incidentId, url: `https://github.com/acme/soc/issues/${number}`, author: "bot", state: "open", stateReason: null, createdAt: at,
    labels: ["defender-incident"], assignees: [], comments: 0, record: undefined, listed: listedAlerts(listedIds),
  };
}

/** A source that knows `incidents` and records its reads; a store whose open incident issues are `open`. */
function deps(incidents: Incident[], open: IncidentIssueFound[], incidentsMax = 50) {
  const reads: string[] = [];
  const calls: Array<{ ids: string[]; evidence: boolean | undefined }> = [];
  let listings = 0;
  const incidentsById = async (ids: readonly string[], options?: { evidence?: boolean }) => {
    calls.push({ ids: [...ids], evidence: options?.evidence });
    reads.push(...ids);
    return new Map(incidents.filter((i) => ids.includes(i.id)).map((i) => [i.id, i]));
  };
  const source = { incidentsById } as unknown as AlertSource;
  const store = { listOpenIncidentIssues: async () => (listings++, open) } as unknown as AlertIssueStore;
  return { deps: { source, store, incidentsMax }, reads, calls, listings: () => listings };
}

const log = { info: () => {}, warning: () => {} };

describe("routeToIncidentIssues", () => {
  it("asks nothing when no alert belongs to an incident", async () => {
    const d = deps([], []);
    const routed = await routeToIncidentIssues([listed("a1", null)], [], d.deps, log);
    expect(routed.alone.map((a) => a.id)).toEqual(["a1"]);
    expect([d.listings(), d.reads]).toEqual([0, []]);
  });

  it("counts alerts their incident's issue lists, without reading the incident or listing again when the issue was in the pull's listing", async () => {
    const d = deps([], []);
    const routed = await routeToIncidentIssues([listed("a1", "7"), listed("a2", "7")], [issue(5, "7", ["a1", "a2"])], d.deps, log);
    expect(routed).toMatchObject({ alone: [], listed: 2, deferred: 0, update: [] });
    expect([d.listings(), d.reads]).toEqual([0, []]);
  });

  it("looks among open incident issues for the others, and lists a joining alert on its incident's issue", async () => {
    const d = deps([incident("7", ["a1", "a2"])], [issue(5, "7", ["a1"])]);
    const routed = await routeToIncidentIssues([listed("a2", "7"), listed("b1", "8"), listed("c1", null)], [], d.deps, log);
    expect(routed.alone.map((a) => a.id)).toEqual(["b1", "c1"]);
    expect(routed.listed).toBe(1);
    expect(routed.update.map((u) => [u.issue.number, u.joined.map((a) => a.id)])).toEqual([[5, ["a2"]]]);
    expect([d.listings(), d.reads]).toEqual([1, ["7"]]);
  });

  it("gives an alert its own issue when its incident cannot be read, was merged, or no longer holds it", async () => {
    const d = deps([incident("8", [], { status: "Redirected", redirectedTo: "9" }), incident("10", ["x"])], [issue(5, "7", []), issue(6, "8", []), issue(7, "10", [])]);
    const routed = await routeToIncidentIssues([listed("a1", "7"), listed("b1", "8"), listed("c1", "10")], [], d.deps, log);
    expect(routed.alone.map((a) => a.id)).toEqual(["a1", "b1", "c1"]);
    // The incident that still has alerts of its own gets them listed; the alert that left it does not count.
    expect(routed.update.map((u) => u.issue.number)).toEqual([7]);
    expect(routed.listed).toBe(0);
  });

  it("reads at most incidentsMax incidents a run and leaves the alerts of the rest for a later one", async () => {
    const d = deps([incident("1", ["a1"]), incident("2", ["a2"]), incident("3", ["a3"])], [issue(5, "1", []), issue(6, "2", []), issue(7, "3", [])], 2);
    const routed = await routeToIncidentIssues([listed("a1", "1"), listed("a2", "2"), listed("a3", "3")], [], d.deps, log);
    expect(d.reads).toEqual(["1", "2"]);
    expect(routed).toMatchObject({ alone: [], listed: 2, deferred: 1 });
  });

  it("reads the incidents whose issues gained alerts together, once, with the evidence their bodies gather", async () => {
    const d = deps([incident("1", ["a1", "b1"]), incident("2", ["a2"])], [issue(5, "1", ["a1"]), issue(6, "2", [])]);
    await routeToIncidentIssues([listed("b1", "1"), listed("a2", "2"), listed("c2", "2")], [], d.deps, log);
    expect(d.calls).toEqual([{ ids: ["1", "2"], evidence: true }]);
  });
});

describe("alertIssueNumbers", () => {
  it("names each alert's oldest issue", () => {
    const made = (number: number, alertId: string, minutes: number) => ({ number, alertId, createdAt: new Date(at.getTime() + minutes * 60_000) }) as AlertIssue;
    expect(alertIssueNumbers([made(9, "a", 5), made(3, "a", 1), made(4, "b", 2)])).toEqual(new Map([["a", 3], ["b", 4]]));
  });
});
