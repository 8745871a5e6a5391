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

/***/ 63629:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jf: () => (/* binding */ planIncidentPull),
/* harmony export */   _U: () => (/* binding */ REDIRECTED)
/* harmony export */ });
/* unused harmony export survivorOf */
/* harmony import */ var _incident_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(603);

const REDIRECTED = "Redirected";
/**
 * Where a merged incident went: the end of its chain of merges (A into B, B into C: C). Undefined
 * when the chain leaves the incidents known, or loops.
 */
function survivorOf(id, incidents) {
    const seen = new Set();
    let current = id;
    for (;;) {
        if (seen.has(current))
            return undefined;
        seen.add(current);
        const incident = incidents.get(current);
        if (!incident)
            return { missing: current };
        if (incident.status !== REDIRECTED || !incident.redirectedTo)
            return { survivor: current };
        current = incident.redirectedTo;
    }
}
const oldestFirst = (a, b) => a.createdAt.getTime() - b.createdAt.getTime();
function planIncidentPull(incidents, issues) {
    const plan = { open: [], update: [], duplicates: [], missing: [], moved: [] };
    const known = new Map(incidents.map((incident) => [incident.id, incident]));
    // One issue speaks for an incident: the oldest. Any later open one is a second issue.
    const issueOf = new Map();
    for (const issue of [...issues].sort((a, b) => oldestFirst(a, b) || a.number - b.number)) {
        const first = issueOf.get(issue.incidentId);
        if (!first)
            issueOf.set(issue.incidentId, issue);
        else if (issue.state === "open")
            plan.duplicates.push({ issue, of: issue.incidentId, reason: "second" });
    }
    const opening = new Set();
    const open = (incident) => {
        if (issueOf.has(incident.id) || opening.has(incident.id))
            return;
        opening.add(incident.id);
        plan.open.push(incident);
    };
    for (const incident of incidents) {
        if (incident.status === REDIRECTED && incident.redirectedTo) {
            const end = survivorOf(incident.id, known);
            if (end && "missing" in end) {
                if (!plan.missing.includes(end.missing))
                    plan.missing.push(end.missing);
                continue;
            }
            if (!end)
                continue;
            const issue = issueOf.get(incident.id);
            if (issue?.state === "open") {
                // The survivor's issue is where its alerts are listed now, so it must exist first.
                open(known.get(end.survivor));
                plan.duplicates.push({ issue, of: end.survivor, reason: "merged" });
            }
            continue;
        }
        const issue = issueOf.get(incident.id);
        if (!issue) {
            if (incident.alerts.length > 0)
                open(incident);
            continue;
        }
        if (!issue.listed) {
            plan.update.push({ issue, incident, joined: [] });
            continue;
        }
        const record = issue.listed;
        const joined = incident.alerts.filter((alert) => !(0,_incident_record_js__WEBPACK_IMPORTED_MODULE_0__/* .lists */ .k8)(record, alert));
        if (joined.length > 0)
            plan.update.push({ issue, incident, joined });
    }
    plan.open.sort(oldestFirst);
    plan.moved = movedAlerts(incidents, issueOf, new Set(plan.duplicates.map(({ issue }) => issue.number)));
    return plan;
}
/**
 * Alerts an open issue's record names by their ID that now belong to another incident of the
 * listing. Only hashes count (an alert older than a cut record's `since` is not looked for); an
 * issue closing as a duplicate says where its alerts went already, and a closed one is left as it is.
 */
function movedAlerts(incidents, issueOf, closing) {
    const candidates = [...issueOf.values()].filter((issue) => issue.listed && issue.listed.hashes.length > 0 && issue.state === "open" && !closing.has(issue.number));
    if (candidates.length === 0)
        return [];
    // The listing's alerts by hash: the records of thousands of issues are searched, not copied.
    const held = new Map();
    for (const incident of incidents) {
        if (incident.status === REDIRECTED)
            continue;
        for (const alert of incident.alerts) {
            const hash = (0,_incident_record_js__WEBPACK_IMPORTED_MODULE_0__/* .alertHashValue */ .cs)(alert.id);
            const holders = held.get(hash);
            if (holders)
                holders.push({ incident, alert });
            else
                held.set(hash, [{ incident, alert }]);
        }
    }
    const moved = [];
    for (const issue of candidates) {
        let to;
        for (const hash of issue.listed.hashes) {
            for (const { incident, alert } of held.get(hash) ?? []) {
                if (incident.id === issue.incidentId)
                    continue;
                to ??= new Map();
                to.set(incident.id, [...(to.get(incident.id) ?? []), alert]);
            }
        }
        for (const [incidentId, alerts] of to ?? [])
            moved.push({ issue, to: incidentId, alerts: alerts.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) });
    }
    return moved;
}


/***/ }),

/***/ 603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ withoutAlerts),
/* harmony export */   cs: () => (/* binding */ alertHashValue),
/* harmony export */   hX: () => (/* binding */ readListedAlerts),
/* harmony export */   k8: () => (/* binding */ lists),
/* harmony export */   yn: () => (/* binding */ listedLine)
/* harmony export */ });
/* unused harmony exports RECORD_MAX, alertHash, listedAlerts, hasHash */
const PREFIX = "<!-- defender-issues-alerts:";
const LINE = /^<!-- defender-issues-alerts:((?: [0-9a-f]{8})*)(?: since=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z))? -->$/gm;
/** Room the record may take in a body: 2,000 alerts' hashes. */
const RECORD_MAX = 18_100;
/** FNV-1a over the ID. Two IDs that collide are one listed alert, which costs a mention at most. */
function alertHashValue(id) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++)
        hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
    return hash;
}
/** The hash as the record writes it: eight hex digits. */
function alertHash(id) {
    return alertHashValue(id).toString(16).padStart(8, "0");
}
/** A record of these alerts' IDs (and `since`), as readListedAlerts reads one. */
function listedAlerts(ids, since = null) {
    return { hashes: Uint32Array.from(new Set(ids.map(alertHashValue))).sort(), since };
}
/** The record line for these alerts, within `RECORD_MAX` characters: the newest kept when not all fit. */
function listedLine(alerts) {
    const room = Math.floor((RECORD_MAX - PREFIX.length - " since=2026-01-01T00:00:00.000Z -->".length) / 9);
    const newestFirst = [...alerts].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    const kept = newestFirst.slice(0, room);
    const hashes = [...new Set(kept.map((alert) => alertHash(alert.id)))].sort();
    // The oldest kept alert's time: anything older was listed when the record was cut.
    const since = kept.length < newestFirst.length ? ` since=${kept.at(-1).createdAt.toISOString()}` : "";
    return `${PREFIX}${hashes.map((hash) => ` ${hash}`).join("")}${since} -->`;
}
/** The record in a body: none when it is missing, or there is more than one. */
function readListedAlerts(body) {
    const found = recordIn(body);
    if (!found)
        return undefined;
    const [, hashes = "", since] = found.match;
    // Each hash is a space and eight hex digits, as LINE matched them.
    const values = hashArray(hashes.length / 9);
    for (let k = 0; k < values.length; k++)
        values[k] = Number.parseInt(hashes.slice(9 * k + 1, 9 * k + 9), 16);
    return { hashes: values.sort(), since: since ? new Date(since) : null };
}
// A pull keeps the records of thousands of issues, most of a few hashes: they are cut from shared
// blocks rather than each given a buffer of its own.
const BLOCK_LENGTH = 16_384;
let block = new Uint32Array(BLOCK_LENGTH);
let blockUsed = 0;
function hashArray(length) {
    if (length > BLOCK_LENGTH / 16)
        return new Uint32Array(length);
    if (blockUsed + length > BLOCK_LENGTH) {
        block = new Uint32Array(BLOCK_LENGTH);
        blockUsed = 0;
    }
    blockUsed += length;
    return block.subarray(blockUsed - length, blockUsed);
}
/** Whether the record lists this alert. */
function lists(record, alert) {
    return hasHash(record.hashes, alertHashValue(alert.id)) || (record.since !== null && alert.createdAt < record.since);
}
/** Whether the sorted `hashes` hold `hash`. */
function hasHash(hashes, hash) {
    let low = 0;
    let high = hashes.length - 1;
    while (low <= high) {
        const middle = (low + high) >>> 1;
        const value = hashes[middle];
        if (value === hash)
            return true;
        if (value < hash)
            low = middle + 1;
        else
            high = middle - 1;
    }
    return false;
}
/**
 * The body with these alerts dropped from its record (the table still shows them, as history), so
 * a later pull does not take them for alerts of this incident; the body unchanged when it has no
 * single record.
 */
function withoutAlerts(body, ids) {
    const found = recordIn(body);
    if (!found)
        return body;
    const { text, match } = found;
    const [line, hashes = "", since] = match;
    const dropped = new Set(ids.map(alertHash));
    const kept = hashes.trim().split(" ").filter((hash) => hash && !dropped.has(hash));
    const rewritten = `${PREFIX}${kept.map((hash) => ` ${hash}`).join("")}${since ? ` since=${since}` : ""} -->`;
    return text.slice(0, match.index) + rewritten + text.slice(match.index + line.length);
}
/** The body's one record line (its line ends made `\n`), or none when it has none or several. */
function recordIn(body) {
    if (!body)
        return undefined;
    const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
    const found = [...text.matchAll(LINE)];
    return found.length === 1 ? { text, match: found[0] } : undefined;
}


/***/ }),

/***/ 47452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ noneUpdatedBefore),
/* harmony export */   Dj: () => (/* binding */ oldestPerAlert),
/* harmony export */   JO: () => (/* binding */ asReconciled),
/* harmony export */   reconcile: () => (/* binding */ reconcile),
/* harmony export */   v4: () => (/* binding */ sendUpdates)
/* harmony export */ });
/* unused harmony export groupByChange */
/* harmony import */ var _issue_changes_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17662);
/* harmony import */ var _issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(63629);
/* harmony import */ var _send_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52680);
/* harmony import */ var _sync_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28965);




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
    const result = (0,_sync_js__WEBPACK_IMPORTED_MODULE_3__/* .emptyResult */ .$)("reconcile", config.dryRun);
    const since = new Date(now.getTime() - config.lookbackMs);
    const store = await deps.store();
    const listing = await store.listUpdatedSince(since);
    const issues = [...oldestPerAlert(listing.issues), ...oldestPerAlert(listing.incidentIssues.map(asReconciled))];
    result.examined = issues.length;
    const wanted = [];
    for (const issue of issues) {
        const plan = (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .desiredAlert */ .Dn)(issue, config.assigneeMap);
        if (plan.kind === "send")
            wanted.push({ issue, changes: plan.changes });
        else if (plan.kind === "problem") {
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_3__/* .explainLabelProblem */ .Tf)(config, store, issue.number, plan.problems, log);
            result.problems.push({ issueNumber: issue.number, problems: plan.problems });
        }
        else
            result.inStep++;
    }
    if (wanted.length === 0)
        return result;
    const source = await deps.source();
    const forAlerts = wanted.filter((w) => w.issue.incidentId === undefined);
    const current = forAlerts.length === 0 ? new Map() : await source.alertsById(forAlerts.map((w) => w.issue.alertId), { updatedSince: since, noneUpdatedBefore: noneUpdatedBefore(forAlerts.map((w) => w.issue)) });
    const forIncidents = wanted.flatMap((w) => (w.issue.incidentId === undefined ? [] : [w.issue.incidentId]));
    const incidents = forIncidents.length === 0 ? new Map() : await source.incidentsById(forIncidents);
    const updates = [];
    for (const { issue, changes } of wanted) {
        const found = issue.incidentId !== undefined ? incidents.get(issue.incidentId) : current.get(issue.alertId);
        const what = issue.incidentId !== undefined ? `incident ${issue.incidentId}` : `alert ${issue.alertId}`;
        if (!found) {
            log.warning(`Issue #${issue.number}: ${what} is not in Defender (older than the tenant's retention, or deleted); nothing sent.`);
            result.skipped.push({ issueNumber: issue.number, reason: `${what.split(" ")[0]} not found in Defender` });
            continue;
        }
        if (found.status === _issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .REDIRECTED */ ._U) {
            // Pull closes a merged incident's issue as a duplicate of the survivor's.
            result.skipped.push({ issueNumber: issue.number, reason: "incident merged into another" });
            continue;
        }
        const diff = (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_0__/* .difference */ .iv)(changes, found);
        if (Object.keys(diff).length === 0)
            result.inStep++;
        else
            updates.push({ alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), issueNumber: issue.number, changes: diff });
    }
    await sendUpdates(config, deps, updates, result, log);
    return result;
}
/** An incident issue as reconcile sees it: an alert issue whose ID is its incident's. */
function asReconciled(issue) {
    const { listed: _listed, ...rest } = issue;
    return { ...rest, alertId: issue.incidentId };
}
/**
 * Sends updates, identical changes to alerts together in batches: one call per distinct change and
 * 50 alerts; a change to an incident on its own.
 */
async function sendUpdates(config, deps, updates, result, log) {
    for (const update of updates)
        if (update.incidentId !== undefined)
            await (0,_send_js__WEBPACK_IMPORTED_MODULE_2__.sendChanges)(config, deps, update, result, log);
    for (const group of groupByChange(updates.filter((update) => update.incidentId === undefined))) {
        if (group.length === 1) {
            await (0,_send_js__WEBPACK_IMPORTED_MODULE_2__.sendChanges)(config, deps, group[0], result, log);
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
        const sent = source.spell(await (0,_send_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeterminationFallback */ .q)(changes, (tried) => source.updateAlerts(ids, tried), log));
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
    const { incidentId } = update;
    const subject = incidentId !== undefined ? `incident ${incidentId}` : `alert ${update.alertId}`;
    const spell = (changes) => (incidentId !== undefined ? source.spellIncident(changes) : source.spell(changes));
    const reported = (changes) => (incidentId !== undefined ? { incidentId, alertId: incidentId, issueNumber: update.issueNumber, changes } : { alertId: update.alertId, issueNumber: update.issueNumber, changes });
    if (config.dryRun) {
        const changes = spell(update.changes);
        log.info(`Dry run: would update ${subject} (issue #${update.issueNumber}) with ${JSON.stringify(changes)}`);
        result.updated.push(reported(changes));
        return;
    }
    try {
        const send = (changes) => (incidentId !== undefined ? source.updateIncident(incidentId, changes) : source.updateAlert(update.alertId, changes));
        const sent = spell(await withDeterminationFallback(update.changes, send, log));
        log.info(`Updated ${subject} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
        result.updated.push(reported(sent));
    }
    catch (error) {
        const message = rejection(error, subject);
        result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
        await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError) => {
            log.warning(`Could not comment on issue #${update.issueNumber}: ${(0,errors/* describe */.q0)(commentError)}`);
        });
    }
}
function rejection(error, subject) {
    if (error instanceof Error && error.status === 404) {
        return `${subject} was not found in Defender: it may be older than the tenant's retention, or deleted (${error.message})`;
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
