export const id = 452;
export const ids = [452];
export const modules = {

/***/ 47452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   reconcile: () => (/* binding */ reconcile)
/* harmony export */ });
/* unused harmony export groupByChange */
/* harmony import */ var _issue_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17662);
/* harmony import */ var _sync_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28965);


// Defender does not document a batch limit; its error for one exists, so stay well below any.
const BATCH_SIZE = 50;
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
    const result = (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__/* .emptyResult */ .$)("reconcile", config.dryRun);
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
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__/* .explainLabelProblem */ .Tf)(config, store, issue.number, plan.problems, log);
            result.problems.push({ issueNumber: issue.number, problems: plan.problems });
        }
        else
            result.inStep++;
    }
    if (wanted.length === 0)
        return result;
    const defender = await deps.defender();
    const current = await defender.alertsById(wanted.map((w) => w.issue.alertId));
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
    for (const group of groupByChange(updates)) {
        if (group.length === 1) {
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__/* .sendChanges */ .uE)(config, deps, group[0], result, log);
            continue;
        }
        for (let start = 0; start < group.length; start += BATCH_SIZE) {
            await sendBatch(config, deps, group.slice(start, start + BATCH_SIZE), result, log);
        }
    }
    return result;
}
async function sendBatch(config, deps, batch, result, log) {
    const ids = batch.map((update) => update.alertId);
    const changes = batch[0].changes;
    if (config.dryRun) {
        log.info(`Dry run: would update ${ids.length} alerts in one batch with ${JSON.stringify(changes)}`);
        result.updated.push(...batch);
        return;
    }
    const defender = await deps.defender();
    try {
        const sent = await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__/* .withDeterminationFallback */ .ql)(changes, (tried) => defender.batchUpdate(ids, tried), log);
        log.info(`Updated ${ids.length} alerts in one batch: ${JSON.stringify(sent)}`);
        result.updated.push(...batch.map((update) => ({ ...update, changes: sent })));
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const update of batch)
            result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
    }
}


/***/ })

};
