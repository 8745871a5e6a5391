export const id = 997;
export const ids = [997];
export const modules = {

/***/ 30733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ft: () => (/* binding */ alertFilter),
/* harmony export */   R3: () => (/* binding */ odataTime),
/* harmony export */   TW: () => (/* binding */ odataString)
/* harmony export */ });
/* unused harmony export severitiesFrom */
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);
/** The OData $filter for the alerts in a pull window. Pure. */

/** OData datetime literal: unquoted ISO-8601 UTC, whole seconds. */
function odataTime(time) {
    return new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
function odataString(value) {
    return `'${value.replace(/'/g, "''")}'`;
}
function anyOf(property, values) {
    const terms = values.map((value) => `${property} eq ${odataString(value)}`);
    return terms.length === 1 ? terms[0] : `(${terms.join(" or ")})`;
}
/** Severities at or above the minimum; UnSpecified counts as the lowest, so it passes Informational only. */
function severitiesFrom(minimum) {
    return _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.slice(Math.max(1, _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(minimum)));
}
function alertFilter(window) {
    const clauses = [
        `alertCreationTime ge ${odataTime(window.since)}`,
        `alertCreationTime lt ${odataTime(window.until)}`,
    ];
    // "Informational" admits every severity, UnSpecified included: no clause is the exact filter.
    if (window.minSeverity !== "Informational" && window.minSeverity !== "UnSpecified") {
        clauses.push(anyOf("severity", severitiesFrom(window.minSeverity)));
    }
    if (window.statuses.length > 0)
        clauses.push(anyOf("status", window.statuses));
    if (window.extra)
        clauses.push(`(${window.extra})`);
    return clauses.join(" and ");
}


/***/ }),

/***/ 97997:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ISSUES_PER_HOUR: () => (/* binding */ ISSUES_PER_HOUR),
/* harmony export */   duplicateIssues: () => (/* binding */ duplicateIssues),
/* harmony export */   hourlyRoom: () => (/* binding */ hourlyRoom),
/* harmony export */   newAlerts: () => (/* binding */ newAlerts),
/* harmony export */   runPull: () => (/* binding */ runPull)
/* harmony export */ });
/* harmony import */ var _defender_filter_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30733);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73116);
/* harmony import */ var _issue_render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99127);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81731);




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
/** Alerts without an issue, oldest first (ties by ID, so every run picks the same ones). */
function newAlerts(alerts, issues) {
    const ticketed = new Set(issues.map((issue) => issue.alertId));
    return alerts
        .filter((alert) => !ticketed.has(alert.id))
        .sort((a, b) => a.alertCreationTime.getTime() - b.alertCreationTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
async function runPull(config, defender, store, log, options = {}) {
    const now = options.now ?? new Date();
    const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
    const filter = (0,_defender_filter_js__WEBPACK_IMPORTED_MODULE_0__/* .alertFilter */ .Ft)({ ...window, minSeverity: config.minSeverity, statuses: config.statuses, extra: config.filter });
    log.info(`Listing Defender alerts with $filter=${filter}`);
    const listing = await defender.listAlerts(filter);
    for (const bad of listing.malformed)
        log.warning(`Skipped malformed alert ${JSON.stringify(bad.id)}: ${bad.problem}`);
    const result = {
        dryRun: config.dryRun,
        window,
        alertsFound: listing.alerts.length + listing.malformed.length,
        alreadyTicketed: 0,
        opened: [],
        planned: [],
        alertsRemaining: 0,
        hourlyRoom: undefined,
        failures: [],
        malformed: listing.malformed,
        labelsCreated: [],
        duplicatesClosed: [],
    };
    // No alert, no issue to find or open: GitHub is not asked anything.
    if (listing.alerts.length === 0) {
        log.info(`${result.alertsFound} alerts in the window; nothing to open`);
        return result;
    }
    // The listing reaches back an hour at least, so it also tells how many issues the last hour saw.
    const listedSince = Math.min(window.since.getTime() - CLOCK_MARGIN_MS, now.getTime() - HOUR_MS);
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
    const render = (alert) => (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_2__/* .renderIssue */ .yi)(alert, { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels });
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
            result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_2__/* .severityOf */ .xJ)(alert) });
            log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
            if (!vocabularyChecked) {
                vocabularyChecked = true;
                // GitHub made a label of the vocabulary for this issue: the repository lacks the vocabulary.
                // Otherwise it has it, and asking would cost a request on every run.
                if (lacksVocabulary(issue.madeByGitHub))
                    result.labelsCreated = await makeVocabulary(store, log);
            }
        }
        catch (error) {
            result.failures.push({ alertId: alert.id, error: (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(error) });
            // Permission, validation and disabled-issues errors will fail every create alike.
            if (isFinal(error))
                break;
        }
    }
    result.alertsRemaining = fresh.length - result.opened.length;
    return result;
}
function lacksVocabulary(madeByGitHub) {
    const names = new Set((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .vocabulary */ .vP)().map((label) => label.name.toLowerCase()));
    return madeByGitHub.some((name) => names.has(name.toLowerCase()));
}
/** Labels help triage but are not what pull is for: a failure to make them is a warning. */
async function makeVocabulary(store, log) {
    try {
        const made = await store.ensureVocabulary((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .vocabulary */ .vP)());
        if (made.length > 0)
            log.info(`Created ${made.length} labels of the vocabulary`);
        return made;
    }
    catch (error) {
        log.warning(`${error instanceof Error ? error.message : String(error)}; the triage labels can be made by a later run or by hand (status:, classification:, determination:).`);
        return [];
    }
}
function isFinal(error) {
    const status = error.status;
    return status === 401 || status === 403 || status === 404 || status === 410;
}


/***/ })

};
