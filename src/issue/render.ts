/** An alert as an issue: title, body and labels. Pure: the same alert always renders the same. */
import { type Alert, type Evidence, type EvidenceDetail, severityOf } from "../source/alert.js";
import { cellCode, defang, formatTime, inlineText, quoteBlock, singleLine, truncate } from "./markdown.js";
import { markerFor } from "./marker.js";
import { portalLink, portalTenant, portalUrl } from "./portal.js";
import { ALERT_LABEL, CLASSIFICATIONS, DETERMINATIONS_BY_CLASSIFICATION, STATUSES, severityLabel } from "./vocabulary.js";

export const TITLE_MAX = 256;
export const BODY_MAX = 65_536;
const CELL_MAX = 500;
const BLOCK_MAX = 4_000;

export interface RenderOptions {
  titleTemplate: string;
  /** Portal host of the cloud, e.g. security.microsoft.com. */
  portalHost: string;
  /** Tenant ID for portal links (`tid=`), when known. */
  tenantId?: string;
  extraLabels: readonly string[];
}

export interface IssueDraft {
  alertId: string;
  title: string;
  body: string;
  labels: string[];
}

export { severityOf };

/** The alert's title: `title-template` filled with the alert's fields. */
export function renderTitle(template: string, alert: Alert): string {
  return fillTitle(template, alert.fields, `Defender alert ${alert.id}`);
}

/**
 * `{field}` → the field; arrays are joined, objects and missing fields render empty, and
 * ` on {field}` is left out when the field is empty. A title left empty is `fallback`.
 */
export function fillTitle(template: string, fields: Readonly<Record<string, unknown>>, fallback: string): string {
  // Own fields only: `{constructor}` names no field.
  const field = (name: string) => scalarText(Object.hasOwn(fields, name) ? fields[name] : undefined);
  const filled = template
    .replace(/ on \{([A-Za-z][A-Za-z0-9]*)\}/g, (on, name: string) => (singleLine(field(name)) ? on : ""))
    .replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, name: string) => field(name));
  return truncate(singleLine(filled) || fallback, TITLE_MAX);
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return formatTime(value);
  if (Array.isArray(value)) return value.map(scalarText).filter(Boolean).join(", ");
  if (typeof value === "object") return "";
  return String(value);
}


export function renderIssue(alert: Alert, options: RenderOptions): IssueDraft {
  const labels = [...new Set([ALERT_LABEL, severityLabel(severityOf(alert)), ...options.extraLabels])];
  return {
    alertId: alert.id,
    title: renderTitle(options.titleTemplate, alert),
    body: renderBody(alert, options),
    labels,
  };
}

/** A value in a table cell: text inert, cut to a cell's length; `—` when there is none. */
export function cell(value: unknown): string {
  const text = scalarText(value);
  return text ? inlineText(truncate(text, CELL_MAX)) : "—";
}

function row(name: string, value: string): string {
  return `| ${name} | ${value} |`;
}

export function renderBody(alert: Alert, options: RenderOptions): string {
  const tenantId = portalTenant(alert.tenantId, options.tenantId);
  const sections = [
    markerFor(alert.id),
    `**[Open the alert in Microsoft Defender](${portalLink(alert.webUrl, options.portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId)})**`,
    fieldTable(alert, options.portalHost, tenantId),
  ];
  if (alert.description) sections.push(`### Description\n\n${quoteBlock(truncate(alert.description, BLOCK_MAX))}`);
  if (alert.recommendedAction) sections.push(`### Recommended action\n\n${quoteBlock(truncate(alert.recommendedAction, BLOCK_MAX))}`);
  const footer = triageFooter("alert");
  const head = sections.join("\n\n");
  const evidence = evidenceSection(alert.evidence, BODY_MAX - head.length - footer.length - 8);
  return [head, evidence, footer].filter(Boolean).join("\n\n") + "\n";
}

function fieldTable(alert: Alert, portalHost: string, tenantId: string | undefined): string {
  const machine = alert.device ? (alert.device.name ?? alert.device.id) : null;
  const deviceId = alert.device?.id;
  const device = machine
    ? cell(machine) + (deviceId && /^[0-9a-f]{40}$/i.test(deviceId)
      ? ` ([timeline](${portalUrl(portalHost, `machines/${deviceId}/timeline`, tenantId)}))`
      : "")
    : "—";
  const incident = alert.incident && /^\d+$/.test(alert.incident.id)
    ? `[${alert.incident.id}](${portalLink(alert.incident.webUrl, portalHost, `incidents/${alert.incident.id}`, tenantId)})`
    : "—";
  const rows = [
    "| Field | Value |",
    "|---|---|",
    row("Severity", cell(alert.severity)),
    row("Status", cell(alert.status)),
    ...(alert.product ? [row("Product", cell(alert.product))] : []),
    row("Category", cell(alert.category)),
    row("Detection source", cell(alert.detectionSource)),
    row("Threat", cell(alert.threat)),
    row("Device", device),
    row("Device group", cell(alert.deviceGroup)),
    row("User", cell(alert.user)),
    row("First activity", cell(formatTime(alert.firstActivity))),
    row("Last activity", cell(formatTime(alert.lastActivity))),
    row("Alert created", cell(formatTime(alert.createdAt))),
    row("MITRE techniques", mitreLinks(alert.mitreTechniques)),
    row("Incident", incident),
    row("Investigation", cell(alert.investigation)),
    row("Assigned to", cell(alert.assignedTo)),
    row("Alert ID", cellCode(alert.id)),
  ];
  return rows.join("\n");
}

function mitreLinks(techniques: readonly string[]): string {
  const links = techniques.map((technique) => {
    const match = /^T(\d{4})(?:\.(\d{3}))?$/.exec(technique);
    if (!match) return inlineText(truncate(technique, 40));
    const path = match[2] ? `T${match[1]}/${match[2]}` : `T${match[1]}`;
    return `[${technique}](https://attack.mitre.org/techniques/${path}/)`;
  });
  return links.length > 0 ? links.join(", ") : "—";
}

function evidenceSection(evidence: readonly Evidence[], budget: number): string {
  if (evidence.length === 0) return "";
  const header = `### Evidence (${evidence.length})\n\n| Type | Entity | Details |\n|---|---|---|`;
  const rows: string[] = [];
  let used = header.length;
  for (const item of evidence) {
    const line = evidenceRow(item);
    if (used + line.length + 1 > budget - 200) break;
    rows.push(line);
    used += line.length + 1;
  }
  const omitted = evidence.length - rows.length;
  const note = omitted > 0 ? `\n\n${omitted} more evidence ${omitted === 1 ? "item is" : "items are"} in the portal.` : "";
  return `${header}\n${rows.join("\n")}${note}`;
}

function evidenceRow(item: Evidence): string {
  const type = cell(item.type);
  const entity = entityCode(item.entity);
  const details = item.details.map(detail).join(" · ");
  return `| ${type} | ${entity || "—"} | ${details || "—"} |`;
}

function detail(part: EvidenceDetail): string {
  const value = "code" in part ? entityCode(part.code) : inlineText(truncate(part.text, CELL_MAX));
  return part.label ? `${part.label} ${value}` : value;
}

/** A name, path or command line from the source as a code span in a table cell; empty when there is none. */
export function entityCode(value: string | null | undefined): string {
  return value ? cellCode(defangIfUrl(truncate(value, CELL_MAX))) : "";
}

// Code spans are never linked by GitHub, but a URL copied from one should still be visibly unsafe.
function defangIfUrl(value: string): string {
  return /:\/\/|^www\./i.test(value) ? defang(value) : value;
}

// What triage from the issue acts on: with `source: endpoint` an incident is its alerts, so its
// comments reach Defender as a comment on each.
const TRIAGED = {
  alert: { resolves: "the alert", owner: "the alert's owner", comments: "the alert", classifies: "the alert" },
  incident: { resolves: "the incident and its alerts", owner: "the incident's owner", comments: "Defender", classifies: "the incident" },
} as const;

/** How to triage from the issue, with the values sync accepts (so a triager need not guess). */
export function triageFooter(subject: keyof typeof TRIAGED): string {
  const words = TRIAGED[subject];
  const values = (prefix: string, list: readonly string[]) => list.map((value) => `\`${prefix}${value}\``);
  const orList = (items: string[]) => `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
  return [
    "<details><summary>Triage from this issue (when sync is set up)</summary>",
    "",
    `- Close the issue to resolve ${words.resolves}; reopen it to set it back to InProgress. Or label it ${orList(values("status:", STATUSES))}.`,
    `- Assign the issue to set ${words.owner}; comments are copied to ${words.comments}.`,
    `- Classify ${words.classifies} with a \`classification:\` label and a \`determination:\` label that goes with it:`,
    "",
    "| `classification:` | `determination:` |",
    "|---|---|",
    ...CLASSIFICATIONS.map((classification) => `| \`${classification}\` | ${values("", DETERMINATIONS_BY_CLASSIFICATION[classification]).join(", ")} |`),
    "",
    "Case, spaces, `-` and `_` in labels do not matter.",
    "",
    "</details>",
  ].join("\n");
}
