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

/***/ 72378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ AlertIssueStore),
/* harmony export */   q: () => (/* binding */ describe)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _issue_marker_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(69745);
/** The alert-issue store: alert issues in the repository, found by marker and author. */


// What GitHub gives a label it creates because an issue names it.
const GITHUB_DEFAULT_COLOR = "ededed";
function isGitHubDefault(label) {
    return label.color?.toLowerCase() === GITHUB_DEFAULT_COLOR && !label.description;
}
const NEXT_LINK = /<([^<>]+)>;\s*rel="next"/;
const CREATE_ATTEMPTS = 3;
class AlertIssueStore {
    #github;
    #repo;
    #authors;
    #options;
    constructor(github, repo, trustedAuthors, options) {
        this.#github = github;
        this.#repo = repo;
        this.#authors = new Set(trustedAuthors.map((login) => login.toLowerCase()));
        this.#options = options;
    }
    /** Alert issues (open and closed) updated since `since`: one listing, sized to the window. */
    async listUpdatedSince(since) {
        return explained("Listing the repository's issues", () => this.#list(since));
    }
    /**
     * Pages by GitHub's Link header, each page parsed with the platform's JSON.parse: Octokit's own
     * parser looks at every value for big integers, which costs seconds over thousands of issues.
     */
    async #list(since) {
        const listing = { issues: [], strangers: [], openedByTrusted: [] };
        const raw = { request: { parseSuccessResponseBody: false } };
        let response = await this.#github.request("GET /repos/{owner}/{repo}/issues", { ...this.#repo, state: "all", since: since.toISOString(), per_page: 100, ...raw });
        for (;;) {
            for (const issue of await readJsonArray(response.data))
                this.#classify(issue, listing);
            const next = NEXT_LINK.exec(response.headers.link ?? "")?.[1];
            if (!next)
                return listing;
            response = await this.#github.request({ method: "GET", url: next, ...raw });
        }
    }
    #classify(raw, listing) {
        if (raw.pull_request)
            return;
        if (this.#authors.has((raw.user?.login ?? "").toLowerCase()))
            listing.openedByTrusted.push(new Date(raw.created_at));
        const marker = (0,_issue_marker_js__WEBPACK_IMPORTED_MODULE_1__/* .readMarker */ .t7)(raw.body);
        if (marker.kind !== "one")
            return;
        const author = raw.user?.login ?? "";
        if (!this.#authors.has(author.toLowerCase())) {
            listing.strangers.push({ number: raw.number, author });
            return;
        }
        listing.issues.push(toAlertIssue(raw, marker.alertId));
    }
    /**
     * Makes the vocabulary: creates the labels the repository lacks and gives the ones GitHub made
     * for an issue (default colour, no description) their colour and description. Labels someone
     * made by hand are left as they are. Returns the names created or completed.
     */
    async ensureVocabulary(vocabulary) {
        return explained("Creating the label vocabulary", () => this.#ensureVocabulary(vocabulary));
    }
    async #ensureVocabulary(vocabulary) {
        const existing = new Map();
        const pages = this.#github.paginate.iterator(this.#github.rest.issues.listLabelsForRepo, { ...this.#repo, per_page: 100 });
        for await (const page of pages)
            for (const label of page.data)
                existing.set(label.name.toLowerCase(), label);
        const made = [];
        for (const label of vocabulary) {
            const found = existing.get(label.name.toLowerCase());
            if (found && !isGitHubDefault(found))
                continue;
            try {
                if (found)
                    await this.#github.rest.issues.updateLabel({ ...this.#repo, name: label.name, color: label.color, description: label.description });
                else
                    await this.#github.rest.issues.createLabel({ ...this.#repo, ...label });
                made.push(label.name);
            }
            catch (error) {
                // Another run may have created it in the meantime.
                if (!isAlreadyExists(error))
                    throw error;
            }
        }
        return made;
    }
    /** Whether `login` holds at least the triage role here (checked through the API, by role). */
    async canTriage(login) {
        try {
            const { data } = await this.#github.rest.repos.getCollaboratorPermissionLevel({ ...this.#repo, username: login });
            const permissions = data.user?.permissions ?? {};
            const role = data.role_name || data.permission;
            // A public repository answers "read" for anyone; only a role of triage or above counts.
            const allowed = ["admin", "write"].includes(data.permission) || role === "triage" || role === "maintain" ||
                Boolean(permissions.triage || permissions.push || permissions.maintain || permissions.admin);
            return { allowed, role };
        }
        catch (error) {
            if (statusOf(error) === 404)
                return { allowed: false, role: "none" };
            throw error;
        }
    }
    /**
     * Comments on an issue unless a comment with the same key is already there, so a problem that
     * every later event repeats is explained once.
     */
    async commentOnce(issueNumber, key, body) {
        const tag = `<!-- defender-issues: ${key} -->`;
        const pages = this.#github.paginate.iterator(this.#github.rest.issues.listComments, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
        for await (const page of pages) {
            if (page.data.some((comment) => comment.body?.includes(tag) && this.#authors.has((comment.user?.login ?? "").toLowerCase())))
                return false;
        }
        await this.#github.rest.issues.createComment({ ...this.#repo, issue_number: issueNumber, body: `${tag}\n${body}` });
        return true;
    }
    /** Closes a second issue for an alert as a duplicate of the first, saying so on it. */
    async closeAsDuplicate(duplicate, original) {
        await explained(`Closing issue #${duplicate.number} as a duplicate`, async () => {
            await this.#github.rest.issues.createComment({
                ...this.#repo,
                issue_number: duplicate.number,
                body: `Duplicate of #${original.number}: both were opened for Defender alert \`${original.alertId}\` (two pull runs at once). Triage continues on #${original.number}.`,
            });
            await this.#github.rest.issues.update({ ...this.#repo, issue_number: duplicate.number, state: "closed", state_reason: "duplicate" });
        });
    }
    /**
     * Opens an issue. A create whose reply is lost (5xx, reset, timeout) may still have happened,
     * so before trying again the store looks for the marker: a retry never opens a second issue.
     */
    async create(issue) {
        const started = new Date(Date.now() - 60_000);
        for (let attempt = 1;; attempt++) {
            try {
                const { data } = await this.#github.rest.issues.create({
                    ...this.#repo,
                    title: issue.title,
                    body: issue.body,
                    labels: issue.labels,
                    ...(issue.assignees.length > 0 ? { assignees: issue.assignees } : {}),
                    request: { retries: 0, signal: AbortSignal.timeout(this.#options.createTimeoutMs) },
                });
                const created = data;
                // Whoever the token acts as, its own issues are alert issues for the rest of the run.
                if (created.user?.login)
                    this.#authors.add(created.user.login.toLowerCase());
                const madeByGitHub = created.labels.flatMap((label) => (typeof label !== "string" && label.name && isGitHubDefault(label) ? [label.name] : []));
                return { ...toAlertIssue(created, issue.alertId), madeByGitHub };
            }
            catch (error) {
                if (!isLostReply(error) || attempt >= CREATE_ATTEMPTS)
                    throw error;
                this.#options.retrying(`Opening the issue for alert ${issue.alertId}: ${describe(error)}; checking whether it was opened before trying again`);
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(2000 * attempt);
                const existing = (await this.listUpdatedSince(started)).issues.find((found) => found.alertId === issue.alertId);
                // Its labels were listed with the rest; whether GitHub made any of them is not known here.
                if (existing)
                    return { ...existing, madeByGitHub: [] };
            }
        }
    }
}
function toAlertIssue(raw, alertId) {
    return {
        number: raw.number,
        alertId,
        url: raw.html_url,
        author: raw.user?.login ?? "",
        state: raw.state === "closed" ? "closed" : "open",
        stateReason: raw.state_reason ?? null,
        createdAt: new Date(raw.created_at),
        labels: raw.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
        assignees: (raw.assignees ?? []).map((assignee) => assignee.login),
    };
}
/** A JSON array from a response body Octokit left unparsed (a web stream of bytes). */
async function readJsonArray(body) {
    const chunks = [];
    for await (const chunk of body)
        chunks.push(chunk);
    const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (!Array.isArray(parsed))
        throw new Error("GitHub answered the issue listing with something other than a list");
    return parsed;
}
function statusOf(error) {
    const status = error?.status;
    return typeof status === "number" ? status : undefined;
}
function isAlreadyExists(error) {
    const errors = error.response?.data?.errors;
    return statusOf(error) === 422 && Array.isArray(errors) && errors.some((e) => e.code === "already_exists");
}
/** A failure after which the create may or may not have happened. */
function isLostReply(error) {
    const status = statusOf(error);
    const name = error?.name;
    return name === "TimeoutError" || name === "AbortError" || (status !== undefined && status >= 500);
}
const GITHUB_FIXES = {
    401: "The GitHub token is not valid: check the github-token input.",
    403: "The GitHub token may not write issues here: give the job `permissions: issues: write` (or the token the Issues write permission).",
    404: "The repository was not found with this token: check GITHUB_REPOSITORY and the token's access.",
    410: "Issues are disabled in this repository: enable them under Settings → General → Features.",
};
/** Runs a GitHub call, turning its failure into one line that says what to do. */
async function explained(what, call) {
    try {
        return await call();
    }
    catch (error) {
        throw new Error(`${what} failed: ${describe(error)}`, { cause: error });
    }
}
function describe(error) {
    const status = statusOf(error);
    const message = ((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
    if (!status)
        return message;
    const fix = GITHUB_FIXES[status] && !/secondary rate limit|rate limit exceeded/i.test(message) ? ` ${GITHUB_FIXES[status]}` : "";
    return `HTTP ${status}: ${message}${fix}`;
}


/***/ }),

/***/ 13366:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Af: () => (/* binding */ quoteBlock),
/* harmony export */   GA: () => (/* binding */ cellCode),
/* harmony export */   e8: () => (/* binding */ defang),
/* harmony export */   ln: () => (/* binding */ inlineText),
/* harmony export */   pF: () => (/* binding */ singleLine),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/* unused harmony export stripInvisible */
/**
 * Markdown for untrusted text. Everything an alert carries (titles, command lines, file names)
 * can be chosen by an attacker, so it is rendered inert: no HTML, no mentions, no links, and
 * nothing that leaves the table cell, quote or code span it sits in.
 */
// C0/C1 controls, zero-width and bidirectional formatting characters (RTL overrides hide text).
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
// A mention is an @ that does not follow a word character (so e-mail addresses stay intact). The
// look-behind sees the character before each @, so "@@name" is broken twice, not once.
const MENTION_AT = /(?<![A-Za-z0-9_])@/g;
const ZERO_WIDTH_SPACE = "\u200b";
/** Removes invisible and control characters; keeps newlines and tabs. */
function stripInvisible(text) {
    return text.replace(INVISIBLE, "");
}
/** One line of plain text: controls removed, whitespace runs folded. */
function singleLine(text) {
    return stripInvisible(text).replace(/\s+/g, " ").trim();
}
/** Cuts to at most `max` characters without splitting a surrogate pair, marking the cut. */
function truncate(text, max) {
    const chars = Array.from(text);
    if (chars.length <= max)
        return text;
    return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}
/** Breaks URLs so GitHub does not turn them into links (the usual "defang" of SOC tooling). */
function defang(text) {
    return text
        .replace(/\bhttp(s?):\/\//gi, "hxxp$1[:]//")
        .replace(/\b(ftp|file|javascript|data|vbscript):/gi, "$1[:]")
        .replace(/\bwww\./gi, "www[.]");
}
/** Inline text: every ASCII punctuation character backslash-escaped, mentions and links broken. */
function inlineText(text) {
    // GitHub finds mentions in the rendered text, where "\@name" reads "@name" again: a zero-width
    // space after the @ is what stops it.
    const unmentioned = defang(singleLine(text)).replace(MENTION_AT, `@${ZERO_WIDTH_SPACE}`);
    return unmentioned.replace(ASCII_PUNCTUATION, "\\$&");
}
/** A code span for a table cell: long enough a fence for any backtick run, pipes escaped. */
function cellCode(text) {
    const body = singleLine(text);
    if (body === "")
        return "";
    const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
    const fence = "`".repeat(longestRun + 1);
    // GFM splits table rows on "|" before it parses code spans, so pipes are escaped even here; a
    // backslash already before a pipe would pair with ours, so a zero-width space parts them.
    const escaped = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
    return `${fence} ${escaped} ${fence}`;
}
/** A block of text as a quote: one escaped line per source line, blank lines kept. */
function quoteBlock(text) {
    return stripInvisible(text)
        .replace(/\r\n?/g, "\n")
        .split("\n")
        .map((line) => {
        const escaped = inlineText(line);
        return escaped === "" ? ">" : `> ${escaped}`;
    })
        .join("\n")
        .replace(/(>\n){2,}/g, ">\n");
}


/***/ }),

/***/ 69745:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W1: () => (/* binding */ ALERT_ID_PATTERN),
/* harmony export */   _Z: () => (/* binding */ markerFor),
/* harmony export */   t7: () => (/* binding */ readMarker)
/* harmony export */ });
/* unused harmony export isAlertId */
/** The line that ties an issue to its Defender alert. */
const ALERT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const MARKER_LINE = /^<!-- defender-alert-id: ([^\s]*) -->$/gm;
function isAlertId(value) {
    return ALERT_ID_PATTERN.test(value);
}
function markerFor(alertId) {
    if (!isAlertId(alertId))
        throw new Error(`Not a Defender alert ID: ${JSON.stringify(alertId)}`);
    return `<!-- defender-alert-id: ${alertId} -->`;
}
/**
 * Finds the marker in an issue body. A body with two marker lines, or one whose ID does not have
 * the shape of an alert ID, is not an alert issue: nothing the action writes looks like that.
 */
function readMarker(body) {
    if (!body)
        return { kind: "none" };
    const ids = [...body.replace(/\r\n?/g, "\n").matchAll(MARKER_LINE)].map((m) => m[1] ?? "");
    if (ids.length === 0)
        return { kind: "none" };
    if (ids.length > 1)
        return { kind: "invalid", reason: `the body has ${ids.length} marker lines` };
    const alertId = ids[0] ?? "";
    if (!isAlertId(alertId))
        return { kind: "invalid", reason: "the marker's alert ID is malformed" };
    return { kind: "one", alertId };
}


/***/ }),

/***/ 99127:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   fU: () => (/* binding */ formatTime),
/* harmony export */   xJ: () => (/* binding */ severityOf),
/* harmony export */   yi: () => (/* binding */ renderIssue)
/* harmony export */ });
/* unused harmony exports TITLE_MAX, BODY_MAX, renderTitle, renderBody */
/* harmony import */ var _marker_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(69745);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(13366);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);



const TITLE_MAX = 256;
const BODY_MAX = 65_536;
const CELL_MAX = 500;
const BLOCK_MAX = 4_000;
function severityOf(alert) {
    return _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .SEVERITIES */ .oC.find((s) => s === alert.severity) ?? "UnSpecified";
}
/** `{field}` → the alert's field; arrays are joined, objects and missing fields render empty. */
function renderTitle(template, alert) {
    const filled = template.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (_m, field) => scalarText(alert[field]));
    return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .singleLine */ .pF)(filled) || `Defender alert ${alert.id}`, TITLE_MAX);
}
function scalarText(value) {
    if (value === null || value === undefined)
        return "";
    if (value instanceof Date)
        return formatTime(value);
    if (Array.isArray(value))
        return value.map(scalarText).filter(Boolean).join(", ");
    if (typeof value === "object")
        return "";
    return String(value);
}
function formatTime(time) {
    return time ? time.toISOString().replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC") : "";
}
function renderIssue(alert, options) {
    const labels = [...new Set([_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .ALERT_LABEL */ .We, (0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .severityLabel */ .yi)(severityOf(alert)), ...options.extraLabels])];
    return {
        alertId: alert.id,
        title: renderTitle(options.titleTemplate, alert),
        body: renderBody(alert, options),
        labels,
    };
}
function portalUrl(host, path, tenantId) {
    const query = tenantId ? `?tid=${encodeURIComponent(tenantId)}` : "";
    return `https://${host}/${path}${query}`;
}
function cell(value) {
    const text = scalarText(value);
    return text ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(text, CELL_MAX)) : "—";
}
function row(name, value) {
    return `| ${name} | ${value} |`;
}
function renderBody(alert, options) {
    const tenantId = alert.aadTenantId ?? options.tenantId;
    const sections = [
        (0,_marker_js__WEBPACK_IMPORTED_MODULE_2__/* .markerFor */ ._Z)(alert.id),
        `**[Open the alert in Microsoft Defender](${portalUrl(options.portalHost, `alerts/${encodeURIComponent(alert.id)}`, tenantId ?? undefined)})**`,
        fieldTable(alert, options.portalHost, tenantId ?? undefined),
    ];
    if (alert.description)
        sections.push(`### Description\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(alert.description, BLOCK_MAX))}`);
    if (alert.recommendedAction)
        sections.push(`### Recommended action\n\n${(0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteBlock */ .Af)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(alert.recommendedAction, BLOCK_MAX))}`);
    const footer = triageFooter();
    const head = sections.join("\n\n");
    const evidence = evidenceSection(alert.evidence, BODY_MAX - head.length - footer.length - 8);
    return [head, evidence, footer].filter(Boolean).join("\n\n") + "\n";
}
function fieldTable(alert, portalHost, tenantId) {
    const machine = alert.computerDnsName ?? alert.machineId;
    const device = machine
        ? cell(machine) + (alert.machineId && /^[0-9a-f]{40}$/i.test(alert.machineId)
            ? ` ([timeline](${portalUrl(portalHost, `machines/${alert.machineId}/timeline`, tenantId)}))`
            : "")
        : "—";
    const user = alert.relatedUser?.userName
        ? cell([alert.relatedUser.domainName, alert.relatedUser.userName].filter(Boolean).join("\\"))
        : "—";
    const incident = alert.incidentId !== null && alert.incidentId !== undefined && /^\d+$/.test(String(alert.incidentId))
        ? `[${alert.incidentId}](${portalUrl(portalHost, `incidents/${alert.incidentId}`, tenantId)})`
        : "—";
    const rows = [
        "| Field | Value |",
        "|---|---|",
        row("Severity", cell(alert.severity)),
        row("Status", cell(alert.status)),
        row("Category", cell(alert.category)),
        row("Detection source", cell(alert.detectionSource)),
        row("Threat", cell([alert.threatFamilyName, alert.threatName].filter(Boolean).join(" / "))),
        row("Device", device),
        row("Device group", cell(alert.rbacGroupName)),
        row("User", user),
        row("First activity", cell(formatTime(alert.firstEventTime))),
        row("Last activity", cell(formatTime(alert.lastEventTime))),
        row("Alert created", cell(formatTime(alert.alertCreationTime))),
        row("MITRE techniques", mitreLinks(alert.mitreTechniques ?? [])),
        row("Incident", incident),
        row("Investigation", cell([alert.investigationId, alert.investigationState].filter((v) => v !== null && v !== undefined).join(" · "))),
        row("Assigned to", cell(alert.assignedTo)),
        row("Alert ID", (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(alert.id)),
    ];
    return rows.join("\n");
}
function mitreLinks(techniques) {
    const links = techniques.map((technique) => {
        const match = /^T(\d{4})(?:\.(\d{3}))?$/.exec(technique);
        if (!match)
            return (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(technique, 40));
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
    const type = cell(item.entityType);
    const entity = evidenceEntity(item);
    const details = evidenceDetails(item);
    return `| ${type} | ${entity || "—"} | ${details || "—"} |`;
}
function code(value) {
    return value ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .cellCode */ .GA)(defangIfUrl((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .truncate */ .xv)(value, CELL_MAX))) : "";
}
// Code spans are never linked by GitHub, but a URL copied from one should still be visibly unsafe.
function defangIfUrl(value) {
    return /:\/\/|^www\./i.test(value) ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .defang */ .e8)(value) : value;
}
function joinPath(dir, name) {
    if (dir && name)
        return `${dir.replace(/[\\/]+$/, "")}\\${name}`;
    return name ?? dir ?? "";
}
function evidenceEntity(item) {
    const account = item.accountName ? joinPath(item.domainName, item.accountName) : item.userPrincipalName;
    return code(joinPath(item.filePath, item.fileName) ||
        item.ipAddress ||
        item.url ||
        (item.registryKey ? joinPath(item.registryHive, item.registryKey) : "") ||
        account);
}
function evidenceDetails(item) {
    const parts = [];
    if (item.processCommandLine)
        parts.push(code(item.processCommandLine));
    if (item.processId !== null && item.processId !== undefined)
        parts.push(`PID ${item.processId}`);
    if (item.parentProcessFileName)
        parts.push(`parent ${code(item.parentProcessFileName)}`);
    if (item.sha256)
        parts.push(`SHA-256 ${code(item.sha256)}`);
    else if (item.sha1)
        parts.push(`SHA-1 ${code(item.sha1)}`);
    if (item.registryValue)
        parts.push(`value ${code(item.registryValue)}`);
    if (item.userPrincipalName && item.accountName)
        parts.push(code(item.userPrincipalName));
    if (item.detectionStatus)
        parts.push((0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .inlineText */ .ln)(item.detectionStatus));
    return parts.join(" · ");
}
function triageFooter() {
    return [
        "<details><summary>Triage from this issue (when sync is set up)</summary>",
        "",
        "- Label `classification:TruePositive`, `classification:InformationalExpectedActivity` or `classification:FalsePositive`, and a `determination:` label, to classify the alert.",
        "- Assign the issue to set the alert's owner; comments are copied to the alert.",
        "- Close the issue to resolve the alert; reopen it to set it back to In progress.",
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
/* harmony export */   hourlyRoom: () => (/* binding */ hourlyRoom),
/* harmony export */   newAlerts: () => (/* binding */ newAlerts),
/* harmony export */   runPull: () => (/* binding */ runPull)
/* harmony export */ });
/* harmony import */ var _defender_filter_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30733);
/* harmony import */ var _github_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72378);
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
            const { body: _body, ...planned } = render(alert);
            return planned;
        });
        result.alertsRemaining = fresh.length - batch.length;
        return result;
    }
    let vocabularyChecked = false;
    for (const alert of batch) {
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
            result.failures.push({ alertId: alert.id, error: (0,_github_store_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q)(error) });
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
