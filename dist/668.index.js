export const id = 668;
export const ids = [668];
export const modules = {

/***/ 66668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   permissionItem: () => (/* binding */ permissionItem),
/* harmony export */   runCheck: () => (/* binding */ runCheck)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);

/** A value inside our words: a code span (a backtick in it could not end the span, so it goes). */
function code(value) {
    return `\`${value.replace(/`/g, "'")}\``;
}
function failed(name, error) {
    const { problem, reply, fix } = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .partsOf */ .C)(error);
    return { name, status: "failed", detail: problem ?? "failed", ...(reply ? { reply } : {}), ...(fix ? { fix } : {}) };
}
function signInName(config) {
    const how = config.credential.kind === "oidc" ? `GitHub OIDC federation, audience ${code(config.cloud.oidcAudience)}` : `client ${config.credential.kind}`;
    return `Sign in to ${code(config.cloud.authorityHost)} (${how})`;
}
/** What the token's roles allow: pull reads alerts, sync also updates them. */
function permissionItem(roles, permissions, subject = "alerts") {
    const { api, read, write } = permissions;
    const name = `${api === "Microsoft Graph" ? "Microsoft Graph" : "Defender"} permission${subject === "alerts" ? "" : ` for ${subject}`} (the token's roles)`;
    const detail = roles.length > 0 ? roles.map(code).join(", ") : "no roles";
    if (roles.includes(write))
        return { name, status: "passed", detail };
    if (roles.some((role) => read.includes(role))) {
        return {
            name,
            status: "warning",
            detail: `${detail}: pull can read ${subject}, but sync will need ${code(write)} to update them`,
            fix: `Before using sync, add the ${api} application permission ${code(write)} to the app registration and grant admin consent.`,
        };
    }
    const readOnly = read.find((role) => role !== write) ?? write;
    return {
        name,
        status: "failed",
        detail,
        fix: `Add the ${api} application permission ${code(write)} (or ${code(readOnly)} for pull alone) to the app registration and grant admin consent.`,
    };
}
async function runCheck(config, deps) {
    const items = [];
    const signIn = signInName(config);
    let roles;
    try {
        const claims = await deps.source.signIn();
        roles = claims.roles;
        items.push({ name: signIn, status: "passed", detail: `token for ${code(claims.aud ?? config.cloud.apiScope)}` });
    }
    catch (error) {
        items.push(failed(signIn, error));
    }
    if (roles) {
        items.push(permissionItem(roles, deps.source.permissions));
        // Incident issues are triaged on the incident, which Graph guards with permissions of its own.
        if (config.groupBy === "incident" && deps.source.incidentPermissions.write !== deps.source.permissions.write) {
            items.push(permissionItem(roles, deps.source.incidentPermissions, "incidents"));
        }
        const listing = `List alerts at ${code(config.cloud.apiUrl)}`;
        try {
            const count = await deps.source.probeAlerts();
            items.push({ name: listing, status: "passed", detail: `allowed (${count} alert${count === 1 ? "" : "s"} in the last day, first page)` });
        }
        catch (error) {
            items.push(failed(listing, error));
        }
    }
    for (const { ok, ...access } of await deps.github())
        items.push({ ...access, status: ok ? "passed" : "failed" });
    return items;
}


/***/ })

};
