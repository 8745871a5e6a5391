export const id = 378;
export const ids = [378];
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

/***/ 72378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ AlertIssueStore),
/* harmony export */   x: () => (/* binding */ oldestIssueFirst)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _issue_incident_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(603);
/* harmony import */ var _issue_marker_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(69745);
/* harmony import */ var _issue_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99446);
/* harmony import */ var _json_stream_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37346);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73116);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(81731);
/** The alert-issue store: alert issues in the repository, found by marker and author. */







/** Issues by age, oldest first; ties by number. */
function oldestIssueFirst(a, b) {
    return a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;
}
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
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)("Listing the repository's issues", () => this.#list({ state: "all", since: since.toISOString() }, false));
    }
    /**
     * Open incident issues of any age, found by their label: where alerts of their incidents go when
     * the repository pulls one issue per alert again.
     */
    async listOpenIncidentIssues() {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)("Listing the repository's incident issues", async () => (await this.#list({ state: "open", labels: _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_5__/* .INCIDENT_LABEL */ .MY }, false)).incidentIssues);
    }
    /**
     * Reconcile's scope: every open alert issue, whatever its age, and every closed one updated since
     * `since`; with their bodies, whose record of agreement reconcile rewrites.
     */
    async listForReconcile(since) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)("Listing the repository's issues", async () => {
            const open = await this.#list({ state: "open" }, true);
            const closed = await this.#list({ state: "closed", since: since.toISOString() }, true);
            return {
                issues: [...open.issues, ...closed.issues],
                incidentIssues: [...open.incidentIssues, ...closed.incidentIssues],
                strangers: [...open.strangers, ...closed.strangers],
                openedByTrusted: [...open.openedByTrusted, ...closed.openedByTrusted],
            };
        });
    }
    /**
     * Pages by GitHub's Link header, reading each page an issue at a time as it streams in: Octokit's
     * own parser looks at every value for big integers, which costs seconds over thousands of issues,
     * and a whole page parsed at once leaves megabytes of garbage per page.
     */
    async #list(query, keepBodies) {
        const listing = { issues: [], incidentIssues: [], strangers: [], openedByTrusted: [] };
        // Octokit hands over only the body stream, and undici cancels the body of a Response that is
        // garbage-collected before anyone reads it: the page's Response is held until its body is read.
        // The fetch wrapped is @actions/github's, so proxies are still honoured.
        const fetchPage = this.#github.request.endpoint.DEFAULTS.request?.fetch ?? fetch;
        let held;
        const holding = async (...args) => (held = await fetchPage(...args));
        const raw = { request: { parseSuccessResponseBody: false, fetch: holding } };
        let response = await this.#github.request("GET /repos/{owner}/{repo}/issues", { ...this.#repo, ...query, per_page: 100, ...raw });
        for (;;) {
            await (0,_json_stream_js__WEBPACK_IMPORTED_MODULE_3__/* .readStreamingArray */ .oB)(response.data, (issue) => this.#classify(issue, listing, keepBodies));
            held = undefined;
            const next = NEXT_LINK.exec(response.headers.link ?? "")?.[1];
            if (!next)
                return listing;
            response = await this.#github.request({ method: "GET", url: next, ...raw });
        }
    }
    #classify(raw, listing, keepBodies) {
        if (raw.pull_request)
            return;
        if (this.#authors.has((raw.user?.login ?? "").toLowerCase()))
            listing.openedByTrusted.push(new Date(raw.created_at));
        const marker = (0,_issue_marker_js__WEBPACK_IMPORTED_MODULE_6__/* .readIssueMarker */ .qf)(raw.body);
        if (marker.kind !== "alert" && marker.kind !== "incident")
            return;
        const author = raw.user?.login ?? "";
        if (!this.#authors.has(author.toLowerCase())) {
            listing.strangers.push({ number: raw.number, author });
            return;
        }
        const issue = marker.kind === "incident" ? toIncidentIssue(raw, marker.incidentId) : toAlertIssue(raw, marker.alertId);
        // Only reconcile reads the record, and rewrites it in the body; pull's listing keeps neither.
        if (keepBodies) {
            issue.body = raw.body ?? "";
            issue.record = (0,_issue_record_js__WEBPACK_IMPORTED_MODULE_2__/* .readRecord */ .aE)(raw.body);
        }
        if ("listed" in issue)
            listing.incidentIssues.push(issue);
        else
            listing.issues.push(issue);
    }
    /**
     * Makes the vocabulary: creates the labels the repository lacks and gives those GitHub made for an
     * issue (default colour, no description) their colour and description; labels someone made by
     * hand are kept. Each label is tried on its own, so one that GitHub refuses does not stop the
     * others. Only when all of them exist is `seal` written: its description records that the set is
     * whole (a colour chosen by hand is kept), and a later run that does not find it tries again.
     */
    async ensureVocabulary(labels, seals) {
        const outcome = { made: [], failed: [] };
        let existing;
        try {
            existing = await this.#labels();
        }
        catch (error) {
            const message = `listing the repository's labels: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(error)}`;
            outcome.failed = [...labels, ...seals].map((label) => ({ label: label.name, error: message }));
            return outcome;
        }
        // After an error no label can be made with this token (a missing permission), the rest are not tried.
        let final;
        for (const label of labels) {
            const found = existing.get(label.name.toLowerCase());
            if (found && !isGitHubDefault(found))
                continue;
            if (final) {
                outcome.failed.push({ label: label.name, error: final });
                continue;
            }
            try {
                if (found)
                    await this.#github.rest.issues.updateLabel({ ...this.#repo, ...label });
                else
                    await this.#github.rest.issues.createLabel({ ...this.#repo, ...label });
                outcome.made.push(label.name);
            }
            catch (error) {
                // Another run may have created it in the meantime.
                if (isAlreadyExists(error))
                    continue;
                outcome.failed.push({ label: label.name, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(error) });
                if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isFinal */ .dR)(error))
                    final = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(error);
            }
        }
        if (outcome.failed.length > 0)
            return outcome;
        for (const seal of seals) {
            const found = existing.get(seal.name.toLowerCase());
            if (found?.description === seal.description)
                continue;
            try {
                if (!found)
                    await this.#github.rest.issues.createLabel({ ...this.#repo, ...seal });
                else if (isGitHubDefault(found))
                    await this.#github.rest.issues.updateLabel({ ...this.#repo, ...seal });
                else
                    await this.#github.rest.issues.updateLabel({ ...this.#repo, name: seal.name, description: seal.description });
                outcome.made.push(seal.name);
            }
            catch (error) {
                outcome.failed.push({ label: seal.name, error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(error) });
            }
        }
        return outcome;
    }
    async #labels() {
        const existing = new Map();
        const pages = this.#github.paginate.iterator(this.#github.rest.issues.listLabelsForRepo, { ...this.#repo, per_page: 100 });
        for await (const page of pages)
            for (const label of page.data)
                existing.set(label.name.toLowerCase(), label);
        return existing;
    }
    /** An issue's events, oldest first: when each triage field last changed on GitHub, and by whom. */
    async issueEvents(issueNumber) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Reading the events of issue #${issueNumber}`, async () => {
            const events = [];
            const pages = this.#github.paginate.iterator(this.#github.rest.issues.listEvents, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
            for await (const page of pages) {
                for (const raw of page.data) {
                    events.push({ event: raw.event, actor: raw.actor?.login ?? "", createdAt: new Date(raw.created_at), ...(raw.label?.name ? { label: raw.label.name } : {}) });
                }
            }
            return events;
        });
    }
    /** The comments on an issue that the action's identity wrote, each with its place among all the issue's comments (from 0). */
    async ownComments(issueNumber) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Reading the comments of issue #${issueNumber}`, async () => {
            const own = [];
            let index = 0;
            const pages = this.#github.paginate.iterator(this.#github.rest.issues.listComments, { ...this.#repo, issue_number: issueNumber, per_page: 100 });
            for await (const page of pages) {
                for (const comment of page.data) {
                    if (this.#authors.has((comment.user?.login ?? "").toLowerCase()))
                        own.push({ index, body: comment.body ?? "" });
                    index++;
                }
            }
            return own;
        });
    }
    /** Writes an issue's state, labels, assignees and body in one request. */
    async updateIssue(issueNumber, update) {
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Updating issue #${issueNumber}`, () => this.#github.rest.issues.update({
            ...this.#repo,
            issue_number: issueNumber,
            ...(update.state ? { state: update.state } : {}),
            ...(update.stateReason ? { state_reason: update.stateReason } : {}),
            ...(update.labels ? { labels: update.labels } : {}),
            ...(update.assignees ? { assignees: update.assignees } : {}),
            ...(update.body !== undefined ? { body: update.body } : {}),
        }));
    }
    /** One issue's body as it is now. */
    async issueBody(issueNumber) {
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Reading issue #${issueNumber}`, async () => (await this.#github.rest.issues.get({ ...this.#repo, issue_number: issueNumber })).data.body ?? "");
    }
    async comment(issueNumber, body) {
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Commenting on issue #${issueNumber}`, () => this.#github.rest.issues.createComment({ ...this.#repo, issue_number: issueNumber, body }));
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
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .statusOf */ .c2)(error) === 404)
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
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Closing issue #${duplicate.number} as a duplicate`, async () => {
            await this.#github.rest.issues.createComment({
                ...this.#repo,
                issue_number: duplicate.number,
                body: `Duplicate of #${original.number}: both were opened for Defender alert \`${original.alertId}\` (two pull runs at once). Triage continues on #${original.number}.`,
            });
            await this.#github.rest.issues.update({ ...this.#repo, issue_number: duplicate.number, state: "closed", state_reason: "duplicate" });
        });
    }
    /**
     * Closes an incident issue as a duplicate: of the survivor's issue when Defender merged its
     * incident (saying so on both, each linking the other), or of the first issue for its incident.
     */
    async closeIncidentAsDuplicate(duplicate, original, reason) {
        await (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .explained */ .to)(`Closing issue #${duplicate.number} as a duplicate`, async () => {
            const said = reason === "merged"
                ? `Microsoft Defender merged incident \`${duplicate.incidentId}\` into incident \`${original.incidentId}\`: its alerts are listed on #${original.number}, where triage continues.`
                : `Duplicate of #${original.number}: both were opened for Defender incident \`${original.incidentId}\` (two pull runs at once). Triage continues on #${original.number}.`;
            await this.#github.rest.issues.createComment({ ...this.#repo, issue_number: duplicate.number, body: said });
            await this.#github.rest.issues.update({ ...this.#repo, issue_number: duplicate.number, state: "closed", state_reason: "duplicate" });
            if (reason === "merged") {
                await this.#github.rest.issues.createComment({
                    ...this.#repo,
                    issue_number: original.number,
                    body: `Microsoft Defender merged incident \`${duplicate.incidentId}\` (#${duplicate.number}) into this incident; its alerts are listed here now.`,
                });
            }
        });
    }
    /**
     * Opens an alert issue. A create whose reply is lost (5xx, reset, timeout) may still have
     * happened, so before trying again the store looks for the marker: a retry never opens a second
     * issue.
     */
    async create(issue) {
        return this.#create(issue, `alert ${issue.alertId}`, (raw) => toAlertIssue(raw, issue.alertId), (listing) => listing.issues.find((found) => found.alertId === issue.alertId));
    }
    /** Opens an incident issue, as `create` opens an alert issue. */
    async createIncidentIssue(issue) {
        return this.#create(issue, `incident ${issue.incidentId}`, (raw) => toIncidentIssue(raw, issue.incidentId), (listing) => listing.incidentIssues.find((found) => found.incidentId === issue.incidentId));
    }
    async #create(issue, what, made, find) {
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
                const labelDescriptions = new Map(created.labels.flatMap((label) => (typeof label !== "string" && label.name ? [[label.name.toLowerCase(), label.description ?? null]] : [])));
                return { ...made(created), labelDescriptions };
            }
            catch (error) {
                if (!isLostReply(error) || attempt >= CREATE_ATTEMPTS)
                    throw error;
                this.#options.retrying(`Opening the issue for ${what}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describe */ .q0)(error)}; checking whether it was opened before trying again`);
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(2000 * attempt);
                const existing = find(await this.listUpdatedSince(started));
                // Its labels were listed by name only: what they say is not known here.
                if (existing)
                    return { ...existing, labelDescriptions: undefined };
            }
        }
    }
}
function toIncidentIssue(raw, incidentId) {
    const { alertId: _alertId, ...issue } = toAlertIssue(raw, incidentId);
    return { ...issue, incidentId, listed: (0,_issue_incident_record_js__WEBPACK_IMPORTED_MODULE_1__/* .readListedAlerts */ .hX)(raw.body) };
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
        comments: raw.comments ?? 0,
        record: undefined,
    };
}
function isAlreadyExists(error) {
    const errors = error.response?.data?.errors;
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .statusOf */ .c2)(error) === 422 && Array.isArray(errors) && errors.some((e) => e.code === "already_exists");
}
/** A failure after which the create may or may not have happened. */
function isLostReply(error) {
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .statusOf */ .c2)(error);
    const name = error?.name;
    return name === "TimeoutError" || name === "AbortError" || (status !== undefined && status >= 500);
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


/***/ })

};
