export const id = 481;
export const ids = [481];
export const modules = {

/***/ 76803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dm: () => (/* binding */ isTransientStatus),
/* harmony export */   LH: () => (/* binding */ withRetries),
/* harmony export */   SM: () => (/* binding */ createDispatcher),
/* harmony export */   Vh: () => (/* binding */ readJson),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   bV: () => (/* binding */ isTransientError),
/* harmony export */   cv: () => (/* binding */ exchange),
/* harmony export */   io: () => (/* binding */ readBytes),
/* harmony export */   oE: () => (/* binding */ DEFAULT_TUNING),
/* harmony export */   s6: () => (/* binding */ nothing),
/* harmony export */   tN: () => (/* binding */ send)
/* harmony export */ });
/* unused harmony exports open, RetriesExhaustedError, describeError */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(58500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46752);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(60015);
/** HTTP for the Microsoft clients: one proxy-aware dispatcher, one retry policy, and the exchange every API request goes through. */



const DEFAULT_TUNING = { timeoutMs: _config_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_TIMEOUT_MS */ .t1, retryBudgetMs: 300_000, maxAttempts: 6 };
/** Honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as the runner's own tools do. */
function createDispatcher(tuning) {
    return new undici__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2({
        headersTimeout: tuning.timeoutMs,
        bodyTimeout: tuning.timeoutMs,
        connect: { timeout: Math.min(tuning.timeoutMs, 30_000) },
    });
}
/** Sends a request and returns once the headers are in; the body is the caller's to read. */
async function open(dispatcher, req) {
    const response = await (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .request */ .Em)(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.body,
        dispatcher,
    });
    const headers = {};
    for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined)
            headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
    }
    return { status: response.statusCode, headers, body: response.body };
}
/** One exchange, the whole body read: a reset mid-body fails the exchange, so it can be retried. */
async function send(dispatcher, req) {
    const response = await open(dispatcher, req);
    return { status: response.status, headers: response.headers, text: await response.body.text() };
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
    if (error instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.UndiciError) {
        return !(error instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.InvalidArgumentError) && !(error instanceof undici__WEBPACK_IMPORTED_MODULE_1__/* .errors */ .sO.NotSupportedError);
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
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(wait);
    }
}
class RetriesExhaustedError extends Error {
    name = "RetriesExhaustedError";
}
/** A network error in one line, its code (ECONNRESET, UND_ERR_…) named when the message does not. */
function describeError(error) {
    const code = error.code;
    const message = error instanceof Error ? error.message : String(error);
    return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
/**
 * One API request with retries: 429 (after Retry-After), 5xx, resets and timeouts, and a reply
 * that is not valid JSON. Each attempt waits for its turn in the pace. A 401 gets one fresh token.
 * A write whose reply was lost is asked, through `landed`, whether it took effect before it is
 * sent again.
 */
async function exchange(api, request) {
    const { tokens, dispatcher, tuning, pace, retrying } = api;
    const { method, url, body, what, landed } = request;
    const write = method !== "GET";
    let refreshed = false;
    let lostReply = false;
    // Writes read nothing (T is undefined), and only writes are asked whether they landed.
    const done = undefined;
    return withRetries(what, tuning, async () => {
        if (lostReply && landed && (await landed()))
            return { done };
        const token = await tokens.token();
        const headers = { authorization: `Bearer ${token}`, accept: "application/json", ...api.headers };
        if (body !== undefined)
            headers["content-type"] = "application/json";
        const replied = (await pace?.take()) ?? (() => undefined);
        let reply;
        try {
            reply = await open(dispatcher, { method, url, headers, body });
        }
        catch (error) {
            if (!isTransientError(error))
                throw error;
            lostReply = write;
            return { retry: describeError(error) };
        }
        finally {
            replied();
        }
        if (reply.status >= 200 && reply.status < 300 && write) {
            // The write happened; what the body says does not matter.
            await reply.body.dump().catch(() => undefined);
            return { done };
        }
        try {
            if (reply.status >= 200 && reply.status < 300)
                return { done: await request.read(reply.body) };
            const text = await reply.body.text();
            if (reply.status === 401 && !refreshed) {
                // A token can expire between MSAL's check and the request: ask Entra once for a new one.
                refreshed = true;
                await tokens.token({ refresh: true });
                return { retry: "HTTP 401, with a fresh token", afterMs: 0 };
            }
            if (isTransientStatus(reply.status)) {
                // A 429 was refused before it was carried out; another status may have been after.
                lostReply = write && reply.status !== 429;
                return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
            }
            throw api.refusal(reply.status, text, reply.headers, request);
        }
        catch (error) {
            if (error instanceof SyntaxError)
                return { retry: "the reply is not valid JSON" };
            if (!isTransientError(error))
                throw error;
            lostReply = write;
            return { retry: describeError(error) };
        }
    }, retrying);
}
/** A write's reader: its reply's body is not read. */
async function nothing() {
    return undefined;
}
/** A body's bytes, whole. */
async function readBytes(body) {
    const chunks = [];
    for await (const chunk of body)
        chunks.push(chunk);
    return Buffer.concat(chunks);
}
async function readJson(body) {
    return JSON.parse(await body.text());
}


/***/ }),

/***/ 77481:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createSource: () => (/* binding */ createSource)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(88179);
// EXTERNAL MODULE: ./src/http.ts
var src_http = __webpack_require__(76803);
// EXTERNAL MODULE: ./node_modules/@azure/msal-node/dist/index.mjs + 115 modules
var dist = __webpack_require__(52669);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
;// CONCATENATED MODULE: ./src/entra/errors.ts
/** Replies from Entra ID, translated into what the user should do. */

/** Entra ID error codes users meet when setting up, with the fix. */
const AADSTS_FIXES = {
    "7000215": "The client secret is wrong or expired: create a new secret in the app registration and update the client-secret secret (use the secret's Value, not its ID).",
    "7000222": "The client secret has expired: create a new one in the app registration and update the client-secret secret.",
    "700016": "The app (client-id) was not found in the tenant: check client-id and tenant-id, and that the app registration lives in that tenant.",
    "90002": "The tenant was not found: check tenant-id (the Directory (tenant) ID GUID or a verified domain) and that cloud matches the tenant's cloud.",
    "900023": "The tenant ID is not valid: use the Directory (tenant) ID GUID or a verified domain.",
    "500011": "The token scope names a resource the tenant does not have: check that cloud (or api-scope) matches the tenant's cloud, e.g. https://api.securitycenter.microsoft.com/.default for the public cloud.",
    "1002012": "The scope must be a resource followed by /.default, such as https://api.securitycenter.microsoft.com/.default.",
    "65001": "Admin consent is missing: grant admin consent for the app's application permissions (WindowsDefenderATP, or Microsoft Graph with source: graph) in Entra ID (API permissions → Grant admin consent).",
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
        super((0,errors/* explainedMessage */.O)(parts));
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

;// CONCATENATED MODULE: ./src/entra/token.ts
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

;// CONCATENATED MODULE: ./src/entra/auth.ts
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
                throw explainSignInError(error, authorityUrl.origin, { presented, audience: settings.cloud.oidcAudience });
            }
            if (!result?.accessToken)
                throw explainSignInError(new Error("no access token in the reply"), authorityUrl.origin);
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
        const response = await (0,src_http/* withRetries */.LH)(what, tuning, async () => {
            try {
                const reply = await (0,src_http/* send */.tN)(dispatcher, { method, url, headers: options?.headers, body: options?.body });
                if ((0,src_http/* isTransientStatus */.Dm)(reply.status))
                    return { retry: `HTTP ${reply.status}`, afterMs: (0,src_http/* retryAfterMs */.Vs)(reply.headers["retry-after"]) };
                return { done: reply };
            }
            catch (error) {
                if ((0,src_http/* isTransientError */.bV)(error))
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

;// CONCATENATED MODULE: ./src/source/setup.ts
/** The source of alerts the Config names: MSAL sign-in and its API, over one proxy-aware dispatcher. */




function httpTuning(tuning) {
    return {
        ...src_http/* DEFAULT_TUNING */.oE,
        ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
        ...(tuning.retryBudgetMs !== undefined ? { retryBudgetMs: tuning.retryBudgetMs } : {}),
    };
}
async function createSource(config, tuning) {
    const http = httpTuning(tuning);
    const dispatcher = (0,src_http/* createDispatcher */.SM)(http);
    const retrying = (message) => core/* info */.pq(message);
    const tokens = createTokenSource(config, dispatcher, http, {
        mask: (value) => core/* setSecret */.Pq(value),
        idToken: async (audience) => {
            if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
                throw new SignInError({
                    problem: "No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token",
                    fix: "Add `permissions: id-token: write` to the job (or give a secret or certificate).",
                });
            }
            return core/* getIDToken */.V9(audience);
        },
        debug: (message) => core/* debug */.Yz(message),
        retrying,
    });
    const options = { apiUrl: config.cloud.apiUrl, tokens, dispatcher, tuning: http, pageSize: tuning.pageSize, retrying };
    // Each source loads only when chosen.
    if (config.source === "graph")
        return new (await Promise.all(/* import() */[__webpack_require__.e(0), __webpack_require__.e(661)]).then(__webpack_require__.bind(__webpack_require__, 10661))).GraphClient(options);
    return new (await Promise.all(/* import() */[__webpack_require__.e(0), __webpack_require__.e(937)]).then(__webpack_require__.bind(__webpack_require__, 90937))).DefenderClient(options);
}


/***/ })

};
