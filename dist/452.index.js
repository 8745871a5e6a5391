export const id = 452;
export const ids = [452,965];
export const modules = {

/***/ 30924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gm: () => (/* binding */ DefenderApiError),
/* harmony export */   Jj: () => (/* binding */ SignInError),
/* harmony export */   KY: () => (/* binding */ explainSignInError),
/* harmony export */   L3: () => (/* binding */ forbiddenFix),
/* harmony export */   ob: () => (/* binding */ readDefenderError)
/* harmony export */ });
/* unused harmony export aadstsCode */
/** Replies from Entra ID and Defender, translated into what the user should do. */
/** Entra ID error codes users meet when setting up, with the fix. */
const AADSTS_FIXES = {
    "7000215": "The client secret is wrong or expired: create a new secret in the app registration and update the client-secret secret (use the secret's Value, not its ID).",
    "7000222": "The client secret has expired: create a new one in the app registration and update the client-secret secret.",
    "700016": "The app (client-id) was not found in the tenant: check client-id and tenant-id, and that the app registration lives in that tenant.",
    "90002": "The tenant was not found: check tenant-id (the Directory (tenant) ID GUID or a verified domain) and that cloud matches the tenant's cloud.",
    "900023": "The tenant ID is not valid: use the Directory (tenant) ID GUID or a verified domain.",
    "500011": "The token scope names a resource the tenant does not have: check that cloud (or api-scope) matches the tenant's cloud, e.g. https://api.securitycenter.microsoft.com/.default for the public cloud.",
    "1002012": "The scope must be a resource followed by /.default, such as https://api.securitycenter.microsoft.com/.default.",
    "65001": "Admin consent is missing: grant admin consent for the app's WindowsDefenderATP permissions in Entra ID (API permissions → Grant admin consent).",
    "700027": "The certificate was not accepted: upload the certificate of client-certificate (its public part, .cer or .pem) to the app registration under Certificates & secrets, or check it has not expired.",
    "7000274": "The certificate was not accepted: upload the certificate of client-certificate to the app registration under Certificates & secrets.",
    "700211": "The app has no federated credential for GitHub's issuer: add one with issuer https://token.actions.githubusercontent.com (Certificates & secrets → Federated credentials).",
    "700212": "The app's federated credential expects another audience: set its audience to the oidc-audience this run used, or set oidc-audience to match it.",
    "700024": "The GitHub ID token was not accepted as a client assertion (expired or not yet valid): rerun the job; check the runner's clock.",
};
// Subject mismatches: the fix names the subject this job presented, which is what the credential needs.
const SUBJECT_CODES = new Set(["700213", "70021"]);
/** The first AADSTS code in a message, e.g. "7000215" from "AADSTS7000215: Invalid client secret". */
function aadstsCode(message) {
    return /AADSTS(\d+)/.exec(message)?.[1];
}
class SignInError extends Error {
    name = "SignInError";
}
/** Turns an MSAL or network failure into one message that says what to do. */
function explainSignInError(error, authority, federation = {}) {
    if (error instanceof SignInError)
        return error;
    const raw = error instanceof Error ? (error.errorMessage || error.message) : String(error);
    const firstLine = raw.split(/\r?\n/)[0]?.replace(/\s*Trace ID:.*$/, "") ?? "";
    const code = aadstsCode(raw);
    if (code && SUBJECT_CODES.has(code)) {
        const subject = federation.presented?.sub ?? /presented assertion subject '([^']*)'/.exec(raw)?.[1] ?? "(unknown)";
        return new SignInError(`Sign-in to ${authority} failed (AADSTS${code}): the app has no federated credential for this job's subject '${subject}'. ` +
            `Add one under Certificates & secrets → Federated credentials with issuer https://token.actions.githubusercontent.com, subject '${subject}' exactly ` +
            `(repositories created or renamed since July 2026 present the immutable form repo:OWNER@ID/REPO@ID:…) and audience ${federation.audience ?? "api://AzureADTokenExchange"}.`);
    }
    const fix = code ? AADSTS_FIXES[code] : undefined;
    if (fix)
        return new SignInError(`Sign-in to ${authority} failed (AADSTS${code}). ${fix}`);
    const msalCode = error?.errorCode;
    if (msalCode === "endpoints_resolution_error") {
        return new SignInError(`Sign-in to ${authority} failed: its endpoints for the tenant could not be read. Check tenant-id, and that authority-host (or cloud) is the tenant's login host.`);
    }
    return new SignInError(`Sign-in to ${authority} failed: ${firstLine || "no reason given"}`);
}
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
    constructor(status, body, what, fix = STATUS_FIXES[status]) {
        const detail = [body.code, body.message].filter(Boolean).join(": ") || `HTTP ${status}`;
        const correlation = body.target ? ` (correlation ID ${body.target})` : "";
        super(`${what} failed with HTTP ${status}: ${detail.replace(/\.$/, "")}${correlation}.${fix ? ` ${fix}` : ""}`);
        this.status = status;
        this.body = body;
    }
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

/***/ 17662:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BX: () => (/* binding */ planIssueEvent),
/* harmony export */   Dn: () => (/* binding */ desiredAlert),
/* harmony export */   br: () => (/* binding */ commentText),
/* harmony export */   iv: () => (/* binding */ difference)
/* harmony export */ });
/* unused harmony export assignedToFor */
/* harmony import */ var _triage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(49595);
/** What an issue event, or an issue's state, asks of its alert: SPEC.md's "What sync sends". Pure. */

const COMMENT_TEXT_MAX = 4_000;
function send(changes, emptyReason) {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined && value !== ""));
    return Object.keys(defined).length > 0 ? { kind: "send", changes: defined } : { kind: "nothing", reason: emptyReason };
}
/** The Defender `assignedTo` for a GitHub login: the map's value, else the login. */
function assignedToFor(login, assigneeMap) {
    return assigneeMap[login.toLowerCase()] ?? login;
}
/** `<login> on GitHub: <text> (<url>)`; long text is cut and the link carries the rest. */
function commentText(author, text, url) {
    const chars = Array.from(text.trim());
    const body = chars.length > COMMENT_TEXT_MAX ? `${chars.slice(0, COMMENT_TEXT_MAX).join("")}… (cut; the rest is on GitHub)` : chars.join("");
    return `${author} on GitHub: ${body} (${url})`;
}
/**
 * The PATCH body for an `issues` event, per SPEC.md's table. Adding or removing a label sync does
 * not read changes nothing the alert was sent, so it sends nothing.
 */
function planIssueEvent(action, issue, assignee, assigneeMap, changedLabel) {
    if ((action === "labeled" || action === "unlabeled") && changedLabel !== undefined && !(0,_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .isTriageLabel */ .zR)(changedLabel)) {
        return { kind: "nothing", reason: `the label ${JSON.stringify(changedLabel)} is not one sync reads` };
    }
    if (action === "assigned") {
        return assignee ? send({ assignedTo: assignedToFor(assignee, assigneeMap) }, "no assignee in the event") : { kind: "nothing", reason: "no assignee in the event" };
    }
    if (!["closed", "reopened", "labeled", "unlabeled", "edited"].includes(action)) {
        return { kind: "nothing", reason: `issue events of type '${action}' change nothing in Defender` };
    }
    const labels = (0,_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .readTriageLabels */ .GN)(issue.labels);
    if (!labels.ok)
        return { kind: "problem", problems: labels.problems };
    const fields = { ...labels.fields };
    if (action === "closed")
        fields.status = "Resolved";
    if (action === "reopened")
        fields.status = labels.fields.status && labels.fields.status !== "Resolved" ? labels.fields.status : "InProgress";
    return send(fields, "the issue's labels name no status, classification or determination");
}
/** What an alert should look like for its issue, for reconcile: closed → Resolved, labels, first assignee. */
function desiredAlert(issue, assigneeMap) {
    const labels = (0,_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .readTriageLabels */ .GN)(issue.labels);
    if (!labels.ok)
        return { kind: "problem", problems: labels.problems };
    const fields = { ...labels.fields };
    if (issue.state === "closed")
        fields.status = "Resolved";
    // An open issue with a status:Resolved label was reopened after it (see planIssueEvent): not a resolve.
    else if (fields.status === "Resolved")
        delete fields.status;
    const assignee = issue.assignees[0];
    if (assignee)
        fields.assignedTo = assignedToFor(assignee, assigneeMap);
    return send(fields, "the issue asks nothing of its alert");
}
/** The fields of `wanted` that the alert does not already have. */
function difference(wanted, current) {
    const changes = {};
    if (wanted.status && wanted.status !== current.status)
        changes.status = wanted.status;
    if (wanted.classification && wanted.classification !== current.classification)
        changes.classification = wanted.classification;
    if (wanted.determination && !(0,_triage_js__WEBPACK_IMPORTED_MODULE_0__/* .sameDetermination */ .Ek)(wanted.determination, current.determination))
        changes.determination = wanted.determination;
    if (wanted.assignedTo && wanted.assignedTo.toLowerCase() !== (current.assignedTo ?? "").toLowerCase())
        changes.assignedTo = wanted.assignedTo;
    if (changes.determination && !changes.classification && wanted.classification)
        changes.classification = wanted.classification;
    return changes;
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

/***/ 49595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ek: () => (/* binding */ sameDetermination),
/* harmony export */   GN: () => (/* binding */ readTriageLabels),
/* harmony export */   yF: () => (/* binding */ acceptedValues),
/* harmony export */   zR: () => (/* binding */ isTriageLabel)
/* harmony export */ });
/* unused harmony exports normalise, impliedClassification */
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(81731);
/** Triage labels → Defender alert fields, as SPEC.md's "Labels that sync reads" says. Pure. */

const FIELDS = ["status", "classification", "determination"];
/** Case-insensitive, spaces, `-` and `_` ignored: `Classification: true-positive` = `classification:TruePositive`. */
function normalise(text) {
    return text.toLowerCase().replace(/[\s_-]+/g, "");
}
const CANONICAL = {
    status: new Map(_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUSES */ .f.map((value) => [normalise(value), value])),
    classification: new Map(_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIFICATIONS */ .Ii.map((value) => [normalise(value), value])),
    determination: new Map([
        ..._vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATIONS */ .rH.map((value) => [normalise(value), value]),
        // The other spelling of a disputed determination means the same one.
        ...Object.entries(_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATION_ALIASES */ .HG).map(([value, alias]) => [normalise(alias), value]),
    ]),
};
/** Accepted values, for the comment that explains a problem. */
function acceptedValues() {
    const determinations = _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIFICATIONS */ .Ii.map((c) => `  - with \`classification:${c}\`: ${_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATIONS_BY_CLASSIFICATION */ .S6[c].map((d) => `\`determination:${d}\``).join(", ")}`);
    return [
        `- Status: ${_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .STATUSES */ .f.map((s) => `\`status:${s}\``).join(", ")}`,
        `- Classification: ${_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIFICATIONS */ .Ii.map((c) => `\`classification:${c}\``).join(", ")}`,
        "- Determination (one, fitting the classification):",
        ...determinations,
    ].join("\n");
}
/** Splits `prefix:value` when the prefix is one sync reads; other labels are none of its business. */
function triageLabel(label) {
    const colon = label.indexOf(":");
    if (colon < 0)
        return undefined;
    const prefix = normalise(label.slice(0, colon));
    const field = FIELDS.find((f) => f === prefix);
    return field ? { field, value: label.slice(colon + 1) } : undefined;
}
/** Whether a label is one sync reads (`status:`, `classification:` or `determination:`, any value). */
function isTriageLabel(label) {
    return triageLabel(label) !== undefined;
}
/**
 * Reads the issue's labels. Two labels for one field, an unknown value, or a determination that
 * does not fit the classification is a problem, and then nothing is sent.
 */
function readTriageLabels(labels) {
    const found = {};
    const problems = [];
    for (const label of labels) {
        const parsed = triageLabel(label);
        if (!parsed)
            continue;
        const value = CANONICAL[parsed.field].get(normalise(parsed.value));
        if (value === undefined) {
            problems.push(`\`${label}\` is not a ${parsed.field} sync knows`);
            continue;
        }
        const previous = found[parsed.field];
        if (previous !== undefined && previous !== value)
            problems.push(`two ${parsed.field} labels: ${previous} and ${value}`);
        found[parsed.field] = value;
    }
    if (problems.length > 0)
        return { ok: false, problems };
    const fields = {};
    if (found.status)
        fields.status = found.status;
    const classification = found.classification ?? impliedClassification(found.determination);
    if (classification)
        fields.classification = classification;
    if (found.determination) {
        if (classification && !_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATIONS_BY_CLASSIFICATION */ .S6[classification].includes(found.determination)) {
            return { ok: false, problems: [`determination ${found.determination} does not go with classification ${classification}`] };
        }
        fields.determination = found.determination;
    }
    return { ok: true, fields };
}
/** A determination that fits one classification implies it (`Malware` → `TruePositive`); `Other` fits all. */
function impliedClassification(determination) {
    if (!determination)
        return undefined;
    const fits = _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .CLASSIFICATIONS */ .Ii.filter((c) => _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .DETERMINATIONS_BY_CLASSIFICATION */ .S6[c].includes(determination));
    return fits.length === 1 ? fits[0] : undefined;
}
/** True when two determination spellings name the same value (`NotMalicious` and `Clean`). */
function sameDetermination(a, b) {
    if (!a || !b)
        return a === b;
    const canonical = (value) => CANONICAL.determination.get(normalise(value)) ?? value;
    return canonical(a) === canonical(b);
}


/***/ }),

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
    const result = (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__.emptyResult)("reconcile", config.dryRun);
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
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__.explainLabelProblem)(config, store, issue.number, plan.problems, log);
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
            await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__.sendChanges)(config, deps, group[0], result, log);
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
        const sent = await (0,_sync_js__WEBPACK_IMPORTED_MODULE_1__.withDeterminationFallback)(changes, (tried) => defender.batchUpdate(ids, tried), log);
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

/***/ 28965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   emptyResult: () => (/* binding */ emptyResult),
/* harmony export */   explainLabelProblem: () => (/* binding */ explainLabelProblem),
/* harmony export */   sendChanges: () => (/* binding */ sendChanges),
/* harmony export */   syncEvent: () => (/* binding */ syncEvent),
/* harmony export */   withDeterminationFallback: () => (/* binding */ withDeterminationFallback)
/* harmony export */ });
/* harmony import */ var _defender_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30924);
/* harmony import */ var _github_store_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(72378);
/* harmony import */ var _issue_changes_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17662);
/* harmony import */ var _issue_marker_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(69745);
/* harmony import */ var _issue_triage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49595);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(81731);






function emptyResult(kind, dryRun) {
    return { kind, dryRun, updated: [], skipped: [], problems: [], failures: [], examined: 0, inStep: 0 };
}
const TRUSTED = (config, login) => config.trustedAuthors.some((author) => author.toLowerCase() === login.toLowerCase());
/** Handles one `issues` or `issue_comment` event. Ignored and untrusted events succeed, saying why. */
async function syncEvent(config, event, deps, log) {
    const result = emptyResult("event", config.dryRun);
    const issue = event.issue;
    const skip = (reason, level = "notice") => {
        log[level](`Issue #${issue.number}: ${reason}; nothing sent to Defender.`);
        result.skipped.push({ issueNumber: issue.number, reason });
        return result;
    };
    if (issue.isPullRequest)
        return skip("a pull request, not an alert issue");
    const marker = (0,_issue_marker_js__WEBPACK_IMPORTED_MODULE_5__/* .readMarker */ .t7)(issue.body);
    if (marker.kind === "none")
        return skip("no alert marker, so not an alert issue");
    if (marker.kind === "invalid")
        return skip(`not an alert issue: ${marker.reason}`, "warning");
    if (!TRUSTED(config, issue.author)) {
        return skip(`has an alert marker but was opened by ${JSON.stringify(issue.author)}, who is not in trusted-authors`, "warning");
    }
    if (event.kind === "issues" && event.action === "edited" && event.previousBody !== undefined) {
        const before = (0,_issue_marker_js__WEBPACK_IMPORTED_MODULE_5__/* .readMarker */ .t7)(event.previousBody);
        if (before.kind !== "one" || before.alertId !== marker.alertId) {
            return skip("the edit changed the alert marker; the alert ID the issue was opened with stands, so this edit is ignored", "warning");
        }
    }
    if (TRUSTED(config, event.sender))
        return skip(`the event was sent by ${JSON.stringify(event.sender)}, a trusted author (the action's own change)`);
    let plan;
    if (event.kind === "issue_comment") {
        if (event.action !== "created")
            return skip(`comment events of type '${event.action}' change nothing in Defender`);
        if (!config.syncComments)
            return skip("sync-comments is false");
        if (TRUSTED(config, event.comment.author))
            return skip("the comment is the action's own");
        plan = { kind: "send", changes: { comment: (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .commentText */ .br)(event.comment.author, event.comment.body, event.comment.url) } };
    }
    else {
        plan = (0,_issue_changes_js__WEBPACK_IMPORTED_MODULE_2__/* .planIssueEvent */ .BX)(event.action, issue, event.assignee, config.assigneeMap, event.label);
    }
    if (plan.kind === "nothing")
        return skip(plan.reason);
    const permission = await (await deps.store()).canTriage(event.sender);
    if (!permission.allowed) {
        return skip(`${JSON.stringify(event.sender)} has the role '${permission.role}' here; changing a Defender alert takes triage or above`, "warning");
    }
    if (plan.kind === "problem") {
        await explainLabelProblem(config, await deps.store(), issue.number, plan.problems, log);
        result.problems.push({ issueNumber: issue.number, problems: plan.problems });
        return result;
    }
    await sendChanges(config, deps, { alertId: marker.alertId, issueNumber: issue.number, changes: plan.changes }, result, log);
    return result;
}
/** Warns, and comments on the issue once per distinct problem, listing what sync accepts. */
async function explainLabelProblem(config, store, issueNumber, problems, log) {
    log.warning(`Issue #${issueNumber}: ${problems.join("; ")}; nothing sent to Defender.`);
    if (config.dryRun)
        return;
    const body = `The labels of this issue cannot be sent to Defender: ${problems.join("; ")}. Nothing was changed on the alert.\n\nSync reads one label per field:\n\n${(0,_issue_triage_js__WEBPACK_IMPORTED_MODULE_3__/* .acceptedValues */ .yF)()}`;
    await store.commentOnce(issueNumber, `labels ${problems.join("; ")}`, body);
}
/** PATCHes one alert, falling back once to the other spelling of a disputed determination. */
async function sendChanges(config, deps, update, result, log) {
    if (config.dryRun) {
        log.info(`Dry run: would update alert ${update.alertId} (issue #${update.issueNumber}) with ${JSON.stringify(update.changes)}`);
        result.updated.push(update);
        return;
    }
    const defender = await deps.defender();
    try {
        const sent = await withDeterminationFallback(update.changes, (changes) => defender.updateAlert(update.alertId, changes), log);
        log.info(`Updated alert ${update.alertId} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
        result.updated.push({ ...update, changes: sent });
    }
    catch (error) {
        const message = rejection(error, update.alertId);
        result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
        await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError) => {
            log.warning(`Could not comment on issue #${update.issueNumber}: ${(0,_github_store_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q)(commentError)}`);
        });
    }
}
function rejection(error, alertId) {
    if (error instanceof _defender_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DefenderApiError */ .Gm && error.status === 404) {
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
        const alias = changes.determination ? _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_4__/* .DETERMINATION_ALIASES */ .HG[changes.determination] : undefined;
        if (!(error instanceof _defender_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .DefenderApiError */ .Gm) || error.status !== 400 || !alias)
            throw error;
        log.info(`Defender refused determination ${changes.determination}; trying its other spelling, ${alias}`);
        const retried = { ...changes, determination: alias };
        await send(retried);
        return retried;
    }
}


/***/ })

};
