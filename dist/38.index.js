export const id = 38;
export const ids = [38];
export const modules = {

/***/ 82038:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkGitHub: () => (/* binding */ checkGitHub),
  createDefender: () => (/* binding */ createDefender),
  createStore: () => (/* binding */ createStore),
  repository: () => (/* binding */ repository)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(88179);
// EXTERNAL MODULE: ./node_modules/@azure/msal-node/dist/index.mjs + 115 modules
var dist = __webpack_require__(52669);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(24371);
;// CONCATENATED MODULE: ./src/http.ts
/** HTTP for the Microsoft clients: one proxy-aware dispatcher and one retry policy. */


const DEFAULT_TUNING = { timeoutMs: 60_000, retryBudgetMs: 300_000, maxAttempts: 6 };
/** Honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as the runner's own tools do. */
function createDispatcher(tuning) {
    return new undici/* EnvHttpProxyAgent */.J2({
        headersTimeout: tuning.timeoutMs,
        bodyTimeout: tuning.timeoutMs,
        connect: { timeout: Math.min(tuning.timeoutMs, 30_000) },
    });
}
/** One exchange, the whole body read: a reset mid-body fails the exchange, so it can be retried. */
async function send(dispatcher, req) {
    const response = await (0,undici/* request */.Em)(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher,
    });
    const text = await response.body.text();
    const headers = {};
    for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: response.statusCode, headers, text };
}
/** Seconds or an HTTP date, as Retry-After may be; undefined when absent or unreadable. */
function retryAfterMs(header, now = Date.now()) {
    if (!header)
        return undefined;
    if (/^\d+(\.\d+)?$/.test(header.trim()))
        return Math.ceil(Number(header) * 1000);
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function isTransientStatus(status) {
    return status === 429 || status === 408 || (status >= 500 && status !== 501);
}
const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);
function isTransientError(error) {
    if (error instanceof undici/* errors */.sO.UndiciError) {
        return !(error instanceof undici/* errors */.sO.InvalidArgumentError) && !(error instanceof undici/* errors */.sO.NotSupportedError);
    }
    const code = error?.code;
    return typeof code === "string" && TRANSIENT_CODES.has(code);
}
/**
 * Runs `attempt` until it is done, waiting between tries: the server's Retry-After when it gives
 * one, else 1, 2, 4, 8… seconds. Gives up when the attempts or the total wait budget run out.
 */
async function withRetries(what, tuning, attempt, onRetry) {
    let waited = 0;
    for (let n = 1;; n++) {
        const outcome = await attempt(n);
        if ("done" in outcome)
            return outcome.done;
        const backoff = Math.min(1000 * 2 ** (n - 1), 30_000);
        const wait = outcome.afterMs ?? backoff;
        if (n >= tuning.maxAttempts || waited + wait > tuning.retryBudgetMs) {
            throw new RetriesExhaustedError(`${what} failed after ${n} attempt${n === 1 ? "" : "s"}: ${outcome.retry}`);
        }
        onRetry(`${what}: ${outcome.retry}; retrying in ${Math.ceil(wait / 1000)} s (attempt ${n + 1} of ${tuning.maxAttempts})`);
        waited += wait;
        await (0,promises_.setTimeout)(wait);
    }
}
class RetriesExhaustedError extends Error {
    name = "RetriesExhaustedError";
}

// EXTERNAL MODULE: ./src/defender/errors.ts
var errors = __webpack_require__(30924);
;// CONCATENATED MODULE: ./src/defender/token.ts
/** Reading claims from a JWT we were given (an access token or a GitHub ID token), without verifying it. */
function readClaims(jwt) {
    const payload = jwt.split(".")[1];
    if (!payload)
        return { roles: [] };
    try {
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
        const text = (value) => (typeof value === "string" ? value : undefined);
        return {
            roles: Array.isArray(claims.roles) ? claims.roles.filter((r) => typeof r === "string") : [],
            aud: text(claims.aud),
            sub: text(claims.sub),
            iss: text(claims.iss),
        };
    }
    catch {
        return { roles: [] };
    }
}

;// CONCATENATED MODULE: ./src/defender/auth.ts
/** Access tokens for the Defender API: MSAL's confidential client, its network on our dispatcher. */




// Hosts whose endpoints MSAL knows without asking; any other authority host must be declared known.
const MSAL_BUILT_IN_HOSTS = new Set(["login.microsoftonline.com", "login.microsoftonline.us", "login.chinacloudapi.cn", "login.partner.microsoftonline.cn", "login.windows.net", "login.microsoft.com", "sts.windows.net"]);
function createTokenSource(settings, dispatcher, tuning, hooks) {
    const authorityUrl = new URL(settings.cloud.authorityHost);
    const authority = `${authorityUrl.origin}/${settings.tenantId}`;
    const knownAuthorities = MSAL_BUILT_IN_HOSTS.has(authorityUrl.hostname) ? [] : [authorityUrl.host];
    let presented;
    let last = { roles: [] };
    const idToken = async () => {
        const token = await hooks.idToken(settings.cloud.oidcAudience);
        hooks.mask(token);
        presented = readClaims(token);
        return token;
    };
    const app = new dist/* ConfidentialClientApplication */.WR({
        auth: {
            clientId: settings.clientId,
            authority,
            knownAuthorities,
            // A host MSAL does not know gets Entra's endpoint layout, as the built-in hosts do: no discovery
            // request, and a wrong tenant answers with its AADSTS code rather than a discovery failure.
            ...(knownAuthorities.length > 0 ? { authorityMetadata: JSON.stringify(entraMetadata(authority)) } : {}),
            ...credentialOptions(settings.credential, idToken),
        },
        system: {
            networkClient: networkClient(dispatcher, tuning, hooks),
            loggerOptions: {
                piiLoggingEnabled: false,
                logLevel: dist/* LogLevel */.$b.Warning,
                loggerCallback: (_level, message) => hooks.debug(`msal: ${message}`),
            },
        },
    });
    return {
        async token(options = {}) {
            let result;
            try {
                result = await app.acquireTokenByClientCredential({ scopes: [settings.cloud.apiScope], skipCache: options.refresh ?? false });
            }
            catch (error) {
                throw (0,errors/* explainSignInError */.KY)(error, authorityUrl.origin, { presented, audience: settings.cloud.oidcAudience });
            }
            if (!result?.accessToken)
                throw (0,errors/* explainSignInError */.KY)(new Error("no access token in the reply"), authorityUrl.origin);
            hooks.mask(result.accessToken);
            last = readClaims(result.accessToken);
            return result.accessToken;
        },
        claims: () => last,
    };
}
function entraMetadata(authority) {
    return {
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        issuer: `${authority}/v2.0`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
    };
}
/** The one place a credential becomes MSAL's: secret, certificate (x5t#S256 from its thumbprint), or assertion. */
function credentialOptions(credential, idToken) {
    switch (credential.kind) {
        case "secret":
            return { clientSecret: credential.secret };
        case "certificate":
            return { clientCertificate: { thumbprintSha256: credential.thumbprintSha256, privateKey: credential.privateKey } };
        case "oidc":
            // MSAL asks on every token request, so an expired ID token is never reused.
            return { clientAssertion: idToken };
    }
}
/**
 * MSAL's network, on undici so that proxies and timeouts match the Defender client. Transient
 * failures are retried here, below MSAL: MSAL would otherwise refuse to ask again for a minute.
 */
function networkClient(dispatcher, tuning, hooks) {
    const exchange = async (method, url, options) => {
        const what = `Entra ID ${method} ${new URL(url).pathname}`;
        const response = await withRetries(what, tuning, async () => {
            try {
                const reply = await send(dispatcher, { method, url, headers: options?.headers, body: options?.body });
                if (isTransientStatus(reply.status))
                    return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
                return { done: reply };
            }
            catch (error) {
                if (isTransientError(error))
                    return { retry: error.message };
                throw error;
            }
        }, hooks.retrying);
        let body = {};
        try {
            body = response.text ? JSON.parse(response.text) : {};
        }
        catch {
            body = { error: "invalid_response", error_description: `Entra ID answered HTTP ${response.status} with a body that is not JSON` };
        }
        return { status: response.status, headers: response.headers, body: body };
    };
    return {
        sendGetRequestAsync: (url, options) => exchange("GET", url, options),
        sendPostRequestAsync: (url, options) => exchange("POST", url, options),
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./src/issue/marker.ts
var marker = __webpack_require__(69745);
;// CONCATENATED MODULE: ./src/defender/alert.ts
/** The Defender alert as the action reads it: lenient where Defender varies, strict where we rely on it. */


// Defender writes 0 to 7 fractional digits; anything else is not a time we can order by.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const time = schemas/* string */.YjP()
    .regex(ISO_TIME)
    .transform((value) => new Date(value));
const optionalTime = time.nullish().catch(null);
const alert_text = schemas/* string */.YjP().nullish().catch(null);
const evidenceSchema = schemas/* looseObject */._H3({
    entityType: alert_text,
    evidenceCreationTime: alert_text,
    sha1: alert_text,
    sha256: alert_text,
    fileName: alert_text,
    filePath: alert_text,
    processId: schemas/* number */.aig().nullish().catch(null),
    processCommandLine: alert_text,
    parentProcessId: schemas/* number */.aig().nullish().catch(null),
    parentProcessFileName: alert_text,
    parentProcessFilePath: alert_text,
    ipAddress: alert_text,
    url: alert_text,
    registryKey: alert_text,
    registryHive: alert_text,
    registryValueType: alert_text,
    registryValue: alert_text,
    accountName: alert_text,
    domainName: alert_text,
    userSid: alert_text,
    aadUserId: alert_text,
    userPrincipalName: alert_text,
    detectionStatus: alert_text,
});
const alertSchema = schemas/* looseObject */._H3({
    id: schemas/* string */.YjP().regex(marker/* ALERT_ID_PATTERN */.W1, "an ID of letters, digits, '_' and '-' (at most 128)"),
    alertCreationTime: time,
    title: alert_text,
    description: alert_text,
    recommendedAction: alert_text,
    severity: alert_text,
    status: alert_text,
    classification: alert_text,
    determination: alert_text,
    category: alert_text,
    detectionSource: alert_text,
    threatFamilyName: alert_text,
    threatName: alert_text,
    assignedTo: alert_text,
    incidentId: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).nullish().catch(null),
    investigationId: schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()]).nullish().catch(null),
    investigationState: alert_text,
    machineId: alert_text,
    computerDnsName: alert_text,
    rbacGroupName: alert_text,
    aadTenantId: alert_text,
    firstEventTime: optionalTime,
    lastEventTime: optionalTime,
    lastUpdateTime: optionalTime,
    resolvedTime: optionalTime,
    mitreTechniques: schemas/* array */.YOg(schemas/* string */.YjP()).nullish().catch(null),
    comments: schemas/* array */.YOg(schemas/* looseObject */._H3({ comment: alert_text, createdBy: alert_text, createdTime: alert_text })).nullish().catch(null),
    relatedUser: schemas/* looseObject */._H3({ userName: alert_text, domainName: alert_text }).nullish().catch(null),
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
        return { ok: true, alert: parsed.data };
    const id = typeof raw === "object" && raw !== null && typeof raw.id === "string"
        ? raw.id
        : "(no id)";
    const problem = parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "alert"}: ${issue.message}`)
        .join("; ");
    return { ok: false, id, problem };
}

// EXTERNAL MODULE: ./src/defender/filter.ts
var filter = __webpack_require__(30733);
;// CONCATENATED MODULE: ./src/defender/client.ts
/** The Defender for Endpoint alerts API over undici: paging, retries, validation. */






/** Defender's documented largest page. */
const MAX_PAGE_SIZE = 10_000;
// A runaway nextLink chain must end somewhere.
const MAX_PAGES = 1_000;
// `id eq '…'` clauses per bulk read, keeping the URL well under common 8 KB limits.
const IDS_PER_QUERY = 40;
const BATCH_CALLS_PER_MINUTE = 10;
const pageSchema = schemas/* looseObject */._H3({
    value: schemas/* array */.YOg(schemas/* unknown */.L5J()),
    "@odata.nextLink": schemas/* string */.YjP().nullish(),
});
class DefenderClient {
    #options;
    #pageSize;
    constructor(options) {
        this.#options = options;
        this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    }
    /**
     * Every alert matching `filter`, evidence included. Defender promises no nextLink, so pages are
     * asked for with $top/$skip until one comes back short; a nextLink, when sent, is followed.
     */
    async listAlerts(filter, options = {}) {
        const evidence = options.evidence ?? true;
        const byId = new Map();
        const malformed = [];
        let url = this.#listUrl(filter, 0, evidence);
        let skip = 0;
        let pages = 0;
        while (url !== undefined && pages < MAX_PAGES) {
            const page = pageSchema.safeParse(await this.#getJson(url, "Listing Defender alerts"));
            pages++;
            if (!page.success)
                throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
            for (const raw of page.data.value) {
                const reading = readAlert(raw);
                if (reading.ok)
                    byId.set(reading.alert.id, reading.alert);
                else
                    malformed.push({ id: reading.id, problem: reading.problem });
            }
            skip += page.data.value.length;
            const nextLink = page.data["@odata.nextLink"];
            if (nextLink)
                url = this.#sameOrigin(nextLink);
            else
                url = page.data.value.length >= this.#pageSize ? this.#listUrl(filter, skip, evidence) : undefined;
        }
        return { alerts: [...byId.values()], malformed, pages };
    }
    /** Signs in and returns the access token's claims (for check). */
    async signIn() {
        await this.#options.tokens.token();
        return this.#options.tokens.claims();
    }
    /** One small read of the alerts API: the alerts of the last day, first page of 100. */
    async probeAlerts() {
        const since = (0,filter/* odataTime */.R3)(new Date(Date.now() - 86_400_000));
        const url = `${this.#options.apiUrl}/api/alerts?$filter=${encodeURIComponent(`alertCreationTime ge ${since}`)}&$top=100`;
        const page = pageSchema.safeParse(await this.#getJson(url, "Listing Defender alerts"));
        if (!page.success)
            throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
        return page.data.value.length;
    }
    /** The current state of these alerts, read in bulk (`id eq` or-chains), not one GET each. */
    async alertsById(ids) {
        const found = new Map();
        for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
            const chunk = ids.slice(start, start + IDS_PER_QUERY);
            const listing = await this.listAlerts(chunk.map((id) => `id eq ${(0,filter/* odataString */.TW)(id)}`).join(" or "), { evidence: false });
            for (const alert of listing.alerts)
                found.set(alert.id, alert);
        }
        return found;
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
    async batchUpdate(ids, changes) {
        await this.#batchPace();
        await this.#send("POST", `${this.#options.apiUrl}/api/alerts/batchUpdate`, { alertIds: ids, ...changes }, `Updating ${ids.length} Defender alerts in one batch`);
    }
    #batchCalls = [];
    async #batchPace() {
        const now = Date.now();
        while (this.#batchCalls.length > 0 && now - this.#batchCalls[0] >= 60_000)
            this.#batchCalls.shift();
        if (this.#batchCalls.length >= BATCH_CALLS_PER_MINUTE) {
            const wait = 60_000 - (now - this.#batchCalls[0]);
            this.#options.retrying(`Waiting ${Math.ceil(wait / 1000)} s: Defender allows ${BATCH_CALLS_PER_MINUTE} batch updates a minute`);
            await (0,promises_.setTimeout)(wait);
        }
        this.#batchCalls.push(Date.now());
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
    async #getJson(url, what) {
        return this.#exchange("GET", url, undefined, what, undefined);
    }
    async #send(method, url, body, what, landed) {
        await this.#exchange(method, url, JSON.stringify(body), what, landed);
    }
    /**
     * One request with retries: 429 (after Retry-After), 5xx, resets and timeouts. A 401 gets one
     * fresh token. For a write, `landed` is asked after a lost reply whether it took effect anyway.
     */
    async #exchange(method, url, body, what, landed) {
        const { tokens, dispatcher, tuning, retrying } = this.#options;
        let refreshed = false;
        let lostReply = false;
        return withRetries(what, tuning, async () => {
            if (lostReply && landed && (await landed()))
                return { done: undefined };
            const token = await tokens.token();
            const headers = { authorization: `Bearer ${token}`, accept: "application/json" };
            if (body !== undefined)
                headers["content-type"] = "application/json";
            let reply;
            try {
                reply = await send(dispatcher, { method, url, headers, body });
            }
            catch (error) {
                if (!isTransientError(error))
                    throw error;
                lostReply = true;
                return { retry: describeError(error) };
            }
            if (reply.status === 401 && !refreshed) {
                // A token can expire between MSAL's check and the request: ask Entra once for a new one.
                refreshed = true;
                await tokens.token({ refresh: true });
                return { retry: "HTTP 401, with a fresh token", afterMs: 0 };
            }
            if (isTransientStatus(reply.status)) {
                lostReply = reply.status !== 429;
                return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
            }
            if (reply.status === 403)
                throw new errors/* DefenderApiError */.Gm(403, (0,errors/* readDefenderError */.ob)(reply.text), what, (0,errors/* forbiddenFix */.L3)(tokens.claims().roles, method !== "GET"));
            if (reply.status < 200 || reply.status >= 300)
                throw new errors/* DefenderApiError */.Gm(reply.status, (0,errors/* readDefenderError */.ob)(reply.text), what);
            if (method !== "GET")
                return { done: undefined };
            try {
                return { done: JSON.parse(reply.text) };
            }
            catch {
                return { retry: "the reply is not valid JSON" };
            }
        }, retrying);
    }
}
function describeError(error) {
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}

;// CONCATENATED MODULE: ./src/github/access.ts
function statusOf(error) {
    const status = error?.status;
    return typeof status === "number" ? status : undefined;
}
function messageOf(error) {
    // Octokit appends " - <documentation URL>"; the fix we print says more.
    return ((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
}
const WRITE_FIX = "Give the job `permissions: issues: write` (or the token the Issues read and write permission).";
/**
 * Writes are probed with requests GitHub refuses as invalid (a blank title or label name): it
 * checks permission first, so 422 means the token may write, and nothing is created.
 */
async function probeWrite(name, write) {
    try {
        await write();
        return { name, ok: false, detail: "GitHub accepted a blank request, which it should refuse", fix: "Report this: the probe created something." };
    }
    catch (error) {
        const status = statusOf(error);
        if (status === 422)
            return { name, ok: true, detail: "allowed" };
        if (status === 410)
            return { name, ok: false, detail: "issues are disabled (HTTP 410)", fix: "Enable issues under Settings → General → Features." };
        if (status === 403 || status === 404)
            return { name, ok: false, detail: `refused (HTTP ${status}: ${messageOf(error)})`, fix: WRITE_FIX };
        return { name, ok: false, detail: `HTTP ${status ?? "error"}: ${messageOf(error)}` };
    }
}
async function checkGitHubAccess(github, repo) {
    const checks = [];
    const where = `${repo.owner}/${repo.repo}`;
    try {
        const { data } = await github.rest.repos.get({ ...repo });
        checks.push(data.has_issues
            ? { name: `GitHub repository ${where}`, ok: true, detail: "found, issues enabled" }
            : { name: `GitHub repository ${where}`, ok: false, detail: "issues are disabled", fix: "Enable issues under Settings → General → Features." });
    }
    catch (error) {
        const status = statusOf(error);
        checks.push({
            name: `GitHub repository ${where}`,
            ok: false,
            detail: `HTTP ${status ?? "error"}: ${messageOf(error)}`,
            fix: status === 401 ? "The github-token is not valid." : "Check GITHUB_REPOSITORY and that github-token can see the repository (`permissions: contents: read`).",
        });
        return checks;
    }
    try {
        await github.rest.issues.listForRepo({ ...repo, state: "all", per_page: 1 });
        checks.push({ name: "Read issues", ok: true, detail: "allowed" });
    }
    catch (error) {
        checks.push({ name: "Read issues", ok: false, detail: `HTTP ${statusOf(error) ?? "error"}: ${messageOf(error)}`, fix: "Give the job `permissions: issues: read` or more." });
    }
    checks.push(await probeWrite("Write issues", () => github.rest.issues.create({ ...repo, title: "", request: { retries: 0 } })));
    checks.push(await probeWrite("Write labels", () => github.rest.issues.createLabel({ ...repo, name: "", color: "ededed", request: { retries: 0 } })));
    return checks;
}

// EXTERNAL MODULE: ./src/github/store.ts
var store = __webpack_require__(72378);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(11758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(49735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(86856);
;// CONCATENATED MODULE: ./src/github/octokit.ts
/** The GitHub client: @actions/github's Octokit (proxy-aware, GHES-aware) with throttling and retries. */



/** Waits longer than this are not worth a runner's time: the next scheduled run picks up the rest. */
const LONGEST_WAIT_SECONDS = 300;
const MOST_LIMIT_RETRIES = 3;
function createGitHub(token, hooks) {
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        const request = `${options.method} ${options.url}`;
        if (retryCount < MOST_LIMIT_RETRIES && retryAfter <= LONGEST_WAIT_SECONDS) {
            hooks.warning(`GitHub ${kind} rate limit on ${request}; retrying in ${retryAfter} s`);
            return true;
        }
        hooks.warning(`GitHub ${kind} rate limit on ${request}; not waiting ${retryAfter} s, giving up on this request`);
        return false;
    };
    const throttle = {
        onRateLimit: onLimit("primary"),
        onSecondaryRateLimit: onLimit("secondary"),
    };
    // 429 is the throttling plugin's to handle; without this the retry plugin would retry it too.
    return (0,github/* getOctokit */.Q)(token, { throttle, retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] } }, plugin_throttling_dist_bundle/* throttling */.A, dist_bundle/* retry */.L);
}

;// CONCATENATED MODULE: ./src/clients.ts
/** Builds the clients a mode needs from the Config; each owns its HTTP set-up. */








function httpTuning(tuning) {
    return {
        ...DEFAULT_TUNING,
        ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
        ...(tuning.retryBudgetMs !== undefined ? { retryBudgetMs: tuning.retryBudgetMs } : {}),
    };
}
function createDefender(config, tuning) {
    const http = httpTuning(tuning);
    const dispatcher = createDispatcher(http);
    const retrying = (message) => core/* info */.pq(message);
    const tokens = createTokenSource(config, dispatcher, http, {
        mask: (value) => core/* setSecret */.Pq(value),
        idToken: async (audience) => {
            if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
                throw new errors/* SignInError */.Jj("No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token: add `permissions: id-token: write` to the job (or give a secret or certificate).");
            }
            return core/* getIDToken */.V9(audience);
        },
        debug: (message) => core/* debug */.Yz(message),
        retrying,
    });
    return new DefenderClient({ apiUrl: config.cloud.apiUrl, tokens, dispatcher, tuning: http, pageSize: tuning.pageSize, retrying });
}
function repository(env) {
    const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
    if (!owner || !repo || rest.length > 0)
        throw new Error("GITHUB_REPOSITORY is not set to owner/name: run the action inside a GitHub Actions workflow");
    return { owner, repo };
}
/** For check: what the GitHub token may do in the repository. */
async function checkGitHub(config, env) {
    const github = createGitHub(config.githubToken, { warning: (message) => core/* warning */.$e(message) });
    let repo;
    try {
        repo = repository(env);
    }
    catch (error) {
        return [{ name: "GitHub repository", ok: false, detail: error.message }];
    }
    return checkGitHubAccess(github, repo);
}
function createStore(config, tuning, env) {
    const github = createGitHub(config.githubToken, { warning: (message) => core/* warning */.$e(message) });
    return new store/* AlertIssueStore */.h(github, repository(env), config.trustedAuthors, {
        createTimeoutMs: httpTuning(tuning).timeoutMs,
        retrying: (message) => core/* info */.pq(message),
    });
}


/***/ }),

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


/***/ })

};
