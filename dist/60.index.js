export const id = 60;
export const ids = [60];
export const modules = {

/***/ 5060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkGitHub: () => (/* binding */ checkGitHub),
  createStore: () => (/* binding */ createStore),
  repository: () => (/* binding */ repository)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(88179);
// EXTERNAL MODULE: ./src/config.ts + 1 modules
var src_config = __webpack_require__(60015);
// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
;// CONCATENATED MODULE: ./src/github/access.ts

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
        const status = (0,errors/* statusOf */.c2)(error);
        if (status === 422)
            return { name, ok: true, detail: "allowed" };
        if (status === 410)
            return { name, ok: false, detail: "issues are disabled (HTTP 410)", fix: "Enable issues under Settings → General → Features." };
        if (status === 403 || status === 404)
            return { name, ok: false, detail: `refused (HTTP ${status})`, reply: (0,errors/* messageOf */.bD)(error), fix: WRITE_FIX };
        return { name, ok: false, detail: `HTTP ${status ?? "error"}`, reply: (0,errors/* messageOf */.bD)(error) };
    }
}
async function checkGitHubAccess(github, repo) {
    const checks = [];
    const where = `\`${repo.owner}/${repo.repo}\``;
    try {
        const { data } = await github.rest.repos.get({ ...repo });
        checks.push(data.has_issues
            ? { name: `GitHub repository ${where}`, ok: true, detail: "found, issues enabled" }
            : { name: `GitHub repository ${where}`, ok: false, detail: "issues are disabled", fix: "Enable issues under Settings → General → Features." });
    }
    catch (error) {
        const status = (0,errors/* statusOf */.c2)(error);
        checks.push({
            name: `GitHub repository ${where}`,
            ok: false,
            detail: `HTTP ${status ?? "error"}`,
            reply: (0,errors/* messageOf */.bD)(error),
            fix: status === 401 ? "The github-token is not valid." : "Check GITHUB_REPOSITORY and that github-token can see the repository (`permissions: contents: read`).",
        });
        return checks;
    }
    try {
        await github.rest.issues.listForRepo({ ...repo, state: "all", per_page: 1 });
        checks.push({ name: "Read issues", ok: true, detail: "allowed" });
    }
    catch (error) {
        checks.push({ name: "Read issues", ok: false, detail: `HTTP ${(0,errors/* statusOf */.c2)(error) ?? "error"}`, reply: (0,errors/* messageOf */.bD)(error), fix: "Give the job `permissions: issues: read` or more." });
    }
    checks.push(await probeWrite("Write issues", () => github.rest.issues.create({ ...repo, title: "", request: { retries: 0 } })));
    checks.push(await probeWrite("Write labels", () => github.rest.issues.createLabel({ ...repo, name: "", color: "ededed", request: { retries: 0 } })));
    return checks;
}

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

// EXTERNAL MODULE: ./src/github/store.ts
var store = __webpack_require__(72378);
;// CONCATENATED MODULE: ./src/github/setup.ts
/** The GitHub side from the Config: the alert-issue store, and what check asks of the token. */





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
        createTimeoutMs: tuning.timeoutMs ?? src_config/* DEFAULT_TIMEOUT_MS */.t1,
        retrying: (message) => core/* info */.pq(message),
    });
}


/***/ })

};
