export const id = 44;
export const ids = [44];
export const modules = {

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
    const plan = { open: [], update: [], duplicates: [], missing: [] };
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
    return plan;
}


/***/ }),

/***/ 603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hX: () => (/* binding */ readListedAlerts),
/* harmony export */   k8: () => (/* binding */ lists),
/* harmony export */   yn: () => (/* binding */ listedLine)
/* harmony export */ });
/* unused harmony exports RECORD_MAX, alertHash */
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


/***/ }),

/***/ 33044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  joinedComment: () => (/* binding */ joinedComment),
  runIncidentPull: () => (/* binding */ runIncidentPull)
});

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/issue/markdown.ts
var markdown = __webpack_require__(13366);
// EXTERNAL MODULE: ./src/issue/incident-plan.ts
var incident_plan = __webpack_require__(63629);
// EXTERNAL MODULE: ./src/issue/render.ts
var issue_render = __webpack_require__(99127);
// EXTERNAL MODULE: ./src/source/incident.ts
var source_incident = __webpack_require__(76871);
;// CONCATENATED MODULE: ./src/issue/incident-evidence.ts

const GATHERED_KINDS = ["device", "user", "mailbox", "file"];
function isGathered(kind) {
    return GATHERED_KINDS.includes(kind);
}
// Host names, accounts, addresses and Windows paths are compared without regard to case.
const keyOf = (kind, entity) => `${kind}\n${(0,markdown/* singleLine */.pF)(entity).toLowerCase()}`;
/** What one alert names: its evidence of the gathered kinds, and its device and user when its evidence names none. */
function namedBy(alert) {
    const named = new Map();
    const add = (kind, entity) => {
        if (entity && (0,markdown/* singleLine */.pF)(entity) && !named.has(keyOf(kind, entity)))
            named.set(keyOf(kind, entity), { kind, entity });
    };
    for (const item of alert.evidence)
        if (isGathered(item.kind))
            add(item.kind, item.entity);
    // The Endpoint API names an alert's device and user beside its evidence; Graph's come from it.
    if (!alert.evidence.some((item) => item.kind === "device"))
        add("device", alert.device?.name ?? alert.device?.id);
    if (!alert.evidence.some((item) => item.kind === "user"))
        add("user", alert.user);
    return named;
}
/**
 * Each entity once, by kind (devices, users, mailboxes, files), those most alerts name first, then
 * in the order the alerts name them. Each alert is read whole here, one at a time: only an issue's
 * body needs the evidence.
 */
function gatherEvidence(alerts) {
    const gathered = new Map();
    for (const alert of alerts) {
        for (const [key, { kind, entity }] of namedBy(alert.read())) {
            const seen = gathered.get(key);
            if (seen)
                seen.alerts++;
            else
                gathered.set(key, { kind, entity, alerts: 1 });
        }
    }
    // Map order is first-seen order, and sort is stable.
    return [...gathered.values()].sort((a, b) => GATHERED_KINDS.indexOf(a.kind) - GATHERED_KINDS.indexOf(b.kind) || b.alerts - a.alerts);
}

// EXTERNAL MODULE: ./src/issue/incident-record.ts
var incident_record = __webpack_require__(603);
// EXTERNAL MODULE: ./src/issue/marker.ts
var marker = __webpack_require__(69745);
// EXTERNAL MODULE: ./src/issue/portal.ts
var portal = __webpack_require__(88785);
// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
;// CONCATENATED MODULE: ./src/issue/render-incident.ts
/**
 * A Defender incident as an issue: title, body and labels. The body links the incident, lists its
 * alerts and gathers the evidence that matters across them, within GitHub's limit whatever the
 * incident holds. Pure: the same incident always renders the same.
 */








// The alerts table has a row for each alert: its cells are cut shorter than a field's.
const TITLE_CELL_MAX = 200;
const SOURCE_CELL_MAX = 100;
const WORD_CELL_MAX = 40;
// The entities of one kind shown at most, so that many files leave room for the devices and users.
const ENTITIES_PER_KIND_MAX = 50;
function renderIncidentIssue(incident, options) {
    return {
        incidentId: incident.id,
        title: renderIncidentTitle(options.titleTemplate, incident),
        body: renderIncidentBody(incident, options),
        labels: [...new Set([vocabulary/* INCIDENT_LABEL */.MY, (0,vocabulary/* severityLabel */.yi)((0,source_incident/* incidentSeverityOf */.f)(incident)), ...options.extraLabels])],
    };
}
/**
 * `title-template` filled with the incident's fields: `{title}` its name, `{severity}` the label
 * word, `{id}`; an alert's fields (`{computerDnsName}`) are empty, so the default template reads
 * `[{severity}] {title}`. An incident without a name is named by its ID.
 */
function renderIncidentTitle(template, incident) {
    const fallback = `Defender incident ${incident.id}`;
    const fields = {
        id: incident.id,
        title: incident.name && (0,markdown/* singleLine */.pF)(incident.name) ? incident.name : fallback,
        severity: (0,source_incident/* incidentSeverityOf */.f)(incident),
        status: incident.status,
        classification: incident.classification,
        determination: incident.determination,
        assignedTo: incident.assignedTo,
    };
    return (0,issue_render/* fillTitle */.eb)(template, fields, fallback);
}
function renderIncidentBody(incident, options) {
    const tenantId = (0,portal/* portalTenant */.f_)(incident.tenantId, options.tenantId);
    const link = (0,portal/* portalLink */.jg)(incident.webUrl, options.portalHost, `incidents/${encodeURIComponent(incident.id)}`, tenantId);
    const alerts = inOrder(incident.alerts);
    const head = [
        (0,marker/* incidentMarkerFor */.Et)(incident.id),
        `**[Open the incident in Microsoft Defender](${link})**`,
        fieldTable(incident, alerts.length, options.portalHost, tenantId),
    ].join("\n\n");
    const footer = (0,issue_render/* triageFooter */.C5)("incident");
    // Which alerts the issue lists, for the next pull to tell which joined since.
    const record = (0,incident_record/* listedLine */.yn)(incident.alerts);
    // Four blank lines between five parts, and the last newline.
    const room = issue_render/* BODY_MAX */.WG - head.length - footer.length - record.length - 4 * 2 - 1;
    const more = (what) => `${what} not shown here: [see the incident in Microsoft Defender](${link}).`;
    const alertRows = alerts.map((alert) => alertRow(alert, options.portalHost, (0,portal/* portalTenant */.f_)(alert.tenantId, tenantId)));
    const evidence = evidenceTable(gatherEvidence(alerts), more);
    // The alerts come first; the evidence keeps at least a third of the room when it needs it.
    const alertsRoom = Math.min(room, Math.max(room - evidence.need, Math.floor((room * 2) / 3)));
    const alertsNote = (shown) => {
        const n = alerts.length - shown;
        return more(`${n} more ${n === 1 ? "alert is" : "alerts are"}`);
    };
    const alertsSection = alerts.length === 0 ? "" : fitTable(`### Alerts (${alerts.length})\n\n${ALERTS_HEADER}`, alertRows, alertsRoom, alertsNote);
    const evidenceSection = evidence.render(room - alertsSection.length);
    return [head, alertsSection, evidenceSection, footer, record].filter(Boolean).join("\n\n") + "\n";
}
/** Oldest first: by first activity, else creation; each alert once. */
function inOrder(alerts) {
    const unique = [...new Map(alerts.map((alert) => [alert.id, alert])).values()];
    const at = (alert) => (alert.firstActivity ?? alert.createdAt).getTime();
    return unique.sort((a, b) => at(a) - at(b) || a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
function row(name, value) {
    return `| ${name} | ${value} |`;
}
function fieldTable(incident, alertCount, portalHost, tenantId) {
    const merged = incident.redirectedTo
        ? (0,marker/* isIncidentId */.iX)(incident.redirectedTo)
            ? `[${(0,markdown/* cellCode */.GA)(incident.redirectedTo)}](${(0,portal/* portalUrl */.gn)(portalHost, `incidents/${encodeURIComponent(incident.redirectedTo)}`, tenantId)})`
            : (0,issue_render/* cell */.Hn)(incident.redirectedTo)
        : null;
    return [
        "| Field | Value |",
        "|---|---|",
        row("Name", (0,issue_render/* cell */.Hn)(incident.name)),
        row("Severity", (0,source_incident/* incidentSeverityOf */.f)(incident)),
        row("Status", (0,issue_render/* cell */.Hn)(incident.status)),
        ...(merged ? [row("Merged into", merged)] : []),
        row("Assigned to", (0,issue_render/* cell */.Hn)(incident.assignedTo)),
        row("Classification", (0,issue_render/* cell */.Hn)(incident.classification)),
        row("Determination", (0,issue_render/* cell */.Hn)(incident.determination)),
        row("Created", (0,issue_render/* cell */.Hn)((0,markdown/* formatTime */.fU)(incident.createdAt))),
        row("Last update", (0,issue_render/* cell */.Hn)((0,markdown/* formatTime */.fU)(incident.updatedAt))),
        row("Alerts", String(alertCount)),
        row("Incident ID", (0,markdown/* cellCode */.GA)(incident.id)),
    ].join("\n");
}
const ALERTS_HEADER = "| Severity | Title | Product or detection source | Status | First activity | Alert |\n|---|---|---|---|---|---|";
function render_incident_short(value, max) {
    return value && (0,markdown/* singleLine */.pF)(value) ? (0,markdown/* inlineText */.ln)((0,markdown/* truncate */.xv)(value, max)) : "—";
}
function alertRow(alert, portalHost, tenantId) {
    const link = (0,portal/* portalLink */.jg)(alert.webUrl, portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId);
    const cells = [
        render_incident_short(alert.severity, WORD_CELL_MAX),
        render_incident_short(alert.title, TITLE_CELL_MAX),
        render_incident_short(alert.product ?? alert.detectionSource, SOURCE_CELL_MAX),
        render_incident_short(alert.status, WORD_CELL_MAX),
        (0,issue_render/* cell */.Hn)((0,markdown/* formatTime */.fU)(alert.firstActivity)),
        // The ID has the marker's shape; as code it cannot be read as markup.
        `[${(0,markdown/* cellCode */.GA)(alert.id) || "alert"}](${link})`,
    ];
    return `| ${cells.join(" | ")} |`;
}
const KIND_WORDS = {
    device: ["Device", "devices"],
    user: ["User", "users"],
    mailbox: ["Mailbox", "mailboxes"],
    file: ["File", "files"],
};
/**
 * The gathered evidence as a table, at most ENTITIES_PER_KIND_MAX of each kind; `need` is its
 * length when nothing else limits it.
 */
function evidenceTable(entities, more) {
    const perKind = new Map();
    const rows = [];
    for (const entity of entities) {
        const count = (perKind.get(entity.kind) ?? 0) + 1;
        perKind.set(entity.kind, count);
        if (count <= ENTITIES_PER_KIND_MAX)
            rows.push({ kind: entity.kind, line: `| ${KIND_WORDS[entity.kind][0]} | ${(0,issue_render/* entityCode */.f)(entity.entity)} | ${entity.alerts} |` });
    }
    const header = `### Evidence across the alerts\n\n| Kind | Entity | Alerts naming it |\n|---|---|---|`;
    const note = (shown) => {
        const left = GATHERED_KINDS.flatMap((kind) => {
            const n = (perKind.get(kind) ?? 0) - rows.slice(0, shown).filter((row) => row.kind === kind).length;
            return n > 0 ? [`${n} ${n === 1 ? kind : KIND_WORDS[kind][1]}`] : [];
        });
        const n = entities.length - shown;
        return more(`${n} more ${n === 1 ? "entity" : "entities"} (${left.join(", ")}) ${n === 1 ? "is" : "are"}`);
    };
    const render = (room) => (entities.length === 0 ? "" : fitTable(header, rows.map((row) => row.line), room, note, entities.length - rows.length));
    return { need: entities.length === 0 ? 0 : render(Number.MAX_SAFE_INTEGER).length, render };
}
/**
 * A table of as many rows as fit in `room` characters, in order, and `note(shown)` saying what is
 * not shown (`dropped` rows already left out before it); "" when not even the note fits.
 */
function fitTable(header, rows, room, note, dropped = 0) {
    const whole = [header, ...rows].join("\n");
    if (dropped === 0 && whole.length <= room)
        return whole;
    // The note with no row shown is the longest it can be.
    const reserve = 2 + note(0).length;
    let used = header.length;
    let shown = 0;
    for (const line of rows) {
        if (used + 1 + line.length + reserve > room)
            break;
        used += 1 + line.length;
        shown++;
    }
    if (used + reserve > room)
        return "";
    return `${[header, ...rows.slice(0, shown)].join("\n")}\n\n${note(shown)}`;
}

// EXTERNAL MODULE: ./src/source/alert.ts
var source_alert = __webpack_require__(15927);
// EXTERNAL MODULE: ./src/modes/pull.ts
var pull = __webpack_require__(97997);
;// CONCATENATED MODULE: ./src/modes/incident-pull.ts








// As pull: issues are listed from a little before, in case GitHub's and Defender's clocks differ.
const CLOCK_MARGIN_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;
// A survivor of a merge may itself have been merged: a few reads settle any chain met in practice.
const SURVIVOR_READS_MAX = 20;
const JOINED_NAMED_MAX = 50;
async function runIncidentPull(config, deps, log, options = {}) {
    const { source } = deps;
    const now = options.now ?? new Date();
    const window = { since: new Date(now.getTime() - config.lookbackMs), until: now };
    const asked = { ...window, minSeverity: config.minSeverity, statuses: config.statuses, serviceSources: config.serviceSources, extra: config.filter };
    log.info(`Listing ${source.service} incidents with ${source.describeIncidentWindow(asked)}`);
    const listing = await source.listIncidents(asked);
    for (const bad of listing.malformed)
        log.warning(`Skipped malformed ${bad.problem.startsWith("incident") ? "incident" : "alert"} ${JSON.stringify(bad.id)}: ${bad.problem}`);
    const alertsFound = listing.incidents.reduce((sum, incident) => sum + incident.alerts.length, 0) + listing.loose.length;
    const result = { ...(0,pull.emptyPullResult)(config.dryRun, window, alertsFound, listing.malformed), incidentsFound: listing.incidents.length };
    if (listing.incidents.length === 0 && listing.loose.length === 0) {
        log.info("No incident or alert in the window; nothing to open");
        return result;
    }
    // Any issue of a listed incident was opened after the incident was created: listing back to the
    // oldest one finds them all, open or closed, with one listing.
    const oldest = listing.incidents.reduce((earliest, incident) => Math.min(earliest, incident.createdAt.getTime()), now.getTime());
    const listedSince = Math.min(window.since.getTime(), oldest, now.getTime() - HOUR_MS) - CLOCK_MARGIN_MS;
    const store = await deps.store();
    const existing = await store.listUpdatedSince(new Date(listedSince));
    for (const stranger of existing.strangers) {
        log.warning(`Issue #${stranger.number} has a Defender marker but was opened by ${JSON.stringify(stranger.author)}, who is not in trusted-authors: it is not treated as an alert or incident issue. If the action runs as that identity, add it to trusted-authors.`);
    }
    const incidents = [...listing.incidents];
    let plan = (0,incident_plan/* planIncidentPull */.Jf)(incidents, existing.incidentIssues);
    for (let reads = 0; plan.missing.length > 0 && reads < SURVIVOR_READS_MAX; reads++) {
        for (const id of plan.missing) {
            const survivor = await source.incident(id);
            if (survivor)
                incidents.push(survivor);
            else
                log.warning(`Incident ${id}, into which Defender merged another, could not be read; its merged incident's issue is left open`);
        }
        const before = plan.missing;
        plan = (0,incident_plan/* planIncidentPull */.Jf)(incidents, existing.incidentIssues);
        if (plan.missing.every((id) => before.includes(id)))
            break;
    }
    const loose = (0,pull.newAlerts)(listing.loose, existing.issues);
    result.alreadyTicketed = listing.loose.length - loose.length + (listing.incidents.length - plan.open.length);
    const perHour = options.issuesPerHour ?? pull.ISSUES_PER_HOUR;
    const room = (0,pull.hourlyRoom)(existing.openedByTrusted, now, perHour);
    const wanted = plan.open.length + loose.length;
    const allowed = Math.min(config.maxIssues, room);
    if (allowed < Math.min(wanted, config.maxIssues)) {
        result.hourlyRoom = room;
        log.info(`${perHour - room} issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most ${room} of ${perHour} an hour, and the rest wait for a later run`);
    }
    // Incidents first, oldest first; then alerts of no incident.
    const openIncidents = plan.open.slice(0, allowed);
    const openAlerts = loose.slice(0, Math.max(0, allowed - openIncidents.length));
    log.info(`${listing.incidents.length} incidents and ${listing.loose.length} alerts of no incident in the window; ${config.dryRun ? "would open" : "opening"} ${openIncidents.length} incident issues and ${openAlerts.length} alert issues, ${config.dryRun ? "would update" : "updating"} ${plan.update.length}`);
    const options_ = { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels };
    const renderIncident = (incident) => renderIncidentIssue(incident, options_);
    const renderAlert = (alert) => (0,issue_render/* renderIssue */.yi)(alert, options_);
    if (config.dryRun) {
        result.planned = [
            ...openIncidents.map((incident) => {
                const { body: _body, incidentId, ...planned } = renderIncident(incident);
                return { ...planned, alertId: incidentId, incidentId };
            }),
            ...openAlerts.map((listed) => {
                const { body: _body, ...planned } = renderAlert(listed.read());
                return planned;
            }),
        ];
        result.incidentIssuesUpdated = plan.update.map(({ issue, joined }) => ({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) }));
        result.duplicatesClosed = plan.duplicates.map(({ issue }) => issue.number);
        result.alertsRemaining = wanted - openIncidents.length - openAlerts.length;
        return result;
    }
    const openedFor = new Map();
    let vocabularyChecked = false;
    const checkVocabulary = async (descriptions) => {
        if (vocabularyChecked)
            return;
        const made = await (0,pull.makeVocabularyIfIncomplete)(store, descriptions, log);
        if (made !== undefined) {
            vocabularyChecked = true;
            result.labels = made;
        }
    };
    let stopped = false;
    for (const incident of openIncidents) {
        const draft = renderIncident(incident);
        try {
            const issue = await store.createIncidentIssue({ ...draft, assignees: config.assignees });
            openedFor.set(incident.id, issue.number);
            result.opened.push({ alertId: incident.id, incidentId: incident.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: (0,source_incident/* incidentSeverityOf */.f)(incident) });
            log.info(`Opened #${issue.number} for incident ${incident.id} (${incident.alerts.length} alerts): ${draft.title}`);
            await checkVocabulary(issue.labelDescriptions);
        }
        catch (error) {
            result.failures.push({ alertId: incident.id, incidentId: incident.id, error: (0,errors/* describe */.q0)(error) });
            if ((0,errors/* isFinal */.dR)(error)) {
                stopped = true;
                break;
            }
        }
    }
    for (const listed of stopped ? [] : openAlerts) {
        const alert = listed.read();
        const draft = renderAlert(alert);
        try {
            const issue = await store.create({ ...draft, assignees: config.assignees });
            result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: (0,source_alert/* severityOf */.x)(alert) });
            log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
            await checkVocabulary(issue.labelDescriptions);
        }
        catch (error) {
            result.failures.push({ alertId: alert.id, error: (0,errors/* describe */.q0)(error) });
            if ((0,errors/* isFinal */.dR)(error))
                break;
        }
    }
    await updateIssues(store, plan, renderIncident, result, log);
    await closeDuplicates(store, plan, existing.incidentIssues, openedFor, result, log);
    result.alertsRemaining = wanted - result.opened.length;
    return result;
}
/** Each issue whose incident gained alerts: its body rewritten, then one comment naming the new ones. */
async function updateIssues(store, plan, render, result, log) {
    for (const { issue, incident, joined } of plan.update) {
        try {
            await store.updateIssue(issue.number, { body: render(incident).body });
            // A lost record is rewritten without naming alerts as new: which are new is not known.
            if (joined.length > 0)
                await store.comment(issue.number, joinedComment(joined));
            result.incidentIssuesUpdated.push({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) });
            log.info(`Issue #${issue.number}: ${joined.length} alerts joined incident ${issue.incidentId}; listed`);
        }
        catch (error) {
            result.failures.push({ alertId: issue.incidentId, incidentId: issue.incidentId, error: (0,errors/* describe */.q0)(error) });
        }
    }
}
/** The comment that tells watchers, once, which alerts joined the incident. */
function joinedComment(joined) {
    const named = joined.slice(0, JOINED_NAMED_MAX).map((alert) => `- ${(0,source_alert/* severityOf */.x)(alert)} · ${(0,markdown/* inlineText */.ln)((0,markdown/* truncate */.xv)(alert.title ?? alert.id, 200))} · ${(0,markdown/* formatTime */.fU)(alert.createdAt)}`);
    const rest = joined.length - named.length;
    return [
        `**${joined.length} ${joined.length === 1 ? "alert" : "alerts"} joined this incident in Microsoft Defender:**`,
        "",
        ...named,
        ...(rest > 0 ? [`- and ${rest} more`] : []),
        "",
        "The list above the triage section is up to date.",
    ].join("\n");
}
async function closeDuplicates(store, plan, issues, openedFor, result, log) {
    const issueOf = (incidentId) => openedFor.get(incidentId) ?? [...issues].filter((issue) => issue.incidentId === incidentId).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number)[0]?.number;
    for (const { issue, of, reason } of plan.duplicates) {
        const original = issueOf(of);
        if (original === undefined || original === issue.number) {
            log.warning(`Issue #${issue.number}: incident ${issue.incidentId} was merged into incident ${of}, which has no issue yet (it was not opened this run); the next run closes it`);
            continue;
        }
        try {
            await store.closeIncidentAsDuplicate(issue, { number: original, incidentId: of }, reason);
            result.duplicatesClosed.push(issue.number);
            log.warning(`Issue #${issue.number} ${reason === "merged" ? `is for incident ${issue.incidentId}, which Defender merged into incident ${of}` : `is a second issue for incident ${of}`}; closed it as a duplicate of #${original}.`);
        }
        catch (error) {
            result.failures.push({ alertId: issue.incidentId, incidentId: issue.incidentId, error: (0,errors/* describe */.q0)(error) });
        }
    }
}


/***/ }),

/***/ 76871:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ incidentSeverityOf),
/* harmony export */   u: () => (/* binding */ incidentAlertOf)
/* harmony export */ });
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);
/* harmony import */ var _alert_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(15927);
/**
 * A Defender incident in our own vocabulary, whichever API it came from: the alerts Defender
 * correlated into one investigation, and what an incident issue shows and triages. Each source
 * translates at its border (Graph's `/security/incidents`; the Endpoint API's alerts grouped by
 * `incidentId`). Pure.
 */


/** An alert already read whole, as an incident keeps it. */
function incidentAlertOf(alert) {
    const { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId } = alert;
    const serviceSource = alert.fields.serviceSource;
    return { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId, serviceSource: typeof serviceSource === "string" ? serviceSource : null, read: () => alert };
}
/**
 * The incident's severity in our vocabulary: its own when the source gives one, else the highest of
 * its alerts' (the Endpoint API rates only alerts).
 */
function incidentSeverityOf(incident) {
    const own = (0,_alert_js__WEBPACK_IMPORTED_MODULE_1__/* .severityOf */ .x)(incident);
    if (own !== "UnSpecified")
        return own;
    return incident.alerts.reduce((highest, alert) => {
        const severity = (0,_alert_js__WEBPACK_IMPORTED_MODULE_1__/* .severityOf */ .x)(alert);
        return _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(severity) > _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.indexOf(highest) ? severity : highest;
    }, "UnSpecified");
}


/***/ })

};
