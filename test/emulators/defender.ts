// Microsoft Defender for Endpoint alerts API emulator (plain HTTP on 127.0.0.1).
//
// It is deliberately strict where the real service is, or may be, strict (see
// /work/shared/reference/defender-api.md §2–§5): undocumented query options, `in`, functions and
// enum typos answer 400 `ODataError`; results come in a stable but NOT chronological order; a list
// without `$top` is cut at the page size and continued through `@odata.nextLink`; enum values and
// property names are case-sensitive (a known value in another case is an InvalidRequestBody); list/get,
// PATCH and batchUpdate have their documented per-minute and per-hour limits; with checkRoles, a token
// for another resource or without the role gets 403. A client that works here should not rely on
// anything the real API does not promise.
import crypto from "node:crypto";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { closeServer, isoToTicks, jwtClaims, listenOnLoopback, nextLink, parseJsonLenient, readBody } from "./wire.ts";

export type Alert = Record<string, unknown> & { id: string };

export interface DefenderEmulatorOptions {
  /** Bearer tokens to accept (default: any non-empty token). A refused token gets 401. */
  acceptToken?: (token: string) => boolean;
  /** Page size when `$top` is absent (the real cap is 10,000). */
  pageSizeWithoutTop?: number;
  /** Which spelling of the four disputed determinations the service accepts (default "left"). */
  determinationSpellings?: "left" | "right";
  /** batchUpdate calls allowed per rolling minute (documented: 10). */
  batchPerMinute?: number;
  /**
   * The documented per-app call limits, each over a rolling minute and hour: list/get 100 and 1,500,
   * PATCH 100 and 1,500, batchUpdate 10 (or batchPerMinute) and 500. Over one, the call gets 429
   * TooManyRequests with Retry-After. Override a group, or pass `false` to turn them all off.
   */
  callLimits?: Partial<Record<CallGroup, CallLimit>> | false;
  /**
   * With checkRoles, the token's `aud` must name the Defender for Endpoint API (a Graph or other
   * token gets 403). Default: the resource identifiers listed in the reference, public and US Gov.
   */
  audiences?: string[];
  /**
   * Check the JWT `roles` claim like the real API: reads need Alert.Read.All or Alert.ReadWrite.All,
   * writes need Alert.ReadWrite.All; otherwise 403 Forbidden. Off by default so opaque test tokens work.
   */
  checkRoles?: boolean;
  /** Clock, for deterministic times and rate-limit windows. */
  now?: () => Date;
}

export interface DefenderRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
  status: number;
  /** When it arrived, in ms on the emulator's clock. */
  at: number;
}

export interface InjectedDefenderResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim as the body (e.g. malformed JSON) instead of `body`. */
  raw?: string;
  delayMs?: number;
  /** Carry out the request as normal, then answer with this injected response instead. */
  applyEffect?: boolean;
  /** Send the headers and part of the body, then destroy the socket. */
  reset?: boolean;
}

export type CallGroup = "read" | "patch" | "batch";
export interface CallLimit {
  perMinute: number;
  perHour: number;
}

interface Injection {
  match: { method: string; path: RegExp };
  responses: InjectedDefenderResponse[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const MAX_TOP = 10_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
/** The Defender for Endpoint API's resource, in the forms a token's `aud` may carry it. */
const DEFENDER_AUDIENCES = [
  "https://api.securitycenter.microsoft.com",
  "https://securitycenter.onmicrosoft.com/windowsatpservice",
  "https://api-gcc.securitycenter.microsoft.us",
  "https://api-gov.securitycenter.microsoft.us",
  "https://securitycenter.onmicrosoft.us/windowsatpservice",
];
const MAX_BATCH_IDS = 100;
/**
 * `createdBy` of a comment sent through the API with the app's token. The reference documents only
 * `{comment, createdBy, createdTime}`, not what an application's comments carry; this is a stand-in.
 */
export const APP_COMMENT_AUTHOR = "app";
/** Who `portal()` acts as unless told. */
export const PORTAL_ANALYST = "analyst@contoso.com";
/** `assignedTo` of an alert automated investigation took over (the reference's example value). */
export const AUTOMATION_ASSIGNEE = "Automation";
/** `investigationState` values (reference §2) with which automated investigation resolves an alert. */
export const AUTOMATED_INVESTIGATION_OUTCOMES = ["SuccessfullyRemediated", "Benign"] as const;
export type AutomatedInvestigationOutcome = (typeof AUTOMATED_INVESTIGATION_OUTCOMES)[number];

/** A change made in the Defender portal (see DefenderEmulator.portal). */
export interface PortalChange {
  status?: string;
  classification?: string;
  determination?: string;
  assignedTo?: string;
  comment?: string;
  /** The analyst: the comment's `createdBy`. Default PORTAL_ANALYST. */
  by?: string;
  /** When; default the emulator's clock. */
  at?: Date;
}
const STATUSES = ["New", "InProgress", "Resolved"];
const CLASSIFICATIONS = ["TruePositive", "InformationalExpectedActivity", "FalsePositive"];
const UPDATE_FIELDS = ["status", "assignedTo", "classification", "determination", "comment"];

/** Microsoft's pages disagree on four determinations; the emulator accepts one side at a time. */
const DISPUTED: Record<"left" | "right", [string, string, string, string]> = {
  left: ["CompromisedUser", "ConfirmedActivity", "NotMalicious", "InsufficientData"],
  right: ["CompromisedAccount", "ConfirmedUserActivity", "Clean", "NoEnoughDataToValidate"],
};

function determinationTable(spelling: "left" | "right"): Record<string, string[]> {
  const [compromised, confirmed, notMalicious, insufficient] = DISPUTED[spelling];
  return {
    TruePositive: ["MultiStagedAttack", "MaliciousUserActivity", compromised, "Malware", "Phishing", "UnwantedSoftware", "Other"],
    InformationalExpectedActivity: ["SecurityTesting", "LineOfBusinessApplication", confirmed, "Other"],
    FalsePositive: [notMalicious, insufficient, "Other"],
  };
}

class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export class DefenderEmulator {
  alerts: Alert[] = [];
  requests: DefenderRequest[] = [];
  /** Called, one per list request and in order, just before the listing is computed: the tenant changing while a client pages. */
  beforeList: Array<() => void> = [];
  patches: Array<{ id: string; body: unknown }> = [];
  batches: Array<{ body: unknown }> = [];

  private readonly options: DefenderEmulatorOptions;
  private readonly server: http.Server;
  private readonly injections: Injection[] = [];
  private callTimes: Record<CallGroup, number[]> = { read: [], patch: [], batch: [] };
  private port = 0;

  constructor(options: DefenderEmulatorOptions = {}) {
    this.options = options;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // An emulator bug must surface as a loud 500, not a hung test.
        if (!res.headersSent) sendJson(res, 500, errorBody("InternalServerError", String(error)));
        else res.destroy();
      });
    });
  }

  /** `http://127.0.0.1:PORT`: the `api-url` given to the action. */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await listenOnLoopback(this.server);
  }

  async stop(): Promise<void> {
    await closeServer(this.server);
  }

  /** Answers the next matching requests with these responses, in order, before any normal handling. */
  inject(match: { method: string; path: RegExp }, ...responses: InjectedDefenderResponse[]): void {
    this.injections.push({ match, responses: [...responses] });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private takeInjected(method: string, path: string): InjectedDefenderResponse | undefined {
    const injection = this.injections.find(
      (i) => i.match.method.toUpperCase() === method && i.match.path.test(path) && i.responses.length > 0,
    );
    return injection?.responses.shift();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", this.url);
    const text = await readBody(req);
    const record: DefenderRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseJsonLenient(text),
      status: 0,
      at: this.now().getTime(),
    };
    if (req.headers.authorization !== undefined) record.authorization = req.headers.authorization;
    this.requests.push(record);

    const injected = this.takeInjected(method, url.pathname);
    if (injected) {
      // The write happens, but the client may never hear of it (a lost reply).
      if (injected.applyEffect) this.dispatch(method, url, req, text);
      record.status = injected.status;
      await sendInjected(res, injected);
      return;
    }
    const reply = this.dispatch(method, url, req, text);
    record.status = reply.status;
    sendJson(res, reply.status, reply.body, reply.headers);
  }

  private dispatch(method: string, url: URL, req: IncomingMessage, text: string): Reply {
    if (method === "GET" && /^\/api(\/v1\.0)?\/alerts$/.test(url.pathname)) this.beforeList.shift()?.();
    try {
      return this.route(method, url, req, text);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: errorBody(error.code, error.message), headers: error.headers };
    }
  }

  private route(method: string, url: URL, req: IncomingMessage, text: string): Reply {
    const rest = /^\/api(?:\/v1\.0)?\/alerts(\/.*)?$/.exec(url.pathname);
    if (!rest) throw new ApiError(404, "ResourceNotFound", `Resource '${url.pathname}' was not found.`);
    const sub = rest[1] ?? "";
    const write = method !== "GET";
    this.authorize(req.headers.authorization, write);

    if (sub === "" || sub === "/") {
      if (method !== "GET") throw methodNotAllowed(method);
      this.takeSlot("read");
      return { status: 200, body: this.list(url) };
    }
    if (sub === "/batchUpdate" && method === "POST") {
      this.takeSlot("batch");
      requireJson(req);
      return this.batchUpdate(parseJsonBody(text));
    }
    const id = decodePathSegment(sub.slice(1));
    if (id === undefined || id.includes("/")) {
      throw new ApiError(404, "ResourceNotFound", `Resource '${url.pathname}' was not found.`);
    }
    if (method === "GET") {
      this.takeSlot("read");
      return { status: 200, body: this.getOne(id, url) };
    }
    if (method === "PATCH") {
      this.takeSlot("patch");
      requireJson(req);
      return { status: 200, body: this.patch(id, parseJsonBody(text)) };
    }
    throw methodNotAllowed(method);
  }

  private authorize(header: string | undefined, write: boolean): void {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
    const accept = this.options.acceptToken ?? ((t: string) => t.length > 0);
    if (!token || !accept(token)) {
      throw new ApiError(401, "Unauthorized", "Authorization has been denied for this request.", {
        "www-authenticate": 'Bearer error="invalid_token"',
      });
    }
    if (!this.options.checkRoles) return;
    const audience = jwtClaims(token)["aud"];
    const audiences = this.options.audiences ?? DEFENDER_AUDIENCES;
    if (typeof audience !== "string" || !audiences.includes(audience.replace(/\/$/, ""))) {
      throw new ApiError(403, "Forbidden", `The access token's audience '${String(audience)}' is not valid for this resource.`);
    }
    const roles = jwtRoles(token);
    const needed = write ? ["Alert.ReadWrite.All"] : ["Alert.Read.All", "Alert.ReadWrite.All"];
    if (!needed.some((r) => roles.includes(r))) {
      throw new ApiError(
        403,
        "Forbidden",
        `The application does not have any of the required application permissions (${needed.join(", ")}) to access the resource.`,
      );
    }
  }

  // ---- GET /api/alerts --------------------------------------------------------------------------

  private list(url: URL): Record<string, unknown> {
    const options = parseQueryOptions(url.searchParams);
    const matching = this.alerts.filter((a) => (options.filter ? evaluate(options.filter, a) : true));
    const ordered = stableOrder(matching);
    const pageSize = options.top ?? this.options.pageSizeWithoutTop ?? MAX_TOP;
    const page = ordered.slice(options.skip, options.skip + pageSize);
    const body: Record<string, unknown> = {
      "@odata.context": `${this.url}/api/$metadata#Alerts`,
      value: page.map((a) => present(a, options.expandEvidence)),
    };
    // The real API omits nextLink whenever $top is given, even if more results exist.
    if (options.top === undefined && options.skip + pageSize < ordered.length) {
      body["@odata.nextLink"] = nextLink(url, this.url, options.skip + pageSize);
    }
    return body;
  }

  private getOne(id: string, url: URL): Record<string, unknown> {
    const expandEvidence = url.searchParams.get("$expand") === "evidence";
    return { "@odata.context": `${this.url}/api/$metadata#Alerts/$entity`, ...present(this.find(id), expandEvidence) };
  }

  private find(id: string): Alert {
    const alert = this.alerts.find((a) => a.id === id);
    if (!alert) throw new ApiError(404, "NotFound", `Alert ${id} was not found.`);
    return alert;
  }

  // ---- PATCH /api/alerts/{id} and POST /api/alerts/batchUpdate -----------------------------------

  private patch(id: string, body: unknown): Record<string, unknown> {
    const update = this.validateUpdate(body, UPDATE_FIELDS);
    const alert = this.find(id);
    this.checkPair(alert, update);
    this.apply(alert, update);
    this.patches.push({ id, body });
    return { "@odata.context": `${this.url}/api/$metadata#Alerts/$entity`, ...present(alert, false) };
  }

  private batchUpdate(body: unknown): Reply {
    const update = this.validateUpdate(body, [...UPDATE_FIELDS, "alertIds"]);
    const ids = (body as Record<string, unknown>)["alertIds"];
    if (ids === undefined) throw new ApiError(400, "MissingRequiredParameter", "The parameter 'alertIds' is missing.");
    if (!Array.isArray(ids) || ids.length === 0 || !ids.every((i) => typeof i === "string")) {
      const message = "Request body is incorrect: 'alertIds' must be a non-empty array of strings.";
      throw new ApiError(400, "InvalidRequestBody", message);
    }
    if (ids.length > MAX_BATCH_IDS) {
      const message = `Maximum batch size is ${MAX_BATCH_IDS}; got ${ids.length} alert ids.`;
      throw new ApiError(400, "MaximumBatchSizeExceeded", message);
    }
    // Unknown ids are skipped silently: the documentation promises only "200 with an empty body".
    const targets = this.alerts.filter((a) => ids.includes(a.id));
    for (const alert of targets) this.checkPair(alert, update);
    for (const alert of targets) this.apply(alert, update);
    this.batches.push({ body });
    return { status: 200 };
  }

  /** Documented per-minute and per-hour limits, over rolling windows, answering 429 with Retry-After like the real API. */
  private takeSlot(group: CallGroup): void {
    const limits = this.options.callLimits;
    if (limits === false) return;
    const defaults: Record<CallGroup, CallLimit> = {
      read: { perMinute: 100, perHour: 1500 },
      patch: { perMinute: 100, perHour: 1500 },
      batch: { perMinute: this.options.batchPerMinute ?? 10, perHour: 500 },
    };
    const limit = limits?.[group] ?? defaults[group];
    const now = this.now().getTime();
    const lastHour = this.callTimes[group].filter((t) => t > now - HOUR_MS);
    const lastMinute = lastHour.filter((t) => t > now - MINUTE_MS);
    this.callTimes[group] = lastHour;
    const waits: number[] = [];
    if (lastMinute.length >= limit.perMinute && lastMinute[0] !== undefined) waits.push(lastMinute[0] + MINUTE_MS - now);
    if (lastHour.length >= limit.perHour && lastHour[0] !== undefined) waits.push(lastHour[0] + HOUR_MS - now);
    if (waits.length > 0) {
      const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
      throw new ApiError(429, "TooManyRequests", `Rate limit is exceeded. Try again in ${retryAfter} seconds.`, {
        "retry-after": String(retryAfter),
      });
    }
    this.callTimes[group].push(now);
  }

  private validateUpdate(body: unknown, allowed: string[]): Record<string, string> {
    if (typeof body !== "object" || body === null || Array.isArray(body)) {
      throw new ApiError(400, "InvalidRequestBody", "Request body is incorrect.");
    }
    const update: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (!allowed.includes(key)) {
        throw new ApiError(400, "InvalidRequestBody", `Request body is incorrect: unknown property '${key}'.`);
      }
      if (key === "alertIds") continue;
      if (typeof value !== "string") {
        throw new ApiError(400, "InvalidRequestBody", `Request body is incorrect: property '${key}' must be a string.`);
      }
      update[key] = value;
    }
    if (Object.keys(update).length === 0) {
      throw new ApiError(400, "MissingRequiredParameter", `At least one of ${UPDATE_FIELDS.join(", ")} is required.`);
    }
    checkEnum("status", update["status"], STATUSES);
    checkEnum("classification", update["classification"], CLASSIFICATIONS);
    const table = determinationTable(this.options.determinationSpellings ?? "left");
    checkEnum("determination", update["determination"], [...new Set(Object.values(table).flat())]);
    return update;
  }

  /** The determination must belong to the alert's resulting classification. */
  private checkPair(alert: Alert, update: Record<string, string>): void {
    const determination = update["determination"];
    const classification = update["classification"] ?? (alert["classification"] as string | null | undefined);
    // Without any classification Defender decides (e.g. a lone "Other"); nothing to check against.
    if (!determination || !classification) return;
    const allowed = determinationTable(this.options.determinationSpellings ?? "left")[classification] ?? [];
    if (!allowed.includes(determination)) {
      throw new ApiError(
        400,
        "InvalidInput",
        `Determination '${determination}' is not valid for classification '${classification}'. Valid values: ${allowed.join(", ")}.`,
      );
    }
  }

  /**
   * What an analyst does to an alert in the Defender portal: the same fields and values the API
   * accepts (checked the same way, a bad value throws), a comment signed `by`, and `lastUpdateTime`
   * moved to `at` (default: the emulator's clock). Returns the alert as the API would show it.
   */
  portal(alertId: string, change: PortalChange): Record<string, unknown> {
    const { by = PORTAL_ANALYST, at, ...fields } = change;
    const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const update = this.validateUpdate(body, UPDATE_FIELDS);
    const alert = this.find(alertId);
    this.checkPair(alert, update);
    this.apply(alert, update, by, at);
    return present(alert, false);
  }

  /**
   * Automated investigation and response (AIR) closing the alert on its own: `Resolved`, assigned to
   * `Automation`, `investigationState` set to its outcome, `lastUpdateTime` moved to `at` (default:
   * the emulator's clock). Classification, determination and comments are left as they are.
   */
  automatedInvestigation(
    alertId: string,
    options: { outcome?: AutomatedInvestigationOutcome; at?: Date } = {},
  ): Record<string, unknown> {
    const alert = this.find(alertId);
    const outcome = options.outcome ?? "SuccessfullyRemediated";
    if (!AUTOMATED_INVESTIGATION_OUTCOMES.includes(outcome)) {
      throw new Error(`automatedInvestigation: '${String(outcome)}' is not an outcome that resolves an alert`);
    }
    this.apply(alert, { status: "Resolved", assignedTo: AUTOMATION_ASSIGNEE }, AUTOMATION_ASSIGNEE, options.at);
    alert["investigationState"] = outcome;
    return present(alert, false);
  }

  /**
   * Applies a validated update. Every accepted update moves `lastUpdateTime`, even one that changes
   * no value: the reference does not say Defender skips those, and it records the update.
   */
  private apply(alert: Alert, update: Record<string, string>, by = APP_COMMENT_AUTHOR, at?: Date): void {
    const now = formatTime(at ?? this.now());
    const { status, assignedTo, classification, determination, comment } = update;
    if (status !== undefined) {
      alert["status"] = status;
      alert["resolvedTime"] = status === "Resolved" ? now : null;
    }
    if (assignedTo !== undefined) alert["assignedTo"] = assignedTo;
    if (classification !== undefined) {
      // A new classification invalidates a determination that belongs to the old one.
      const allowed = determinationTable(this.options.determinationSpellings ?? "left")[classification] ?? [];
      const stale = determination === undefined && !allowed.includes(String(alert["determination"]));
      if (stale) alert["determination"] = null;
      alert["classification"] = classification;
    }
    if (determination !== undefined) alert["determination"] = determination;
    if (comment !== undefined) {
      const comments = Array.isArray(alert["comments"]) ? (alert["comments"] as unknown[]) : [];
      alert["comments"] = [...comments, { comment, createdBy: by, createdTime: now }];
    }
    alert["lastUpdateTime"] = now;
  }
}

// ---- OData $filter ----------------------------------------------------------------------------------

type PropertyType = "datetime" | "string" | "long" | "enum";

const PROPERTIES: Record<string, PropertyType> = {
  alertCreationTime: "datetime",
  lastUpdateTime: "datetime",
  firstEventTime: "datetime",
  lastEventTime: "datetime",
  id: "string",
  category: "string",
  detectionSource: "string",
  assignedTo: "string",
  status: "enum",
  severity: "enum",
  incidentId: "long",
  investigationId: "long",
};

const ENUMS: Record<string, string[]> = {
  status: ["Unknown", "New", "InProgress", "Resolved"],
  severity: ["UnSpecified", "Informational", "Low", "Medium", "High"],
};

const EDM_TYPE: Record<PropertyType, string> = {
  datetime: "Edm.DateTimeOffset",
  string: "Edm.String",
  long: "Edm.Int64",
  enum: "Microsoft.WindowsDefenderATP.Enum",
};

const COMPARISONS = ["eq", "ne", "gt", "ge", "lt", "le"] as const;
type Comparison = (typeof COMPARISONS)[number];
const FLIPPED: Record<Comparison, Comparison> = { eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge" };
const OPERATOR_KIND: Record<Comparison, string> = {
  eq: "Equal",
  ne: "NotEqual",
  gt: "GreaterThan",
  ge: "GreaterThanOrEqual",
  lt: "LessThan",
  le: "LessThanOrEqual",
};

type Literal =
  | { kind: "null" }
  | { kind: "string"; value: string }
  | { kind: "datetime"; value: bigint; text: string }
  | { kind: "integer"; value: number };

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode }
  | { kind: "compare"; property: string; op: Comparison; literal: Literal };

type Token =
  | { kind: "ident"; text: string; pos: number }
  | { kind: "literal"; literal: Literal; pos: number }
  | { kind: "punct"; text: "(" | ")" | ","; pos: number };

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function odataError(message: string): ApiError {
  return new ApiError(400, "ODataError", message);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < text.length) {
    const rest = text.slice(pos);
    const space = /^\s+/.exec(rest);
    if (space) {
      pos += space[0].length;
      continue;
    }
    const ch = rest[0] as string;
    if (ch === "(" || ch === ")" || ch === ",") {
      tokens.push({ kind: "punct", text: ch, pos });
      pos += 1;
    } else if (ch === "'") {
      const { value, length } = readQuoted(text, pos);
      tokens.push({ kind: "literal", literal: { kind: "string", value }, pos });
      pos += length;
    } else {
      const { token, length } = readWord(rest, pos);
      tokens.push(token);
      pos += length;
    }
  }
  return tokens;
}

/** Reads a single-quoted OData string where `''` stands for one quote. */
function readQuoted(text: string, start: number): { value: string; length: number } {
  let value = "";
  let i = start + 1;
  for (;;) {
    const next = text.indexOf("'", i);
    if (next < 0) throw odataError(`Syntax error: unterminated string literal at position ${start} in '${text}'.`);
    value += text.slice(i, next);
    if (text[next + 1] === "'") {
      value += "'";
      i = next + 2;
    } else {
      return { value, length: next + 1 - start };
    }
  }
}

/** A datetime, integer, `null` or identifier; it must end at a space, parenthesis, comma or quote. */
function readWord(rest: string, pos: number): { token: Token; length: number } {
  const word = /^[^\s()',]+/.exec(rest)?.[0] ?? rest.charAt(0);
  if (DATETIME_RE.test(word)) {
    const literal: Literal = { kind: "datetime", value: isoToTicks(word) ?? 0n, text: word };
    return { token: { kind: "literal", literal, pos }, length: word.length };
  }
  if (/^-?\d+$/.test(word)) {
    return { token: { kind: "literal", literal: { kind: "integer", value: Number(word) }, pos }, length: word.length };
  }
  if (word === "null") return { token: { kind: "literal", literal: { kind: "null" }, pos }, length: word.length };
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(word)) return { token: { kind: "ident", text: word, pos }, length: word.length };
  throw odataError(`Syntax error at position ${pos}: unexpected '${word}'.`);
}

/** Recursive descent with OData precedence: `not` binds tighter than `and`, which binds tighter than `or`. */
class FilterParser {
  private readonly tokens: Token[];
  private readonly text: string;
  private index = 0;

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenize(text);
  }

  parse(): FilterNode {
    if (this.tokens.length === 0) throw odataError("The $filter expression is empty.");
    const node = this.parseOr();
    const extra = this.peek();
    if (extra) throw this.syntaxError(extra, "expected 'and', 'or' or the end of the expression");
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw odataError(`Syntax error: ${expected} expected at the end of '${this.text}'.`);
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === "ident" && token.text === word;
  }

  private syntaxError(token: Token, detail: string): ApiError {
    const shown = token.kind === "literal" ? "literal" : token.kind === "ident" ? token.text : token.text;
    return odataError(`Syntax error at position ${token.pos} ('${shown}') in '${this.text}': ${detail}.`);
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isWord("or")) {
      this.index++;
      left = { kind: "or", left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isWord("and")) {
      this.index++;
      left = { kind: "and", left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (!this.isWord("not")) return this.parsePrimary();
    const notToken = this.next("not");
    // OData's `not` binds tighter than `eq`, so `not status eq 'New'` negates a string: a type error,
    // as in Microsoft.OData. Only `not (…)` or `not not …` make sense.
    const following = this.peek();
    if (!(following?.kind === "punct" && following.text === "(") && !this.isWord("not")) {
      throw this.syntaxError(notToken, "a unary operator with an incompatible type was detected; write 'not (…)'");
    }
    return { kind: "not", operand: this.parseUnary() };
  }

  private parsePrimary(): FilterNode {
    const token = this.next("an expression");
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.parseOr();
      const close = this.next("')'");
      if (!(close.kind === "punct" && close.text === ")")) throw this.syntaxError(close, "')' expected");
      return inner;
    }
    return this.parseComparison(token);
  }

  private parseComparison(first: Token): FilterNode {
    const opToken = this.next("a comparison operator");
    if (first.kind === "ident" && opToken.kind === "punct" && opToken.text === "(") {
      throw odataError(`Unknown function '${first.text}' in '${this.text}'. Functions are not supported.`);
    }
    if (opToken.kind !== "ident" || !(COMPARISONS as readonly string[]).includes(opToken.text)) {
      if (opToken.kind === "ident" && opToken.text === "in") {
        throw odataError(`The 'in' operator is not supported in '${this.text}'. Use 'or' instead.`);
      }
      throw this.syntaxError(opToken, `comparison operator (${COMPARISONS.join(", ")}) expected`);
    }
    const op = opToken.text as Comparison;
    const second = this.next("an operand");
    // Either side may hold the property (`incidentId gt 5` or `5 lt incidentId`).
    if (first.kind === "ident" && second.kind === "literal") {
      return compareNode(first.text, op, second.literal, this.text);
    }
    if (first.kind === "literal" && second.kind === "ident") {
      return compareNode(second.text, FLIPPED[op], first.literal, this.text);
    }
    throw this.syntaxError(second, "a comparison needs one property and one literal");
  }
}

function compareNode(property: string, op: Comparison, literal: Literal, text: string): FilterNode {
  const type = PROPERTIES[property];
  if (!type) {
    const type = "microsoft.windowsDefenderATP.api.PublicAlert";
    throw odataError(`Could not find a property named '${property}' on type '${type}' ('${text}').`);
  }
  const incompatible = (): ApiError =>
    odataError(
      `A binary operator with incompatible types was detected. Found operand types '${EDM_TYPE[type]}' and ` +
        `'${literalType(literal)}' for operator kind '${OPERATOR_KIND[op]}'.`,
    );
  if (literal.kind === "null") {
    if (op !== "eq" && op !== "ne") throw incompatible();
    return { kind: "compare", property, op, literal };
  }
  const expected: Record<PropertyType, Literal["kind"]> = {
    datetime: "datetime",
    string: "string",
    long: "integer",
    enum: "string",
  };
  if (literal.kind !== expected[type]) throw incompatible();
  if (type === "enum") {
    const members = ENUMS[property] ?? [];
    // Enum constants are case-sensitive; ordering comparisons on them are not offered.
    if (literal.kind === "string" && !members.includes(literal.value)) {
      const message = `The string '${literal.value}' is not a valid enumeration type constant for '${property}'`;
      throw odataError(`${message} (${members.join(", ")}).`);
    }
    if (op !== "eq" && op !== "ne") throw incompatible();
  }
  return { kind: "compare", property, op, literal };
}

function literalType(literal: Literal): string {
  return { null: "null", string: "Edm.String", datetime: "Edm.DateTimeOffset", integer: "Edm.Int32" }[literal.kind];
}

export function parseFilter(text: string): FilterNode {
  return new FilterParser(text).parse();
}

export function evaluate(node: FilterNode, alert: Alert): boolean {
  switch (node.kind) {
    case "and":
      return evaluate(node.left, alert) && evaluate(node.right, alert);
    case "or":
      return evaluate(node.left, alert) || evaluate(node.right, alert);
    case "not":
      return !evaluate(node.operand, alert);
    case "compare":
      return compareValue(alert[node.property], node.op, node.literal);
  }
}

function compareValue(raw: unknown, op: Comparison, literal: Literal): boolean {
  if (literal.kind === "null") return (raw === null || raw === undefined) === (op === "eq");
  if (raw === null || raw === undefined) return op === "ne";
  let order: number;
  if (literal.kind === "datetime") {
    const ticks = typeof raw === "string" ? isoToTicks(raw) : undefined;
    if (ticks === undefined) return op === "ne";
    order = ticks < literal.value ? -1 : ticks > literal.value ? 1 : 0;
  } else if (literal.kind === "integer") {
    order = Math.sign(Number(raw) - literal.value);
  } else {
    const value = String(raw);
    order = value < literal.value ? -1 : value > literal.value ? 1 : 0;
  }
  return { eq: order === 0, ne: order !== 0, gt: order > 0, ge: order >= 0, lt: order < 0, le: order <= 0 }[op];
}

/**
 * ISO-8601 to 100 ns ticks since the epoch. Defender stores up to 7 fractional digits; comparing at
 * millisecond precision would make `gt <last seen time>` cursors repeat or skip alerts.
 */
// ---- query options, ordering, presentation ------------------------------------------------------

interface QueryOptions {
  filter?: FilterNode;
  top?: number;
  skip: number;
  expandEvidence: boolean;
}

function parseQueryOptions(params: URLSearchParams): QueryOptions {
  const options: QueryOptions = { skip: 0, expandEvidence: false };
  for (const [name, value] of params) {
    if (!name.startsWith("$")) continue;
    if (params.getAll(name).length > 1) throw odataError(`Query option '${name}' was specified more than once.`);
    switch (name) {
      case "$filter":
        options.filter = parseFilter(value);
        break;
      case "$top":
        options.top = parseCount("$top", value, 1, MAX_TOP);
        break;
      case "$skip":
        options.skip = parseCount("$skip", value, 0, Number.MAX_SAFE_INTEGER);
        break;
      case "$expand":
        if (value !== "evidence") throw odataError(`Could not find a navigation property named '${value}' to expand.`);
        options.expandEvidence = true;
        break;
      default:
        throw odataError(`The query parameter '${name}' is not supported.`);
    }
  }
  return options;
}

function parseCount(name: string, value: string, min: number, max: number): number {
  if (!/^\d+$/.test(value)) throw odataError(`Invalid value '${value}' for ${name}: a non-negative integer is required.`);
  const n = Number(value);
  if (n < min || n > max) {
    throw odataError(`The value '${value}' of ${name} is out of range: it must be between ${min} and ${max}.`);
  }
  return n;
}

/** Stable, deliberately non-chronological order (by a hash of the id), so clients cannot lean on order. */
function stableOrder(alerts: Alert[]): Alert[] {
  const key = (a: Alert): string => crypto.createHash("sha256").update(a.id).digest("hex");
  return [...alerts].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function present(alert: Alert, expandEvidence: boolean): Record<string, unknown> {
  const copy = structuredClone(alert) as Record<string, unknown>;
  // The service always answers the comment list, oldest first, empty when there are none.
  if (!Array.isArray(copy["comments"])) copy["comments"] = [];
  if (!expandEvidence) delete copy["evidence"];
  return copy;
}

// ---- helpers ------------------------------------------------------------------------------------

function checkEnum(property: string, value: string | undefined, allowed: string[]): void {
  // Enum values are case-sensitive: a known value in another case does not deserialize at all.
  if (value !== undefined && !allowed.includes(value) && allowed.some((v) => v.toLowerCase() === value.toLowerCase())) {
    const message = `Request body is incorrect: '${value}' is not a valid value for '${property}' (values are case-sensitive).`;
    throw new ApiError(400, "InvalidRequestBody", message);
  }
  if (value !== undefined && !allowed.includes(value)) {
    const message = `The value '${value}' is not valid for '${property}'. Valid values: ${allowed.join(", ")}.`;
    throw new ApiError(400, "InvalidInput", message);
  }
}

function requireJson(req: IncomingMessage): void {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError(415, "UnsupportedMediaType", `Content-Type '${type}' is not supported; use application/json.`);
  }
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "InvalidRequestBody", "Request body is incorrect: it is not valid JSON.");
  }
}

function decodePathSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, "MethodNotAllowed", `The requested resource does not support http method '${method}'.`);
}

function jwtRoles(token: string): string[] {
  const roles = jwtClaims(token)["roles"];
  return Array.isArray(roles) ? roles.map(String) : [];
}

function errorBody(code: string, message: string): { error: { code: string; message: string; target: string } } {
  return { error: { code, message, target: crypto.randomUUID() } };
}

/** Defender writes times with 7 fractional digits; mimic that so clients parse them leniently. */
function formatTime(date: Date): string {
  return date.toISOString().replace(/Z$/, "0000Z");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, body === undefined ? "" : JSON.stringify(body), headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...(text ? { "content-type": "application/json; odata.metadata=minimal; charset=utf-8" } : {}),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

async function sendInjected(res: ServerResponse, response: InjectedDefenderResponse): Promise<void> {
  if (response.delayMs) await new Promise((resolve) => setTimeout(resolve, response.delayMs));
  const text = response.raw ?? (response.body === undefined ? "" : JSON.stringify(response.body));
  if (!response.reset) {
    sendText(res, response.status, text, response.headers);
    return;
  }
  // Promise the whole body, deliver part of it, then cut the connection: a mid-body network failure.
  const full = text || '{"value":[]}';
  res.writeHead(response.status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(full)),
    ...response.headers,
  });
  res.write(full.slice(0, Math.max(1, Math.floor(full.length / 2))), () => res.destroy());
}
