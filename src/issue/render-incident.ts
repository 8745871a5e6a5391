/**
 * A Defender incident as an issue: title, body and labels. The body links the incident, lists its
 * alerts and gathers the evidence that matters across them, within GitHub's limit whatever the
 * incident holds. Pure: the same incident always renders the same.
 */
import { type Incident, type IncidentAlert, incidentSeverityOf } from "../source/incident.js";
import { GATHERED_KINDS, type GatheredEntity, type GatheredKind, gatherEvidence } from "./incident-evidence.js";
import { cellCode, formatTime, inlineText, singleLine, truncate } from "./markdown.js";
import { listedLine } from "./incident-record.js";
import { incidentMarkerFor, isIncidentId } from "./marker.js";
import { portalLink, portalTenant, portalUrl } from "./portal.js";
import { BODY_MAX, cell, entityCode, fillTitle, type RenderOptions, triageFooter } from "./render.js";
import { INCIDENT_LABEL, severityLabel } from "./vocabulary.js";

export interface IncidentRenderOptions extends RenderOptions {
  /**
   * Alerts that have an alert issue of their own (opened before the repository grouped by
   * incident), by alert ID: their row links it, and GitHub links back from that issue.
   */
  alertIssues?: ReadonlyMap<string, number>;
}

export interface IncidentIssueDraft {
  incidentId: string;
  title: string;
  body: string;
  labels: string[];
}

// The alerts table has a row for each alert: its cells are cut shorter than a field's.
const TITLE_CELL_MAX = 200;
const SOURCE_CELL_MAX = 100;
const WORD_CELL_MAX = 40;
// The entities of one kind shown at most, so that many files leave room for the devices and users.
const ENTITIES_PER_KIND_MAX = 50;

export function renderIncidentIssue(incident: Incident, options: IncidentRenderOptions): IncidentIssueDraft {
  return {
    incidentId: incident.id,
    title: renderIncidentTitle(options.titleTemplate, incident),
    body: renderIncidentBody(incident, options),
    labels: [...new Set([INCIDENT_LABEL, severityLabel(incidentSeverityOf(incident)), ...options.extraLabels])],
  };
}

/**
 * `title-template` filled with the incident's fields: `{title}` its name, `{severity}` the label
 * word, `{id}`; an alert's fields (`{computerDnsName}`) are empty, so the default template reads
 * `[{severity}] {title}`. An incident without a name is named by its ID.
 */
export function renderIncidentTitle(template: string, incident: Incident): string {
  const fallback = `Defender incident ${incident.id}`;
  const fields = {
    id: incident.id,
    title: incident.name && singleLine(incident.name) ? incident.name : fallback,
    severity: incidentSeverityOf(incident),
    status: incident.status,
    classification: incident.classification,
    determination: incident.determination,
    assignedTo: incident.assignedTo,
  };
  return fillTitle(template, fields, fallback);
}

export function renderIncidentBody(incident: Incident, options: IncidentRenderOptions): string {
  const tenantId = portalTenant(incident.tenantId, options.tenantId);
  const link = portalLink(incident.webUrl, options.portalHost, `incidents/${encodeURIComponent(incident.id)}`, tenantId);
  const alerts = inOrder(incident.alerts);
  const head = [
    incidentMarkerFor(incident.id),
    `**[Open the incident in Microsoft Defender](${link})**`,
    fieldTable(incident, alerts.length, options.portalHost, tenantId),
  ].join("\n\n");
  const footer = triageFooter("incident");
  // Which alerts the issue lists, for the next pull to tell which joined since.
  const record = listedLine(incident.alerts);
  // Four blank lines between five parts, and the last newline.
  const room = BODY_MAX - head.length - footer.length - record.length - 4 * 2 - 1;
  const more = (what: string) => `${what} not shown here: [see the incident in Microsoft Defender](${link}).`;
  const alertRows = alerts.map((alert) => alertRow(alert, options.portalHost, portalTenant(alert.tenantId, tenantId), options.alertIssues?.get(alert.id)));
  const evidence = evidenceTable(gatherEvidence(alerts), more);
  // The alerts come first; the evidence keeps at least a third of the room when it needs it.
  const alertsRoom = Math.min(room, Math.max(room - evidence.need, Math.floor((room * 2) / 3)));
  const alertsNote = (shown: number) => {
    const n = alerts.length - shown;
    return more(`${n} more ${n === 1 ? "alert is" : "alerts are"}`);
  };
  const alertsSection = alerts.length === 0 ? "" : fitTable(`### Alerts (${alerts.length})\n\n${ALERTS_HEADER}`, alertRows, alertsRoom, alertsNote);
  const evidenceSection = evidence.render(room - alertsSection.length);
  return [head, alertsSection, evidenceSection, footer, record].filter(Boolean).join("\n\n") + "\n";
}

/** Oldest first: by first activity, else creation; each alert once. */
function inOrder(alerts: readonly IncidentAlert[]): IncidentAlert[] {
  const unique = [...new Map(alerts.map((alert) => [alert.id, alert])).values()];
  const at = (alert: IncidentAlert) => (alert.firstActivity ?? alert.createdAt).getTime();
  return unique.sort((a, b) => at(a) - at(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function row(name: string, value: string): string {
  return `| ${name} | ${value} |`;
}

function fieldTable(incident: Incident, alertCount: number, portalHost: string, tenantId: string | undefined): string {
  const merged = incident.redirectedTo
    ? isIncidentId(incident.redirectedTo)
      ? `[${cellCode(incident.redirectedTo)}](${portalUrl(portalHost, `incidents/${encodeURIComponent(incident.redirectedTo)}`, tenantId)})`
      : cell(incident.redirectedTo)
    : null;
  return [
    "| Field | Value |",
    "|---|---|",
    row("Name", cell(incident.name)),
    row("Severity", incidentSeverityOf(incident)),
    row("Status", cell(incident.status)),
    ...(merged ? [row("Merged into", merged)] : []),
    row("Assigned to", cell(incident.assignedTo)),
    row("Classification", cell(incident.classification)),
    row("Determination", cell(incident.determination)),
    row("Created", cell(formatTime(incident.createdAt))),
    row("Last update", cell(formatTime(incident.updatedAt))),
    row("Alerts", String(alertCount)),
    row("Incident ID", cellCode(incident.id)),
  ].join("\n");
}

const ALERTS_HEADER = "| Severity | Title | Product or detection source | Status | First activity | Alert |\n|---|---|---|---|---|---|";

function short(value: string | null, max: number): string {
  return value && singleLine(value) ? inlineText(truncate(value, max)) : "—";
}

function alertRow(alert: IncidentAlert, portalHost: string, tenantId: string | undefined, issue: number | undefined): string {
  const link = portalLink(alert.webUrl, portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId);
  const cells = [
    short(alert.severity, WORD_CELL_MAX),
    short(alert.title, TITLE_CELL_MAX),
    short(alert.product ?? alert.detectionSource, SOURCE_CELL_MAX),
    short(alert.status, WORD_CELL_MAX),
    cell(formatTime(alert.firstActivity)),
    // The ID has the marker's shape; as code it cannot be read as markup.
    `[${cellCode(alert.id) || "alert"}](${link})${issue === undefined ? "" : ` · #${issue}`}`,
  ];
  return `| ${cells.join(" | ")} |`;
}

const KIND_WORDS: Record<GatheredKind, [one: string, many: string]> = {
  device: ["Device", "devices"],
  user: ["User", "users"],
  mailbox: ["Mailbox", "mailboxes"],
  file: ["File", "files"],
};

/**
 * The gathered evidence as a table, at most ENTITIES_PER_KIND_MAX of each kind; `need` is its
 * length when nothing else limits it.
 */
function evidenceTable(entities: readonly GatheredEntity[], more: (what: string) => string) {
  const perKind = new Map<GatheredKind, number>();
  const rows: Array<{ kind: GatheredKind; line: string }> = [];
  for (const entity of entities) {
    const count = (perKind.get(entity.kind) ?? 0) + 1;
    perKind.set(entity.kind, count);
    if (count <= ENTITIES_PER_KIND_MAX) rows.push({ kind: entity.kind, line: `| ${KIND_WORDS[entity.kind][0]} | ${entityCode(entity.entity)} | ${entity.alerts} |` });
  }
  const header = `### Evidence across the alerts\n\n| Kind | Entity | Alerts naming it |\n|---|---|---|`;
  const note = (shown: number) => {
    const left = GATHERED_KINDS.flatMap((kind) => {
      const n = (perKind.get(kind) ?? 0) - rows.slice(0, shown).filter((row) => row.kind === kind).length;
      return n > 0 ? [`${n} ${n === 1 ? kind : KIND_WORDS[kind][1]}`] : [];
    });
    const n = entities.length - shown;
    return more(`${n} more ${n === 1 ? "entity" : "entities"} (${left.join(", ")}) ${n === 1 ? "is" : "are"}`);
  };
  const render = (room: number) => (entities.length === 0 ? "" : fitTable(header, rows.map((row) => row.line), room, note, entities.length - rows.length));
  return { need: entities.length === 0 ? 0 : render(Number.MAX_SAFE_INTEGER).length, render };
}

/**
 * A table of as many rows as fit in `room` characters, in order, and `note(shown)` saying what is
 * not shown (`dropped` rows already left out before it); "" when not even the note fits.
 */
function fitTable(header: string, rows: readonly string[], room: number, note: (shown: number) => string, dropped = 0): string {
  const whole = [header, ...rows].join("\n");
  if (dropped === 0 && whole.length <= room) return whole;
  // The note with no row shown is the longest it can be.
  const reserve = 2 + note(0).length;
  let used = header.length;
  let shown = 0;
  for (const line of rows) {
    if (used + 1 + line.length + reserve > room) break;
    used += 1 + line.length;
    shown++;
  }
  if (used + reserve > room) return "";
  return `${[header, ...rows.slice(0, shown)].join("\n")}\n\n${note(shown)}`;
}
