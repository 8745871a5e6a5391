export const id = 797;
export const ids = [797];
export const modules = {

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
