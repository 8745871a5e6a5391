export const id = 997;
export const ids = [997];
export const modules = {

/***/ 73116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bD: () => (/* binding */ messageOf),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   dR: () => (/* binding */ isFinal),
/* harmony export */   q0: () => (/* binding */ describe),
/* harmony export */   to: () => (/* binding */ explained)
/* harmony export */ });
/** GitHub's failures, turned into one line that says what happened and, for a set-up error, what to do. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === "number" ? status : undefined;
}
/** The first line of the error, without the documentation link Octokit appends. */
function messageOf(error) {
    return ((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
}
const GITHUB_FIXES = {
    401: "The GitHub token is not valid: check the github-token input.",
    403: "The GitHub token may not write issues here: give the job `permissions: issues: write` (or the token the Issues write permission).",
    404: "The repository was not found with this token: check GITHUB_REPOSITORY and the token's access.",
    410: "Issues are disabled in this repository: enable them under Settings → General → Features.",
};
/** A failure that every request of the run would meet alike: a bad token, no permission, no repository, no issues. */
function isFinal(error) {
    const status = statusOf(error);
    return status !== undefined && status in GITHUB_FIXES;
}
function describe(error) {
    const status = statusOf(error);
    const message = messageOf(error);
    if (!status)
        return message;
    const fix = GITHUB_FIXES[status] && !/secondary rate limit|rate limit exceeded/i.test(message) ? ` ${GITHUB_FIXES[status]}` : "";
    return `HTTP ${status}: ${message}${fix}`;
}
/** Runs a GitHub call, turning its failure into one line that says what to do. */
async function explained(what, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error(`${what} failed: ${describe(error)}`, { cause: error });
    }
}


/***/ }),

/***/ 88785:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f_: () => (/* binding */ portalTenant),
/* harmony export */   gn: () => (/* binding */ portalUrl),
/* harmony export */   jg: () => (/* binding */ portalLink)
/* harmony export */ });
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(69745);
/**
 * Links to the Defender portal of the chosen cloud: the source's own link when it points there,
 * else one built from an ID. Pure.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Longer than any link Defender writes: a source's link beyond it is not taken (a body has room for few).
const LINK_MAX = 2_048;
// What may stay as it is in a link destination that sits in a table cell: anything else (a pipe
// that would end the cell, a backtick that would open a code span, a backslash or parenthesis that
// would end the link) is percent-encoded. URL.href is ASCII already.
const LINK_UNSAFE = /[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/g;
/** The tenant for portal links (`tid=`): the source's own when it has the shape of one, the tenant-id input otherwise. */
function portalTenant(given, configured) {
    return given && GUID.test(given) ? given : configured;
}
/** Our link to `path` on the portal host; an ID in it that names a marker is kept from naming it in the body. */
function portalUrl(host, path, tenantId) {
    const query = tenantId ? `?tid=${encodeURIComponent(tenantId)}` : "";
    return (0,_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .breakMarkerNamesInUrl */ .Sh)(`https://${host}/${path}${query}`);
}
/**
 * The source's own portal link when it is on the cloud's portal host (https, no port, no
 * credentials), names no marker and is of a sane length; ours otherwise.
 */
function portalLink(given, host, path, tenantId) {
    if (given && given.length <= LINK_MAX && /^https:\/\//i.test(given)) {
        try {
            const url = new URL(given);
            const href = url.href.replace(LINK_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
            if (url.hostname.toLowerCase() === host.toLowerCase() && !url.port && !url.username && !url.password && (0,_marker_js__WEBPACK_IMPORTED_MODULE_0__/* .breakMarkerNames */ .su)(href) === href && href.length <= LINK_MAX)
                return href;
        }
        catch {
            // Not a URL: ours instead.
        }
    }
    return portalUrl(host, path, tenantId);
}


/***/ }),

/***/ 99127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C5: () => (/* binding */ triageFooter),
/* harmony export */   Hn: () => (/* binding */ cell),
/* harmony export */   WG: () => (/* binding */ BODY_MAX),
/* harmony export */   eb: () => (/* binding */ fillTitle),
/* harmony export */   f: () => (/* binding */ entityCode),
/* harmony export */   xJ: () => (/* reexport safe */ _source_alert_js__WEBPACK_IMPORTED_MODULE_0__.x),
/* harmony export */   yi: () => (/* binding */ renderIssue)
/* harmony export */ });
/* unused harmony exports TITLE_MAX, renderTitle, renderBody */
/* harmony import */ var _source_alert_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(15927);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(13366);
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69745);
/* harmony import */ var _portal_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88785);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81731);
/** An alert as an issue: title, body and labels. Pure: the same alert always renders the same. */





const TITLE_MAX = 256;
const BODY_MAX = 65_536;
const CELL_MAX = 500;
const BLOCK_MAX = 4_000;

/** The alert's title: `title-template` filled with the alert's fields. */
function renderTitle(template, alert) {
    return fillTitle(template, alert.fields, `Defender alert ${alert.id}`);
}
/**
 * `{field}` → the field; arrays are joined, objects and missing fields render empty, and
 * ` on {field}` is left out when the field is empty. A title left empty is `fallback`.
 */
function fillTitle(template, fields, fallback) {
    // Own fields only: `{constructor}` names no field.
    const field = (name) => scalarText(Object.hasOwn(fields, name) ? fields[name] : undefined);
    const filled = template
        .replace(/ on \{([A-Za-z][A-Za-z0-9]*)\}/g, (on, name) => ((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .singleLine */ .pF)(field(name)) ? on : ""))
        .replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, name) => field(name));
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .singleLine */ .pF)(filled) || fallback, TITLE_MAX);
}
function scalarText(value) {
    if (value === null || value === undefined)
        return "";
    if (value instanceof Date)
        return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(value);
    if (Array.isArray(value))
        return value.map(scalarText).filter(Boolean).join(", ");
    if (typeof value === "object")
        return "";
    return String(value);
}
function renderIssue(alert, options) {
    const labels = [...new Set([_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .ALERT_LABEL */ .We, (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .severityLabel */ .yi)((0,_source_alert_js__WEBPACK_IMPORTED_MODULE_0__/* .severityOf */ .x)(alert)), ...options.extraLabels])];
    return {
        alertId: alert.id,
        title: renderTitle(options.titleTemplate, alert),
        body: renderBody(alert, options),
        labels,
    };
}
/** A value in a table cell: text inert, cut to a cell's length; `—` when there is none. */
function cell(value) {
    const text = scalarText(value);
    return text ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(text, CELL_MAX)) : "—";
}
function row(name, value) {
    return `| ${name} | ${value} |`;
}
function renderBody(alert, options) {
    const tenantId = (0,_portal_js__WEBPACK_IMPORTED_MODULE_3__/* .portalTenant */ .f_)(alert.tenantId, options.tenantId);
    const sections = [
        (0,_marker_js__WEBPACK_IMPORTED_MODULE_4__/* .markerFor */ ._Z)(alert.id),
        `**[Open the alert in Microsoft Defender](${(0,_portal_js__WEBPACK_IMPORTED_MODULE_3__/* .portalLink */ .jg)(alert.webUrl, options.portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId)})**`,
        fieldTable(alert, options.portalHost, tenantId),
    ];
    if (alert.description)
        sections.push(`### Description\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(alert.description, BLOCK_MAX))}`);
    if (alert.recommendedAction)
        sections.push(`### Recommended action\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(alert.recommendedAction, BLOCK_MAX))}`);
    const footer = triageFooter("alert");
    const head = sections.join("\n\n");
    const evidence = evidenceSection(alert.evidence, BODY_MAX - head.length - footer.length - 8);
    return [head, evidence, footer].filter(Boolean).join("\n\n") + "\n";
}
function fieldTable(alert, portalHost, tenantId) {
    const machine = alert.device ? (alert.device.name ?? alert.device.id) : null;
    const deviceId = alert.device?.id;
    const device = machine
        ? cell(machine) + (deviceId && /^[0-9a-f]{40}$/i.test(deviceId)
            ? ` ([timeline](${(0,_portal_js__WEBPACK_IMPORTED_MODULE_3__/* .portalUrl */ .gn)(portalHost, `machines/${deviceId}/timeline`, tenantId)}))`
            : "")
        : "—";
    const incident = alert.incident && /^\d+$/.test(alert.incident.id)
        ? `[${alert.incident.id}](${(0,_portal_js__WEBPACK_IMPORTED_MODULE_3__/* .portalLink */ .jg)(alert.incident.webUrl, portalHost, `incidents/${alert.incident.id}`, tenantId)})`
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
        row("First activity", cell((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.firstActivity))),
        row("Last activity", cell((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.lastActivity))),
        row("Alert created", cell((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .formatTime */ .fU)(alert.createdAt))),
        row("MITRE techniques", mitreLinks(alert.mitreTechniques)),
        row("Incident", incident),
        row("Investigation", cell(alert.investigation)),
        row("Assigned to", cell(alert.assignedTo)),
        row("Alert ID", (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .cellCode */ .GA)(alert.id)),
    ];
    return rows.join("\n");
}
function mitreLinks(techniques) {
    const links = techniques.map((technique) => {
        const match = /^T(\d{4})(?:\.(\d{3}))?$/.exec(technique);
        if (!match)
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(technique, 40));
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
    const type = cell(item.type);
    const entity = entityCode(item.entity);
    const details = item.details.map(detail).join(" · ");
    return `| ${type} | ${entity || "—"} | ${details || "—"} |`;
}
function detail(part) {
    const value = "code" in part ? entityCode(part.code) : (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(part.text, CELL_MAX));
    return part.label ? `${part.label} ${value}` : value;
}
/** A name, path or command line from the source as a code span in a table cell; empty when there is none. */
function entityCode(value) {
    return value ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .cellCode */ .GA)(defangIfUrl((0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .truncate */ .xv)(value, CELL_MAX))) : "";
}
// Code spans are never linked by GitHub, but a URL copied from one should still be visibly unsafe.
function defangIfUrl(value) {
    return /:\/\/|^www\./i.test(value) ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_2__/* .defang */ .e8)(value) : value;
}
// What triage from the issue acts on: with `source: endpoint` an incident is its alerts, so its
// comments reach Defender as a comment on each.
const TRIAGED = {
    alert: { resolves: "the alert", owner: "the alert's owner", comments: "the alert", classifies: "the alert" },
    incident: { resolves: "the incident and its alerts", owner: "the incident's owner", comments: "Defender", classifies: "the incident" },
};
/** How to triage from the issue, with the values sync accepts (so a triager need not guess). */
function triageFooter(subject) {
    const words = TRIAGED[subject];
    const values = (prefix, list) => list.map((value) => `\`${prefix}${value}\``);
    const orList = (items) => `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
    return [
        "<details><summary>Triage from this issue (when sync is set up)</summary>",
        "",
        `- Close the issue to resolve ${words.resolves}; reopen it to set it back to InProgress. Or label it ${orList(values("status:", _vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .STATUSES */ .f))}.`,
        `- Assign the issue to set ${words.owner}; comments are copied to ${words.comments}.`,
        `- Classify ${words.classifies} with a \`classification:\` label and a \`determination:\` label that goes with it:`,
        "",
        "| `classification:` | `determination:` |",
        "|---|---|",
        ..._vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .CLASSIFICATIONS */ .Ii.map((classification) => `| \`${classification}\` | ${values("", _vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .DETERMINATIONS_BY_CLASSIFICATION */ .S6[classification]).join(", ")} |`),
        "",
        "Case, spaces, `-` and `_` in labels do not matter.",
        "",
        "</details>",
    ].join("\n");
}


/***/ }),

/***/ 97997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ISSUES_PER_HOUR: () => (/* binding */ ISSUES_PER_HOUR),
/* harmony export */   duplicateIssues: () => (/* binding */ duplicateIssues),
/* harmony export */   emptyPullResult: () => (/* binding */ emptyPullResult),
/* harmony export */   hourlyRoom: () => (/* binding */ hourlyRoom),
/* harmony export */   makeVocabularyIfIncomplete: () => (/* binding */ makeVocabularyIfIncomplete),
/* harmony export */   newAlerts: () => (/* binding */ newAlerts),
/* harmony export */   runPull: () => (/* binding */ runPull)
/* harmony export */ });
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _issue_render_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99127);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81731);



// Issues are listed from a little before the window, in case GitHub's and Defender's clocks differ.
const CLOCK_MARGIN_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
/**
 * GitHub allows about 500 content-creating requests an hour per identity (80 a minute), shared
 * with everything else that identity does; pull keeps a fifth of them for comments, labels and
 * other automation.
 */
const ISSUES_PER_HOUR = 400;
/** Issues that may still be opened within the hourly budget, given when recent ones were opened. */
function hourlyRoom(opened, now, perHour) {
    const hourAgo = now.getTime() - HOUR_MS;
    return Math.max(0, perHour - opened.filter((at) => at.getTime() > hourAgo).length);
}
/**
 * Second issues for one alert (two runs at once can each open one): the oldest stays, every later
 * open one is a duplicate of it.
 */
function duplicateIssues(issues) {
    const byAlert = new Map();
    for (const issue of issues) {
        const group = byAlert.get(issue.alertId);
        if (group)
            group.push(issue);
        else
            byAlert.set(issue.alertId, [issue]);
    }
    return [...byAlert.values()].flatMap((group) => {
        if (group.length === 1)
            return [];
        const [original, ...later] = [...group].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number);
        return later.filter((issue) => issue.state === "open").map((duplicate) => ({ duplicate, original: original }));
    });
}
/** A pull's result before it has opened anything. */
function emptyPullResult(dryRun, window, alertsFound, malformed) {
    return {
        dryRun,
        window,
        alertsFound,
        alreadyTicketed: 0,
        opened: [],
        planned: [],
        alertsRemaining: 0,
        hourlyRoom: undefined,
        failures: [],
        malformed,
        labels: { made: [], failed: [] },
        duplicatesClosed: [],
        incidentsFound: undefined,
        incidentIssuesUpdated: [],
    };
}
/** Alerts without an issue, oldest first (ties by ID, so every run picks the same ones). */
function newAlerts(alerts, issues) {
    const ticketed = new Set(issues.map((issue) => issue.alertId));
    return alerts
        .filter((alert) => !ticketed.has(alert.id))
        .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
async function runPull(config, deps, log, options = {}) {
    const { source } = deps;
    const now = options.now ?? new Date();
    const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
    const asked = { ...window, minSeverity: config.minSeverity, statuses: config.statuses, serviceSources: config.serviceSources, extra: config.filter };
    log.info(`Listing ${source.service} alerts with ${source.describeWindow(asked)}`);
    const listing = await source.listAlerts(asked);
    for (const bad of listing.malformed)
        log.warning(`Skipped malformed alert ${JSON.stringify(bad.id)}: ${bad.problem}`);
    const result = emptyPullResult(config.dryRun, window, listing.alerts.length + listing.malformed.length, listing.malformed);
    // No alert, no issue to find or open: GitHub is not asked anything.
    if (listing.alerts.length === 0) {
        log.info(`${result.alertsFound} alerts in the window; nothing to open`);
        return result;
    }
    // The listing reaches back an hour at least, so it also tells how many issues the last hour saw.
    const listedSince = Math.min(window.since.getTime() - CLOCK_MARGIN_MS, now.getTime() - HOUR_MS);
    const store = await deps.store();
    const existing = await store.listUpdatedSince(new Date(listedSince));
    for (const stranger of existing.strangers) {
        log.warning(`Issue #${stranger.number} has an alert marker but was opened by ${JSON.stringify(stranger.author)}, who is not in trusted-authors: it is not treated as an alert issue. If the action runs as that identity, add it to trusted-authors.`);
    }
    const fresh = newAlerts(listing.alerts, existing.issues);
    result.alreadyTicketed = listing.alerts.length - fresh.length;
    result.alertsRemaining = fresh.length;
    const perHour = options.issuesPerHour ?? ISSUES_PER_HOUR;
    const room = hourlyRoom(existing.openedByTrusted, now, perHour);
    const batch = fresh.slice(0, Math.min(config.maxIssues, room));
    if (batch.length < Math.min(fresh.length, config.maxIssues)) {
        result.hourlyRoom = room;
        log.info(`${perHour - room} issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most ${room} of ${perHour} an hour, and the rest wait for a later run`);
    }
    log.info(`${result.alertsFound} alerts in the window, ${result.alreadyTicketed} already have an issue, ${fresh.length} new; ${config.dryRun ? "would open" : "opening"} ${batch.length}`);
    for (const { duplicate, original } of duplicateIssues(existing.issues)) {
        if (!config.dryRun)
            await store.closeAsDuplicate(duplicate, original);
        result.duplicatesClosed.push(duplicate.number);
        log.warning(`Issue #${duplicate.number} is a second issue for alert ${duplicate.alertId}; ${config.dryRun ? "would close" : "closed"} it as a duplicate of #${original.number}.`);
    }
    // Each body is rendered just before it is sent, so a long backlog is never held in memory at once.
    const render = (alert) => (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_1__/* .renderIssue */ .yi)(alert, { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels });
    if (config.dryRun) {
        result.planned = batch.map((alert) => {
            const { body: _body, ...planned } = render(alert.read());
            return planned;
        });
        result.alertsRemaining = fresh.length - batch.length;
        return result;
    }
    let vocabularyChecked = false;
    for (const listed of batch) {
        const alert = listed.read();
        const draft = render(alert);
        try {
            const issue = await store.create({ ...draft, assignees: config.assignees });
            result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_1__/* .severityOf */ .xJ)(alert) });
            log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
            // The new issue's alert label says whether the repository has the whole vocabulary: asking
            // GitHub instead would cost a request on every run.
            if (!vocabularyChecked) {
                const made = await makeVocabularyIfIncomplete(store, issue.labelDescriptions, log);
                if (made !== undefined) {
                    vocabularyChecked = true;
                    result.labels = made;
                }
            }
        }
        catch (error) {
            result.failures.push({ alertId: alert.id, error: (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(error) });
            // Permission, validation and disabled-issues errors will fail every create alike.
            if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinal */ .dR)(error))
                break;
        }
    }
    result.alertsRemaining = fresh.length - result.opened.length;
    return result;
}
/**
 * Makes the vocabulary when a new issue's labels say it is incomplete: what was made, or undefined
 * when the issue does not tell (found by a listing, or its labels dropped).
 */
async function makeVocabularyIfIncomplete(store, labelDescriptions, log) {
    const complete = vocabularyComplete(labelDescriptions);
    if (complete === undefined)
        return undefined;
    return complete ? { made: [], failed: [] } : makeVocabulary(store, log);
}
/** Whether the repository has the whole vocabulary, as far as a new issue's seal label tells. */
function vocabularyComplete(labelDescriptions) {
    const seal = [_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .ALERT_LABEL */ .We, _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .INCIDENT_LABEL */ .MY].find((name) => labelDescriptions?.has(name));
    const description = seal === undefined ? undefined : labelDescriptions.get(seal);
    // Unknown when the issue was found by a listing, or GitHub dropped its labels (no push access).
    return description === undefined ? undefined : (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .isVocabularyComplete */ .cG)(description);
}
/** Labels help triage but are not what pull is for: a label that cannot be made is a warning. */
async function makeVocabulary(store, log) {
    const sealNames = new Set((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .seals */ .HN)().map((seal) => seal.name));
    const outcome = await store.ensureVocabulary((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .vocabulary */ .vP)().filter((label) => !sealNames.has(label.name)), (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .seals */ .HN)());
    if (outcome.made.length > 0)
        log.info(`Made ${outcome.made.length} labels of the vocabulary`);
    for (const [error, labels] of (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .groupByError */ .BY)(outcome.failed)) {
        log.warning(`GitHub did not make ${labels.length === 1 ? "the label" : `${labels.length} labels:`} ${labels.join(", ")}: ${error}. The next run that opens an issue tries again; they can also be made by hand (see the README's label vocabulary).`);
    }
    return outcome;
}


/***/ }),

/***/ 15927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ triageOf),
/* harmony export */   x: () => (/* binding */ severityOf)
/* harmony export */ });
/* harmony import */ var _issue_triage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49595);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81731);
/**
 * An alert in our own vocabulary, whichever API it came from: what an issue, a triage decision and
 * a report need. Each source translates its API's alert into this at its border. Pure.
 */


function severityOf(alert) {
    return _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .SEVERITIES */ .oC.find((s) => s === alert.severity) ?? "UnSpecified";
}
/** An alert's triage fields in our vocabulary: values outside it (`Unknown`, a new enum) read as none. */
function triageOf(alert) {
    const status = alert.status === "Resolved" || alert.status === "InProgress" ? alert.status : "New";
    const classification = _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .CLASSIFICATIONS */ .Ii.find((c) => c === alert.classification) ?? null;
    const determination = alert.determination ? (0,_issue_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .canonicalDetermination */ .w9)(alert.determination) : null;
    return {
        status,
        classification: classification,
        determination: determination && _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .DETERMINATIONS */ .rH.includes(determination) ? determination : null,
        owner: alert.assignedTo?.trim() || null,
    };
}


/***/ })

};
