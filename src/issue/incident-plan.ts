/**
 * Pull with `group-by: incident`, planned: which incidents get a new issue, which issues gain the
 * alerts that joined their incident, and which issues of merged incidents close as duplicates of
 * the survivor's. Pure: the mode lists incidents and issues, this decides, the mode applies.
 */
import type { Incident, IncidentAlert } from "../source/incident.js";
import { alertHashValue, type ListedAlerts, lists } from "./incident-record.js";

/** An incident issue as pull sees it: its incident, and the alerts its body lists. */
export interface IncidentIssue {
  number: number;
  incidentId: string;
  state: "open" | "closed";
  createdAt: Date;
  /** The record of the alerts the issue lists, from its body; none when it was lost (an edit). */
  listed: ListedAlerts | undefined;
}

export interface IncidentPlan {
  /** Incidents without an issue, oldest first: survivors of merges among them. */
  open: Incident[];
  /**
   * Issues whose incident holds alerts they do not list yet, or whose record of them was lost
   * (rewritten without naming any alert as new: which are new is not known).
   */
  update: Array<{ issue: IncidentIssue; incident: Incident; joined: IncidentAlert[] }>;
  /** Open issues to close as duplicates: a merged incident's (of its survivor's), or a second issue for one incident (of the first). */
  duplicates: Array<{ issue: IncidentIssue; of: string; reason: "merged" | "second" }>;
  /** Survivors of merges that the listing did not hold: read them, and plan again. */
  missing: string[];
  /**
   * Issues that list alerts Defender has since put in another incident (how a merge shows in the
   * Endpoint API, whose incidents are never redirected): each says where they went, once.
   */
  moved: Array<{ issue: IncidentIssue; to: string; alerts: IncidentAlert[] }>;
}

export const REDIRECTED = "Redirected";

/**
 * Where a merged incident went: the end of its chain of merges (A into B, B into C: C). Undefined
 * when the chain leaves the incidents known, or loops.
 */
export function survivorOf(id: string, incidents: ReadonlyMap<string, Incident>): { survivor: string } | { missing: string } | undefined {
  const seen = new Set<string>();
  let current = id;
  for (;;) {
    if (seen.has(current)) return undefined;
    seen.add(current);
    const incident = incidents.get(current);
    if (!incident) return { missing: current };
    if (incident.status !== REDIRECTED || !incident.redirectedTo) return { survivor: current };
    current = incident.redirectedTo;
  }
}

const oldestFirst = <T extends { createdAt: Date }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime();

export function planIncidentPull(incidents: readonly Incident[], issues: readonly IncidentIssue[]): IncidentPlan {
  const plan: IncidentPlan = { open: [], update: [], duplicates: [], missing: [], moved: [] };
  const known = new Map(incidents.map((incident) => [incident.id, incident]));

  // One issue speaks for an incident: the oldest. Any later open one is a second issue.
  const issueOf = new Map<string, IncidentIssue>();
  for (const issue of [...issues].sort((a, b) => oldestFirst(a, b) || a.number - b.number)) {
    const first = issueOf.get(issue.incidentId);
    if (!first) issueOf.set(issue.incidentId, issue);
    else if (issue.state === "open") plan.duplicates.push({ issue, of: issue.incidentId, reason: "second" });
  }

  const opening = new Set<string>();
  const open = (incident: Incident) => {
    if (issueOf.has(incident.id) || opening.has(incident.id)) return;
    opening.add(incident.id);
    plan.open.push(incident);
  };

  for (const incident of incidents) {
    if (incident.status === REDIRECTED && incident.redirectedTo) {
      const end = survivorOf(incident.id, known);
      if (end && "missing" in end) {
        if (!plan.missing.includes(end.missing)) plan.missing.push(end.missing);
        continue;
      }
      if (!end) continue;
      const issue = issueOf.get(incident.id);
      if (issue?.state === "open") {
        // The survivor's issue is where its alerts are listed now, so it must exist first.
        open(known.get(end.survivor)!);
        plan.duplicates.push({ issue, of: end.survivor, reason: "merged" });
      }
      continue;
    }
    const issue = issueOf.get(incident.id);
    if (!issue) {
      if (incident.alerts.length > 0) open(incident);
      continue;
    }
    if (!issue.listed) {
      plan.update.push({ issue, incident, joined: [] });
      continue;
    }
    const record = issue.listed;
    const joined = incident.alerts.filter((alert) => !lists(record, alert));
    if (joined.length > 0) plan.update.push({ issue, incident, joined });
  }
  plan.open.sort(oldestFirst);
  plan.moved = movedAlerts(incidents, issueOf, new Set(plan.duplicates.map(({ issue }) => issue.number)));
  return plan;
}

/**
 * Alerts an open issue's record names by their ID that now belong to another incident of the
 * listing. Only hashes count (an alert older than a cut record's `since` is not looked for); an
 * issue closing as a duplicate says where its alerts went already, and a closed one is left as it is.
 */
function movedAlerts(incidents: readonly Incident[], issueOf: ReadonlyMap<string, IncidentIssue>, closing: ReadonlySet<number>): IncidentPlan["moved"] {
  const candidates = [...issueOf.values()].filter((issue) => issue.listed && issue.listed.hashes.length > 0 && issue.state === "open" && !closing.has(issue.number));
  if (candidates.length === 0) return [];
  // The listing's alerts by hash: the records of thousands of issues are searched, not copied.
  const held = new Map<number, Array<{ incident: Incident; alert: IncidentAlert }>>();
  for (const incident of incidents) {
    if (incident.status === REDIRECTED) continue;
    for (const alert of incident.alerts) {
      const hash = alertHashValue(alert.id);
      const holders = held.get(hash);
      if (holders) holders.push({ incident, alert });
      else held.set(hash, [{ incident, alert }]);
    }
  }
  const moved: IncidentPlan["moved"] = [];
  for (const issue of candidates) {
    let to: Map<string, IncidentAlert[]> | undefined;
    for (const hash of issue.listed!.hashes) {
      for (const { incident, alert } of held.get(hash) ?? []) {
        if (incident.id === issue.incidentId) continue;
        to ??= new Map();
        to.set(incident.id, [...(to.get(incident.id) ?? []), alert]);
      }
    }
    for (const [incidentId, alerts] of to ?? []) moved.push({ issue, to: incidentId, alerts: alerts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });
  }
  return moved;
}
