export const id = 937;
export const ids = [937];
export const modules = {

/***/ 90937:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DefenderClient: () => (/* binding */ DefenderClient),
  MAX_PAGE_SIZE: () => (/* binding */ MAX_PAGE_SIZE)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/http.ts
var http = __webpack_require__(76803);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/endpoint/errors.ts
/** Replies from the Defender for Endpoint API, translated into what the user should do. */

function readDefenderError(text) {
    try {
        const parsed = JSON.parse(text);
        const error = parsed?.error;
        if (error && typeof error === "object") {
            return {
                code: typeof error.code === "string" ? error.code : undefined,
                message: typeof error.message === "string" ? error.message : undefined,
                target: typeof error.target === "string" ? error.target : undefined,
            };
        }
    }
    catch {
        // Not JSON: the status says enough.
    }
    return {};
}
const STATUS_FIXES = {
    401: "Defender rejected the access token: check that api-scope (or cloud) matches api-url, e.g. https://api.securitycenter.microsoft.com/.default for the public cloud.",
    403: "The app lacks the Defender permission: add the WindowsDefenderATP application permission Alert.ReadWrite.All (or Alert.Read.All for pull alone) and grant admin consent.",
};
/** What a 403 means, read from the roles the access token carried. */
function forbiddenFix(roles, write) {
    if (roles.length === 0) {
        return "The access token carries no application roles: add the WindowsDefenderATP application permission Alert.ReadWrite.All (or Alert.Read.All for pull alone) to the app registration and grant admin consent.";
    }
    if (write && !roles.includes("Alert.ReadWrite.All")) {
        return `The access token has ${roles.join(", ")} but not Alert.ReadWrite.All, which updating alerts needs: add that WindowsDefenderATP application permission and grant admin consent.`;
    }
    if (!write && !roles.includes("Alert.Read.All") && !roles.includes("Alert.ReadWrite.All")) {
        return `The access token has ${roles.join(", ")} but neither Alert.Read.All nor Alert.ReadWrite.All: add the WindowsDefenderATP application permission and grant admin consent.`;
    }
    return "The token has the alert permission, so Defender refused for another reason (a device-group restriction or an unlicensed tenant): see the message above.";
}
class DefenderApiError extends Error {
    name = "DefenderApiError";
    status;
    body;
    problem;
    /** Defender's code and message, with the correlation ID its support asks for. */
    reply;
    fix;
    constructor(status, body, what, fix = STATUS_FIXES[status]) {
        const said = [body.code, body.message].filter(Boolean).join(": ").replace(/\.$/, "");
        const correlation = body.target ? ` (correlation ID ${body.target})` : "";
        super(`${what} failed with HTTP ${status}: ${said || `HTTP ${status}`}${correlation}.${fix ? ` ${fix}` : ""}`);
        this.status = status;
        this.body = body;
        this.problem = `${what} failed with HTTP ${status}`;
        this.reply = said || correlation ? `${said || "no reason given"}${correlation}` : undefined;
        this.fix = fix;
    }
}
const NO_INCIDENT_ALERT_FIX = "Its alerts may be older than the tenant's retention, deleted, or moved into another incident by a merge.";
/**
 * An incident the Endpoint API holds no alert of. The API serves no incidents, only alerts naming
 * theirs, so this is its "not found" (status 404, as an alert's would be).
 */
class IncidentNotFoundError extends Error {
    name = "IncidentNotFoundError";
    status = 404;
    problem;
    fix = NO_INCIDENT_ALERT_FIX;
    constructor(id, what) {
        const problem = `${what}: Defender holds no alert of incident ${id}`;
        super((0,errors/* explainedMessage */.O)({ problem, fix: NO_INCIDENT_ALERT_FIX }));
        this.problem = problem;
    }
}

// EXTERNAL MODULE: ./src/source/odata.ts
var odata = __webpack_require__(71380);
;// CONCATENATED MODULE: ./src/endpoint/filter.ts
/** The Endpoint API's OData $filter for the alerts in a pull window, and for the alerts of incidents. Pure. */


/** The alerts created within the window that pass its filters. */
function alertFilter(window) {
    return windowFilter("alertCreationTime", window);
}
/**
 * The alerts updated within the window that pass its filters: the incidents they name are those a
 * pull with `group-by: incident` takes (an alert joining an older incident updates only itself).
 */
function updatedAlertFilter(window) {
    return windowFilter("lastUpdateTime", window);
}
/** Every alert of these incidents: `incidentId eq N or …`, the API's incidentId being a number (unquoted). */
function incidentsFilter(incidentIds) {
    return incidentIds.map((id) => `incidentId eq ${/^\d{1,18}$/.test(id) ? id : (0,odata/* odataString */.TW)(id)}`).join(" or ");
}
function windowFilter(time, window) {
    const clauses = [
        `${time} ge ${(0,odata/* odataTime */.R3)(window.since)}`,
        `${time} lt ${(0,odata/* odataTime */.R3)(window.until)}`,
    ];
    // "Informational" admits every severity, UnSpecified included: no clause is the exact filter.
    if (window.minSeverity !== "Informational" && window.minSeverity !== "UnSpecified") {
        clauses.push((0,odata/* anyOf */.EB)("severity", (0,odata/* severitiesFrom */.M6)(window.minSeverity)));
    }
    if (window.statuses.length > 0)
        clauses.push((0,odata/* anyOf */.EB)("status", window.statuses));
    if (window.extra)
        clauses.push(`(${window.extra})`);
    return clauses.join(" and ");
}

// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
// EXTERNAL MODULE: ./src/source/alert.ts
var source_alert = __webpack_require__(15927);
// EXTERNAL MODULE: ./src/source/compact.ts
var compact = __webpack_require__(34444);
// EXTERNAL MODULE: ./src/source/incident.ts
var incident = __webpack_require__(76871);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(50000);
// EXTERNAL MODULE: ./src/source/fields.ts
var fields = __webpack_require__(88772);
// EXTERNAL MODULE: ./src/issue/marker.ts
var marker = __webpack_require__(69745);
;// CONCATENATED MODULE: ./src/endpoint/alert.ts
/**
 * A Defender for Endpoint alert as the action reads it: lenient where Defender varies, strict where
 * we rely on it, and translated into our alert model (src/source/alert.ts) at this border.
 */




const evidenceSchema = schemas/* looseObject */._H3({
    entityType: fields/* text */.Qq,
    evidenceCreationTime: fields/* text */.Qq,
    sha1: fields/* text */.Qq,
    sha256: fields/* text */.Qq,
    fileName: fields/* text */.Qq,
    filePath: fields/* text */.Qq,
    processId: schemas/* number */.aig().nullish().catch(null),
    processCommandLine: fields/* text */.Qq,
    parentProcessId: schemas/* number */.aig().nullish().catch(null),
    parentProcessFileName: fields/* text */.Qq,
    parentProcessFilePath: fields/* text */.Qq,
    ipAddress: fields/* text */.Qq,
    url: fields/* text */.Qq,
    registryKey: fields/* text */.Qq,
    registryHive: fields/* text */.Qq,
    registryValueType: fields/* text */.Qq,
    registryValue: fields/* text */.Qq,
    accountName: fields/* text */.Qq,
    domainName: fields/* text */.Qq,
    userSid: fields/* text */.Qq,
    aadUserId: fields/* text */.Qq,
    userPrincipalName: fields/* text */.Qq,
    detectionStatus: fields/* text */.Qq,
});
const alertSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().regex(marker/* ALERT_ID_PATTERN */.W1, "an ID of letters, digits, '_' and '-' (at most 128)"),
    alertCreationTime: fields/* time */.kB,
    title: fields/* text */.Qq,
    description: fields/* text */.Qq,
    recommendedAction: fields/* text */.Qq,
    severity: fields/* text */.Qq,
    status: fields/* text */.Qq,
    classification: fields/* text */.Qq,
    determination: fields/* text */.Qq,
    category: fields/* text */.Qq,
    detectionSource: fields/* text */.Qq,
    threatFamilyName: fields/* text */.Qq,
    threatName: fields/* text */.Qq,
    assignedTo: fields/* text */.Qq,
    incidentId: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).nullish().catch(null),
    investigationId: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).nullish().catch(null),
    investigationState: fields/* text */.Qq,
    machineId: fields/* text */.Qq,
    computerDnsName: fields/* text */.Qq,
    rbacGroupName: fields/* text */.Qq,
    aadTenantId: fields/* text */.Qq,
    firstEventTime: fields/* optionalTime */.kX,
    lastEventTime: fields/* optionalTime */.kX,
    lastUpdateTime: fields/* optionalTime */.kX,
    resolvedTime: fields/* optionalTime */.kX,
    mitreTechniques: schemas/* array */.YOg(schemas/* string */.YjP()).nullish().catch(null),
    comments: schemas/* array */.YOg(schemas/* looseObject */._H3({ comment: fields/* text */.Qq, createdBy: fields/* text */.Qq, createdTime: fields/* text */.Qq })).nullish().catch(null),
    relatedUser: schemas/* looseObject */._H3({ userName: fields/* text */.Qq, domainName: fields/* text */.Qq }).nullish().catch(null),
    evidence: schemas/* array */.YOg(schemas/* unknown */.L5J()).nullish().catch(null).transform((items) => {
        // One odd evidence entry should not cost the whole alert its ticket.
        return (items ?? []).flatMap((item) => {
            const parsed = evidenceSchema.safeParse(item);
            return parsed.success ? [parsed.data] : [];
        });
    }),
});
/** Validates one alert from a page; a malformed one is reported, not thrown. */
function readAlert(raw) {
    const parsed = alertSchema.safeParse(raw);
    if (parsed.success)
        return { ok: true, alert: toAlert(parsed.data) };
    return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(parsed.error) };
}
/** The Endpoint API's alert in our model. Its enum spellings are ours already. */
function toAlert(alert) {
    const incidentId = incidentIdOf(alert.incidentId) ?? "";
    const investigation = [alert.investigationId, alert.investigationState].filter((v) => v !== null && v !== undefined).join(" · ");
    const machine = alert.computerDnsName ?? alert.machineId;
    return {
        id: alert.id,
        createdAt: alert.alertCreationTime,
        title: alert.title ?? null,
        description: alert.description ?? null,
        recommendedAction: alert.recommendedAction ?? null,
        severity: alert.severity ?? null,
        status: alert.status ?? null,
        classification: alert.classification ?? null,
        determination: alert.determination ?? null,
        product: null,
        category: alert.category ?? null,
        detectionSource: alert.detectionSource ?? null,
        threat: [alert.threatFamilyName, alert.threatName].filter(Boolean).join(" / ") || null,
        device: machine ? { name: alert.computerDnsName ?? null, id: alert.machineId ?? null } : null,
        deviceGroup: alert.rbacGroupName ?? null,
        user: alert.relatedUser?.userName ? [alert.relatedUser.domainName, alert.relatedUser.userName].filter(Boolean).join("\\") : null,
        firstActivity: alert.firstEventTime ?? null,
        lastActivity: alert.lastEventTime ?? null,
        updatedAt: alert.lastUpdateTime ?? null,
        mitreTechniques: alert.mitreTechniques ?? [],
        incident: incidentId ? { id: incidentId, webUrl: null } : null,
        investigation: investigation || null,
        assignedTo: alert.assignedTo ?? null,
        webUrl: null,
        tenantId: alert.aadTenantId ?? null,
        comments: (alert.comments ?? []).flatMap((c) => (c.comment && c.createdTime ? [{ comment: c.comment, createdBy: c.createdBy ?? null, createdTime: c.createdTime }] : [])),
        evidence: alert.evidence.map(toEvidence),
        fields: alert,
    };
}
function joinPath(dir, name) {
    if (dir && name)
        return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
    return name ?? dir ?? "";
}
function toEvidence(item) {
    const account = item.accountName ? joinPath(item.domainName, item.accountName) : item.userPrincipalName;
    const entity = joinPath(item.filePath, item.fileName) ||
        item.ipAddress ||
        item.url ||
        (item.registryKey ? joinPath(item.registryHive, item.registryKey) : "") ||
        account;
    const details = [];
    if (item.processCommandLine)
        details.push({ code: item.processCommandLine });
    if (item.processId !== null && item.processId !== undefined)
        details.push({ label: "PID", text: String(item.processId) });
    if (item.parentProcessFileName)
        details.push({ label: "parent", code: item.parentProcessFileName });
    if (item.sha256)
        details.push({ label: "SHA-256", code: item.sha256 });
    else if (item.sha1)
        details.push({ label: "SHA-1", code: item.sha1 });
    if (item.registryValue)
        details.push({ label: "value", code: item.registryValue });
    if (item.userPrincipalName && item.accountName)
        details.push({ code: item.userPrincipalName });
    if (item.detectionStatus)
        details.push({ text: item.detectionStatus });
    return { kind: kindOf(item.entityType), type: item.entityType ?? null, entity: entity || null, details };
}
// The Endpoint API's entity types (`User`, `File`, `Process`, `Ip`, …); a process's image is not
// counted as a file, as Graph's process evidence is not.
const KINDS = { machine: "device", device: "device", user: "user", mailbox: "mailbox", file: "file" };
function kindOf(entityType) {
    const key = entityType?.toLowerCase() ?? "";
    return Object.hasOwn(KINDS, key) ? KINDS[key] : "other";
}
/** The API gives `incidentId` as a number; none when it is missing or empty. */
function incidentIdOf(value) {
    return value === null || value === undefined || value === "" ? null : String(value);
}
// Only the ID and the creation time can make an alert malformed: every other field is lenient. The
// rest of the alert is not looked at here (a plain object schema ignores other keys).
const headSchema = schemas/* object */.Ikc({ id: alertSchema.shape.id, alertCreationTime: alertSchema.shape.alertCreationTime, incidentId: alertSchema.shape.incidentId });
const decoder = new TextDecoder();
/** Validates the parts of one alert a listing needs now; `bytes` (its JSON) are read again later. */
function readListedAlert(raw, bytes) {
    const head = headSchema.safeParse(raw);
    if (!head.success)
        return { ok: false, id: (0,fields/* idOf */.TH)(raw), problem: (0,fields/* problemsOf */.GW)(head.error) };
    const { id, alertCreationTime, incidentId } = head.data;
    return { ok: true, alert: new EndpointListedAlert(id, alertCreationTime, incidentIdOf(incidentId), bytes) };
}
/** A listed alert: what the listing read of it, and its JSON, read again whole or apart from its evidence. */
class EndpointListedAlert {
    id;
    createdAt;
    incidentId;
    #bytes;
    constructor(id, createdAt, incidentId, bytes) {
        this.id = id;
        this.createdAt = createdAt;
        this.incidentId = incidentId;
        this.#bytes = bytes;
    }
    read() {
        return this.#readAgain(JSON.parse(decoder.decode(this.#bytes)));
    }
    /** The alert without its evidence, and its evidence's items as bytes: as an incident keeps it. */
    readApart() {
        const { raw, evidence } = (0,compact/* readAlertApart */.Fe)(this.#bytes);
        return { alert: this.#readAgain(raw), evidence };
    }
    #readAgain(raw) {
        const reading = readAlert(raw);
        if (!reading.ok)
            throw new Error(`Alert ${this.id} could not be read again: ${reading.problem}`);
        return reading.alert;
    }
}
/** A Defender alert as its incident keeps it (KeptIncidentAlert), with its device and user, which it gives as evidence. */
class EndpointIncidentAlert extends compact/* KeptIncidentAlert */.Nf {
    #hasDevice;
    #deviceName;
    #deviceId;
    #user;
    /** `alert`: read apart from its evidence, whose bytes are `evidence`. */
    constructor(alert, evidence) {
        super(alert, null, evidence);
        this.#hasDevice = alert.device !== null;
        this.#deviceName = (0,compact/* sharedName */.Fv)(alert.device?.name ?? null);
        this.#deviceId = (0,compact/* sharedName */.Fv)(alert.device?.id ?? null);
        this.#user = (0,compact/* sharedName */.Fv)(alert.user);
    }
    evidence() {
        const evidence = alertSchema.shape.evidence.parse(this.evidenceItems()).map(toEvidence);
        return { evidence, device: this.#hasDevice ? { name: this.#deviceName, id: this.#deviceId } : null, user: this.#user };
    }
}

;// CONCATENATED MODULE: ./src/endpoint/incident.ts
/**
 * Incidents as the Defender for Endpoint API shows them: it serves no incidents, only alerts that
 * name theirs (`incidentId`), so an incident is its alerts grouped, named by its first alert's
 * title, as severe as its most severe alert, commented as its alerts are. Pure.
 */






const byAge = (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
/**
 * What a listing of the alerts updated within the window names, taken an alert at a time as it
 * streams in (an alert taken twice counts once): the incidents, of which only the ID is kept (their
 * alerts are read again in full), and the alerts of no incident that were created within the window
 * (to the second, as the filter writes its bounds): those `listAlerts` gives, which get alert issues.
 */
function namedInWindow(window) {
    const incidentIds = new Set();
    const loose = new Map();
    const [from, to] = [(0,odata/* odataTime */.R3)(window.since), (0,odata/* odataTime */.R3)(window.until)].map(Date.parse);
    return {
        take(alert) {
            if (alert.incidentId)
                incidentIds.add(alert.incidentId);
            else if (alert.createdAt.getTime() >= from && alert.createdAt.getTime() < to)
                loose.set(alert.id, alert);
        },
        // Incidents shortest ID first, then in order, so that the requests a run makes to read them do not depend on Defender's order.
        named: () => ({ incidentIds: [...incidentIds].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)), loose: [...loose.values()] }),
    };
}
/**
 * Listed alerts grouped by the incident they name (an alert that names none is no incident's),
 * each incident's alerts oldest first, incidents by their first alert. Each alert is read apart
 * from its evidence while its incident is made: the incident keeps what it shows of each, and the
 * evidence as bytes.
 */
function groupByIncident(alerts) {
    const groups = new Map();
    for (const alert of alerts) {
        if (!alert.incidentId)
            continue;
        const group = groups.get(alert.incidentId);
        if (group)
            group.push(alert);
        else
            groups.set(alert.incidentId, [alert]);
    }
    const incidents = [...groups].map(([id, members]) => {
        const apart = members.map((listed) => listed.readApart());
        const evidence = new Map((0,compact/* evidenceSideBySide */.lO)(apart).map((bytes, i) => [apart[i].alert.id, bytes]));
        return incidentOf(id, apart.map(({ alert }) => alert).sort(byAge), (alert) => new EndpointIncidentAlert(alert, evidence.get(alert.id)));
    });
    return incidents.sort(byFirstAlert);
}
/** Incidents by their first alert: oldest first. */
const byFirstAlert = (a, b) => byAge(a.alerts[0], b.alerts[0]);
/**
 * One incident from its alerts (oldest first): what they agree on, and the most severe and latest
 * of them. `keep`: what the incident keeps of each alert (by default, the alert itself).
 */
function incidentOf(id, alerts, keep = (alert) => (0,incident/* incidentAlertOf */.u)(alert)) {
    const first = alerts[0];
    if (!first)
        throw new Error(`Incident ${id} has no alerts`);
    const severity = alerts.map(source_alert/* severityOf */.x).reduce((worst, s) => (vocabulary/* SEVERITIES */.oC.indexOf(s) > vocabulary/* SEVERITIES */.oC.indexOf(worst) ? s : worst));
    const updated = alerts.reduce((latest, alert) => Math.max(latest, alert.updatedAt?.getTime() ?? Number.NEGATIVE_INFINITY), Number.NEGATIVE_INFINITY);
    return {
        id,
        name: (0,compact/* shared */.ue)(first.title),
        severity,
        status: statusOf(alerts),
        classification: agreed(alerts.map((alert) => alert.classification)),
        determination: agreed(alerts.map((alert) => alert.determination)),
        assignedTo: agreed(alerts.map((alert) => alert.assignedTo)),
        createdAt: first.createdAt,
        updatedAt: Number.isFinite(updated) ? new Date(updated) : null,
        webUrl: first.incident?.webUrl ?? null,
        redirectedTo: null,
        tenantId: (0,compact/* shared */.ue)(first.tenantId),
        alerts: alerts.map(keep),
        comments: incidentComments(alerts),
    };
}
/**
 * The comments on an incident's alerts as the incident's, oldest first. The same text by the same
 * author on several alerts (someone commenting on each alert, as sync does with an incident issue's
 * comment) is one comment, at its earliest time: the first such comment on each alert is one, the
 * second on each another, and so on. A comment on only some of the alerts names them.
 */
function incidentComments(alerts) {
    const copies = new Map();
    const alertIds = new Set();
    for (const alert of alerts) {
        // An alert listed twice is one alert.
        if (alertIds.has(alert.id))
            continue;
        alertIds.add(alert.id);
        const seen = new Map();
        for (const comment of [...alert.comments].sort(byTime)) {
            const key = JSON.stringify([comment.createdBy, comment.comment]);
            const nth = seen.get(key) ?? 0;
            seen.set(key, nth + 1);
            const same = copies.get(key) ?? [];
            copies.set(key, same);
            const copy = same[nth];
            if (!copy)
                same.push({ comment, alertIds: [alert.id] });
            else {
                copy.alertIds.push(alert.id);
                if (byTime(comment, copy.comment) < 0)
                    copy.comment = comment;
            }
        }
    }
    const merged = [...copies.values()].flat().map(({ comment, alertIds: on }) => (on.length < alertIds.size ? { ...comment, alertIds: on } : comment));
    return merged.sort(byTime);
}
/** Oldest first; a time that does not read last. */
function byTime(a, b) {
    const at = (c) => {
        const time = Date.parse(c.createdTime);
        return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
    };
    return at(a) - at(b) || 0;
}
/** Resolved when every alert is; in progress when any is, or when some are resolved and some not; else new. */
function statusOf(alerts) {
    if (alerts.every((alert) => alert.status === "Resolved"))
        return "Resolved";
    if (alerts.some((alert) => alert.status === "InProgress" || alert.status === "Resolved"))
        return "InProgress";
    return "New";
}
/** The value every alert has, or none when they differ or none has one. */
function agreed(values) {
    const first = values[0] ?? null;
    return first !== null && values.every((value) => value === first) ? first : null;
}

// EXTERNAL MODULE: ./src/json-stream.ts
var json_stream = __webpack_require__(37346);
;// CONCATENATED MODULE: ./src/endpoint/page.ts
/** A Defender page of alerts (`{"value": [...], "@odata.nextLink": ...}`), read as it streams in. */



const pageSchema = schemas/* looseObject */._H3({
    value: schemas/* array */.YOg(schemas/* unknown */.L5J()),
    "@odata.nextLink": schemas/* string */.YjP().nullish(),
});
/** A page of alerts, validated one by one as they stream in; a malformed alert is reported, not thrown. */
async function readAlertPage(body) {
    const alerts = [];
    const page = await streamAlertPage(body, (alert) => alerts.push(alert));
    return { alerts, malformed: page.malformed, nextLink: page.nextLink };
}
/** A page of alerts, each handed to `take` as it streams in, so that a reader keeping only some of them never holds the page. */
async function streamAlertPage(body, take) {
    const page = { listed: 0, malformed: [], nextLink: undefined };
    const read = (raw, bytes) => {
        const reading = readListedAlert(raw, bytes);
        if (!reading.ok)
            page.malformed.push({ id: reading.id, problem: reading.problem });
        else {
            page.listed++;
            take(reading.alert);
        }
    };
    const rest = pageSchema.safeParse(await (0,json_stream/* readStreamingMember */.r3)(body, "value", read));
    if (!rest.success)
        throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
    // Left in place only when the member's name was spelt with escapes.
    for (const raw of rest.data.value)
        read(raw, Buffer.from(JSON.stringify(raw)));
    page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
    return page;
}

;// CONCATENATED MODULE: ./src/endpoint/client.ts
/**
 * The Defender for Endpoint alerts API over undici, as a source of alerts and of incidents (its
 * alerts grouped by `incidentId`): paging, retries, validation.
 */






/** Defender's documented largest page. */
const MAX_PAGE_SIZE = 10_000;
// A runaway nextLink chain must end somewhere.
const MAX_PAGES = 1_000;
// `id eq '…'` (or `incidentId eq N`) clauses per bulk read, keeping the URL well under common 8 KB limits.
const IDS_PER_QUERY = 40;
const BATCH_CALLS_PER_MINUTE = 10;
// Alerts per batchUpdate call: Defender documents no maximum, only that one exists.
const ALERTS_PER_BATCH = 50;
class DefenderClient {
    service = "Defender";
    permissions = { api: "WindowsDefenderATP", read: ["Alert.Read.All", "Alert.ReadWrite.All"], write: "Alert.ReadWrite.All" };
    /** The Endpoint API has no incident permission: its incidents are its alerts. */
    incidentPermissions = this.permissions;
    #options;
    #pageSize;
    #api;
    constructor(options) {
        this.#options = options;
        this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
        const { tokens, dispatcher, tuning, retrying } = options;
        this.#api = {
            tokens,
            dispatcher,
            tuning,
            retrying,
            refusal: (status, text, _headers, request) => new DefenderApiError(status, readDefenderError(text), request.what, status === 403 ? forbiddenFix(tokens.claims().roles, request.method !== "GET") : undefined),
        };
    }
    get apiUrl() {
        return this.#options.apiUrl;
    }
    describeWindow(window) {
        return `$filter=${alertFilter(window)}`;
    }
    listAlerts(window) {
        return this.#list(alertFilter(window));
    }
    /** Every alert matching `filter`, evidence included unless asked otherwise (see #scan). */
    async #list(filter, options = {}) {
        const byId = new Map();
        const { malformed, pages } = await this.#scan(filter, options, (alert) => byId.set(alert.id, alert));
        return { alerts: [...byId.values()], malformed, pages };
    }
    /**
     * Hands every alert matching `filter` to `take` as it streams in (the same alert again when a
     * page is read twice). Defender promises no nextLink, so pages are asked for with $top/$skip until
     * one comes back short; a nextLink, when sent, is followed. A page of 10,000 is never held as text,
     * nor as alerts unless `take` keeps them.
     */
    async #scan(filter, options, take) {
        const evidence = options.evidence ?? true;
        const malformed = [];
        let url = this.#listUrl(filter, 0, evidence);
        let skip = 0;
        let pages = 0;
        while (url !== undefined && pages < MAX_PAGES) {
            const page = await (0,http/* exchange */.cv)(this.#api, { method: "GET", url, what: "Listing Defender alerts", read: (body) => streamAlertPage(body, take) });
            pages++;
            malformed.push(...page.malformed);
            skip += page.listed + page.malformed.length;
            if (page.nextLink)
                url = this.#sameOrigin(page.nextLink);
            else
                url = page.listed + page.malformed.length >= this.#pageSize ? this.#listUrl(filter, skip, evidence) : undefined;
        }
        return { malformed, pages };
    }
    describeIncidentWindow(window) {
        return `$filter=${updatedAlertFilter(window)}`;
    }
    /**
     * The incidents named by the alerts updated within the window that pass its filters, each with
     * every alert it holds (read again in bulk by `incidentId`, with evidence, whatever their age);
     * those alerts that name no incident and were created within the window (those `listAlerts`
     * gives) are loose. Incidents oldest first.
     */
    async listIncidents(window) {
        const named = await this.#namedInWindow(window);
        const read = await this.#incidents(named.incidentIds, { evidence: true });
        const malformed = new Map();
        for (const bad of [...named.malformed, ...read.malformed])
            malformed.set(`${bad.id}\n${bad.problem}`, bad);
        return { incidents: read.incidents, loose: named.loose, malformed: [...malformed.values()], pages: named.pages + read.pages };
    }
    /** The incidents the alerts updated within the window name, and its loose alerts (namedInWindow). */
    async #namedInWindow(window) {
        const names = namedInWindow(window);
        const { malformed, pages } = await this.#scan(updatedAlertFilter(window), {}, names.take);
        return { ...names.named(), malformed, pages };
    }
    /** One incident: the alerts naming it, with evidence; undefined when none does. */
    async incident(id) {
        return (await this.#incidents([id], { evidence: true })).incidents[0];
    }
    /** Incidents by ID: their alerts read together (`incidentId eq` or-chains, 40 incidents a request). */
    async incidentsById(ids, options = {}) {
        const { incidents } = await this.#incidents([...new Set(ids)], { evidence: options.evidence ?? false });
        return new Map(incidents.map((incident) => [incident.id, incident]));
    }
    /**
     * The change to every alert the incident holds now: the fields through batchUpdate, as few calls
     * as Defender allows, then the comment on each alert (PATCH, read back after a lost reply).
     */
    async updateIncident(id, changes) {
        const { comment, ...fields } = changes;
        const held = (await this.#incidents([id], { evidence: false })).incidents[0];
        if (!held)
            throw new IncidentNotFoundError(id, `Updating Defender incident ${id}`);
        // Oldest first: the comments land in the order the issue lists the alerts.
        const ids = held.alerts.map((alert) => alert.id);
        if (Object.values(fields).some((value) => value !== undefined)) {
            for (let start = 0; start < ids.length; start += ALERTS_PER_BATCH)
                await this.updateAlerts(ids.slice(start, start + ALERTS_PER_BATCH), fields);
        }
        if (comment !== undefined)
            for (const alertId of ids)
                await this.updateAlert(alertId, { comment });
    }
    /**
     * These incidents, oldest first: their alerts listed in bulk (`incidentId eq` or-chains), each
     * request's grouped into its incidents as it comes, so that no more than one request's alerts are
     * held whole at once.
     */
    async #incidents(incidentIds, options) {
        const found = { incidents: [], malformed: [], pages: 0 };
        for (let start = 0; start < incidentIds.length; start += IDS_PER_QUERY) {
            const listing = await this.#list(incidentsFilter(incidentIds.slice(start, start + IDS_PER_QUERY)), options);
            found.incidents.push(...groupByIncident(listing.alerts));
            found.malformed.push(...listing.malformed);
            found.pages += listing.pages;
        }
        found.incidents.sort(byFirstAlert);
        return found;
    }
    /** Signs in and returns the access token's claims (for check). */
    async signIn() {
        await this.#options.tokens.token();
        return this.#options.tokens.claims();
    }
    /** One small read of the alerts API: the alerts of the last day, first page of 100. */
    async probeAlerts() {
        const since = (0,odata/* odataTime */.R3)(new Date(Date.now() - 86_400_000));
        const url = `${this.#options.apiUrl}/api/alerts?$filter=${encodeURIComponent(`alertCreationTime ge ${since}`)}&$top=100`;
        const page = await (0,http/* exchange */.cv)(this.#api, { method: "GET", url, what: "Listing Defender alerts", read: readAlertPage });
        return page.alerts.length + page.malformed.length;
    }
    /** The current state of these alerts, read in bulk (`id eq` or-chains), not one GET each. */
    async alertsById(ids) {
        const found = new Map();
        for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
            const chunk = ids.slice(start, start + IDS_PER_QUERY);
            const listing = await this.#list(chunk.map((id) => `id eq ${(0,odata/* odataString */.TW)(id)}`).join(" or "), { evidence: false });
            for (const alert of listing.alerts)
                found.set(alert.id, alert.read());
        }
        return found;
    }
    /** The API spells every value as our vocabulary does. */
    spell(changes) {
        return { ...changes };
    }
    /** A change to an incident is a change to each of its alerts: spelt as theirs. */
    spellIncident(changes) {
        return this.spell(changes);
    }
    /**
     * PATCH /api/alerts/{id}. A comment is appended by Defender, so after a lost reply the alert is
     * read back first: the comment is sent again only if it did not land.
     */
    async updateAlert(id, changes) {
        const url = `${this.#options.apiUrl}/api/alerts/${encodeURIComponent(id)}`;
        const landed = changes.comment === undefined ? undefined : async () => {
            const alert = (await this.alertsById([id])).get(id);
            return (alert?.comments ?? []).some((c) => c.comment === changes.comment);
        };
        await this.#send("PATCH", url, changes, `Updating Defender alert ${id}`, landed);
    }
    /** POST /api/alerts/batchUpdate: one change for many alerts; Defender allows 10 calls a minute. */
    async updateAlerts(ids, changes) {
        await this.#batchPace();
        try {
            await this.#send("POST", `${this.#options.apiUrl}/api/alerts/batchUpdate`, { alertIds: ids, ...changes }, `Updating ${ids.length} Defender alerts in one batch`);
        }
        finally {
            // Counted from when the reply came, which is never before Defender counted the call.
            this.#batchCalls.push(Date.now());
        }
    }
    /** When recent batch calls were answered. */
    #batchCalls = [];
    async #batchPace() {
        const now = Date.now();
        while (this.#batchCalls.length > 0 && now - this.#batchCalls[0] >= 60_000)
            this.#batchCalls.shift();
        if (this.#batchCalls.length >= BATCH_CALLS_PER_MINUTE) {
            const wait = 60_000 - (now - this.#batchCalls[0]);
            this.#options.retrying(`Waiting ${Math.ceil(wait / 1000)} s: Defender allows ${BATCH_CALLS_PER_MINUTE} batch updates a minute`);
            await (0,promises_.setTimeout)(wait);
            this.#batchCalls.shift();
        }
    }
    #listUrl(filter, skip, evidence) {
        const query = [`$filter=${encodeURIComponent(filter)}`, `$top=${this.#pageSize}`];
        if (evidence)
            query.push("$expand=evidence");
        if (skip > 0)
            query.push(`$skip=${skip}`);
        return `${this.#options.apiUrl}/api/alerts?${query.join("&")}`;
    }
    // The bearer token goes only to the API host the user configured.
    #sameOrigin(link) {
        const next = new URL(link, this.#options.apiUrl);
        if (next.origin !== new URL(this.#options.apiUrl).origin) {
            throw new Error(`Listing Defender alerts: the next page link points to another host (${next.origin}); refusing to send the token there`);
        }
        return next.href;
    }
    async #send(method, url, body, what, landed) {
        await (0,http/* exchange */.cv)(this.#api, { method, url, body: JSON.stringify(body), what, read: http/* nothing */.s6, landed });
    }
}


/***/ }),

/***/ 37346:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Be: () => (/* binding */ arraysOfBytes),
/* harmony export */   S5: () => (/* binding */ readMemberBytes),
/* harmony export */   gs: () => (/* binding */ streamMemberBytes),
/* harmony export */   oB: () => (/* binding */ readStreamingArray),
/* harmony export */   r3: () => (/* binding */ readStreamingMember),
/* harmony export */   z_: () => (/* binding */ parseBytes)
/* harmony export */ });
/**
 * Reads a JSON object arriving in chunks whose one array member is large (a Defender page holds up
 * to 10,000 alerts in `value`): each element of that array is handed over as soon as it is
 * complete, parsed on its own, and the rest of the object is parsed at the end. Peak memory is a
 * chunk and an element, not the whole page twice over (its text and its objects).
 *
 * Parsing stays with JSON.parse, which is several times faster than the JavaScript tokenisers of
 * streaming JSON libraries; the scanner here only finds where elements begin and end. It reads
 * bytes: every byte it looks for is ASCII, and no byte of a multi-byte UTF-8 character is.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const decoder = new TextDecoder();
function isSpace(byte) {
    return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}
/**
 * Streams `chunks`: calls `onElement` with each element of the top-level array member `member`,
 * and returns the object with that member empty (`[]`). A member that is not an array is left in
 * the object as it is. Invalid JSON throws JSON.parse's SyntaxError, possibly after some elements.
 */
function readStreamingMember(chunks, member, onElement) {
    return streamMemberBytes(chunks, member, parsing(onElement));
}
/**
 * As readStreamingMember, but hands each element over as its bytes only, unparsed: for a reader
 * that parses parts of an element on their own (readMemberBytes).
 */
async function streamMemberBytes(chunks, member, onBytes) {
    const scanner = new MemberScanner(member, onBytes);
    for await (const chunk of chunks)
        scanner.write(chunk);
    return scanner.end();
}
/**
 * Reads one JSON object held in `bytes` as streamMemberBytes reads a stream: hands over the bytes
 * of each element of its array member `member` (a view of `bytes`), and returns the object with
 * that member empty. Anything but an object with such a member is returned whole.
 */
function readMemberBytes(bytes, member, onBytes) {
    const scanner = new MemberScanner(member, onBytes);
    scanner.write(bytes);
    return scanner.end();
}
/**
 * A JSON array for each group of elements' bytes, side by side in one buffer: the i-th array is
 * `buffer` from `bounds[i]` to `bounds[i + 1]`. Thousands of small arrays kept together cost one
 * allocation, not one each.
 */
function arraysOfBytes(groups) {
    const lengthOf = (elements) => elements.reduce((sum, element) => sum + element.length, 2 + Math.max(0, elements.length - 1));
    const buffer = new Uint8Array(groups.reduce((sum, elements) => sum + lengthOf(elements), 0));
    const bounds = [0];
    let at = 0;
    for (const elements of groups) {
        buffer[at++] = OPEN_BRACKET;
        for (const [i, element] of elements.entries()) {
            if (i > 0)
                buffer[at++] = COMMA;
            buffer.set(element, at);
            at += element.length;
        }
        buffer[at++] = CLOSE_BRACKET;
        bounds.push(at);
    }
    return { buffer, bounds };
}
/**
 * Streams a JSON array (a GitHub listing page): calls `onElement` with each element, parsed on its
 * own. Anything but an array is a SyntaxError.
 */
async function readStreamingArray(chunks, onElement) {
    const scanner = new MemberScanner(undefined, parsing(onElement));
    for await (const chunk of chunks)
        scanner.write(chunk);
    // An array is always streamed, so what is left of it is `[]`; anything else is not an array.
    if (!Array.isArray(scanner.end()))
        throw new SyntaxError("Expected a JSON array");
}
/** An element's bytes parsed: what JSON.parse makes of their text. */
function parseBytes(bytes) {
    return JSON.parse(decoder.decode(bytes));
}
const parsing = (onElement) => (bytes) => onElement(parseBytes(bytes), bytes);
class MemberScanner {
    /** The member whose array is streamed; undefined streams the top-level array itself. */
    #member;
    /** The member's name as the bytes of its key; keys are compared as bytes, never decoded. */
    #memberKey;
    /** The depth of the streamed array's elements' container: 2 in an object, 1 at the top. */
    #arrayDepth;
    #onBytes;
    #rest = [];
    #element = [];
    #sink = "rest";
    #depth = 0;
    #inString = false;
    /** The chunk ended on a backslash inside a string: the next byte is escaped. */
    #escaped = false;
    /** At depth 1, the next string is a key. */
    #keyNext = false;
    /**
     * While a key at depth 1 is read: how many of the member's bytes it has matched so far, or -1
     * once it cannot be the member; undefined outside keys. Then whether the last key was the member.
     */
    #keyMatched;
    #lastKeyIsMember = false;
    /** After `"member":`, waiting to see whether an array follows. */
    #memberValueNext = false;
    #streamed = false;
    /** Between elements: one has just ended (a comma or the end must follow), or a comma has (an element must). */
    #afterElement = false;
    #elementNext = false;
    constructor(member, onBytes) {
        this.#member = member;
        this.#memberKey = Buffer.from(member ?? "");
        this.#arrayDepth = member === undefined ? 1 : 2;
        this.#memberValueNext = member === undefined;
        this.#onBytes = onBytes;
    }
    write(chunk) {
        // Bytes from `from` on belong to the current sink; they are handed over at each change of sink.
        let from = 0;
        let keyFrom = 0;
        const flush = (to) => {
            // The rest is small: copied, so that it does not hold on to whole chunks.
            if (to > from && this.#sink === "rest")
                this.#rest.push(chunk.slice(from, to));
            else if (to > from && this.#sink === "element")
                this.#element.push(chunk.subarray(from, to));
        };
        const switchTo = (sink, at) => {
            flush(at);
            this.#sink = sink;
            from = at;
        };
        for (let i = 0; i < chunk.length; i++) {
            if (this.#inString) {
                // Most bytes are inside strings: jump to the closing quote rather than look at each byte.
                const close = this.#closingQuote(chunk, i);
                if (close < 0)
                    break;
                i = close;
                this.#inString = false;
                if (this.#keyMatched !== undefined) {
                    this.#matchKey(chunk, keyFrom, i);
                    this.#lastKeyIsMember = this.#keyMatched === this.#memberKey.length;
                    this.#keyMatched = undefined;
                }
                continue;
            }
            const byte = chunk[i];
            if (isSpace(byte))
                continue;
            if (this.#memberValueNext) {
                this.#memberValueNext = false;
                if (byte === OPEN_BRACKET) {
                    this.#depth++;
                    this.#streamed = true;
                    this.#afterElement = false;
                    this.#elementNext = false;
                    switchTo("between", i + 1);
                    continue;
                }
            }
            if (this.#sink === "between") {
                if (byte === COMMA) {
                    if (!this.#afterElement)
                        throw new SyntaxError(`Unexpected ',' in the '${this.#member}' array`);
                    this.#afterElement = false;
                    this.#elementNext = true;
                    continue;
                }
                if (byte === CLOSE_BRACKET) {
                    if (this.#elementNext)
                        throw new SyntaxError(`Unexpected ']' after ',' in the '${this.#member}' array`);
                    this.#depth--;
                    switchTo("rest", i);
                    continue;
                }
                if (this.#afterElement)
                    throw new SyntaxError(`Expected ',' or ']' between elements of the '${this.#member}' array`);
                this.#elementNext = false;
                switchTo("element", i);
            }
            switch (byte) {
                case QUOTE:
                    this.#inString = true;
                    if (this.#depth === 1 && this.#keyNext) {
                        this.#keyNext = false;
                        this.#keyMatched = 0;
                        keyFrom = i + 1;
                    }
                    break;
                case OPEN_BRACE:
                case OPEN_BRACKET:
                    this.#depth++;
                    if (this.#depth === 1)
                        this.#keyNext = byte === OPEN_BRACE;
                    break;
                case CLOSE_BRACE:
                case CLOSE_BRACKET:
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        // A scalar element ends where its array does.
                        if (byte !== CLOSE_BRACKET)
                            throw new SyntaxError(`Unexpected '}' in the '${this.#member}' array`);
                        this.#emit(chunk, from, i);
                        this.#depth--;
                        this.#sink = "rest";
                        from = i;
                        break;
                    }
                    this.#depth--;
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        this.#emit(chunk, from, i + 1);
                        this.#sink = "between";
                        this.#afterElement = true;
                        from = i + 1;
                    }
                    break;
                case COMMA:
                    if (this.#sink === "element" && this.#depth === this.#arrayDepth) {
                        this.#emit(chunk, from, i);
                        this.#sink = "between";
                        this.#elementNext = true;
                        from = i + 1;
                    }
                    else if (this.#depth === 1)
                        this.#keyNext = true;
                    break;
                case COLON:
                    if (this.#depth === 1 && !this.#streamed && this.#member !== undefined && this.#lastKeyIsMember)
                        this.#memberValueNext = true;
                    break;
            }
        }
        flush(chunk.length);
        if (this.#keyMatched !== undefined && this.#inString)
            this.#matchKey(chunk, keyFrom, chunk.length);
    }
    /** Goes on matching the key being read against the member's name with its bytes from `from` to `to`. */
    #matchKey(chunk, from, to) {
        let matched = this.#keyMatched;
        if (matched < 0)
            return;
        if (matched + to - from > this.#memberKey.length)
            matched = -1;
        for (let i = from; i < to && matched >= 0; i++)
            matched = chunk[i] === this.#memberKey[matched] ? matched + 1 : -1;
        this.#keyMatched = matched;
    }
    /**
     * The index of the quote that closes the string going on at `start`, or -1 when the string runs
     * past the chunk (and then whether the chunk ends inside an escape is remembered).
     */
    #closingQuote(chunk, start) {
        let from = start;
        if (this.#escaped) {
            this.#escaped = false;
            from++;
        }
        for (;;) {
            const quote = chunk.indexOf(QUOTE, from);
            const end = quote < 0 ? chunk.length : quote;
            let backslashes = 0;
            while (end - backslashes - 1 >= from && chunk[end - backslashes - 1] === BACKSLASH)
                backslashes++;
            if (quote < 0) {
                this.#escaped = backslashes % 2 === 1;
                return -1;
            }
            if (backslashes % 2 === 0)
                return quote;
            from = quote + 1;
        }
    }
    #emit(chunk, from, to) {
        if (to > from)
            this.#element.push(chunk.subarray(from, to));
        const pieces = this.#element;
        const bytes = pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
        this.#element = [];
        this.#onBytes(bytes);
    }
    end() {
        if (this.#sink !== "rest")
            throw new SyntaxError("Unexpected end of JSON input");
        return JSON.parse(Buffer.concat(this.#rest).toString("utf8"));
    }
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

/***/ 34444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ readAlertApart),
/* harmony export */   Fv: () => (/* binding */ sharedName),
/* harmony export */   Nf: () => (/* binding */ KeptIncidentAlert),
/* harmony export */   lO: () => (/* binding */ evidenceSideBySide),
/* harmony export */   ue: () => (/* binding */ shared)
/* harmony export */ });
/* harmony import */ var _json_stream_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37346);
/**
 * How an incident listing keeps thousands of alerts small, whatever their source: each alert's JSON
 * is read apart from its evidence, which is kept as bytes, an incident's alerts' evidence side by
 * side in one buffer, until an issue's body gathers it; and the words many alerts share (products,
 * sources, tenants, titles) are held once.
 */

function readAlertApart(bytes) {
    const evidence = [];
    const raw = (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_0__/* .readMemberBytes */ .S5)(bytes, "evidence", (item) => evidence.push(item));
    // An `evidence` that was not streamed (its name spelt with escapes) is left in `raw`; anything
    // but an array reads as no evidence, as the sources' readers read it.
    const left = raw !== null && typeof raw === "object" ? raw.evidence : undefined;
    if (Array.isArray(left))
        for (const item of left)
            evidence.push(Buffer.from(JSON.stringify(item)));
    return { raw, evidence };
}
/**
 * The evidence of an incident's alerts, copied side by side into one buffer (so that what is kept is
 * the evidence, not every chunk of the reply it came in): the i-th alert's is the i-th.
 */
function evidenceSideBySide(apart) {
    const { buffer, bounds } = (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_0__/* .arraysOfBytes */ .Be)(apart.map((item) => item.evidence));
    return apart.map((_, i) => ({ buffer, start: bounds[i], end: bounds[i + 1] }));
}
const decoder = new TextDecoder();
/**
 * An incident's alert as thousands of them are kept, whatever its source: no closure or view of its
 * own, the words many alerts share held once, its times as numbers (a Date costs about 100 bytes,
 * and each alert has two), and where its evidence lies in its incident's one buffer. A source reads
 * the evidence in its own words (`evidence()`).
 */
class KeptIncidentAlert {
    id;
    title;
    severity;
    status;
    product;
    detectionSource;
    webUrl;
    tenantId;
    serviceSource;
    #createdAt;
    #firstActivity;
    #evidence;
    #evidenceStart;
    #evidenceEnd;
    constructor(shown, serviceSource, evidence) {
        this.id = shown.id;
        this.title = shared(shown.title);
        this.severity = shown.severity;
        this.status = shown.status;
        this.product = shared(shown.product);
        this.detectionSource = shared(shown.detectionSource);
        this.webUrl = shown.webUrl;
        this.tenantId = shared(shown.tenantId);
        this.serviceSource = shared(serviceSource);
        this.#createdAt = shown.createdAt.getTime();
        this.#firstActivity = shown.firstActivity?.getTime() ?? null;
        this.#evidence = evidence.buffer;
        this.#evidenceStart = evidence.start;
        this.#evidenceEnd = evidence.end;
    }
    get createdAt() {
        return new Date(this.#createdAt);
    }
    get firstActivity() {
        return this.#firstActivity === null ? null : new Date(this.#firstActivity);
    }
    /** The alert's evidence array, parsed. */
    evidenceItems() {
        return JSON.parse(decoder.decode(this.#evidence.subarray(this.#evidenceStart, this.#evidenceEnd)));
    }
}
/**
 * Strings held once: at most `max` of them, of at most 256 characters, so that odd input cannot
 * grow the table without end (a string past either is kept as it came).
 */
class Interned {
    #held = new Map();
    #max;
    constructor(max) {
        this.#max = max;
    }
    of(value) {
        if (value === null || value.length > 256)
            return value;
        const known = this.#held.get(value);
        if (known !== undefined)
            return known;
        if (this.#held.size < this.#max)
            this.#held.set(value, value);
        return value;
    }
}
// Words and names have tables of their own, so that thousands of devices cannot crowd out the words.
const words = new Interned(1000);
const names = new Interned(1000);
/** The one copy of a word many alerts share: a product, a detection source, a tenant, a title. */
const shared = (value) => words.of(value);
/** The one copy of a name many alerts share: a device's name or ID, a user. */
const sharedName = (value) => names.of(value);


/***/ }),

/***/ 88772:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GW: () => (/* binding */ problemsOf),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   TH: () => (/* binding */ idOf),
/* harmony export */   kB: () => (/* binding */ time),
/* harmony export */   kX: () => (/* binding */ optionalTime)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50000);
/**
 * How both sources read the fields of an alert or incident: strict where the action relies on a
 * value (a time it orders by), lenient elsewhere (a field of the wrong type reads as none).
 */

// Defender and Graph write 0 to 7 fractional digits; anything else is not a time we can order by.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const time = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()
    .regex(ISO_TIME)
    .transform((value) => new Date(value));
const optionalTime = time.nullish().catch(null);
const text = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish().catch(null);
/** The ID of something that did not read, for the report: its `id` when it has a string one. */
function idOf(raw) {
    return typeof raw === "object" && raw !== null && typeof raw.id === "string" ? raw.id : "(no id)";
}
/** Why it did not read, field by field (`createdDateTime: Invalid string`). */
function problemsOf(error, what = "alert") {
    return error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`).join("; ");
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


/***/ }),

/***/ 71380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EB: () => (/* binding */ anyOf),
/* harmony export */   M6: () => (/* binding */ severitiesFrom),
/* harmony export */   R3: () => (/* binding */ odataTime),
/* harmony export */   TW: () => (/* binding */ odataString)
/* harmony export */ });
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);
/** OData literals and clauses both sources' $filter use. Pure. */

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


/***/ })

};
