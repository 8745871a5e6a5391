/**
 * Incidents as the Defender for Endpoint API shows them: it serves no incidents, only alerts that
 * name theirs (`incidentId`), so an incident is its alerts grouped, named by its first alert's
 * title, as severe as its most severe alert, commented as its alerts are. Pure.
 */
import { SEVERITIES } from "../issue/vocabulary.js";
import { type Alert, type AlertComment, severityOf } from "../source/alert.js";
import { type Incident, incidentAlertOf } from "../source/incident.js";
import type { ListedAlert } from "../source/source.js";

export interface Grouped {
  incidents: Incident[];
  /** Alerts that name no incident: they get alert issues, as without grouping. */
  loose: ListedAlert[];
}

const byAge = (a: Pick<Alert, "id" | "createdAt">, b: Pick<Alert, "id" | "createdAt">) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Listed alerts grouped by the incident they name, each incident's alerts oldest first, incidents
 * by their first alert. An incident's alerts are read whole only while it is made from them: it
 * keeps what it shows of each, and reads an alert again for its evidence.
 */
export function groupByIncident(alerts: readonly ListedAlert[]): Grouped {
  const groups = new Map<string, ListedAlert[]>();
  const loose: ListedAlert[] = [];
  for (const alert of alerts) {
    if (!alert.incidentId) {
      loose.push(alert);
      continue;
    }
    const group = groups.get(alert.incidentId);
    if (group) group.push(alert);
    else groups.set(alert.incidentId, [alert]);
  }
  const incidents = [...groups].map(([id, members]) => incidentOf(id, members.map((listed) => listed.read()).sort(byAge), new Map(members.map((listed) => [listed.id, listed.read]))));
  incidents.sort((a, b) => byAge(a.alerts[0]!, b.alerts[0]!));
  return { incidents, loose: loose.sort(byAge) };
}

/**
 * One incident from its alerts (oldest first): what they agree on, and the most severe and latest
 * of them. `readAgain`: how to read each alert again, by ID, so that the incident need not hold it.
 */
export function incidentOf(id: string, alerts: readonly Alert[], readAgain?: ReadonlyMap<string, () => Alert>): Incident {
  const first = alerts[0];
  if (!first) throw new Error(`Incident ${id} has no alerts`);
  const severity = alerts.map(severityOf).reduce((worst, s) => (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(worst) ? s : worst));
  const updated = alerts.reduce((latest, alert) => Math.max(latest, alert.updatedAt?.getTime() ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
  return {
    id,
    name: first.title,
    severity,
    status: statusOf(alerts),
    classification: agreed(alerts.map((alert) => alert.classification)),
    determination: agreed(alerts.map((alert) => alert.determination)),
    assignedTo: agreed(alerts.map((alert) => alert.assignedTo)),
    createdAt: first.createdAt,
    updatedAt: Number.isFinite(updated) ? new Date(updated) : null,
    webUrl: first.incident?.webUrl ?? null,
    redirectedTo: null,
    tenantId: first.tenantId,
    alerts: alerts.map((alert) => incidentAlertOf(alert, readAgain?.get(alert.id))),
    comments: incidentComments(alerts),
  };
}

/**
 * The comments on an incident's alerts as the incident's, oldest first. The same text by the same
 * author on several alerts (someone commenting on each alert, as sync does with an incident issue's
 * comment) is one comment, at its earliest time: the first such comment on each alert is one, the
 * second on each another, and so on. A comment on only some of the alerts names them.
 */
export function incidentComments(alerts: readonly Alert[]): AlertComment[] {
  const copies = new Map<string, Array<{ comment: AlertComment; alertIds: string[] }>>();
  const alertIds = new Set<string>();
  for (const alert of alerts) {
    // An alert listed twice is one alert.
    if (alertIds.has(alert.id)) continue;
    alertIds.add(alert.id);
    const seen = new Map<string, number>();
    for (const comment of [...alert.comments].sort(byTime)) {
      const key = JSON.stringify([comment.createdBy, comment.comment]);
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      const same = copies.get(key) ?? [];
      copies.set(key, same);
      const copy = same[nth];
      if (!copy) same.push({ comment, alertIds: [alert.id] });
      else {
        copy.alertIds.push(alert.id);
        if (byTime(comment, copy.comment) < 0) copy.comment = comment;
      }
    }
  }
  const merged = [...copies.values()].flat().map(({ comment, alertIds: on }) => (on.length < alertIds.size ? { ...comment, alertIds: on } : comment));
  return merged.sort(byTime);
}

/** Oldest first; a time that does not read last. */
function byTime(a: AlertComment, b: AlertComment): number {
  const at = (c: AlertComment) => {
    const time = Date.parse(c.createdTime);
    return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
  };
  return at(a) - at(b) || 0;
}

/** Resolved when every alert is; in progress when any is, or when some are resolved and some not; else new. */
function statusOf(alerts: readonly Alert[]): string {
  if (alerts.every((alert) => alert.status === "Resolved")) return "Resolved";
  if (alerts.some((alert) => alert.status === "InProgress" || alert.status === "Resolved")) return "InProgress";
  return "New";
}

/** The value every alert has, or none when they differ or none has one. */
function agreed(values: ReadonlyArray<string | null>): string | null {
  const first = values[0] ?? null;
  return first !== null && values.every((value) => value === first) ? first : null;
}
