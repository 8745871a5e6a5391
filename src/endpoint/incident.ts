/**
 * Incidents as the Defender for Endpoint API shows them: it serves no incidents, only alerts that
 * name theirs (`incidentId`), so an incident is its alerts grouped, named by its first alert's
 * title, as severe as its most severe alert, commented as its alerts are. Pure.
 */
import { SEVERITIES } from "../issue/vocabulary.js";
import { type Alert, type AlertComment, severityOf } from "../source/alert.js";
import { evidenceSideBySide, shared } from "../source/compact.js";
import { type Incident, type IncidentAlert, incidentAlertOf } from "../source/incident.js";
import { odataTime } from "../source/odata.js";
import type { AlertWindow, ListedAlert } from "../source/source.js";
import { EndpointIncidentAlert, type EndpointListedAlert } from "./alert.js";

const byAge = (a: Pick<Alert, "id" | "createdAt">, b: Pick<Alert, "id" | "createdAt">) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What a listing of the alerts updated within the window names, taken an alert at a time as it
 * streams in (an alert taken twice counts once): the incidents, of which only the ID is kept (their
 * alerts are read again in full), and the alerts of no incident that were created within the window
 * (to the second, as the filter writes its bounds): those `listAlerts` gives, which get alert issues.
 */
export function namedInWindow(window: Pick<AlertWindow, "since" | "until">): { take(alert: ListedAlert): void; named(): { incidentIds: string[]; loose: ListedAlert[] } } {
  const incidentIds = new Set<string>();
  const loose = new Map<string, ListedAlert>();
  const [from, to] = [odataTime(window.since), odataTime(window.until)].map(Date.parse) as [number, number];
  return {
    take(alert) {
      if (alert.incidentId) incidentIds.add(alert.incidentId);
      else if (alert.createdAt.getTime() >= from && alert.createdAt.getTime() < to) loose.set(alert.id, alert);
    },
    // Incidents shortest ID first, then in order, so that the requests a run makes to read them do not depend on Defender's order.
    named: () => ({ incidentIds: [...incidentIds].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)), loose: [...loose.values()] }),
  };
}

/**
 * Listed alerts grouped by the incident they name (an alert that names none is no incident's),
 * each incident's alerts oldest first, incidents by their first alert. Each alert is read apart
 * from its evidence while its incident is made: the incident keeps what it shows of each, and the
 * evidence as bytes.
 */
export function groupByIncident(alerts: readonly EndpointListedAlert[]): Incident[] {
  const groups = new Map<string, EndpointListedAlert[]>();
  for (const alert of alerts) {
    if (!alert.incidentId) continue;
    const group = groups.get(alert.incidentId);
    if (group) group.push(alert);
    else groups.set(alert.incidentId, [alert]);
  }
  const incidents = [...groups].map(([id, members]) => {
    const apart = members.map((listed) => listed.readApart());
    const evidence = new Map(evidenceSideBySide(apart).map((bytes, i) => [apart[i]!.alert.id, bytes]));
    return incidentOf(id, apart.map(({ alert }) => alert).sort(byAge), (alert) => new EndpointIncidentAlert(alert, evidence.get(alert.id)!));
  });
  return incidents.sort(byFirstAlert);
}

/** Incidents by their first alert: oldest first. */
export const byFirstAlert = (a: Incident, b: Incident) => byAge(a.alerts[0]!, b.alerts[0]!);

/**
 * One incident from its alerts (oldest first): what they agree on, and the most severe and latest
 * of them. `keep`: what the incident keeps of each alert (by default, the alert itself).
 */
export function incidentOf(id: string, alerts: readonly Alert[], keep: (alert: Alert) => IncidentAlert = (alert) => incidentAlertOf(alert)): Incident {
  const first = alerts[0];
  if (!first) throw new Error(`Incident ${id} has no alerts`);
  const severity = alerts.map(severityOf).reduce((worst, s) => (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(worst) ? s : worst));
  const updated = alerts.reduce((latest, alert) => Math.max(latest, alert.updatedAt?.getTime() ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
  return {
    id,
    name: shared(first.title),
    severity,
    status: statusOf(alerts),
    classification: agreed(alerts.map((alert) => alert.classification)),
    determination: agreed(alerts.map((alert) => alert.determination)),
    assignedTo: agreed(alerts.map((alert) => alert.assignedTo)),
    createdAt: first.createdAt,
    updatedAt: Number.isFinite(updated) ? new Date(updated) : null,
    webUrl: first.incident?.webUrl ?? null,
    redirectedTo: null,
    tenantId: shared(first.tenantId),
    alerts: alerts.map(keep),
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
