export const id = 15;
export const ids = [15];
export const modules = {

/***/ 85015:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readEvent: () => (/* binding */ readEvent)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9691);
/** The webhook payload of the run (GITHUB_EVENT_PATH), validated: every field in it is untrusted. */

const login = zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().min(1).max(100);
const user = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ login, type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional() });
const issueSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    number: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().int().positive(),
    html_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    state: zod__WEBPACK_IMPORTED_MODULE_0__/* ["enum"] */ .k5n(["open", "closed"]),
    state_reason: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    user: user.nullish(),
    labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .union */ .KCZ([zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() })])).default([]),
    assignees: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(user).nullish(),
    pull_request: zod__WEBPACK_IMPORTED_MODULE_0__/* .unknown */ .L5J().optional(),
});
const issuesEvent = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    action: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    issue: issueSchema,
    sender: user,
    assignee: user.nullish(),
    label: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ name: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP() }).nullish(),
    changes: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ body: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ from: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish() }).optional() }).optional(),
});
const commentEvent = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    action: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(),
    issue: issueSchema,
    sender: user,
    comment: zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({ id: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig(), body: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(), html_url: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), user: user.nullish() }),
});
function snapshot(issue) {
    return {
        number: issue.number,
        url: issue.html_url,
        body: issue.body ?? "",
        state: issue.state,
        stateReason: issue.state_reason ?? undefined,
        author: issue.user?.login ?? "",
        labels: issue.labels.map((label) => (typeof label === "string" ? label : label.name)),
        assignees: (issue.assignees ?? []).map((assignee) => assignee.login),
        isPullRequest: issue.pull_request !== undefined && issue.pull_request !== null,
    };
}
function parsePayload(schema, name, payload) {
    const parsed = schema.safeParse(payload);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    throw new Error(`The ${name} event payload is not one GitHub sends: ${issue?.path.join(".") || "payload"}: ${issue?.message ?? "invalid"}`);
}
/** Reads the event; a payload that is not what GitHub sends for its name is an error. */
function readEvent(name, payload) {
    if (name === "issues") {
        const event = parsePayload(issuesEvent, name, payload);
        return {
            kind: "issues",
            action: event.action,
            issue: snapshot(event.issue),
            sender: event.sender.login,
            assignee: event.assignee?.login,
            label: event.label?.name,
            previousBody: event.changes?.body?.from ?? undefined,
        };
    }
    if (name === "issue_comment") {
        const event = parsePayload(commentEvent, name, payload);
        return {
            kind: "issue_comment",
            action: event.action,
            issue: snapshot(event.issue),
            sender: event.sender.login,
            comment: { id: event.comment.id, body: event.comment.body ?? "", url: event.comment.html_url, author: event.comment.user?.login ?? event.sender.login },
        };
    }
    return { kind: "other", name };
}


/***/ })

};
