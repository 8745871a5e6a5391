export const id = 665;
export const ids = [665];
export const modules = {

/***/ 13366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ quoteBlock),
/* harmony export */   GA: () => (/* binding */ cellCode),
/* harmony export */   e8: () => (/* binding */ defang),
/* harmony export */   ln: () => (/* binding */ inlineText),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export stripInvisible */
/**
 * Markdown for untrusted text. Everything an alert carries (titles, command lines, file names)
 * can be chosen by an attacker, so it is rendered inert: no HTML, no mentions, no links, and
 * nothing that leaves the table cell, quote or code span it sits in.
 */
// C0/C1 controls, zero-width and bidirectional formatting characters (RTL overrides hide text).
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
// A mention is an @ that does not follow a word character (so e-mail addresses stay intact). The
// look-behind sees the character before each @, so "@@name" is broken twice, not once.
const MENTION_AT = /(?<![A-Za-z0-9_])@/g;
const ZERO_WIDTH_SPACE = "\u200b";
/** Removes invisible and control characters; keeps newlines and tabs. */
function stripInvisible(text) {
    return text.replace(INVISIBLE, "");
}
/** One line of plain text: controls removed, whitespace runs folded. */
function singleLine(text) {
    return stripInvisible(text).replace(/\s+/g, " ").trim();
}
/** Cuts to at most `max` characters without splitting a surrogate pair, marking the cut. */
function truncate(text, max) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}
/** Breaks URLs so GitHub does not turn them into links (the usual "defang" of SOC tooling). */
function defang(text) {
    return text
        .replace(/\bhttp(s?):\/\//gi, "hxxp$1[:]//")
        .replace(/\b(ftp|file|javascript|data|vbscript):/gi, "$1[:]")
        .replace(/\bwww\./gi, "www[.]");
}
/** Inline text: every ASCII punctuation character backslash-escaped, mentions and links broken. */
function inlineText(text) {
    // GitHub finds mentions in the rendered text, where "\@name" reads "@name" again: a zero-width
    // space after the @ is what stops it.
    const unmentioned = defang(singleLine(text)).replace(MENTION_AT, `@${ZERO_WIDTH_SPACE}`);
    return unmentioned.replace(ASCII_PUNCTUATION, "\\$&");
}
/** A code span for a table cell: long enough a fence for any backtick run, pipes escaped. */
function cellCode(text) {
    const body = singleLine(text);
    if (body === "")
        return "";
    const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
    const fence = "`".repeat(longestRun + 1);
    // GFM splits table rows on "|" before it parses code spans, so pipes are escaped even here; a
    // backslash already before a pipe would pair with ours, so a zero-width space parts them.
    const escaped = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
    return `${fence} ${escaped} ${fence}`;
}
/** A block of text as a quote: one escaped line per source line, blank lines kept. */
function quoteBlock(text) {
    return stripInvisible(text)
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => {
        const escaped = inlineText(line);
        return escaped === "" ? ">" : `> ${escaped}`;
    })
        .join("\n")
        .replace(/(>\n){2,}/g, ">\n");
}


/***/ }),

/***/ 69745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W1: () => (/* binding */ ALERT_ID_PATTERN),
/* harmony export */   _Z: () => (/* binding */ markerFor),
/* harmony export */   t7: () => (/* binding */ readMarker)
/* harmony export */ });
/* unused harmony export isAlertId */
/** The line that ties an issue to its Defender alert. */
const ALERT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const MARKER_LINE = /^<!-- defender-alert-id: ([^\s]*) -->$/gm;
function isAlertId(value) {
    return ALERT_ID_PATTERN.test(value);
}
function markerFor(alertId) {
    if (!isAlertId(alertId))
        throw new Error(`Not a Defender alert ID: ${JSON.stringify(alertId)}`);
    return `<!-- defender-alert-id: ${alertId} -->`;
}
/**
 * Finds the marker in an issue body. A body with two marker lines, or one whose ID does not have
 * the shape of an alert ID, is not an alert issue: nothing the action writes looks like that.
 */
function readMarker(body) {
    if (!body)
        return { kind: "none" };
    const ids = [...body.replace(/\r\n?/g, "\n").matchAll(MARKER_LINE)].map((m) => m[1] ?? "");
    if (ids.length === 0)
        return { kind: "none" };
    if (ids.length > 1)
        return { kind: "invalid", reason: `the body has ${ids.length} marker lines` };
    const alertId = ids[0] ?? "";
    if (!isAlertId(alertId))
        return { kind: "invalid", reason: "the marker's alert ID is malformed" };
    return { kind: "one", alertId };
}


/***/ }),

/***/ 99127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   xJ: () => (/* binding */ severityOf),
/* harmony export */   yi: () => (/* binding */ renderIssue)
/* harmony export */ });
/* unused harmony exports TITLE_MAX, BODY_MAX, renderTitle, renderBody */
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69745);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13366);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);



const TITLE_MAX = 256;
const BODY_MAX = 65_536;
const CELL_MAX = 500;
const BLOCK_MAX = 4_000;
function severityOf(alert) {
    return _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.find((s) => s === alert.severity) ?? "UnSpecified";
}
/** `{field}` → the alert's field; arrays are joined, objects and missing fields render empty. */
function renderTitle(template, alert) {
    const filled = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, field) => scalarText(alert[field]));
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .singleLine */ .pF)(filled) || `Defender alert ${alert.id}`, TITLE_MAX);
}
function scalarText(value) {
    if (value === null || value === undefined)
        return "";
    if (value instanceof Date)
        return formatTime(value);
    if (Array.isArray(value))
        return value.map(scalarText).filter(Boolean).join(", ");
    if (typeof value === "object")
        return "";
    return String(value);
}
function formatTime(time) {
    return time ? time.toISOString().replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC") : "";
}
function renderIssue(alert, options) {
    const labels = [...new Set([_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .ALERT_LABEL */ .We, (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .severityLabel */ .yi)(severityOf(alert)), ...options.extraLabels])];
    return {
        alertId: alert.id,
        title: renderTitle(options.titleTemplate, alert),
        body: renderBody(alert, options),
        labels,
    };
}
function portalUrl(host, path, tenantId) {
    const query = tenantId ? `?tid=${encodeURIComponent(tenantId)}` : "";
    return `https://${host}/${path}${query}`;
}
function cell(value) {
    const text = scalarText(value);
    return text ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(text, CELL_MAX)) : "—";
}
function row(name, value) {
    return `| ${name} | ${value} |`;
}
function renderBody(alert, options) {
    const tenantId = alert.aadTenantId ?? options.tenantId;
    const sections = [
        (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .markerFor */ ._Z)(alert.id),
        `**[Open the alert in Microsoft Defender](${portalUrl(options.portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId ?? undefined)})**`,
        fieldTable(alert, options.portalHost, tenantId ?? undefined),
    ];
    if (alert.description)
        sections.push(`### Description\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(alert.description, BLOCK_MAX))}`);
    if (alert.recommendedAction)
        sections.push(`### Recommended action\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(alert.recommendedAction, BLOCK_MAX))}`);
    const footer = triageFooter();
    const head = sections.join("\n\n");
    const evidence = evidenceSection(alert.evidence, BODY_MAX - head.length - footer.length - 8);
    return [head, evidence, footer].filter(Boolean).join("\n\n") + "\n";
}
function fieldTable(alert, portalHost, tenantId) {
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
        row("Alert ID", (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(alert.id)),
    ];
    return rows.join("\n");
}
function mitreLinks(techniques) {
    const links = techniques.map((technique) => {
        const match = /^T(\d{4})(?:\.(\d{3}))?$/.exec(technique);
        if (!match)
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(technique, 40));
        const path = match[2] ? `T${match[1]}/${match[2]}` : `T${match[1]}`;
        return `[${technique}](https://attack.mitre.org/techniques/${path}/)`;
    });
    return links.length > 0 ? links.join(", ") : "—";
}
function evidenceSection(evidence, budget) {
    if (evidence.length === 0)
        return "";
    const header = `### Evidence (${evidence.length})\n\n| Type | Entity | Details |\n|---|---|---|`;
    const rows = [];
    let used = header.length;
    for (const item of evidence) {
        const line = evidenceRow(item);
        if (used + line.length + 1 > budget - 200)
            break;
        rows.push(line);
        used += line.length + 1;
    }
    const omitted = evidence.length - rows.length;
    const note = omitted > 0 ? `\n\n${omitted} more evidence ${omitted === 1 ? "item is" : "items are"} in the portal.` : "";
    return `${header}\n${rows.join("\n")}${note}`;
}
function evidenceRow(item) {
    const type = cell(item.entityType);
    const entity = evidenceEntity(item);
    const details = evidenceDetails(item);
    return `| ${type} | ${entity || "—"} | ${details || "—"} |`;
}
function code(value) {
    return value ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(defangIfUrl((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(value, CELL_MAX))) : "";
}
// Code spans are never linked by GitHub, but a URL copied from one should still be visibly unsafe.
function defangIfUrl(value) {
    return /:\/\/|^www\./i.test(value) ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .defang */ .e8)(value) : value;
}
function joinPath(dir, name) {
    if (dir && name)
        return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
    return name ?? dir ?? "";
}
function evidenceEntity(item) {
    const account = item.accountName ? joinPath(item.domainName, item.accountName) : item.userPrincipalName;
    return code(joinPath(item.filePath, item.fileName) ||
        item.ipAddress ||
        item.url ||
        (item.registryKey ? joinPath(item.registryHive, item.registryKey) : "") ||
        account);
}
function evidenceDetails(item) {
    const parts = [];
    if (item.processCommandLine)
        parts.push(code(item.processCommandLine));
    if (item.processId !== null && item.processId !== undefined)
        parts.push(`PID ${item.processId}`);
    if (item.parentProcessFileName)
        parts.push(`parent ${code(item.parentProcessFileName)}`);
    if (item.sha256)
        parts.push(`SHA-256 ${code(item.sha256)}`);
    else if (item.sha1)
        parts.push(`SHA-1 ${code(item.sha1)}`);
    if (item.registryValue)
        parts.push(`value ${code(item.registryValue)}`);
    if (item.userPrincipalName && item.accountName)
        parts.push(code(item.userPrincipalName));
    if (item.detectionStatus)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(item.detectionStatus));
    return parts.join(" · ");
}
function triageFooter() {
    return [
        "<details><summary>Triage from this issue (when sync is set up)</summary>",
        "",
        "- Label `classification:TruePositive`, `classification:InformationalExpectedActivity` or `classification:FalsePositive`, and a `determination:` label, to classify the alert.",
        "- Assign the issue to set the alert's owner; comments are copied to the alert.",
        "- Close the issue to resolve the alert; reopen it to set it back to In progress.",
        "",
        "</details>",
    ].join("\n");
}


/***/ }),

/***/ 70665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkLines: () => (/* binding */ checkLines),
/* harmony export */   checkSummary: () => (/* binding */ checkSummary),
/* harmony export */   pullOutputs: () => (/* binding */ pullOutputs),
/* harmony export */   pullSummary: () => (/* binding */ pullSummary),
/* harmony export */   reportPull: () => (/* binding */ reportPull),
/* harmony export */   reportSync: () => (/* binding */ reportSync),
/* harmony export */   syncOutputs: () => (/* binding */ syncOutputs),
/* harmony export */   syncSummary: () => (/* binding */ syncSummary)
/* harmony export */ });
/* harmony import */ var _issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13366);
/* harmony import */ var _issue_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(99127);
/** What a run tells the workflow: outputs and the job summary. */


function pullOutputs(result) {
    return {
        "alerts-found": String(result.alertsFound),
        "issues-created": String(result.opened.length),
        "alerts-remaining": String(result.alertsRemaining),
        issues: JSON.stringify(result.opened.map(({ alertId, issueNumber, url }) => ({ alertId, issueNumber, url }))),
    };
}
function pullSummary(result) {
    const lines = [
        `## Defender alerts → issues${result.dryRun ? " (dry run)" : ""}`,
        "",
        `Window: ${(0,_issue_render_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTime */ .fU)(result.window.since)} to ${(0,_issue_render_js__WEBPACK_IMPORTED_MODULE_0__/* .formatTime */ .fU)(result.window.until)}`,
        "",
        "| | |",
        "|---|---|",
        `| Alerts found | ${result.alertsFound} |`,
        `| Already have an issue | ${result.alreadyTicketed} |`,
        `| ${result.dryRun ? "Would open" : "Issues opened"} | ${result.dryRun ? result.planned.length : result.opened.length} |`,
        `| Left for the next run | ${result.alertsRemaining} |`,
    ];
    if (result.failures.length > 0)
        lines.push(`| Failed | ${result.failures.length} |`);
    if (result.malformed.length > 0)
        lines.push(`| Malformed, skipped | ${result.malformed.length} |`);
    if (result.duplicatesClosed.length > 0)
        lines.push(`| Duplicates ${result.dryRun ? "to close" : "closed"} | ${result.duplicatesClosed.map((n) => `#${n}`).join(", ")} |`);
    if (result.hourlyRoom !== undefined)
        lines.push("", `GitHub limits how many issues an identity opens in an hour: this run had room for ${result.hourlyRoom}, and the rest wait for a later run.`);
    if (result.opened.length > 0) {
        lines.push("", "### Opened", "", "| Issue | Severity | Title | Alert |", "|---|---|---|---|");
        for (const issue of result.opened) {
            lines.push(`| [#${issue.issueNumber}](${issue.url}) | ${issue.severity} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(issue.title)} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(issue.alertId)} |`);
        }
    }
    if (result.planned.length > 0) {
        lines.push("", "### Would open", "", "| Title | Labels | Alert |", "|---|---|---|");
        for (const draft of result.planned) {
            lines.push(`| ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(draft.title)} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(draft.labels.join(", "))} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(draft.alertId)} |`);
        }
    }
    if (result.failures.length > 0) {
        lines.push("", "### Failed", "", "| Alert | Error |", "|---|---|");
        for (const failure of result.failures)
            lines.push(`| ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(failure.alertId)} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(failure.error)} |`);
    }
    if (result.malformed.length > 0) {
        lines.push("", "### Malformed alerts (skipped)", "", "| Alert | Problem |", "|---|---|");
        for (const bad of result.malformed)
            lines.push(`| ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(bad.id)} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(bad.problem)} |`);
    }
    return `${lines.join("\n")}\n`;
}
async function reportPull(result, reporter) {
    for (const [name, value] of Object.entries(pullOutputs(result)))
        reporter.setOutput(name, value);
    await reporter.summary(pullSummary(result));
}
function syncOutputs(result) {
    return { "alerts-updated": JSON.stringify(result.updated) };
}
function syncSummary(result) {
    const title = result.kind === "reconcile" ? "Issues → Defender alerts (reconcile)" : "Issue → Defender alert";
    const lines = [`## ${title}${result.dryRun ? " (dry run)" : ""}`, ""];
    if (result.kind === "reconcile") {
        lines.push("| | |", "|---|---|", `| Alert issues examined | ${result.examined} |`, `| Already in step | ${result.inStep} |`, `| ${result.dryRun ? "Would update" : "Alerts updated"} | ${result.updated.length} |`);
        if (result.problems.length > 0)
            lines.push(`| Label problems | ${result.problems.length} |`);
        if (result.failures.length > 0)
            lines.push(`| Failed | ${result.failures.length} |`);
        lines.push("");
    }
    if (result.updated.length > 0) {
        lines.push("| Alert | Issue | Changes |", "|---|---|---|");
        for (const update of result.updated)
            lines.push(`| ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(update.alertId)} | #${update.issueNumber} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(JSON.stringify(update.changes))} |`);
        lines.push("");
    }
    for (const skipped of result.skipped)
        lines.push(`- ${skipped.issueNumber ? `#${skipped.issueNumber}: ` : ""}${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(skipped.reason)}; nothing sent.`);
    for (const problem of result.problems)
        lines.push(`- #${problem.issueNumber}: ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(problem.problems.join("; "))}; nothing sent.`);
    for (const failure of result.failures)
        lines.push(`- #${failure.issueNumber} (${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(failure.alertId)}): failed: ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(failure.error)}`);
    if (result.kind === "event" && result.updated.length === 0 && result.skipped.length === 0 && result.problems.length === 0 && result.failures.length === 0)
        lines.push("Nothing to send.");
    return `${lines.join("\n").trimEnd()}\n`;
}
async function reportSync(result, reporter) {
    for (const [name, value] of Object.entries(syncOutputs(result)))
        reporter.setOutput(name, value);
    await reporter.summary(syncSummary(result));
}
function checkLines(items) {
    // Details quote service replies: one line each, so nothing in them can start a workflow command.
    return items.map((item) => `${item.ok ? "✓" : "✗"} ${item.name}: ${item.detail}${item.fix ? ` → ${item.fix}` : ""}`.replace(/[\r\n]+/g, " "));
}
function checkSummary(items) {
    const failed = items.filter((item) => !item.ok).length;
    const lines = [
        "## defender-issues set-up check",
        "",
        failed === 0 ? "Everything needed is in place." : `${failed} of ${items.length} checks failed.`,
        "",
        "| | Check | Result | Fix |",
        "|---|---|---|---|",
        ...items.map((item) => `| ${item.ok ? "✅" : "❌"} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(item.name)} | ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(item.detail)} | ${item.fix ? (0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(item.fix) : ""} |`),
    ];
    return `${lines.join("\n")}\n`;
}


/***/ })

};
