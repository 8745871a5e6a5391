export const id = 680;
export const ids = [680];
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

/***/ 52680:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sendChanges: () => (/* binding */ sendChanges),
  q: () => (/* binding */ withDeterminationFallback)
});

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(73116);
// EXTERNAL MODULE: ./src/issue/vocabulary.ts
var vocabulary = __webpack_require__(81731);
;// CONCATENATED MODULE: ./src/source/source.ts
/** Whether an API refused a value as invalid (HTTP 400): the cue to try a disputed spelling's other form. */
function refusedAsInvalid(error) {
    return error?.status === 400 && error instanceof Error;
}

;// CONCATENATED MODULE: ./src/modes/send.ts



/** PATCHes one alert, falling back once to the other spelling of a disputed determination. */
async function sendChanges(config, deps, update, result, log) {
    const source = await deps.source();
    const { incidentId } = update;
    const subject = incidentId !== undefined ? `incident ${incidentId}` : `alert ${update.alertId}`;
    const spell = (changes) => (incidentId !== undefined ? source.spellIncident(changes) : source.spell(changes));
    const reported = (changes) => (incidentId !== undefined ? { incidentId, alertId: incidentId, issueNumber: update.issueNumber, changes } : { alertId: update.alertId, issueNumber: update.issueNumber, changes });
    if (config.dryRun) {
        const changes = spell(update.changes);
        log.info(`Dry run: would update ${subject} (issue #${update.issueNumber}) with ${JSON.stringify(changes)}`);
        result.updated.push(reported(changes));
        return;
    }
    try {
        const send = (changes) => (incidentId !== undefined ? source.updateIncident(incidentId, changes) : source.updateAlert(update.alertId, changes));
        const sent = spell(await withDeterminationFallback(update.changes, send, log));
        log.info(`Updated ${subject} (issue #${update.issueNumber}): ${JSON.stringify(sent)}`);
        result.updated.push(reported(sent));
    }
    catch (error) {
        const message = rejection(error, subject);
        result.failures.push({ alertId: update.alertId, issueNumber: update.issueNumber, error: message });
        await (await deps.store()).commentOnce(update.issueNumber, `rejected ${message}`, `Defender did not accept the change from this issue: ${message}`).catch((commentError) => {
            log.warning(`Could not comment on issue #${update.issueNumber}: ${(0,errors/* describe */.q0)(commentError)}`);
        });
    }
}
function rejection(error, subject) {
    if (error instanceof Error && error.status === 404) {
        return `${subject} was not found in Defender: it may be older than the tenant's retention, or deleted (${error.message})`;
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
        const alias = changes.determination ? vocabulary/* DETERMINATION_ALIASES */.HG[changes.determination] : undefined;
        if (!refusedAsInvalid(error) || !alias)
            throw error;
        log.info(`Defender refused determination ${changes.determination}; trying its other spelling, ${alias}`);
        const retried = { ...changes, determination: alias };
        await send(retried);
        return retried;
    }
}


/***/ })

};
