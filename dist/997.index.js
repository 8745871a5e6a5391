export const id = 997;
export const ids = [997];
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

/***/ 77809:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  I8: () => (/* binding */ renderIncidentIssue)
});

// UNUSED EXPORTS: renderIncidentBody, renderIncidentTitle

// EXTERNAL MODULE: ./src/source/incident.ts
var source_incident = __webpack_require__(76871);
// EXTERNAL MODULE: ./src/issue/markdown.ts
var markdown = __webpack_require__(13366);
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
        for (const [key, { kind, entity }] of namedBy(alert.evidence())) {
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
// EXTERNAL MODULE: ./src/issue/render.ts
var issue_render = __webpack_require__(99127);
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
    const alertRows = alerts.map((alert) => alertRow(alert, options.portalHost, (0,portal/* portalTenant */.f_)(alert.tenantId, tenantId), options.alertIssues?.get(alert.id)));
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
function alertRow(alert, portalHost, tenantId, issue) {
    const link = (0,portal/* portalLink */.jg)(alert.webUrl, portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId);
    const cells = [
        render_incident_short(alert.severity, WORD_CELL_MAX),
        render_incident_short(alert.title, TITLE_CELL_MAX),
        render_incident_short(alert.product ?? alert.detectionSource, SOURCE_CELL_MAX),
        render_incident_short(alert.status, WORD_CELL_MAX),
        (0,issue_render/* cell */.Hn)((0,markdown/* formatTime */.fU)(alert.firstActivity)),
        // The ID has the marker's shape; as code it cannot be read as markup.
        `[${(0,markdown/* cellCode */.GA)(alert.id) || "alert"}](${link})${issue === undefined ? "" : ` · #${issue}`}`,
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

/***/ 40509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ alertIssueNumbers),
/* harmony export */   Us: () => (/* binding */ updateIncidentIssues),
/* harmony export */   hm: () => (/* binding */ routeToIncidentIssues)
/* harmony export */ });
/* unused harmony export joinedComment */
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _github_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72378);
/* harmony import */ var _issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(63629);
/* harmony import */ var _issue_incident_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(603);
/* harmony import */ var _issue_markdown_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(13366);
/* harmony import */ var _source_alert_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(15927);
/**
 * Incident issues kept up by both pulls: an issue whose incident gained alerts lists them and says
 * so once. Pull with `group-by: incident` finds them in its own listing; pull with `group-by:
 * alert` sends the alerts of an incident that already has an issue to that issue, so switching
 * grouping back never gives an alert two tickets.
 */






const JOINED_NAMED_MAX = 50;
/** Each alert's own issue, the oldest when it has two: an incident issue's row links it. */
function alertIssueNumbers(issues) {
    const numbers = new Map();
    for (const issue of [...issues].sort(_github_store_js__WEBPACK_IMPORTED_MODULE_1__/* .oldestIssueFirst */ .x)) {
        if (!numbers.has(issue.alertId))
            numbers.set(issue.alertId, issue.number);
    }
    return numbers;
}
/** Each issue whose incident gained alerts: its body rewritten, then one comment naming the new ones. */
async function updateIncidentIssues(store, update, render, result, log) {
    for (const { issue, incident, joined } of update) {
        try {
            await store.updateIssue(issue.number, { body: render(incident).body });
            // A lost record is rewritten without naming alerts as new: which are new is not known.
            if (joined.length > 0)
                await store.comment(issue.number, joinedComment(joined));
            result.incidentIssuesUpdated.push({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) });
            log.info(`Issue #${issue.number}: ${joined.length} alerts joined incident ${issue.incidentId}; listed`);
        }
        catch (error) {
            result.failures.push({ alertId: issue.incidentId, incidentId: issue.incidentId, error: (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(error) });
        }
    }
}
/** The comment that tells watchers, once, which alerts joined the incident. */
function joinedComment(joined) {
    const named = joined.slice(0, JOINED_NAMED_MAX).map((alert) => `- ${(0,_source_alert_js__WEBPACK_IMPORTED_MODULE_4__/* .severityOf */ .x)(alert)} · ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .inlineText */ .ln)((0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .truncate */ .xv)(alert.title ?? alert.id, 200))} · ${(0,_issue_markdown_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTime */ .fU)(alert.createdAt)}`);
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
/**
 * Pull with `group-by: alert`, on a repository that has incident issues: an alert that its
 * incident's issue lists gets no issue of its own, and one that joined an incident with an issue is
 * added to that issue instead. Issues are looked for in the pull's own listing, and among all open
 * incident issues (one more listing, made only when a new alert's incident was not in the first).
 * The incidents are read together, once, to render their issues; one that cannot be read, or was
 * merged, leaves its alerts to alert issues. `alerts` are oldest first, as pull opens them.
 */
async function routeToIncidentIssues(alerts, found, deps, log) {
    const routed = { alone: [...alerts], listed: 0, deferred: 0, update: [] };
    const correlated = alerts.filter((alert) => alert.incidentId !== null);
    if (correlated.length === 0)
        return routed;
    const issues = new Map(found.map((issue) => [issue.number, issue]));
    const foundFor = new Set(found.map((issue) => issue.incidentId));
    if (correlated.some((alert) => !foundFor.has(alert.incidentId))) {
        for (const issue of await deps.store.listOpenIncidentIssues())
            issues.set(issue.number, issue);
    }
    const issuesOf = new Map();
    for (const issue of issues.values())
        issuesOf.set(issue.incidentId, [...(issuesOf.get(issue.incidentId) ?? []), issue]);
    if (issuesOf.size === 0)
        return routed;
    const isListed = (alert) => issuesOf.get(alert.incidentId)?.some((issue) => issue.listed !== undefined && (0,_issue_incident_record_js__WEBPACK_IMPORTED_MODULE_3__/* .lists */ .k8)(issue.listed, alert)) ?? false;
    const joining = correlated.filter((alert) => issuesOf.has(alert.incidentId) && !isListed(alert));
    const incidentIds = [...new Set(joining.map((alert) => alert.incidentId))];
    const read = incidentIds.slice(0, deps.incidentsMax);
    // Read together, with the evidence their bodies gather.
    const byId = read.length === 0 ? new Map() : await deps.source.incidentsById(read, { evidence: true });
    const incidents = [];
    for (const id of read) {
        const incident = byId.get(id);
        if (incident)
            incidents.push(incident);
        else
            log.warning(`Incident ${id} has an issue but could not be read; its new alerts get alert issues`);
    }
    const plan = (0,_issue_incident_plan_js__WEBPACK_IMPORTED_MODULE_2__/* .planIncidentPull */ .Jf)(incidents, incidents.flatMap((incident) => issuesOf.get(incident.id) ?? []));
    routed.update = plan.update;
    const willList = new Set(plan.update.flatMap(({ incident }) => incident.alerts.map((alert) => alert.id)));
    const later = new Set(incidentIds.slice(read.length));
    routed.alone = [];
    for (const alert of alerts) {
        if (alert.incidentId !== null && (isListed(alert) || willList.has(alert.id)))
            routed.listed++;
        else if (alert.incidentId !== null && later.has(alert.incidentId))
            routed.deferred++;
        else
            routed.alone.push(alert);
    }
    if (later.size > 0)
        log.info(`${later.size} more incidents with an issue gained alerts; a later run lists them (at most ${deps.incidentsMax} a run, as max-issues)`);
    return routed;
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
/* harmony export */   openAlertIssues: () => (/* binding */ openAlertIssues),
/* harmony export */   runPull: () => (/* binding */ runPull),
/* harmony export */   vocabularyCheck: () => (/* binding */ vocabularyCheck)
/* harmony export */ });
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73116);
/* harmony import */ var _github_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72378);
/* harmony import */ var _issue_render_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99127);
/* harmony import */ var _issue_render_incident_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77809);
/* harmony import */ var _incident_issues_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(40509);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81731);






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
        const [original, ...later] = [...group].sort(_github_store_js__WEBPACK_IMPORTED_MODULE_1__/* .oldestIssueFirst */ .x);
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
        alertsMoved: [],
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
    const unticketed = newAlerts(listing.alerts, existing.issues);
    // A repository that grouped by incident before: alerts of an incident with an issue go there.
    const routed = await (0,_incident_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .routeToIncidentIssues */ .hm)(unticketed, existing.incidentIssues, { source, store, incidentsMax: config.maxIssues }, log);
    const fresh = routed.alone;
    result.alreadyTicketed = listing.alerts.length - unticketed.length + routed.listed;
    result.alertsRemaining = fresh.length + routed.deferred;
    const perHour = options.issuesPerHour ?? ISSUES_PER_HOUR;
    const room = hourlyRoom(existing.openedByTrusted, now, perHour);
    const batch = fresh.slice(0, Math.min(config.maxIssues, room));
    if (batch.length < Math.min(fresh.length, config.maxIssues)) {
        result.hourlyRoom = room;
        log.info(`${perHour - room} issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most ${room} of ${perHour} an hour, and the rest wait for a later run`);
    }
    log.info(`${result.alertsFound} alerts in the window, ${result.alreadyTicketed} already have an issue${routed.listed > 0 ? ` (${routed.listed} listed by their incident's issue)` : ""}, ${fresh.length} new; ${config.dryRun ? "would open" : "opening"} ${batch.length}`);
    for (const { duplicate, original } of duplicateIssues(existing.issues)) {
        if (!config.dryRun)
            await store.closeAsDuplicate(duplicate, original);
        result.duplicatesClosed.push(duplicate.number);
        log.warning(`Issue #${duplicate.number} is a second issue for alert ${duplicate.alertId}; ${config.dryRun ? "would close" : "closed"} it as a duplicate of #${original.number}.`);
    }
    // Each body is rendered just before it is sent, so a long backlog is never held in memory at once.
    const options_ = { titleTemplate: config.titleTemplate, portalHost: config.cloud.portalHost, tenantId: config.tenantId, extraLabels: config.labels };
    const render = (alert) => (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_2__/* .renderIssue */ .yi)(alert, options_);
    const alertIssues = (0,_incident_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .alertIssueNumbers */ .Cd)(existing.issues);
    const renderIncident = (incident) => (0,_issue_render_incident_js__WEBPACK_IMPORTED_MODULE_3__/* .renderIncidentIssue */ .I8)(incident, { ...options_, alertIssues });
    if (config.dryRun) {
        result.planned = batch.map((alert) => {
            const { body: _body, ...planned } = render(alert.read());
            return planned;
        });
        result.incidentIssuesUpdated = routed.update.map(({ issue, joined }) => ({ issueNumber: issue.number, incidentId: issue.incidentId, joined: joined.map((alert) => alert.id) }));
        result.alertsRemaining = fresh.length - batch.length + routed.deferred;
        return result;
    }
    await openAlertIssues(store, batch, render, config.assignees, result, log, vocabularyCheck(store, result, log));
    await (0,_incident_issues_js__WEBPACK_IMPORTED_MODULE_4__/* .updateIncidentIssues */ .Us)(store, routed.update, renderIncident, result, log);
    result.alertsRemaining = fresh.length - result.opened.length + routed.deferred;
    return result;
}
/**
 * Opens an alert issue for each alert, in order, into `result`; stops at an error that every create
 * would meet (permission, validation, issues disabled).
 */
async function openAlertIssues(store, alerts, render, assignees, result, log, checkVocabulary) {
    for (const listed of alerts) {
        const alert = listed.read();
        const draft = render(alert);
        try {
            const issue = await store.create({ ...draft, assignees });
            result.opened.push({ alertId: alert.id, issueNumber: issue.number, url: issue.url, title: draft.title, severity: (0,_issue_render_js__WEBPACK_IMPORTED_MODULE_2__/* .severityOf */ .xJ)(alert) });
            log.info(`Opened #${issue.number} for alert ${alert.id}: ${draft.title}`);
            await checkVocabulary(issue.labelDescriptions);
        }
        catch (error) {
            result.failures.push({ alertId: alert.id, error: (0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .describe */ .q0)(error) });
            if ((0,_github_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinal */ .dR)(error))
                return;
        }
    }
}
/**
 * Checks the vocabulary once a run, from the first new issue whose labels tell: its seal label says
 * whether the repository has the whole set, where asking GitHub would cost a request on every run.
 * What it made goes into `result.labels`.
 */
function vocabularyCheck(store, result, log) {
    let checked = false;
    return async (labelDescriptions) => {
        if (checked)
            return;
        const made = await makeVocabularyIfIncomplete(store, labelDescriptions, log);
        if (made !== undefined) {
            checked = true;
            result.labels = made;
        }
    };
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
    const seal = [_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .ALERT_LABEL */ .We, _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .INCIDENT_LABEL */ .MY].find((name) => labelDescriptions?.has(name));
    const description = seal === undefined ? undefined : labelDescriptions.get(seal);
    // Unknown when the issue was found by a listing, or GitHub dropped its labels (no push access).
    return description === undefined ? undefined : (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .isVocabularyComplete */ .cG)(description);
}
/** Labels help triage but are not what pull is for: a label that cannot be made is a warning. */
async function makeVocabulary(store, log) {
    const sealNames = new Set((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .seals */ .HN)().map((seal) => seal.name));
    const outcome = await store.ensureVocabulary((0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .vocabulary */ .vP)().filter((label) => !sealNames.has(label.name)), (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .seals */ .HN)());
    if (outcome.made.length > 0)
        log.info(`Made ${outcome.made.length} labels of the vocabulary`);
    for (const [error, labels] of (0,_issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .groupByError */ .BY)(outcome.failed)) {
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


/** An alert already read whole, as an incident keeps it: itself, which gives its evidence. */
function incidentAlertOf(alert) {
    const { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId } = alert;
    const serviceSource = alert.fields.serviceSource;
    return { id, createdAt, title, severity, status, product, detectionSource, firstActivity, webUrl, tenantId, serviceSource: typeof serviceSource === "string" ? serviceSource : null, evidence: () => alert };
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
