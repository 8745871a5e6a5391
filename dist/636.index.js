export const id = 636;
export const ids = [636];
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
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
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
    problem;
    reply;
    fix;
    constructor(parts) {
        super((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .explainedMessage */ .O)(parts));
        this.problem = parts.problem;
        this.reply = parts.reply;
        this.fix = parts.fix;
    }
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
        return new SignInError({
            problem: `Sign-in to ${authority} failed (AADSTS${code}): the app has no federated credential for this job's subject '${subject}'`,
            fix: `Add one under Certificates & secrets → Federated credentials with issuer https://token.actions.githubusercontent.com, subject '${subject}' exactly ` +
                `(repositories created or renamed since July 2026 present the immutable form repo:OWNER@ID/REPO@ID:…) and audience ${federation.audience ?? "api://AzureADTokenExchange"}.`,
        });
    }
    const fix = code ? AADSTS_FIXES[code] : undefined;
    if (fix)
        return new SignInError({ problem: `Sign-in to ${authority} failed (AADSTS${code})`, fix });
    const msalCode = error?.errorCode;
    if (msalCode === "endpoints_resolution_error") {
        return new SignInError({
            problem: `Sign-in to ${authority} failed: its endpoints for the tenant could not be read`,
            fix: "Check tenant-id, and that authority-host (or cloud) is the tenant's login host.",
        });
    }
    // Entra's own words, which the codes above do not cover: quoted, not explained.
    return firstLine ? new SignInError({ problem: `Sign-in to ${authority} failed`, reply: firstLine }) : new SignInError({ problem: `Sign-in to ${authority} failed: no reason given` });
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


/***/ }),

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

/***/ 28636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ withDeterminationFallback),
/* harmony export */   sendChanges: () => (/* binding */ sendChanges)
/* harmony export */ });
/* harmony import */ var _defender_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(30924);
/* harmony import */ var _github_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73116);
/* harmony import */ var _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81731);



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
            log.warning(`Could not comment on issue #${update.issueNumber}: ${(0,_github_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describe */ .q0)(commentError)}`);
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
        const alias = changes.determination ? _issue_vocabulary_js__WEBPACK_IMPORTED_MODULE_2__/* .DETERMINATION_ALIASES */ .HG[changes.determination] : undefined;
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
