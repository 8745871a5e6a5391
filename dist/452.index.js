export const id = 452;
export const ids = [452,680];
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

/***/ 47452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ noneUpdatedBefore),
/* harmony export */   Dj: () => (/* binding */ oldestPerAlert),
/* harmony export */   reconcile: () => (/* binding */ reconcile),
/* harmony export */   v4: () => (/* binding */ sendUpdates)
/* harmony export */ });
/* unused harmony export groupByChange */
/* harmony import */ var _issue_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17662);
/* harmony import */ var _send_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52680);
/* harmony import */ var _sync_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28965);



// Defender does not document a batch limit; its error for one exists, so stay well below any.
const BATCH_SIZE = 50;
// Pull opens issues for alerts created within its lookback, at most 30 days, plus a day's margin.
const ALERT_AGE_AT_ISSUE_MAX_MS = 31 * 86_400_000;
/**
 * The earliest time any of these issues' alerts can have last changed: each was created before its
 * issue, by at most the longest lookback, and an alert's last update is never before its creation.
 */
function noneUpdatedBefore(issues) {
    if (issues.length === 0)
        return undefined;
    const oldest = issues.reduce((earliest, issue) => Math.min(earliest, issue.createdAt.getTime()), Number.POSITIVE_INFINITY);
    return new Date(oldest - ALERT_AGE_AT_ISSUE_MAX_MS);
}
/** One alert per issue: when an alert has two issues, the older one speaks for it. */
function oldestPerAlert(issues) {
    const byAlert = new Map();
    for (const issue of issues) {
        const known = byAlert.get(issue.alertId);
        if (!known || issue.createdAt < known.createdAt)
            byAlert.set(issue.alertId, issue);
    }
    return [...byAlert.values()];
}
/** Alerts that need the same change, so one batch call serves them all. */
function groupByChange(updates) {
    const groups = new Map();
    for (const update of updates) {
        const key = JSON.stringify(Object.entries(update.changes).sort(([a], [b]) => a.localeCompare(b)));
        groups.set(key, [...(groups.get(key) ?? []), update]);
    }
    return [...groups.values()];
}
async function reconcile(config, deps, log, now = new Date()) {
    const result = (0,_sync_js__WEBPACK_IMPORTED_MODULE_2__/* .emptyResult */ .$)("reconcile", config.dryRun);
    const since = new Date(now.getTime() - config.lookbackMs);
    const store = await deps.store();
    const listing = await store.listUpdatedSince(since);
    const issues = oldestPerAlert(listing.issues);
    result.examined = issues.length;
    const wanted = [];
    for (const issue of issues) {
        const plan = (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .desiredAlert */ .Dn)(issue, config.assigneeMap);
        if (plan.kind === "send")
            wanted.push({ issue, changes: plan.changes });
        else if (plan.kind === "problem") {
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_2__/* .explainLabelProblem */ .Tf)(config, store, issue.number, plan.problems, log);
            result.problems.push({ issueNumber: issue.number, problems: plan.problems });
        }
        else
            result.inStep++;
    }
    if (wanted.length === 0)
        return result;
    const current = await (await deps.source()).alertsById(wanted.map((w) => w.issue.alertId), { updatedSince: since, noneUpdatedBefore: noneUpdatedBefore(wanted.map((w) => w.issue)) });
    const updates = [];
    for (const { issue, changes } of wanted) {
        const alert = current.get(issue.alertId);
        if (!alert) {
            log.warning(`Issue #${issue.number}: alert ${issue.alertId} is not in Defender (older than the tenant's retention, or deleted); nothing sent.`);
            result.skipped.push({ issueNumber: issue.number, reason: "alert not found in Defender" });
            continue;
        }
        const diff = (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .difference */ .iv)(changes, alert);
        if (Object.keys(diff).length === 0)
            result.inStep++;
        else
            updates.push({ alertId: issue.alertId, issueNumber: issue.number, changes: diff });
    }
    await sendUpdates(config, deps, updates, result, log);
    return result;
}
/** Sends updates, identical changes together in batches: one call per distinct change and 50 alerts. */
async function sendUpdates(config, deps, updates, result, log) {
    for (const group of groupByChange(updates)) {
        if (group.length === 1) {
            await (0,_send_js__WEBPACK_IMPORTED_MODULE_1__.sendChanges)(config, deps, group[0], result, log);
            continue;
        }
        for (let start = 0; start < group.length; start += BATCH_SIZE) {
            await sendBatch(config, deps, group.slice(start, start + BATCH_SIZE), result, log);
        }
    }
}
async function sendBatch(config, deps, batch, result, log) {
    const ids = batch.map((update) => update.alertId);
    const changes = batch[0].changes;
    const source = await deps.source();
    if (config.dryRun) {
        const spelt = source.spell(changes);
        log.info(`Dry run: would update ${ids.length} alerts in one batch with ${JSON.stringify(spelt)}`);
        result.updated.push(...batch.map((update) => ({ ...update, changes: spelt })));
        return;
    }
    try {
        const sent = source.spell(await (0,_send_js__WEBPACK_IMPORTED_MODULE_1__/* .withDeterminationFallback */ .q)(changes, (tried) => source.updateAlerts(ids, tried), log));
        log.info(`Updated ${ids.length} alerts in one batch: ${JSON.stringify(sent)}`);
        result.updated.push(...batch.map((update) => ({ ...update, changes: sent })));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const update of batch)
            result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
    }
}


/***/ }),

/***/ 52680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendChanges: () => (/* binding */ sendChanges),
  q: () => (/* binding */ withDeterminationFallback)
});

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
;// CONCATENATED MODULE: ./src/source/source.ts
/** Whether an API refused a value as invalid (HTTP 400): the cue to try a disputed spelling's other form. */
function refusedAsInvalid(error) {
    return error?.status === 400 && error instanceof Error;
}

;// CONCATENATED MODULE: ./src/modes/send.ts



/** PATCHes one alert, falling back once to the other spelling of a disputed determination. */
async function sendChanges(config, deps, update, result, log) {
    const source = await deps.source();
    if (config.dryRun) {
        const changes = source.spell(update.changes);
        log.info(`Dry run: would update alert ${update.alertId} (issue #${update.issueNumber}) with ${JSON.stringify(changes)}`);
        result.updated.push({ ...update, changes });
        return;
    }
    try {
        const sent = source.spell(await withDeterminationFallback(update.changes, (changes) => source.updateAlert(update.alertId, changes), log));
        log.info(`Updated alert ${update.alertId} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
        result.updated.push({ ...update, changes: sent });
    }
    catch (error) {
        const message = rejection(error, update.alertId);
        result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
        await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError) => {
            log.warning(`Could not comment on issue #${update.issueNumber}: ${(0,errors/* describe */.q0)(commentError)}`);
        });
    }
}
function rejection(error, alertId) {
    if (error instanceof Error && error.status === 404) {
        return `alert ${alertId} was not found in Defender: it may be older than the tenant's retention, or deleted (${error.message})`;
    }
    return error instanceof Error ? error.message : String(error);
}
/**
 * Microsoft's pages disagree on four determination spellings: when Defender answers 400 to one,
 * the other is tried once. Returns the changes that were accepted.
 */
async function withDeterminationFallback(changes, send, log) {
    try {
        await send(changes);
        return changes;
    }
    catch (error) {
        const alias = changes.determination ? vocabulary/* DETERMINATION_ALIASES */.HG[changes.determination] : undefined;
        if (!refusedAsInvalid(error) || !alias)
            throw error;
        log.info(`Defender refused determination ${changes.determination}; trying its other spelling, ${alias}`);
        const retried = { ...changes, determination: alias };
        await send(retried);
        return retried;
    }
}


/***/ })

};
