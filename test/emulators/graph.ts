// Microsoft Graph security API emulator (alerts_v2 and incidents, plain HTTP on 127.0.0.1).
//
// Held to Microsoft's service metadata for the `microsoft.graph.security` namespace: stored alerts and
// incidents are typed with Microsoft's published Graph types, and every enum the emulator accepts is an
// exhaustive map over those unions, so the compiler checks them. Strict where the real service is, or
// may be, strict: `$filter` only on the documented fields, only eq/ne/gt/ge/lt/le with and/or and
// parentheses, enum constants quoted and case-sensitive, datetimes unquoted; PATCH only the updatable
// fields (alerts: four; incidents: six, `redirected` left to merges) with the schema's values;
// evolvable enum members hidden as `unknownFutureValue` without `Prefer: include-unknown-enum-members`,
// and refused in a `$filter` or an incident PATCH without it (Microsoft's evolvable-enum guideline);
// 150 calls a minute per app and tenant; paging past a deep `$skip` silently ends. Errors come in
// Graph's shape with `innerError` and a request id.
//
// Incidents hold no alerts: an alert belongs to the incident its `incidentId` names, so a merge
// (`merge()`) or a new alert (`correlate()`) shows in `$expand=alerts` as Defender would show it.
import crypto from "node:crypto";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import type { DetectionSource, GraphAlert, GraphIncident, ServiceSource } from "./sample-graph-alerts.ts";
import { closeServer, isoToTicks, jwtClaims, listenOnLoopback, nextLink, parseJsonLenient, readBody } from "./wire.ts";

export type { GraphAlert, GraphIncident };

export interface GraphEmulatorOptions {
  /** Bearer tokens to accept (default: any non-empty token). A refused token gets 401. */
  acceptToken?: (token: string) => boolean;
  /**
   * Check the JWT like Graph: `aud` must be the Graph resource (else 401), and `roles` must hold
   * SecurityAlert.Read.All / SecurityAlert.ReadWrite.All (incidents: SecurityIncident.*) (else 403).
   * Off by default so opaque test tokens work.
   */
  checkRoles?: boolean;
  /** With checkRoles, the accepted audiences. Default: the Graph resource in every cloud, and its app ID. */
  audiences?: string[];
  /** Calls a rolling minute per app and tenant on alerts and incidents (documented: 150). `false` turns it off. */
  perMinute?: number | false;
  /**
   * Largest page. A `$top` above it gets a page of this size with `@odata.nextLink` to the rest, and a
   * list without `$top` is paged at it. Not documented for alerts_v2 (the old alerts API capped `$top`
   * at 1,000); default 1,000.
   */
  maxPageSize?: number;
  /**
   * Deepest `$skip` served. Past it the service stops paging: an empty `value` and no nextLink, with
   * no error (as Elastic's integration met in production). The offset is not documented for alerts_v2
   * (the old alerts API: 500); default 500.
   */
  maxSkip?: number;
  /** `createdByDisplayName` of comments posted with the app's token. */
  appDisplayName?: string;
  /** Clock, for deterministic times and rate-limit windows. */
  now?: () => Date;
}

export interface GraphRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
  prefer?: string;
  status: number;
  /** When it arrived, in ms on the emulator's clock. */
  at: number;
}

export interface InjectedGraphResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Sent verbatim as the body instead of `body`. */
  raw?: string;
  delayMs?: number;
  /** Carry out the request as normal, then answer with this injected response instead. */
  applyEffect?: boolean;
}

interface Injection {
  match: { method: string; path: RegExp };
  responses: InjectedGraphResponse[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const MINUTE_MS = 60_000;
const PREFIX = "/v1.0/security";
/** The Graph resource as a token's `aud` may carry it: each cloud's host, and Graph's app ID. */
export const GRAPH_AUDIENCES = [
  "https://graph.microsoft.com",
  "https://graph.microsoft.us",
  "https://dod-graph.microsoft.us",
  "00000003-0000-0000-c000-000000000000",
];
export const DEFAULT_APP_DISPLAY_NAME = "defender-issues";
const INCLUDE_UNKNOWN = "include-unknown-enum-members";

// ---- the schema's enums, as exhaustive maps over Microsoft's unions ----------------------------
//
// `true` marks a member a client may send; `false` marks `unknownFutureValue`, the sentinel (and the
// incident status `redirected`, which only Defender sets). The Record type makes the compiler refuse a
// missing member or one the types do not have.

const ALERT_STATUSES: Record<SecurityNamespace.AlertStatus, boolean> = {
  unknown: true,
  new: true,
  inProgress: true,
  resolved: true,
  unknownFutureValue: false,
};
const SEVERITIES: Record<SecurityNamespace.AlertSeverity, boolean> = {
  unknown: true,
  informational: true,
  low: true,
  medium: true,
  high: true,
  unknownFutureValue: false,
};
const CLASSIFICATIONS: Record<SecurityNamespace.AlertClassification, boolean> = {
  unknown: true,
  falsePositive: true,
  truePositive: true,
  informationalExpectedActivity: true,
  unknownFutureValue: false,
};
const DETERMINATIONS: Record<SecurityNamespace.AlertDetermination, boolean> = {
  unknown: true,
  apt: true,
  malware: true,
  securityPersonnel: true,
  securityTesting: true,
  unwantedSoftware: true,
  other: true,
  multiStagedAttack: true,
  compromisedAccount: true,
  phishing: true,
  maliciousUserActivity: true,
  notMalicious: true,
  notEnoughDataToValidate: true,
  confirmedActivity: true,
  lineOfBusinessApplication: true,
  unknownFutureValue: false,
};
/**
 * The determinations Microsoft's update page spells differently from the schema. The schema is what
 * the service validates against, so these are refused like any unknown value.
 */
export const DOCUMENTATION_ONLY_DETERMINATIONS: Record<string, SecurityNamespace.AlertDetermination> = {
  compromisedUser: "compromisedAccount",
  clean: "notMalicious",
  insufficientData: "notEnoughDataToValidate",
  confirmedUserActivity: "confirmedActivity",
};
const SERVICE_SOURCES: Record<ServiceSource, boolean> = {
  unknown: true,
  microsoftDefenderForEndpoint: true,
  microsoftDefenderForIdentity: true,
  microsoftDefenderForCloudApps: true,
  microsoftDefenderForOffice365: true,
  microsoft365Defender: true,
  azureAdIdentityProtection: true,
  microsoftAppGovernance: true,
  dataLossPrevention: true,
  unknownFutureValue: false,
  microsoftDefenderForCloud: true,
  microsoftSentinel: true,
  microsoftInsiderRiskManagement: true,
  microsoftThreatIntelligence: true,
  microsoftSecurityForAI: true,
};
// A merge sets `redirected`, with the survivor in `redirectIncidentId`, which no request body can name:
// a client filters on it but cannot set it.
const INCIDENT_STATUSES: Record<SecurityNamespace.IncidentStatus, boolean> = {
  active: true,
  resolved: true,
  inProgress: true,
  redirected: false,
  unknownFutureValue: false,
  awaitingAction: true,
};

/**
 * Members after `unknownFutureValue` in the schema (evolvable: hidden without the Prefer header).
 * Declared as the schema lists them, checked against the unions by the compiler.
 */
const EVOLVABLE_SERVICE_SOURCES: readonly ServiceSource[] = [
  "microsoftDefenderForCloud",
  "microsoftSentinel",
  "microsoftInsiderRiskManagement",
  "microsoftThreatIntelligence",
  "microsoftSecurityForAI",
];
const EVOLVABLE_DETECTION_SOURCES: readonly DetectionSource[] = [
  "microsoftDefenderForCloud",
  "microsoftDefenderForIoT",
  "microsoftDefenderForServers",
  "microsoftDefenderForStorage",
  "microsoftDefenderForDNS",
  "microsoftDefenderForDatabases",
  "microsoftDefenderForContainers",
  "microsoftDefenderForNetwork",
  "microsoftDefenderForAppService",
  "microsoftDefenderForKeyVault",
  "microsoftDefenderForResourceManager",
  "microsoftDefenderForApiManagement",
  "nrtAlerts",
  "scheduledAlerts",
  "microsoftDefenderThreatIntelligenceAnalytics",
  "builtInMl",
  "microsoftInsiderRiskManagement",
  "microsoftThreatIntelligence",
  "microsoftDefenderForAIServices",
  "securityCopilot",
  "microsoftSentinel",
];
const EVOLVABLE_INCIDENT_STATUSES: readonly SecurityNamespace.IncidentStatus[] = ["awaitingAction"];
const EVOLVABLE_REMEDIATION_STATUSES: readonly SecurityNamespace.EvidenceRemediationStatus[] = [
  "active",
  "pendingApproval",
  "declined",
  "unremediated",
  "running",
  "partiallyRemediated",
];

/** Fields PATCH /alerts_v2/{id} accepts (the update page; the schema marks none read-only). */
type AlertUpdate = Partial<Pick<GraphAlert, "status" | "classification" | "determination" | "assignedTo">>;
const UPDATABLE: Record<keyof AlertUpdate, true> = { status: true, classification: true, determination: true, assignedTo: true };

/**
 * Fields PATCH /incidents/{id} accepts: the update page's five (assignedTo, classification,
 * determination, status, customTags), and resolvingComment, which our reference names as well. The
 * rest of the entity (displayName, severity, summary, description, …) is Defender's to write.
 */
type IncidentUpdate = Partial<Pick<GraphIncident, "status" | "classification" | "determination" | "assignedTo" | "customTags" | "resolvingComment">>;
/** What an analyst may change in the portal; `redirected` comes only from a merge (`merge()`). */
export type PortalIncidentChange = Omit<IncidentUpdate, "status"> & {
  status?: Exclude<SecurityNamespace.IncidentStatus, "redirected" | "unknownFutureValue">;
  comment?: string;
  by?: string;
  at?: Date;
};
const INCIDENT_UPDATABLE: Record<keyof IncidentUpdate, true> = {
  status: true,
  classification: true,
  determination: true,
  assignedTo: true,
  customTags: true,
  resolvingComment: true,
};
/** Every property of the incident entity type, so a refusal can say "read-only" rather than "unknown". */
const INCIDENT_PROPERTIES: Record<keyof SecurityNamespace.Incident | "priorityScore", true> = {
  id: true,
  assignedTo: true,
  classification: true,
  comments: true,
  createdDateTime: true,
  customTags: true,
  description: true,
  determination: true,
  displayName: true,
  incidentWebUrl: true,
  lastModifiedBy: true,
  lastUpdateDateTime: true,
  priorityScore: true,
  redirectIncidentId: true,
  resolvingComment: true,
  severity: true,
  status: true,
  summary: true,
  systemTags: true,
  tenantId: true,
  alerts: true,
};
const SEVERITY_RANK: Record<SecurityNamespace.AlertSeverity, number> = {
  unknown: 0,
  unknownFutureValue: 0,
  informational: 1,
  low: 2,
  medium: 3,
  high: 4,
};

const members = (map: Record<string, boolean>): string[] => Object.keys(map);

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

const badRequest = (message: string): ApiError => new ApiError(400, "BadRequest", message);

export class GraphEmulator {
  alerts: GraphAlert[] = [];
  incidents: GraphIncident[] = [];
  requests: GraphRequest[] = [];
  /** Bodies of the alert PATCHes served. */
  patches: Array<{ id: string; body: unknown }> = [];
  /** Bodies of the incident PATCHes served. */
  incidentPatches: Array<{ id: string; body: unknown }> = [];

  private readonly options: GraphEmulatorOptions;
  private readonly server: http.Server;
  private readonly injections: Injection[] = [];
  private callTimes = new Map<string, number[]>();
  private port = 0;

  constructor(options: GraphEmulatorOptions = {}) {
    this.options = options;
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorBody("InternalServerError", String(error), req, this.now()));
        else res.destroy();
      });
    });
  }

  /** `http://127.0.0.1:PORT`: stands for `https://graph.microsoft.com`. */
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
  inject(match: { method: string; path: RegExp }, ...responses: InjectedGraphResponse[]): void {
    this.injections.push({ match, responses: [...responses] });
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", this.url);
    const text = await readBody(req);
    const record: GraphRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseJsonLenient(text),
      status: 0,
      at: this.now().getTime(),
    };
    if (req.headers.authorization !== undefined) record.authorization = req.headers.authorization;
    if (req.headers.prefer !== undefined) record.prefer = String(req.headers.prefer);
    this.requests.push(record);

    const ids = requestIds(req);
    const injection = this.injections.find(
      (i) => i.match.method.toUpperCase() === method && i.match.path.test(url.pathname) && i.responses.length > 0,
    );
    const injected = injection?.responses.shift();
    if (injected) {
      if (injected.applyEffect) this.dispatch(method, url, req, text);
      record.status = injected.status;
      if (injected.delayMs) await new Promise((resolve) => setTimeout(resolve, injected.delayMs));
      const body = injected.raw ?? (injected.body === undefined ? "" : JSON.stringify(injected.body));
      sendText(res, injected.status, body, { ...ids, ...injected.headers });
      return;
    }
    const reply = this.dispatch(method, url, req, text);
    record.status = reply.status;
    sendJson(res, reply.status, reply.body, { ...ids, ...reply.headers });
  }

  private dispatch(method: string, url: URL, req: IncomingMessage, text: string): Reply {
    try {
      return this.route(method, url, req, text);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return { status: error.status, body: errorBody(error.code, error.message, req, this.now()), headers: error.headers };
    }
  }

  private route(method: string, url: URL, req: IncomingMessage, text: string): Reply {
    const m = /^\/v1\.0\/security\/(alerts_v2|incidents)(?:\/([^/]+))?(\/comments)?\/?$/.exec(url.pathname);
    if (!m) throw new ApiError(404, "NotFound", `Resource not found for the segment '${url.pathname}'.`);
    const [, collection, rawId, comments] = m;
    const resource = collection === "alerts_v2" ? "alert" : "incident";
    const id = rawId === undefined ? undefined : decodePathSegment(rawId);
    const write = method !== "GET";
    const claims = this.authorize(req.headers.authorization, resource, write);
    this.takeSlot(claims);
    const include = preferIncludesUnknown(req.headers.prefer === undefined ? undefined : String(req.headers.prefer));

    if (id === undefined) {
      if (method !== "GET" || comments) throw methodNotAllowed(method);
      return { status: 200, body: resource === "alert" ? this.listAlerts(url, include) : this.listIncidents(url, include) };
    }
    if (resource === "incident") return this.routeIncident(method, id, url, req, text, claims, include, comments !== undefined);
    if (comments) {
      if (method !== "POST") throw methodNotAllowed(method);
      requireJson(req);
      const comment = commentText(parseJsonBody(text));
      return { status: 200, body: this.postComment(this.findAlert(id), comment, claims) };
    }
    if (method === "GET") {
      rejectQueryOptions(url.searchParams);
      return { status: 200, body: { "@odata.context": `${this.url}${PREFIX}/$metadata#security/alerts_v2/$entity`, ...present(this.findAlert(id), include) } };
    }
    if (method === "PATCH") {
      requireJson(req);
      return { status: 200, body: this.patch(id, parseJsonBody(text), include) };
    }
    throw methodNotAllowed(method);
  }

  // ---- tokens and limits ------------------------------------------------------------------------

  private authorize(header: string | undefined, resource: "alert" | "incident", write: boolean): Record<string, unknown> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
    const accept = this.options.acceptToken ?? ((t: string) => t.length > 0);
    if (!token || !accept(token)) {
      throw new ApiError(401, "InvalidAuthenticationToken", "Access token is empty or invalid.", {
        "www-authenticate": 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      });
    }
    const claims = jwtClaims(token);
    if (!this.options.checkRoles) return claims;
    const audience = claims["aud"];
    const audiences = this.options.audiences ?? GRAPH_AUDIENCES;
    if (typeof audience !== "string" || !audiences.includes(audience.replace(/\/$/, ""))) {
      throw new ApiError(401, "InvalidAuthenticationToken", `Access token validation failure. Invalid audience '${String(audience)}'.`);
    }
    const roles = Array.isArray(claims["roles"]) ? (claims["roles"] as unknown[]).map(String) : [];
    const family = resource === "alert" ? "SecurityAlert" : "SecurityIncident";
    const needed = write ? [`${family}.ReadWrite.All`] : [`${family}.Read.All`, `${family}.ReadWrite.All`];
    if (!needed.some((r) => roles.includes(r))) {
      throw new ApiError(403, "Forbidden", `Missing application permission: one of ${needed.join(", ")} is required.`);
    }
    return claims;
  }

  /** 150 calls a rolling minute per app and tenant (the token's `appid` and `tid`); 429 with Retry-After. */
  private takeSlot(claims: Record<string, unknown>): void {
    const limit = this.options.perMinute ?? 150;
    if (limit === false) return;
    const key = `${String(claims["tid"] ?? "")}/${String(claims["appid"] ?? claims["azp"] ?? "")}`;
    const now = this.now().getTime();
    const recent = (this.callTimes.get(key) ?? []).filter((t) => t > now - MINUTE_MS);
    this.callTimes.set(key, recent);
    const oldest = recent[0];
    if (recent.length >= limit && oldest !== undefined) {
      const retryAfter = Math.max(1, Math.ceil((oldest + MINUTE_MS - now) / 1000));
      throw new ApiError(429, "TooManyRequests", "Too many requests.", { "retry-after": String(retryAfter) });
    }
    recent.push(now);
  }

  // ---- alerts -----------------------------------------------------------------------------------

  private listAlerts(url: URL, include: boolean): Record<string, unknown> {
    const options = parseQueryOptions(url.searchParams, ALERT_FILTER, false, include);
    // Without the Prefer header the filter sees what the client sees: evolvable members as the sentinel.
    const matching = this.alerts.filter((a) => !options.filter || evaluate(options.filter, include ? a : present(a, false)));
    const rows = order(matching, options.orderBy);
    return this.page(url, "alerts_v2", rows.map((a) => present(a, include)), options);
  }

  private findAlert(id: string): GraphAlert {
    const alert = this.alerts.find((a) => a.id === id);
    if (!alert) throw new ApiError(404, "NotFound", `Alert with id '${id}' was not found.`);
    return alert;
  }

  private patch(id: string, body: unknown, include: boolean): Record<string, unknown> {
    const update = validateUpdate(body);
    const alert = this.findAlert(id);
    const now = this.now().toISOString();
    if (update.status !== undefined) {
      alert.status = update.status;
      alert.resolvedDateTime = update.status === "resolved" ? now : null;
    }
    if (update.classification !== undefined) alert.classification = update.classification;
    if (update.determination !== undefined) alert.determination = update.determination;
    if (update.assignedTo !== undefined) alert.assignedTo = update.assignedTo;
    alert.lastUpdateDateTime = now;
    this.patches.push({ id, body });
    return { "@odata.context": `${this.url}${PREFIX}/$metadata#security/alerts_v2/$entity`, ...present(alert, include) };
  }

  /** Appends a comment signed by the app to an alert or incident; answers the whole list, as Graph does. */
  private postComment(target: GraphAlert | GraphIncident, comment: string, claims: Record<string, unknown>): Record<string, unknown> {
    const now = this.now().toISOString();
    const author = this.options.appDisplayName ?? (typeof claims["app_displayname"] === "string" ? claims["app_displayname"] : DEFAULT_APP_DISPLAY_NAME);
    target.comments = [...(target.comments ?? []), { comment, createdByDisplayName: author, createdDateTime: now }];
    target.lastUpdateDateTime = now;
    return { "@odata.context": `${this.url}${PREFIX}/$metadata#Collection(microsoft.graph.security.alertComment)`, value: structuredClone(target.comments) };
  }

  /**
   * A change made in the Defender portal: the same fields and values PATCH accepts (a bad one throws),
   * an optional comment signed `by`, and `lastUpdateDateTime` moved to `at` (default: the clock).
   */
  portal(id: string, change: AlertUpdate & { comment?: string; by?: string; at?: Date }): GraphAlert {
    const { comment, by = "analyst@contoso.com", at, ...fields } = change;
    const update = validateUpdate(fields, true);
    const alert = this.findAlert(id);
    const now = (at ?? this.now()).toISOString();
    Object.assign(alert, update);
    if (update.status !== undefined) alert.resolvedDateTime = update.status === "resolved" ? now : null;
    if (comment !== undefined) alert.comments = [...(alert.comments ?? []), { comment, createdByDisplayName: by, createdDateTime: now }];
    alert.lastUpdateDateTime = now;
    return structuredClone(alert);
  }

  // ---- incidents --------------------------------------------------------------------------------

  private listIncidents(url: URL, include: boolean): Record<string, unknown> {
    const options = parseQueryOptions(url.searchParams, INCIDENT_FILTER, true, include);
    const matching = this.incidents.filter((i) => !options.filter || evaluate(options.filter, include ? i : this.presentIncident(i, false, false)));
    const rows = order(matching, options.orderBy);
    return this.page(url, "incidents", rows.map((i) => this.presentIncident(i, include, options.expandAlerts)), options);
  }

  private getIncident(id: string, url: URL, include: boolean): Record<string, unknown> {
    const expandAlerts = parseExpand(url.searchParams);
    for (const name of url.searchParams.keys()) {
      if (name.startsWith("$") && name !== "$expand") throw badRequest(`Query option '${name}' is not allowed on a single incident.`);
    }
    return { "@odata.context": `${this.url}${PREFIX}/$metadata#security/incidents/$entity`, ...this.presentIncident(this.findIncident(id), include, expandAlerts) };
  }

  private routeIncident(method: string, id: string, url: URL, req: IncomingMessage, text: string, claims: Record<string, unknown>, include: boolean, comments: boolean): Reply {
    if (comments) {
      if (method !== "POST") throw methodNotAllowed(method);
      requireJson(req);
      const comment = commentText(parseJsonBody(text));
      const incident = writableIncident(this.findIncident(id));
      const body = this.postComment(incident, comment, claims);
      incident.lastModifiedBy = appModifier(claims) ?? incident.lastModifiedBy ?? null;
      return { status: 200, body };
    }
    if (method === "GET") return { status: 200, body: this.getIncident(id, url, include) };
    if (method !== "PATCH") throw methodNotAllowed(method);
    rejectQueryOptions(url.searchParams, "incident");
    requireJson(req);
    return { status: 200, body: this.patchIncident(id, parseJsonBody(text), include, claims) };
  }

  private findIncident(id: string): GraphIncident {
    const incident = this.incidents.find((i) => i.id === id);
    if (!incident) throw new ApiError(404, "NotFound", `Incident with id '${id}' was not found.`);
    return incident;
  }

  private patchIncident(id: string, body: unknown, include: boolean, claims: Record<string, unknown>): Record<string, unknown> {
    const update = validateIncidentUpdate(body, include);
    const incident = writableIncident(this.findIncident(id));
    this.updateIncident(incident, update, this.now().toISOString(), appModifier(claims));
    this.incidentPatches.push({ id, body });
    return { "@odata.context": `${this.url}${PREFIX}/$metadata#security/incidents/$entity`, ...this.presentIncident(incident, include, false) };
  }

  /**
   * Applies an update; `lastUpdateDateTime` moves unless nothing was set (a PATCH of only
   * `unknownFutureValue`). Resolving the incident resolves its alerts with its classification and
   * determination; reopening it leaves them as they are.
   */
  private updateIncident(incident: GraphIncident, update: IncidentUpdate, now: string, modifiedBy: string | undefined): void {
    if (Object.keys(update).length === 0) return;
    Object.assign(incident, update);
    touch(incident, now, modifiedBy);
    if (update.status === "resolved") this.resolveAlertsOf(incident, now);
  }

  private resolveAlertsOf(incident: GraphIncident, now: string): void {
    for (const alert of this.alerts) {
      if (alert.incidentId !== incident.id) continue;
      if (alert.status !== "resolved") {
        alert.status = "resolved";
        alert.resolvedDateTime = now;
      }
      if (incident.classification) alert.classification = incident.classification;
      if (incident.determination) alert.determination = incident.determination;
      alert.lastUpdateDateTime = now;
    }
  }

  // ---- what Defender and analysts do to incidents (test helpers) --------------------------------

  /**
   * A change an analyst makes in the Defender portal: the fields and values PATCH accepts (a bad one
   * throws), an optional comment signed `by`, who also becomes `lastModifiedBy`, and
   * `lastUpdateDateTime` moved to `at` (default: the clock). Resolving resolves the incident's alerts,
   * as PATCH does.
   */
  portalIncident(id: string, change: PortalIncidentChange): GraphIncident {
    const { comment, by = "analyst@contoso.com", at, ...fields } = change;
    const update = validateIncidentUpdate(fields, true, true);
    if (comment !== undefined) commentText({ comment });
    const incident = writableIncident(this.findIncident(id));
    const now = (at ?? this.now()).toISOString();
    if (comment !== undefined) {
      incident.comments = [...(incident.comments ?? []), { comment, createdByDisplayName: by, createdDateTime: now }];
      touch(incident, now, by);
    }
    this.updateIncident(incident, update, now, by);
    return structuredClone(incident);
  }

  /**
   * Defender merges incident `fromId` into `intoId` (by its own correlation, or an analyst's): the
   * merged incident turns `redirected` with `redirectIncidentId` = the survivor, its alerts move there
   * (`incidentId`, `incidentWebUrl`), the survivor's severity rises to the merged one's, and both
   * incidents' `lastUpdateDateTime` move to `at` (default: the clock). The alerts' own
   * `lastUpdateDateTime` stay, so a client cannot count on them to see a merge. A merged incident
   * keeps naming the incident it was merged into when that one is merged in turn: A → B → C is read
   * hop by hop. A merged incident can be neither side of another merge.
   */
  merge(fromId: string, intoId: string, at?: Date): { merged: GraphIncident; survivor: GraphIncident } {
    if (fromId === intoId) throw new Error(`An incident cannot be merged into itself (${fromId}).`);
    const from = writableIncident(this.findIncident(fromId));
    const into = writableIncident(this.findIncident(intoId));
    const now = (at ?? this.now()).toISOString();
    for (const alert of this.alerts) {
      if (alert.incidentId !== fromId) continue;
      alert.incidentId = intoId;
      alert.incidentWebUrl = into.incidentWebUrl ?? null;
    }
    from.status = "redirected";
    from.redirectIncidentId = intoId;
    from.lastUpdateDateTime = now;
    into.severity = higherSeverity(into.severity, from.severity);
    into.lastUpdateDateTime = now;
    return { merged: structuredClone(from), survivor: structuredClone(into) };
  }

  /**
   * Defender correlates a new alert into the incident its `incidentId` names: the alert is stored,
   * the incident's severity rises to the alert's, and its `lastUpdateDateTime` moves to `at` (default:
   * the clock), which is how a listing by `lastUpdateDateTime` sees an older incident grow.
   */
  correlate(alert: GraphAlert, at?: Date): GraphIncident {
    if (!alert.incidentId) throw new Error(`Alert ${alert.id} names no incident.`);
    if (this.alerts.some((a) => a.id === alert.id)) throw new Error(`Alert ${alert.id} is already stored.`);
    const incident = writableIncident(this.findIncident(alert.incidentId));
    this.alerts.push(alert);
    incident.severity = higherSeverity(incident.severity, alert.severity);
    incident.lastUpdateDateTime = (at ?? this.now()).toISOString();
    return structuredClone(incident);
  }

  private presentIncident(incident: GraphIncident, include: boolean, expandAlerts: boolean): Record<string, unknown> {
    const copy: Record<string, unknown> = structuredClone(incident);
    if (!include && EVOLVABLE_INCIDENT_STATUSES.includes(incident.status ?? "active")) copy["status"] = "unknownFutureValue";
    if (expandAlerts) {
      const alerts = this.alerts.filter((a) => a.incidentId === incident.id);
      copy["alerts"] = order(alerts, undefined).map((a) => present(a, include));
    }
    return copy;
  }

  // ---- paging -----------------------------------------------------------------------------------

  private page(url: URL, collection: string, rows: Array<Record<string, unknown>>, options: QueryOptions): Record<string, unknown> {
    const maxPage = this.options.maxPageSize ?? 1000;
    const maxSkip = this.options.maxSkip ?? 500;
    const size = Math.min(options.top ?? maxPage, maxPage);
    const body: Record<string, unknown> = { "@odata.context": `${this.url}${PREFIX}/$metadata#security/${collection}` };
    if (options.count) body["@odata.count"] = rows.length;
    // Past the deepest $skip the service stops paging without an error: an empty page, no nextLink.
    if (options.skip > maxSkip) {
      body["value"] = [];
      return body;
    }
    const end = options.skip + size;
    body["value"] = rows.slice(options.skip, end);
    // $top is the page size: the rest stays reachable through nextLink, whatever $top asked for.
    if (end < rows.length) body["@odata.nextLink"] = nextLink(url, this.url, end);
    return body;
  }
}

// ---- PATCH validation -----------------------------------------------------------------------------

function validateUpdate(body: unknown, allowEmpty = false): AlertUpdate {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const update: AlertUpdate = {};
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(UPDATABLE, key)) {
      throw badRequest(`Invalid property '${key}': only ${Object.keys(UPDATABLE).join(", ")} can be updated.`);
    }
    switch (key as keyof AlertUpdate) {
      case "status":
        update.status = enumValue("status", value, ALERT_STATUSES, "alertStatus");
        break;
      case "classification":
        update.classification = enumValue("classification", value, CLASSIFICATIONS, "alertClassification");
        break;
      case "determination":
        update.determination = enumValue("determination", value, DETERMINATIONS, "alertDetermination");
        break;
      case "assignedTo":
        if (value !== null && typeof value !== "string") throw badRequest("Invalid value for 'assignedTo': a string or null is required.");
        update.assignedTo = value;
        break;
    }
  }
  if (!allowEmpty && Object.keys(update).length === 0) throw badRequest(`At least one of ${Object.keys(UPDATABLE).join(", ")} is required.`);
  return update;
}

/** A member of the enum, case-sensitively, and never the `unknownFutureValue` sentinel. */
function enumValue<T extends string>(property: string, value: unknown, map: Record<T, boolean>, typeName: string): T {
  if (typeof value === "string" && Object.hasOwn(map, value) && map[value as T]) return value as T;
  const shown = typeof value === "string" ? `'${value}'` : JSON.stringify(value);
  throw badRequest(
    `Invalid value ${shown} for property '${property}' of type 'microsoft.graph.security.${typeName}'. ` +
      `Valid values: ${members(map).filter((m) => map[m as T]).join(", ")}.`,
  );
}

/** The text of a comment body: `{"@odata.type": "microsoft.graph.security.alertComment", "comment": …}`. */
function commentText(body: unknown): string {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (key !== "@odata.type" && key !== "comment") {
      throw badRequest(`The property '${key}' does not exist on type 'microsoft.graph.security.alertComment'.`);
    }
  }
  const type = fields["@odata.type"];
  if (type !== undefined && String(type).replace(/^#/, "") !== "microsoft.graph.security.alertComment") {
    throw badRequest(`A type named '${String(type)}' could not be resolved as 'microsoft.graph.security.alertComment'.`);
  }
  const comment = fields["comment"];
  if (typeof comment !== "string" || comment.trim() === "") throw badRequest("The 'comment' property is required and must be a non-empty string.");
  return comment;
}

function validateIncidentUpdate(body: unknown, include: boolean, allowEmpty = false): IncidentUpdate {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw badRequest("The request body must be a JSON object.");
  const updatable = Object.keys(INCIDENT_UPDATABLE).join(", ");
  if (!allowEmpty && Object.keys(body).length === 0) throw badRequest(`At least one of ${updatable} is required.`);
  const update: IncidentUpdate = {};
  for (const [key, value] of Object.entries(body)) {
    if (!Object.hasOwn(INCIDENT_UPDATABLE, key)) {
      throw badRequest(
        Object.hasOwn(INCIDENT_PROPERTIES, key)
          ? `The property '${key}' of 'microsoft.graph.security.incident' cannot be updated: only ${updatable} can.`
          : `The property '${key}' does not exist on type 'microsoft.graph.security.incident'.`,
      );
    }
    switch (key as keyof IncidentUpdate) {
      case "status":
        if (value === "redirected") throw badRequest("Invalid value 'redirected' for property 'status': an incident is redirected only by merging it into another.");
        update.status = patchEnumValue("status", value, INCIDENT_STATUSES, "incidentStatus", EVOLVABLE_INCIDENT_STATUSES, include);
        break;
      case "classification":
        update.classification = patchEnumValue("classification", value, CLASSIFICATIONS, "alertClassification", [], include);
        break;
      case "determination":
        update.determination = patchEnumValue("determination", value, DETERMINATIONS, "alertDetermination", [], include);
        break;
      case "assignedTo":
        update.assignedTo = nullableString("assignedTo", value);
        break;
      case "resolvingComment":
        update.resolvingComment = nullableString("resolvingComment", value);
        break;
      case "customTags":
        if (!Array.isArray(value) || !value.every((tag) => typeof tag === "string")) {
          throw badRequest("Invalid value for 'customTags': a collection of strings is required (an empty one clears them).");
        }
        update.customTags = value as string[];
        break;
    }
  }
  // A property sent as `unknownFutureValue` counts as absent, so it is dropped here.
  for (const key of Object.keys(update) as Array<keyof IncidentUpdate>) if (update[key] === undefined) delete update[key];
  return update;
}

/**
 * An enum member in a PATCH body, as Microsoft's evolvable-enum guideline has it: `unknownFutureValue`
 * leaves the property as it is (undefined here), and a member after it needs the Prefer header.
 */
function patchEnumValue<T extends string>(
  property: string,
  value: unknown,
  map: Record<T, boolean>,
  typeName: string,
  evolvable: readonly T[],
  include: boolean,
): T | undefined {
  if (value === "unknownFutureValue" && Object.hasOwn(map, value)) return undefined;
  const member = enumValue(property, value, map, typeName);
  if (!include && evolvable.includes(member)) {
    throw badRequest(`Invalid value '${member}' for property '${property}': an evolvable member of ${typeName} is accepted only with 'Prefer: ${INCLUDE_UNKNOWN}'.`);
  }
  return member;
}

function nullableString(property: string, value: unknown): string | null {
  if (value !== null && typeof value !== "string") throw badRequest(`Invalid value for '${property}': a string or null is required.`);
  return value;
}

/** A merged incident is Defender's record of where its alerts went; it takes no more changes. */
function writableIncident(incident: GraphIncident): GraphIncident {
  if (incident.status === "redirected") {
    throw badRequest(`Incident '${incident.id}' was merged into incident '${String(incident.redirectIncidentId)}' and can no longer be changed; change that one.`);
  }
  return incident;
}

function touch(incident: GraphIncident, now: string, modifiedBy: string | undefined): void {
  incident.lastUpdateDateTime = now;
  if (modifiedBy !== undefined) incident.lastModifiedBy = modifiedBy;
}

/** `lastModifiedBy` for a change made with an app's token, in the form the samples carry. */
function appModifier(claims: Record<string, unknown>): string | undefined {
  const appId = claims["appid"] ?? claims["azp"];
  return typeof appId === "string" ? `API-App:${appId}` : undefined;
}

function higherSeverity(a: SecurityNamespace.AlertSeverity | undefined, b: SecurityNamespace.AlertSeverity | undefined): SecurityNamespace.AlertSeverity {
  const x = a ?? "unknown";
  const y = b ?? "unknown";
  return SEVERITY_RANK[y] > SEVERITY_RANK[x] ? y : x;
}

// ---- presentation ---------------------------------------------------------------------------------

/** An alert as Graph answers it; evolvable enum members become `unknownFutureValue` unless asked for. */
function present(alert: GraphAlert, include: boolean): Record<string, unknown> {
  const copy = structuredClone(alert) as Record<string, unknown>;
  if (!Array.isArray(copy["comments"])) copy["comments"] = [];
  if (!Array.isArray(copy["evidence"])) copy["evidence"] = [];
  if (include) return copy;
  if (EVOLVABLE_SERVICE_SOURCES.includes(alert.serviceSource)) copy["serviceSource"] = "unknownFutureValue";
  if (alert.detectionSource && EVOLVABLE_DETECTION_SOURCES.includes(alert.detectionSource)) copy["detectionSource"] = "unknownFutureValue";
  for (const evidence of copy["evidence"] as Array<Record<string, unknown>>) {
    const status = evidence["remediationStatus"] as SecurityNamespace.EvidenceRemediationStatus | undefined;
    if (status && EVOLVABLE_REMEDIATION_STATUSES.includes(status)) evidence["remediationStatus"] = "unknownFutureValue";
  }
  return copy;
}

function preferIncludesUnknown(header: string | undefined): boolean {
  return (header ?? "")
    .split(",")
    .map((p) => p.trim().toLowerCase())
    .includes(INCLUDE_UNKNOWN);
}

/** Newest first by createdDateTime unless `$orderby` says otherwise; ties broken by id. */
function order<T extends { id: string; createdDateTime?: string | null; lastUpdateDateTime?: string | null }>(
  rows: T[],
  orderBy: OrderBy | undefined,
): T[] {
  const field = orderBy?.field ?? "createdDateTime";
  const sign = orderBy?.direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = isoToTicks(a[field] ?? "") ?? 0n;
    const y = isoToTicks(b[field] ?? "") ?? 0n;
    if (x !== y) return x < y ? -sign : sign;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

// ---- query options --------------------------------------------------------------------------------

/** An enum's `evolvable` members (after `unknownFutureValue`) are filtered on only with the Prefer header. */
type FilterType = "datetime" | "string" | { enum: Record<string, boolean>; name: string; evolvable?: readonly string[] };

const ALERT_FILTER: Record<string, FilterType> = {
  assignedTo: "string",
  classification: { enum: CLASSIFICATIONS, name: "alertClassification" },
  determination: { enum: DETERMINATIONS, name: "alertDetermination" },
  createdDateTime: "datetime",
  lastUpdateDateTime: "datetime",
  severity: { enum: SEVERITIES, name: "alertSeverity" },
  serviceSource: { enum: SERVICE_SOURCES, name: "serviceSource", evolvable: EVOLVABLE_SERVICE_SOURCES },
  status: { enum: ALERT_STATUSES, name: "alertStatus" },
};

const INCIDENT_FILTER: Record<string, FilterType> = {
  assignedTo: "string",
  classification: { enum: CLASSIFICATIONS, name: "alertClassification" },
  createdDateTime: "datetime",
  determination: { enum: DETERMINATIONS, name: "alertDetermination" },
  lastUpdateDateTime: "datetime",
  severity: { enum: SEVERITIES, name: "alertSeverity" },
  status: { enum: INCIDENT_STATUSES, name: "incidentStatus", evolvable: EVOLVABLE_INCIDENT_STATUSES },
};

interface OrderBy {
  field: "createdDateTime" | "lastUpdateDateTime";
  direction: "asc" | "desc";
}

interface QueryOptions {
  filter?: FilterNode;
  top?: number;
  skip: number;
  count: boolean;
  orderBy?: OrderBy;
  expandAlerts: boolean;
}

function parseQueryOptions(params: URLSearchParams, fields: Record<string, FilterType>, incidents: boolean, include: boolean): QueryOptions {
  const options: QueryOptions = { skip: 0, count: false, expandAlerts: false };
  for (const [name, value] of params) {
    if (!name.startsWith("$")) continue;
    if (params.getAll(name).length > 1) throw badRequest(`Query option '${name}' was specified more than once.`);
    switch (name) {
      case "$filter":
        options.filter = parseFilter(value, fields, include);
        break;
      case "$top":
        options.top = parseCount("$top", value, 1);
        break;
      case "$skip":
        options.skip = parseCount("$skip", value, 0);
        break;
      case "$count":
        if (value !== "true" && value !== "false") throw badRequest(`Invalid value '${value}' for $count: true or false.`);
        options.count = value === "true";
        break;
      case "$orderby": {
        const m = /^\s*(createdDateTime|lastUpdateDateTime)(?:\s+(asc|desc))?\s*$/.exec(value);
        if (!m) throw badRequest(`Order by '${value}' is not supported: only createdDateTime or lastUpdateDateTime, asc or desc.`);
        options.orderBy = { field: m[1] as OrderBy["field"], direction: (m[2] ?? "asc") as OrderBy["direction"] };
        break;
      }
      case "$expand":
        if (!incidents) throw badRequest(`Query option '$expand' is not supported on alerts_v2.`);
        options.expandAlerts = parseExpand(params);
        break;
      default:
        throw badRequest(`Query option '${name}' is not supported.`);
    }
  }
  return options;
}

function parseExpand(params: URLSearchParams): boolean {
  const value = params.get("$expand");
  if (value === null) return false;
  if (value !== "alerts") throw badRequest(`Could not find a navigation property named '${value}' on 'microsoft.graph.security.incident'.`);
  return true;
}

function rejectQueryOptions(params: URLSearchParams, resource: "alert" | "incident" = "alert"): void {
  for (const name of params.keys()) {
    if (name.startsWith("$")) throw badRequest(`Query option '${name}' is not allowed on a single ${resource}.`);
  }
}

function parseCount(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw badRequest(`Invalid value '${value}' for ${name}: an integer of at least ${min} is required.`);
  return Number(value);
}

// ---- $filter --------------------------------------------------------------------------------------

const COMPARISONS = ["eq", "ne", "gt", "ge", "lt", "le"] as const;
type Comparison = (typeof COMPARISONS)[number];
const FLIPPED: Record<Comparison, Comparison> = { eq: "eq", ne: "ne", gt: "lt", ge: "le", lt: "gt", le: "ge" };

type Literal = { kind: "null" } | { kind: "string"; value: string } | { kind: "datetime"; value: bigint } | { kind: "number"; value: number };

export type FilterNode =
  | { kind: "and" | "or"; left: FilterNode; right: FilterNode }
  | { kind: "compare"; property: string; op: Comparison; literal: Literal };

type Token = { kind: "ident"; text: string; pos: number } | { kind: "literal"; literal: Literal; pos: number } | { kind: "punct"; text: string; pos: number };

const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}:\d{2})$/;

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
    const ch = rest.charAt(0);
    if ("(),".includes(ch)) {
      tokens.push({ kind: "punct", text: ch, pos });
      pos += 1;
      continue;
    }
    if (ch === "'") {
      let value = "";
      let i = pos + 1;
      for (;;) {
        const next = text.indexOf("'", i);
        if (next < 0) throw badRequest(`Invalid filter clause: unterminated string literal at position ${pos}.`);
        value += text.slice(i, next);
        if (text[next + 1] === "'") {
          value += "'";
          i = next + 2;
        } else {
          tokens.push({ kind: "literal", literal: { kind: "string", value }, pos });
          pos = next + 1;
          break;
        }
      }
      continue;
    }
    const word = /^[^\s()',]+/.exec(rest)?.[0] ?? ch;
    if (DATETIME_RE.test(word)) tokens.push({ kind: "literal", literal: { kind: "datetime", value: isoToTicks(word) ?? 0n }, pos });
    else if (/^-?\d+(\.\d+)?$/.test(word)) tokens.push({ kind: "literal", literal: { kind: "number", value: Number(word) }, pos });
    else if (word === "null") tokens.push({ kind: "literal", literal: { kind: "null" }, pos });
    else if (/^[A-Za-z_][A-Za-z0-9_/.]*$/.test(word)) tokens.push({ kind: "ident", text: word, pos });
    else throw badRequest(`Invalid filter clause: syntax error at position ${pos} ('${word}').`);
    pos += word.length;
  }
  return tokens;
}

class FilterParser {
  private readonly tokens: Token[];
  private readonly text: string;
  private readonly fields: Record<string, FilterType>;
  private readonly include: boolean;
  private index = 0;

  constructor(text: string, fields: Record<string, FilterType>, include: boolean) {
    this.text = text;
    this.fields = fields;
    this.include = include;
    this.tokens = tokenize(text);
  }

  parse(): FilterNode {
    if (this.tokens.length === 0) throw badRequest("Invalid filter clause: the expression is empty.");
    const node = this.parseOr();
    if (this.peek()) throw this.error(this.peek() as Token, "expected 'and', 'or' or the end of the expression");
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw badRequest(`Invalid filter clause: ${expected} expected at the end of '${this.text}'.`);
    return token;
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === "ident" && token.text === word;
  }

  private error(token: Token, detail: string): ApiError {
    return badRequest(`Invalid filter clause: syntax error at position ${token.pos} in '${this.text}': ${detail}.`);
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
    let left = this.parsePrimary();
    while (this.isWord("and")) {
      this.index++;
      left = { kind: "and", left, right: this.parsePrimary() };
    }
    return left;
  }

  private parsePrimary(): FilterNode {
    const token = this.next("an expression");
    if (token.kind === "punct" && token.text === "(") {
      const inner = this.parseOr();
      const close = this.next("')'");
      if (!(close.kind === "punct" && close.text === ")")) throw this.error(close, "')' expected");
      return inner;
    }
    if (token.kind === "ident" && token.text === "not") throw badRequest(`Invalid filter clause: the 'not' operator is not supported in '${this.text}'.`);
    const op = this.next("a comparison operator");
    if (token.kind === "ident" && op.kind === "punct" && op.text === "(") {
      throw badRequest(`Invalid filter clause: the function '${token.text}' is not supported.`);
    }
    if (op.kind !== "ident" || !(COMPARISONS as readonly string[]).includes(op.text)) {
      const shown = op.kind === "literal" ? "literal" : op.text;
      throw badRequest(`Invalid filter clause: '${shown}' is not a supported operator; use ${COMPARISONS.join(", ")} with and, or.`);
    }
    const second = this.next("an operand");
    if (token.kind === "ident" && second.kind === "literal") return this.compare(token.text, op.text as Comparison, second.literal);
    if (token.kind === "literal" && second.kind === "ident") return this.compare(second.text, FLIPPED[op.text as Comparison], token.literal);
    throw this.error(second, "a comparison needs one property and one literal");
  }

  private compare(property: string, op: Comparison, literal: Literal): FilterNode {
    const type = this.fields[property];
    if (!type) {
      throw badRequest(`Invalid filter clause: filtering on '${property}' is not supported. Supported properties: ${Object.keys(this.fields).join(", ")}.`);
    }
    const mismatch = (expected: string): ApiError =>
      badRequest(`Invalid filter clause: '${property}' is ${expected}; the literal does not match (datetimes are unquoted, enum values quoted).`);
    if (literal.kind === "null") {
      if (op !== "eq" && op !== "ne") throw mismatch("compared with null only by eq or ne");
      return { kind: "compare", property, op, literal };
    }
    if (type === "datetime") {
      if (literal.kind !== "datetime") throw mismatch("an Edm.DateTimeOffset");
    } else if (type === "string") {
      if (literal.kind !== "string") throw mismatch("an Edm.String");
    } else {
      if (literal.kind !== "string") throw mismatch(`an enum (microsoft.graph.security.${type.name})`);
      if (!Object.hasOwn(type.enum, literal.value)) {
        throw badRequest(
          `Invalid filter clause: '${literal.value}' is not a member of microsoft.graph.security.${type.name} ` +
            `(members are case-sensitive: ${Object.keys(type.enum).join(", ")}).`,
        );
      }
      if (op !== "eq" && op !== "ne") throw badRequest(`Invalid filter clause: '${property}' is an enum and supports only eq and ne.`);
      if (!this.include && type.evolvable?.includes(literal.value)) {
        throw badRequest(
          `Invalid filter clause: '${literal.value}' of microsoft.graph.security.${type.name} is an evolvable member; ` +
            `send 'Prefer: ${INCLUDE_UNKNOWN}' to filter on it.`,
        );
      }
    }
    return { kind: "compare", property, op, literal };
  }
}

/** `include`: the request carries `Prefer: include-unknown-enum-members` (our client always sends it). */
export function parseFilter(text: string, fields: Record<string, FilterType> = ALERT_FILTER, include = true): FilterNode {
  return new FilterParser(text, fields, include).parse();
}

function evaluate(node: FilterNode, row: object): boolean {
  if (node.kind !== "compare") {
    return node.kind === "and" ? evaluate(node.left, row) && evaluate(node.right, row) : evaluate(node.left, row) || evaluate(node.right, row);
  }
  const raw = (row as Record<string, unknown>)[node.property];
  const { op, literal } = node;
  if (literal.kind === "null") return (raw === null || raw === undefined) === (op === "eq");
  if (raw === null || raw === undefined) return op === "ne";
  let cmp: number;
  if (literal.kind === "datetime") {
    const ticks = isoToTicks(String(raw));
    if (ticks === undefined) return op === "ne";
    cmp = ticks < literal.value ? -1 : ticks > literal.value ? 1 : 0;
  } else {
    const value = String(raw);
    const other = String(literal.value);
    cmp = value < other ? -1 : value > other ? 1 : 0;
  }
  return { eq: cmp === 0, ne: cmp !== 0, gt: cmp > 0, ge: cmp >= 0, lt: cmp < 0, le: cmp <= 0 }[op];
}

/** ISO-8601 to 100 ns ticks since the epoch (Graph keeps up to 7 fractional digits). */
// ---- helpers --------------------------------------------------------------------------------------

function requestIds(req: IncomingMessage): Record<string, string> {
  const clientId = req.headers["client-request-id"];
  const requestId = crypto.randomUUID();
  (req as IncomingMessage & { graphRequestId?: string }).graphRequestId = requestId;
  return { "request-id": requestId, "client-request-id": typeof clientId === "string" ? clientId : requestId };
}

function errorBody(code: string, message: string, req: IncomingMessage, now: Date): Record<string, unknown> {
  const requestId = (req as IncomingMessage & { graphRequestId?: string }).graphRequestId ?? crypto.randomUUID();
  const clientId = req.headers["client-request-id"];
  return {
    error: {
      code,
      message,
      innerError: {
        date: now.toISOString().replace(/\.\d+Z$/, ""),
        "request-id": requestId,
        "client-request-id": typeof clientId === "string" ? clientId : requestId,
      },
    },
  };
}

function requireJson(req: IncomingMessage): void {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) throw new ApiError(415, "UnsupportedMediaType", `Content-Type '${type}' is not supported; use application/json.`);
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw badRequest("Unable to read JSON request payload.");
  }
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Invalid path segment '${segment}'.`);
  }
}

function methodNotAllowed(method: string): ApiError {
  return new ApiError(405, "MethodNotAllowed", `The HTTP method '${method}' is not allowed for this resource.`);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendText(res, status, body === undefined ? "" : JSON.stringify(body), headers);
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    ...(text ? { "content-type": "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8" } : {}),
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
