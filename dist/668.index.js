export const id = 668;
export const ids = [668];
export const modules = {

/***/ 66668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCheck: () => (/* binding */ runCheck)
/* harmony export */ });
const READ_ROLES = ["Alert.Read.All", "Alert.ReadWrite.All"];
function failure(error) {
    return error instanceof Error ? error.message : String(error);
}
async function runCheck(config, deps) {
    const items = [];
    const signIn = `Sign in to ${config.cloud.authorityHost} (${config.credential.kind === "oidc" ? "GitHub OIDC federation" : `client ${config.credential.kind}`})`;
    let roles;
    try {
        const claims = await deps.defender.signIn();
        roles = claims.roles;
        items.push({ name: signIn, ok: true, detail: `token for ${claims.aud ?? config.cloud.apiScope}` });
    }
    catch (error) {
        items.push({ name: signIn, ok: false, detail: failure(error) });
    }
    if (roles) {
        const readable = roles.some((role) => READ_ROLES.includes(role));
        const writable = roles.includes("Alert.ReadWrite.All");
        items.push({
            name: "Defender permission (the token's roles)",
            ok: readable && (writable || config.mode !== "sync"),
            detail: roles.length > 0 ? roles.join(", ") : "no roles",
            ...(writable
                ? {}
                : { fix: `Add the WindowsDefenderATP application permission Alert.ReadWrite.All${readable ? " (sync needs it; pull works with Alert.Read.All)" : ""} to the app registration and grant admin consent.` }),
        });
        try {
            const count = await deps.defender.probeAlerts();
            items.push({ name: `List alerts at ${config.cloud.apiUrl}`, ok: true, detail: `allowed (${count} alert${count === 1 ? "" : "s"} in the last day, first page)` });
        }
        catch (error) {
            items.push({ name: `List alerts at ${config.cloud.apiUrl}`, ok: false, detail: failure(error) });
        }
    }
    items.push(...(await deps.github()));
    return items;
}


/***/ })

};
