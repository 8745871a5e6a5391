import { describe, expect, it } from "vitest";
import { type IncidentIssue, planIncidentPull, survivorOf } from "../../src/issue/incident-plan.ts";
import { listedAlerts } from "../../src/issue/incident-record.ts";
import type { Incident, IncidentAlert } from "../../src/source/incident.ts";

const alert = (id: string): IncidentAlert => ({ id, createdAt: new Date("2026-12-01T10:00:00Z") } as IncidentAlert);

function incident(id: string, alerts: string[], fields: Partial<Incident> = {}): Incident {
  return {
    id,
    name: `Incident ${id}`,
    severity: "High",
    status: "New",
    classification: null,
    determination: null,
    assignedTo: null,
    createdAt: new Date(`2026-12-01T10:${id.padStart(2, "0")}:00Z`),
    updatedAt: null,
    webUrl: null,
    redirectedTo: null,
    tenantId: null,
    alerts: alerts.map(alert),
    comments: [],
    ...fields,
  };
}

const merged = (id: string, into: string) => incident(id, [], { status: "Redirected", redirectedTo: into });

function issue(number: number, incidentId: string, listed: string[], fields: Partial<IncidentIssue> = {}): IncidentIssue {
  return { number, incidentId, state: "open", createdAt: new Date(`2026-12-01T11:${String(number).padStart(2, "0")}:00Z`), listed: listedAlerts(listed), ...fields };
}

describe("planIncidentPull", () => {
  it("opens an issue for each incident without one, oldest first, and none for an incident with an issue, open or closed", () => {
    const plan = planIncidentPull([incident("3", ["a3"]), incident("1", ["a1"]), incident("2", ["a2"])], [issue(5, "2", ["a2"], { state: "closed" })]);
    expect(plan.open.map((i) => i.id)).toEqual(["1", "3"]);
    expect(plan).toMatchObject({ update: [], duplicates: [], missing: [] });
  });

  it("lists alerts that joined an incident on its issue, open or closed, naming only the new ones", () => {
    const plan = planIncidentPull([incident("1", ["a1", "a2", "a3"]), incident("2", ["b1"])], [issue(5, "1", ["a1"], { state: "closed" }), issue(6, "2", ["b1"])]);
    expect(plan.update.map((u) => [u.issue.number, u.joined.map((a) => a.id)])).toEqual([[5, ["a2", "a3"]]]);
    expect(plan.open).toEqual([]);
  });

  it("closes a merged incident's open issue as a duplicate of its survivor's, opening the survivor's first when it has none", () => {
    const withIssue = planIncidentPull([merged("1", "2"), incident("2", ["a1", "b1"])], [issue(5, "1", ["a1"]), issue(6, "2", ["b1"])]);
    expect(withIssue.duplicates).toEqual([{ issue: issue(5, "1", ["a1"]), of: "2", reason: "merged" }]);
    expect(withIssue.update.map((u) => [u.issue.number, u.joined.map((a) => a.id)])).toEqual([[6, ["a1"]]]);

    const without = planIncidentPull([merged("1", "2"), incident("2", ["a1", "b1"])], [issue(5, "1", ["a1"])]);
    expect(without.open.map((i) => i.id)).toEqual(["2"]);
    expect(without.duplicates.map((d) => [d.issue.number, d.of])).toEqual([[5, "2"]]);
  });

  it("follows a chain of merges to the last survivor", () => {
    const plan = planIncidentPull([merged("1", "2"), merged("2", "3"), incident("3", ["a1", "b1", "c1"])], [issue(5, "1", ["a1"]), issue(6, "2", ["b1"]), issue(7, "3", ["c1"])]);
    expect(plan.duplicates.map((d) => [d.issue.number, d.of])).toEqual([[5, "3"], [6, "3"]]);
    expect(plan.update.map((u) => [u.issue.number, u.joined.map((a) => a.id)])).toEqual([[7, ["a1", "b1"]]]);
  });

  it("asks for a survivor the listing does not hold, and decides nothing for that merge until it has it", () => {
    const plan = planIncidentPull([merged("1", "9")], [issue(5, "1", ["a1"])]);
    expect(plan).toEqual({ open: [], update: [], duplicates: [], missing: ["9"], moved: [] });
  });

  it("leaves a merged incident's closed issue, and a merged incident without an issue, alone", () => {
    const plan = planIncidentPull([merged("1", "2"), merged("3", "2"), incident("2", ["a1"])], [issue(5, "1", [], { state: "closed" }), issue(6, "2", ["a1"])]);
    expect(plan).toEqual({ open: [], update: [], duplicates: [], missing: [], moved: [] });
  });

  it("rewrites an issue whose record of listed alerts was lost, naming none as joined", () => {
    const plan = planIncidentPull([incident("1", ["a1", "a2"])], [issue(5, "1", [], { listed: undefined })]);
    expect(plan.update.map((u) => [u.issue.number, u.joined])).toEqual([[5, []]]);
  });

  it("counts as listed an alert older than a cut record's oldest", () => {
    const cut = issue(5, "1", ["a2"], { listed: listedAlerts(["a2"], new Date("2026-12-01T10:30:00Z")) });
    const plan = planIncidentPull([incident("1", ["a1", "a2"])], [cut]);
    expect(plan.update).toEqual([]);
  });

  it("closes a second open issue for one incident as a duplicate of the first, and opens nothing for an incident without alerts", () => {
    const plan = planIncidentPull([incident("1", ["a1"]), incident("4", [])], [issue(6, "1", ["a1"]), issue(5, "1", ["a1"])]);
    expect(plan.duplicates).toEqual([{ issue: issue(6, "1", ["a1"]), of: "1", reason: "second" }]);
    expect(plan.open).toEqual([]);
  });
});

describe("survivorOf", () => {
  const known = (...incidents: Incident[]) => new Map(incidents.map((i) => [i.id, i]));

  it("ends at an incident that was not merged, or names the one it does not know, or gives up on a loop", () => {
    expect(survivorOf("1", known(merged("1", "2"), merged("2", "3"), incident("3", [])))).toEqual({ survivor: "3" });
    expect(survivorOf("1", known(merged("1", "2")))).toEqual({ missing: "2" });
    expect(survivorOf("1", known(merged("1", "2"), merged("2", "1")))).toBeUndefined();
  });
});

describe("planIncidentPull: alerts put in another incident", () => {
  it("says on an open issue which of its listed alerts now belong to another incident, and where", () => {
    const plan = planIncidentPull([incident("2", ["a1", "a2", "b1"])], [issue(5, "1", ["a1", "a2", "a3"]), issue(6, "2", ["b1"])]);
    expect(plan.moved.map((m) => [m.issue.number, m.to, m.alerts.map((a) => a.id)])).toEqual([[5, "2", ["a1", "a2"]]]);
    // The survivor's issue lists them.
    expect(plan.update.map((u) => [u.issue.number, u.joined.map((a) => a.id)])).toEqual([[6, ["a1", "a2"]]]);
  });

  it("leaves a closed issue, one closing as a duplicate, and alerts only a cut record's time covers", () => {
    expect(planIncidentPull([incident("2", ["a1"])], [issue(5, "1", ["a1"], { state: "closed" })]).moved).toEqual([]);
    expect(planIncidentPull([merged("1", "2"), incident("2", ["a1"])], [issue(5, "1", ["a1"]), issue(6, "2", [])]).moved).toEqual([]);
    const cut = issue(5, "1", [], { listed: listedAlerts([], new Date("2026-12-02T00:00:00Z")) });
    expect(planIncidentPull([incident("2", ["a1"])], [cut]).moved).toEqual([]);
  });
});
