/** An alert as an issue: title, body and labels. Pure: the same alert always renders the same. */
import type { Alert, Evidence } from "../defender/alert.js";
import { markerFor } from "./marker.js";
import { cellCode, defang, formatTime, inlineText, quoteBlock, singleLine, truncate } from "./markdown.js";
import { ALERT_LABEL, CLASSIFICATIONS, DETERMINATIONS_BY_CLASSIFICATION, SEVERITIES, STATUSES, type Severity, severityLabel } from "./vocabulary.js";

export const TITLE_MAX = 256;
export const BODY_MAX = 65_536;
const CELL_MAX = 500;
const BLOCK_MAX = 4_000;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export function severityOf(alert: Alert): Severity {
  return SEVERITIES.find((s) => s === alert.severity) ?? "UnSpecified";
}

/** `{field}` → the alert's field; arrays are joined, objects and missing fields render empty. */
export function renderTitle(template: string, alert: Alert): string {
  const filled = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, field: string) => scalarText((alert as Record<string, unknown>)[field]));
  return truncate(singleLine(filled) || `Defender alert ${alert.id}`, TITLE_MAX);
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

function portalUrl(host: string, path: string, tenantId: string | undefined): string {
  const query = tenantId ? `?tid=${encodeURIComponent(tenantId)}` : "";
  return `https://${host}/${path}${query}`;
}

function cell(value: unknown): string {
  const text = scalarText(value);
  return text ? inlineText(truncate(text, CELL_MAX)) : "—";
}

function row(name: string, value: string): string {
  return `| ${name} | ${value} |`;
}

export function renderBody(alert: Alert, options: RenderOptions): string {
  // The alert's own tenant, when it has the shape of one; the tenant-id input otherwise.
  const tenantId = alert.aadTenantId && GUID.test(alert.aadTenantId) ? alert.aadTenantId : options.tenantId;
  const sections = [
    markerFor(alert.id),
    `**[Open the alert in Microsoft Defender](${portalUrl(options.portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId)})**`,
    fieldTable(alert, options.portalHost, tenantId),
  ];
  if (alert.description) sections.push(`### Description\n\n${quoteBlock(truncate(alert.description, BLOCK_MAX))}`);
  if (alert.recommendedAction) sections.push(`### Recommended action\n\n${quoteBlock(truncate(alert.recommendedAction, BLOCK_MAX))}`);
  const footer = triageFooter();
  const head = sections.join("\n\n");
  const evidence = evidenceSection(alert.evidence, BODY_MAX - head.length - footer.length - 8);
  return [head, evidence, footer].filter(Boolean).join("\n\n") + "\n";
}

function fieldTable(alert: Alert, portalHost: string, tenantId: string | undefined): string {
  const machine = alert.computerDnsName ?? alert.machineId;
  const device = machine
    ? cell(machine) + (alert.machineId && /^[0-9a-f]{40}$/i.test(alert.machineId)
      ? ` ([timeline](${portalUrl(portalHost, `machines/${alert.machineId}/timeline`, tenantId)}))`
      : "")
    : "—";
  const user = alert.relatedUser?.userName
    ? cell([alert.relatedUser.domainName, alert.relatedUser.userName].filter(Boolean).join("\\"))
    : "—";
  const incident = alert.incidentId !== null && alert.incidentId !== undefined && /^\d+$/.test(String(alert.incidentId))
    ? `[${alert.incidentId}](${portalUrl(portalHost, `incidents/${alert.incidentId}`, tenantId)})`
    : "—";
  const rows = [
    "| Field | Value |",
    "|---|---|",
    row("Severity", cell(alert.severity)),
    row("Status", cell(alert.status)),
    row("Category", cell(alert.category)),
    row("Detection source", cell(alert.detectionSource)),
    row("Threat", cell([alert.threatFamilyName, alert.threatName].filter(Boolean).join(" / "))),
    row("Device", device),
    row("Device group", cell(alert.rbacGroupName)),
    row("User", user),
    row("First activity", cell(formatTime(alert.firstEventTime))),
    row("Last activity", cell(formatTime(alert.lastEventTime))),
    row("Alert created", cell(formatTime(alert.alertCreationTime))),
    row("MITRE techniques", mitreLinks(alert.mitreTechniques ?? [])),
    row("Incident", incident),
    row("Investigation", cell([alert.investigationId, alert.investigationState].filter((v) => v !== null && v !== undefined).join(" · "))),
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
  const type = cell(item.entityType);
  const entity = evidenceEntity(item);
  const details = evidenceDetails(item);
  return `| ${type} | ${entity || "—"} | ${details || "—"} |`;
}

function code(value: string | null | undefined): string {
  return value ? cellCode(defangIfUrl(truncate(value, CELL_MAX))) : "";
}

// Code spans are never linked by GitHub, but a URL copied from one should still be visibly unsafe.
function defangIfUrl(value: string): string {
  return /:\/\/|^www\./i.test(value) ? defang(value) : value;
}

function joinPath(dir: string | null | undefined, name: string | null | undefined): string {
  if (dir && name) return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
  return name ?? dir ?? "";
}

function evidenceEntity(item: Evidence): string {
  const account = item.accountName ? joinPath(item.domainName, item.accountName) : item.userPrincipalName;
  return code(
    joinPath(item.filePath, item.fileName) ||
      item.ipAddress ||
      item.url ||
      (item.registryKey ? joinPath(item.registryHive, item.registryKey) : "") ||
      account,
  );
}

function evidenceDetails(item: Evidence): string {
  const parts: string[] = [];
  if (item.processCommandLine) parts.push(code(item.processCommandLine));
  if (item.processId !== null && item.processId !== undefined) parts.push(`PID ${item.processId}`);
  if (item.parentProcessFileName) parts.push(`parent ${code(item.parentProcessFileName)}`);
  if (item.sha256) parts.push(`SHA-256 ${code(item.sha256)}`);
  else if (item.sha1) parts.push(`SHA-1 ${code(item.sha1)}`);
  if (item.registryValue) parts.push(`value ${code(item.registryValue)}`);
  if (item.userPrincipalName && item.accountName) parts.push(code(item.userPrincipalName));
  if (item.detectionStatus) parts.push(inlineText(item.detectionStatus));
  return parts.join(" · ");
}

/** How to triage from the issue, with the values sync accepts (so a triager need not guess). */
function triageFooter(): string {
  const values = (prefix: string, list: readonly string[]) => list.map((value) => `\`${prefix}${value}\``);
  const orList = (items: string[]) => `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
  return [
    "<details><summary>Triage from this issue (when sync is set up)</summary>",
    "",
    `- Close the issue to resolve the alert; reopen it to set it back to InProgress. Or label it ${orList(values("status:", STATUSES))}.`,
    "- Assign the issue to set the alert's owner; comments are copied to the alert.",
    "- Classify the alert with a `classification:` label and a `determination:` label that goes with it:",
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
