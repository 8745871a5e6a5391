export const id = 797;
export const ids = [797,452,680];
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
    const recorded = new Map();
    for (const issue of issueOf.values()) {
        if (!issue.listed || issue.state !== "open" || closing.has(issue.number))
            continue;
        for (const hash of issue.listed.hashes)
            recorded.set(hash, [...(recorded.get(hash) ?? []), issue]);
    }
    if (recorded.size === 0)
        return [];
    const moved = new Map();
    for (const incident of incidents) {
        if (incident.status === REDIRECTED)
            continue;
        for (const alert of incident.alerts) {
            for (const issue of recorded.get((0,_incident_record_js__WEBPACK_IMPORTED_MODULE_0__/* .alertHash */ .fF)(alert.id)) ?? []) {
                if (issue.incidentId === incident.id)
                    continue;
                const key = `${issue.number}\n${incident.id}`;
                const entry = moved.get(key) ?? { issue, to: incident.id, alerts: [] };
                entry.alerts.push(alert);
                moved.set(key, entry);
            }
        }
    }
    return [...moved.values()];
}


/***/ }),

/***/ 603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ withoutAlerts),
/* harmony export */   fF: () => (/* binding */ alertHash),
/* harmony export */   hX: () => (/* binding */ readListedAlerts),
/* harmony export */   k8: () => (/* binding */ lists),
/* harmony export */   yn: () => (/* binding */ listedLine)
/* harmony export */ });
/* unused harmony export RECORD_MAX */
const PREFIX = "<!-- defender-issues-alerts:";
const LINE = /^<!-- defender-issues-alerts:((?: [0-9a-f]{8})*)(?: since=(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z))? -->$/gm;
/** Room the record may take in a body: 2,000 alerts' hashes. */
const RECORD_MAX = 18_100;
/** FNV-1a over the ID: eight hex digits. Two IDs that collide are one listed alert, which costs a mention at most. */
function alertHash(id) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < id.length; i++)
        hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, "0");
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
    if (!body)
        return undefined;
    const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
    const found = [...text.matchAll(LINE)];
    if (found.length !== 1)
        return undefined;
    const [, hashes = "", since] = found[0];
    return { hashes: new Set(hashes.trim().split(" ").filter(Boolean)), since: since ? new Date(since) : null };
}
/** Whether the record lists this alert. */
function lists(record, alert) {
    return record.hashes.has(alertHash(alert.id)) || (record.since !== null && alert.createdAt < record.since);
}
/**
 * The body with these alerts dropped from its record (the table still shows them, as history), so
 * a later pull does not take them for alerts of this incident; the body unchanged when it has no
 * single record.
 */
function withoutAlerts(body, ids) {
    const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
    const found = [...text.matchAll(LINE)];
    if (found.length !== 1)
        return body;
    const [line, hashes = "", since] = found[0];
    const dropped = new Set(ids.map(alertHash));
    const kept = hashes.trim().split(" ").filter((hash) => hash && !dropped.has(hash));
    const rewritten = `${PREFIX}${kept.map((hash) => ` ${hash}`).join("")}${since ? ` since=${since}` : ""} -->`;
    return text.slice(0, found[0].index) + rewritten + text.slice(found[0].index + line.length);
}


/***/ }),

/***/ 99446:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aE: () => (/* binding */ readRecord),
/* harmony export */   q8: () => (/* binding */ withRecord)
/* harmony export */ });
/* unused harmony export recordLine */
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);

const RECORD_LINE = /^<!-- defender-issues-agreed: (\{[^\n]*\}) -->$/gm;
const OWNER_MAX = 256;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?Z$/;
const KNOWN_DETERMINATIONS = new Set([..._vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATIONS */ .rH, ...Object.values(_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATION_ALIASES */ .HG)]);
/** The hidden line for a record. `<` and `>` are written as JSON escapes, so no value can end the comment. */
function recordLine(record) {
    const { status, classification, determination, owner } = record.triage;
    const json = JSON.stringify({ status, classification, determination, owner, commentsUntil: record.commentsUntil, issueComments: record.issueComments });
    return `<!-- defender-issues-agreed: ${json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e")} -->`;
}
/** The record in a body, when there is exactly one and it reads; otherwise none. */
function readRecord(body) {
    if (!body)
        return undefined;
    const lines = [...body.replace(/\r\n?/g, "\n").matchAll(RECORD_LINE)];
    if (lines.length !== 1)
        return undefined;
    let value;
    try {
        value = JSON.parse(lines[0][1]);
    }
    catch {
        return undefined;
    }
    return validRecord(value);
}
function validRecord(value) {
    if (typeof value !== "object" || value === null || Array.isArray(value))
        return undefined;
    const { status, classification, determination, owner, commentsUntil, issueComments } = value;
    const nullOr = (v, ok) => v === null || (typeof v === "string" && ok(v));
    if (typeof status !== "string" || !_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUSES */ .f.includes(status))
        return undefined;
    if (!nullOr(classification, (c) => _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIFICATIONS */ .Ii.includes(c)))
        return undefined;
    if (!nullOr(determination, (d) => KNOWN_DETERMINATIONS.has(d)))
        return undefined;
    if (!nullOr(owner, (o) => o.length > 0 && o.length <= OWNER_MAX && !/[\u0000-\u001f]/.test(o)))
        return undefined;
    if (!nullOr(commentsUntil, (t) => ISO_TIME.test(t) && !Number.isNaN(Date.parse(t))))
        return undefined;
    if (typeof issueComments !== "number" || !Number.isInteger(issueComments) || issueComments < 0)
        return undefined;
    return { triage: { status, classification, determination, owner }, commentsUntil: commentsUntil, issueComments };
}
/** The body with its record replaced, or added as its last line; every other line is kept as it is. */
function withRecord(body, record) {
    const text = (body ?? "").replace(/\r\n?/g, "\n").replace(RECORD_LINE, "").replace(/\n+$/, "");
    return `${text}\n\n${recordLine(record)}\n`;
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
/* harmony import */ var _issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(63629);
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
    const issues = [...oldestPerAlert(listing.issues), ...oldestPerAlert(listing.incidentIssues.map(asReconciled))];
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
        if (found.status === _issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_3__/* .REDIRECTED */ ._U) {
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
            await (0,_send_js__WEBPACK_IMPORTED_MODULE_1__.sendChanges)(config, deps, update, result, log);
    for (const group of groupByChange(updates.filter((update) => update.incidentId === undefined))) {
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


/***/ }),

/***/ 76797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  reconcileTwoWay: () => (/* binding */ reconcileTwoWay)
});

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/issue/changes.ts
var changes = __webpack_require__(17662);
// EXTERNAL MODULE: ./src/issue/markdown.ts
var markdown = __webpack_require__(13366);
// EXTERNAL MODULE: ./src/issue/triage.ts
var issue_triage = __webpack_require__(49595);
;// CONCATENATED MODULE: ./src/issue/twoway.ts
/**
 * Two-way reconcile's decision: for each field an alert issue and its alert keep in step, which side
 * changed since they last agreed, and so what goes to the other side. Pure: a function of (the
 * last agreed state, the issue, the alert), the same for every source of alerts.
 */

const TRIAGE_FIELDS = ["status", "classification", "determination", "owner"];
/** Whether the issue's view of a field agrees with a value on Defender's side. */
function agrees(field, issue, value) {
    if (issue === undefined || value === undefined)
        return false;
    switch (field) {
        case "status":
            return issue === "Open" ? value === "New" || value === "InProgress" : issue === value;
        case "determination":
            return (0,issue_triage/* sameDetermination */.Ek)(issue, value);
        case "owner":
            return value !== null && issue.toLowerCase() === value.toLowerCase();
        default:
            return issue === value;
    }
}
function sameValue(field, a, b) {
    if (a === undefined || b === undefined)
        return false;
    if (a === null || b === null)
        return a === b;
    if (field === "determination")
        return (0,issue_triage/* sameDetermination */.Ek)(a, b);
    if (field === "owner")
        return a.toLowerCase() === b.toLowerCase();
    return a === b;
}
/**
 * Whether the issue, with no agreed state to compare with, expresses a value for the field. An
 * open issue without a status label says only "not resolved" once it was reopened; on its own it
 * says nothing of the status (SPEC.md: such an issue whose alert is Resolved is closed).
 */
function expresses(field, issue) {
    return issue !== undefined && !(field === "status" && issue === "Open");
}
/** The value an issue's view sends to Defender. An open issue without a status label is InProgress. */
function sendable(field, issue) {
    return field === "status" && issue === "Open" ? "InProgress" : issue;
}
/**
 * Decides one field. With an agreed value: a side that differs from it changed; one side changed
 * → its value goes to the other; both changed to different values → the later change, where
 * `issueChangedAt` is when the issue changed and `alertChangedAt` the alert's last update (equal
 * times: GitHub's stands). With none: what the issue expresses goes to Defender, the rest comes back.
 */
function decideField(field, agreed, issue, alert, times) {
    if (agrees(field, issue, alert) || (issue === undefined && alert === null))
        return { field, kind: "agreed", value: alert };
    const toDefender = () => ({ field, kind: "to-defender", value: sendable(field, issue) });
    const toGitHub = () => ({ field, kind: "to-github", value: alert });
    if (agreed === undefined)
        return expresses(field, issue) ? toDefender() : toGitHub();
    const issueChanged = issue !== undefined && !agrees(field, issue, agreed);
    const defenderChanged = !sameValue(field, alert, agreed);
    if (issueChanged && !defenderChanged)
        return toDefender();
    if (defenderChanged && !issueChanged)
        return toGitHub();
    if (!issueChanged && !defenderChanged)
        return { field, kind: "unchanged" };
    if (!times.issueChangedAt)
        return { field, kind: "needs-time" };
    if (!times.alertChangedAt)
        return toDefender();
    return times.issueChangedAt.getTime() >= times.alertChangedAt.getTime() ? toDefender() : toGitHub();
}
/**
 * Decides every field. A determination decided for one side carries its classification along when
 * that differs on the other side, since Defender checks the pair and a label table shows both.
 */
function decideTwoWay(agreed, issue, alert, times) {
    const fields = TRIAGE_FIELDS.map((field) => decideField(field, agreed?.[field], issue[field], alert[field], { issueChangedAt: times.issueChangedAt?.[field], alertChangedAt: times.alertChangedAt }));
    const result = {};
    for (const decision of fields) {
        if (decision.kind === "agreed" || decision.kind === "to-defender" || decision.kind === "to-github") {
            result[decision.field] = decision.value;
        }
        else if (decision.kind === "unchanged" && agreed) {
            result[decision.field] = agreed[decision.field];
        }
    }
    return { fields, agreed: result };
}

// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
// EXTERNAL MODULE: ./src/source/alert.ts
var source_alert = __webpack_require__(15927);
;// CONCATENATED MODULE: ./src/issue/reconcile-plan.ts






/** An alert's, or an incident's, fields as two-way reads them. */
function alertView(alert) {
    return { triage: (0,source_alert/* triageOf */.M)(alert), updatedAt: alert.updatedAt, comments: alert.comments };
}
/** Comments the action sends to Defender begin `<login> on GitHub:` (see changes.ts); they never come back. */
const OWN_COMMENT = /^[A-Za-z0-9][A-Za-z0-9-]*(?:\[bot\])? on GitHub: /;
// Only at the start of a comment: a copied Defender comment quotes text that could hold the tag.
const COPIED_TAG = /^<!-- defender-issues-copied: (\S+) -->/;
const STATE_TAG = /^(?:<!-- defender-issues-copied: \S+ -->\n)?<!-- defender-issues-state: (open|closed) -->/;
const COMMENT_MAX = 4_000;
const COMMENTS_BODY_MAX = 60_000;
const ALERTS_NAMED_MAX = 3;
const ALERT_ID_MAX = 100;
/** What the issue expresses; label problems (two classifications, an unknown value) mean none. */
function issueTriage(issue, assigneeMap) {
    const labels = (0,issue_triage/* readTriageLabels */.GN)(issue.labels);
    if (!labels.ok)
        return labels;
    const { status, classification, determination } = labels.fields;
    const triage = { status: issue.state === "closed" ? "Resolved" : status === "New" || status === "InProgress" ? status : "Open" };
    if (classification)
        triage.classification = classification;
    if (determination)
        triage.determination = determination;
    const assignee = issue.assignees[0];
    if (assignee)
        triage.owner = (0,changes/* assignedToFor */.tb)(assignee, assigneeMap);
    return { ok: true, triage };
}
/** The fields whose change on both sides needs the issue's change time, and the events that tell it. */
function fieldTimes(fields, events) {
    const times = {};
    for (const event of events) {
        const field = eventField(event);
        if (field && fields.includes(field) && (!times[field] || times[field].getTime() < event.createdAt.getTime()))
            times[field] = event.createdAt;
    }
    // A field changed with no event to say when (a history GitHub no longer shows) counts as older than Defender's change.
    for (const field of fields)
        times[field] ??= new Date(0);
    return times;
}
function eventField(event) {
    if (event.event === "closed" || event.event === "reopened")
        return "status";
    if (event.event === "assigned" || event.event === "unassigned")
        return "owner";
    if ((event.event === "labeled" || event.event === "unlabeled") && event.label) {
        const prefix = event.label.slice(0, event.label.indexOf(":")).toLowerCase().replace(/[\s_-]+/g, "");
        return ["status", "classification", "determination"].find((f) => f === prefix);
    }
    return undefined;
}
function planReconcile(input) {
    const { issue, triage, record, alert, direction } = input;
    const decision = decideTwoWay(record?.triage, triage, alert.triage, { alertChangedAt: alert.updatedAt, ...(input.issueTimes ? { issueChangedAt: input.issueTimes } : {}) });
    withheldDetermination(decision.fields, triage);
    const byField = new Map(decision.fields.map((d) => [d.field, d]));
    const old = record?.triage;
    const agreed = { ...alert.triage };
    for (const field of TRIAGE_FIELDS) {
        const d = byField.get(field);
        const kept = old?.[field] ?? null;
        // A change the issue made that is not sent (to-github) is not agreed: the alert's value is, so
        // the next run finds the issue changed and the alert not, and neither sends it nor undoes it.
        const value = d.kind === "agreed" || d.kind === "to-github" || (d.kind === "to-defender" && direction === "both") ? d.value : d.kind === "to-defender" ? alert.triage[field] : kept;
        agreed[field] = value;
    }
    const toDefender = {};
    if (direction === "both") {
        for (const d of decision.fields)
            if (d.kind === "to-defender")
                setAlertField(toDefender, d);
        // Defender checks a determination against the classification: one goes with the other.
        if (toDefender.determination && !toDefender.classification && triage.classification && triage.classification !== alert.triage.classification)
            toDefender.classification = triage.classification;
    }
    const toGitHub = { labelsAdded: [], labelsRemoved: [] };
    const labels = [...issue.labels];
    const replaceLabel = (field, value) => {
        const current = labels.filter((label) => fieldOfLabel(label) === field);
        const wanted = value === null ? undefined : `${field}:${value}`;
        for (const label of current)
            if (label !== wanted)
                toGitHub.labelsRemoved.push(label);
        if (wanted && !current.includes(wanted))
            toGitHub.labelsAdded.push(wanted);
    };
    let unmappedOwner;
    let stateNote;
    for (const d of decision.fields) {
        if (d.kind !== "to-github")
            continue;
        if (d.field === "status") {
            const status = d.value;
            if (status === "Resolved" && issue.state === "open") {
                toGitHub.state = "closed";
                toGitHub.stateReason = alert.triage.classification === "FalsePositive" ? "not_planned" : "completed";
                stateNote = resolvedNote(alert.triage);
            }
            else if (status !== "Resolved" && issue.state === "closed") {
                toGitHub.state = "open";
                toGitHub.stateReason = "reopened";
                stateNote = `**Reopened:** the alert is ${status === "New" ? "New" : "In progress"} again in Microsoft Defender.`;
            }
            if (labels.some((label) => fieldOfLabel(label) === "status"))
                replaceLabel("status", status);
        }
        else if (d.field === "classification" || d.field === "determination") {
            replaceLabel(d.field, d.value);
        }
        else if (d.field === "owner") {
            const login = d.value === null ? undefined : loginFor(d.value, input.assigneeMap, issue.assignees);
            if (login) {
                if (issue.assignees[0]?.toLowerCase() !== login.toLowerCase() || issue.assignees.length !== 1)
                    toGitHub.assignees = [login];
            }
            else {
                if (d.value !== null)
                    unmappedOwner = d.value;
                agreed.owner = old?.owner ?? triage.owner ?? null;
            }
        }
    }
    const { text: copied, until, count } = copiedComments(alert.comments, input.commentsSince !== undefined ? input.commentsSince : (record?.commentsUntil ?? null));
    if (input.stateNoted)
        stateNote = undefined;
    // The tags lead the comment: they record the newest copy and the state change it announces, for
    // a run that dies before the record.
    const tag = `${until ? `<!-- defender-issues-copied: ${until} -->\n` : ""}${stateNote && toGitHub.state ? `<!-- defender-issues-state: ${toGitHub.state} -->\n` : ""}`;
    const comment = stateNote || copied ? `${tag}${[stateNote, copied].filter(Boolean).join("\n\n")}` : undefined;
    return {
        toDefender,
        toGitHub,
        comment,
        copiedUntil: until,
        copied: count,
        unmappedOwner,
        needsTime: decision.fields.filter((d) => d.kind === "needs-time").map((d) => d.field),
        agreed,
    };
}
/**
 * Defender's determination comes to the issue only with a classification it belongs to. When the
 * issue keeps its own classification (it goes to Defender, or the direction is to-github), a
 * determination of Defender's other classification would leave the issue a pair that sync refuses
 * to read; it is left as the issue has it, and agreed as before.
 */
function withheldDetermination(fields, issue) {
    const classification = fields.find((d) => d.field === "classification");
    const index = fields.findIndex((d) => d.field === "determination");
    const determination = fields[index];
    if (determination.kind !== "to-github" || determination.value === null)
        return;
    const kept = classification.kind === "to-github" ? classification.value : (issue.classification ?? null);
    if (kept && !vocabulary/* DETERMINATIONS_BY_CLASSIFICATION */.S6[kept].includes(determination.value))
        fields[index] = { field: "determination", kind: "unchanged" };
}
function setAlertField(changes, d) {
    if (d.field === "owner")
        changes.assignedTo = d.value;
    else if (d.field === "status")
        changes.status = d.value;
    else if (d.field === "classification")
        changes.classification = d.value;
    else
        changes.determination = d.value;
}
function fieldOfLabel(label) {
    const colon = label.indexOf(":");
    if (colon < 0)
        return undefined;
    const prefix = label.slice(0, colon).toLowerCase().replace(/[\s_-]+/g, "");
    return ["status", "classification", "determination"].find((f) => f === prefix);
}
/** The login for a Defender owner: the one `assignee-map` maps to it, or an assignee of that very name. */
function loginFor(owner, assigneeMap, assignees) {
    const wanted = owner.toLowerCase();
    const mapped = Object.entries(assigneeMap).find(([, value]) => value.toLowerCase() === wanted)?.[0];
    return mapped ?? assignees.find((login) => login.toLowerCase() === wanted);
}
function resolvedNote(alert) {
    const by = alert.owner === "Automation" ? " by automated investigation" : alert.owner ? ` (owner ${(0,markdown/* inlineText */.ln)(alert.owner)})` : "";
    const how = [alert.classification && `classification ${alert.classification}`, alert.determination && `determination ${alert.determination}`].filter(Boolean).join(", ");
    return `**Resolved in Microsoft Defender**${by}${how ? `, ${how}` : ""}. Closing this issue to match.`;
}
/**
 * Defender's comments not yet on the issue, oldest first, each with its author and time (and the
 * alerts it is on, when an incident's comment is on only some of them) and its text quoted inert;
 * the action's own (`… on GitHub:`) stay in Defender.
 */
function copiedComments(comments, since) {
    const after = since ? Date.parse(since) : Number.NEGATIVE_INFINITY;
    const fresh = comments
        .filter((c) => !OWN_COMMENT.test(c.comment) && Date.parse(c.createdTime) > after)
        .sort((a, b) => Date.parse(a.createdTime) - Date.parse(b.createdTime));
    if (fresh.length === 0)
        return { text: undefined, until: undefined, count: 0 };
    const until = fresh.at(-1).createdTime;
    const parts = [];
    let used = 0;
    for (const c of fresh) {
        const part = `**${(0,markdown/* inlineText */.ln)(c.createdBy ?? "someone")}** · ${(0,markdown/* formatTime */.fU)(new Date(c.createdTime))}${onAlerts(c.alertIds)}\n\n${(0,markdown/* quoteBlock */.Af)((0,markdown/* truncate */.xv)(c.comment, COMMENT_MAX))}`;
        if (used + part.length > COMMENTS_BODY_MAX) {
            parts.push(`${fresh.length - parts.length} more comments are in Microsoft Defender.`);
            break;
        }
        parts.push(part);
        used += part.length;
    }
    const heading = fresh.length === 1 ? "**Comment in Microsoft Defender**" : `**${fresh.length} comments in Microsoft Defender**`;
    return { text: `${heading}\n\n${parts.join("\n\n")}`, until, count: fresh.length };
}
/** Which of an incident's alerts a comment is on, when it is on only some: ` · on alert `da1``; three named at most. */
function onAlerts(alertIds) {
    if (!alertIds || alertIds.length === 0)
        return "";
    const named = alertIds.slice(0, ALERTS_NAMED_MAX).map((id) => (0,markdown/* cellCode */.GA)((0,markdown/* truncate */.xv)(id, ALERT_ID_MAX)));
    const more = alertIds.length - named.length;
    const list = more > 0 ? `${named.join(", ")} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(", ")} and ${named.at(-1)}` : named[0];
    return ` · on ${alertIds.length === 1 ? "alert" : "alerts"} ${list}`;
}
/** Whether one of the action's comments announces the issue's change to `state` (its leading tags say so). */
function announces(ownComment, state) {
    return STATE_TAG.exec(ownComment)?.[1] === state;
}
/** The newest copy a comment of the action's records, among its comments on an issue. */
function lastCopied(ownComments) {
    let newest;
    for (const body of ownComments) {
        const time = COPIED_TAG.exec(body)?.[1];
        if (time && !Number.isNaN(Date.parse(time)) && (!newest || Date.parse(time) > Date.parse(newest)))
            newest = time;
    }
    return newest;
}

// EXTERNAL MODULE: ./src/issue/record.ts
var issue_record = __webpack_require__(99446);
// EXTERNAL MODULE: ./src/issue/incident-plan.ts
var incident_plan = __webpack_require__(63629);
// EXTERNAL MODULE: ./src/modes/reconcile.ts
var reconcile = __webpack_require__(47452);
// EXTERNAL MODULE: ./src/modes/sync.ts
var sync = __webpack_require__(28965);
;// CONCATENATED MODULE: ./src/modes/twoway.ts








async function reconcileTwoWay(config, deps, log, now = new Date()) {
    const result = (0,sync/* emptyResult */.$)("reconcile", config.dryRun);
    const direction = config.syncDirection === "to-github" ? "to-github" : "both";
    const store = await deps.store();
    const listing = await store.listForReconcile(new Date(now.getTime() - config.lookbackMs));
    // Incident issues are kept in step with their incident the same way.
    const issues = [...(0,reconcile/* oldestPerAlert */.Dj)(listing.issues), ...(0,reconcile/* oldestPerAlert */.Dj)(listing.incidentIssues.map(reconcile/* asReconciled */.JO))];
    result.examined = issues.length;
    const readable = [];
    for (const issue of issues) {
        const reading = issueTriage(issue, config.assigneeMap);
        if (reading.ok) {
            readable.push({ issue, triage: reading.triage });
            continue;
        }
        // The issue's labels say nothing sync can read: neither side is touched until a triager fixes them.
        if (direction === "both")
            await (0,sync/* explainLabelProblem */.Tf)(config, store, issue.number, reading.problems, log);
        else
            log.warning(`Issue #${issue.number}: ${reading.problems.join("; ")}; left as it is.`);
        result.problems.push({ issueNumber: issue.number, problems: reading.problems });
    }
    if (readable.length === 0)
        return result;
    const source = await deps.source();
    const alertIssues = readable.filter(({ issue }) => issue.incidentId === undefined).map(({ issue }) => issue);
    const alerts = alertIssues.length === 0 ? new Map() : await source.alertsById(alertIssues.map((issue) => issue.alertId), { updatedSince: new Date(now.getTime() - config.lookbackMs), noneUpdatedBefore: (0,reconcile/* noneUpdatedBefore */.$h)(alertIssues) });
    const incidentIds = readable.flatMap(({ issue }) => (issue.incidentId === undefined ? [] : [issue.incidentId]));
    const incidents = incidentIds.length === 0 ? new Map() : await source.incidentsById(incidentIds);
    const planned = [];
    for (const { issue, triage } of readable) {
        const found = issue.incidentId !== undefined ? incidents.get(issue.incidentId) : alerts.get(issue.alertId);
        const what = issue.incidentId !== undefined ? `incident ${issue.incidentId}` : `alert ${issue.alertId}`;
        if (!found) {
            log.warning(`Issue #${issue.number}: ${what} is not in Defender (older than the tenant's retention, or deleted); left as it is.`);
            result.skipped.push({ issueNumber: issue.number, reason: `${what.split(" ")[0]} not found in Defender` });
            continue;
        }
        if (found.status === incident_plan/* REDIRECTED */._U) {
            // Pull closes a merged incident's issue as a duplicate of the survivor's.
            result.skipped.push({ issueNumber: issue.number, reason: "incident merged into another" });
            continue;
        }
        planned.push(await planIssue(store, { issue, triage, record: issue.record, alert: alertView(found), assigneeMap: config.assigneeMap, direction }));
    }
    const updates = planned
        .filter(({ plan }) => Object.keys(plan.toDefender).length > 0)
        .map(({ issue, plan }) => ({ alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), issueNumber: issue.number, changes: plan.toDefender }));
    await (0,reconcile/* sendUpdates */.v4)(config, deps, updates, result, log);
    const refused = new Set(result.failures.map((failure) => failure.issueNumber));
    for (const item of planned)
        await bringIssueInStep(config, deps, item, refused.has(item.issue.number), result, log);
    result.inStep = planned.filter(({ plan }) => Object.keys(plan.toDefender).length === 0 && !hasIssueChange(plan)).length;
    return result;
}
/**
 * Plans one issue, reading GitHub only where the plan needs it: the issue's events when a field
 * changed on both sides, and the action's own comments when the issue was commented on since its
 * record (a run may have commented and died before it wrote the record).
 */
async function planIssue(store, input) {
    const { issue } = input;
    let plan = planReconcile(input);
    if (plan.needsTime.length > 0) {
        // Changed on both sides: the issue's events tell which change was later.
        input.issueTimes = fieldTimes(plan.needsTime, await store.issueEvents(issue.number));
        plan = planReconcile(input);
    }
    const stateChange = plan.toGitHub.state;
    if ((plan.copiedUntil || stateChange) && commentedSinceRecord(issue)) {
        // A run may have commented and died before it wrote the record: its comment says what it
        // copied, and which state change it announced (among the comments made since the record).
        const own = await store.ownComments(issue.number);
        const copied = lastCopied(own.map((comment) => comment.body));
        let replan = false;
        if (plan.copiedUntil && copied && (!issue.record?.commentsUntil || Date.parse(copied) > Date.parse(issue.record.commentsUntil))) {
            input.commentsSince = copied;
            replan = true;
        }
        const since = issue.record?.issueComments ?? 0;
        if (stateChange && own.some((comment) => comment.index >= since && announces(comment.body, stateChange))) {
            input.stateNoted = true;
            replan = true;
        }
        if (replan)
            plan = planReconcile(input);
    }
    return { issue, input, plan };
}
/** Someone (or a run that died) commented after the record was written. */
function commentedSinceRecord(issue) {
    return issue.comments > (issue.record?.issueComments ?? 0);
}
function hasIssueChange(plan) {
    const g = plan.toGitHub;
    return Boolean(g.state || g.assignees || g.labelsAdded.length > 0 || g.labelsRemoved.length > 0 || plan.comment);
}
function sameTriage(a, b) {
    return TRIAGE_FIELDS.every((field) => (a[field] ?? "").toLowerCase() === (b[field] ?? "").toLowerCase());
}
/**
 * Writes what the issue needs: first the comment (the state change explained, Defender's comments),
 * then one update with its state, labels, assignees and the new record. The record is written last,
 * so a run that dies before it leaves the old one, and the next run completes the change.
 */
async function bringIssueInStep(config, deps, { issue, input, plan }, refused, result, log) {
    if (plan.unmappedOwner) {
        log.notice(`Issue #${issue.number}: Defender's owner ${JSON.stringify(plan.unmappedOwner)} maps to no GitHub login (assignee-map); the assignees are left as they are.`);
        result.unmappedOwners.push({ issueNumber: issue.number, owner: plan.unmappedOwner });
    }
    // A change Defender refused is not agreed: those fields keep the record's value (with no record,
    // none is written), so the next run tries again.
    const record = refused && !input.record ? undefined : {
        triage: refused ? keepUnsent(plan, input.record) : plan.agreed,
        commentsUntil: plan.copiedUntil ?? input.commentsSince ?? input.record?.commentsUntil ?? null,
        issueComments: issue.comments + (plan.comment ? 1 : 0),
    };
    const changed = hasIssueChange(plan);
    const recordStale = record !== undefined && (input.record
        ? !sameTriage(input.record.triage, record.triage) || input.record.commentsUntil !== record.commentsUntil
        : changed || expressesAnything(input.triage));
    if (!changed && !recordStale)
        return;
    const g = plan.toGitHub;
    const report = { issueNumber: issue.number, alertId: issue.alertId, ...(issue.incidentId !== undefined ? { incidentId: issue.incidentId } : {}), changes: {} };
    if (g.state)
        report.changes.state = g.state;
    if (g.labelsAdded.length > 0)
        report.changes.labelsAdded = g.labelsAdded;
    if (g.labelsRemoved.length > 0)
        report.changes.labelsRemoved = g.labelsRemoved;
    if (g.assignees)
        report.changes.assignees = g.assignees;
    if (plan.copied > 0)
        report.changes.comments = plan.copied;
    if (config.dryRun) {
        if (changed) {
            log.info(`Dry run: would bring issue #${issue.number} in step with alert ${issue.alertId}: ${JSON.stringify(report.changes)}`);
            result.issuesUpdated.push(report);
        }
        return;
    }
    const store = await deps.store();
    try {
        if (plan.comment)
            await store.comment(issue.number, plan.comment);
        const labels = g.labelsAdded.length > 0 || g.labelsRemoved.length > 0
            ? [...issue.labels.filter((label) => !g.labelsRemoved.includes(label)), ...g.labelsAdded]
            : undefined;
        await store.updateIssue(issue.number, {
            ...(g.state ? { state: g.state } : {}),
            ...(g.stateReason ? { stateReason: g.stateReason } : {}),
            ...(labels ? { labels } : {}),
            ...(g.assignees ? { assignees: g.assignees } : {}),
            ...(record ? { body: (0,issue_record/* withRecord */.q8)(issue.body, record) } : {}),
        });
        if (changed) {
            log.info(`Brought issue #${issue.number} in step with alert ${issue.alertId}: ${JSON.stringify(report.changes)}`);
            result.issuesUpdated.push(report);
        }
    }
    catch (error) {
        result.failures.push({ alertId: issue.alertId, issueNumber: issue.number, error: (0,errors/* describe */.q0)(error) });
    }
}
/** The agreed state when the alert's write was refused: the fields meant for Defender keep the record's value. */
function keepUnsent(plan, record) {
    const kept = { ...plan.agreed };
    const sent = plan.toDefender;
    if (sent.status)
        kept.status = record.triage.status;
    if (sent.classification)
        kept.classification = record.triage.classification;
    if (sent.determination)
        kept.determination = record.triage.determination;
    if (sent.assignedTo)
        kept.owner = record.triage.owner;
    return kept;
}
/** Whether an issue without a record expresses a field, so a record must say it agreed. */
function expressesAnything(triage) {
    return triage.status !== "Open" || triage.classification !== undefined || triage.determination !== undefined || triage.owner !== undefined;
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
