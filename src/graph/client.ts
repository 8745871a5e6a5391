/**
 * The Microsoft Graph security API (`/v1.0/security/alerts_v2` and `/v1.0/security/incidents`) over
 * undici, as a source of alerts and incidents: paging, pacing, retries.
 */
import type { TokenClaims } from "../entra/token.js";
import { nothing, type OpenResponse, readBytes, readJson } from "../http.js";
import type { AlertChanges } from "../issue/changes.js";
import type { Alert } from "../source/alert.js";
import type { Incident } from "../source/incident.js";
import type { AlertListing, AlertSource, AlertWindow, IncidentListing, ListedAlert, MalformedAlert, SentChanges, SourceClientOptions } from "../source/source.js";
import { odataTime } from "../source/odata.js";
import { readGraphAlert } from "./alert.js";
import { ALERT_ROLES, GraphApiError, type GraphRoles, INCIDENT_NOT_FOUND_FIX, INCIDENT_READ_ROLE, INCIDENT_ROLES, INCIDENT_WRITE_ROLE, NOT_FOUND_FIX, READ_ROLE, WRITE_ROLE } from "./errors.js";
import { type Exchange, exchange, type ExchangeOptions } from "./exchange.js";
import { graphAlertFilter, graphIncidentFilter, passesAlertFilters, updatedSinceFilter } from "./filter.js";
import { readGraphIncidentBytes } from "./incident.js";
import { readByTime, type TimeField } from "./listing.js";
import { type GraphPage, type PagedAlert, readGraphIncidentPage, readGraphPage, type Timed } from "./page.js";
import { type Clock, RequestPace, SYSTEM_CLOCK } from "./pace.js";
import { toGraphChanges, toGraphIncidentChanges } from "./vocabulary.js";

/** The largest page Graph serves (`$top` ≤ 1,000, as the old alerts API documented). */
export const MAX_PAGE_SIZE = 1_000;
/**
 * The largest page of incidents asked for: each comes with all its alerts and their evidence.
 * Graph documents no limit; the Defender XDR incidents API it fronts allows `$top` ≤ 100.
 */
export const MAX_INCIDENT_PAGE_SIZE = 100;
/** Graph's documented limit on alerts: 150 requests a minute per app and tenant. */
export const REQUESTS_PER_MINUTE = 150;
// A runaway listing must end somewhere: a million alerts at full pages.
const MAX_PAGES = 1_000;
const PROBE_PAGE_SIZE = 10;
const ALERTS = "/v1.0/security/alerts_v2";
const INCIDENTS = "/v1.0/security/incidents";

/** `apiUrl` is Graph's base URL without `/v1.0`, e.g. https://graph.microsoft.com. */
export interface GraphClientOptions extends SourceClientOptions {
  /** Requests in any rolling minute; default Graph's 150. */
  perMinute?: number;
  /** The pace's clock; tests give their own. */
  clock?: Clock;
}

/** A collection listed by time boundaries: where it is, how a page of it reads, and what it needs. */
interface Collection<T extends Timed> {
  path: string;
  rows: "alerts" | "incidents";
  maxPageSize: number;
  /** `$expand`, when the rows come with their related rows. */
  expand?: string;
  read: (body: OpenResponse["body"]) => Promise<GraphPage<T>>;
  roles: GraphRoles;
}

const ALERT_COLLECTION: Collection<PagedAlert> = { path: ALERTS, rows: "alerts", maxPageSize: MAX_PAGE_SIZE, read: readGraphPage, roles: ALERT_ROLES };
const INCIDENT_COLLECTION: Collection<Incident> = {
  path: INCIDENTS,
  rows: "incidents",
  maxPageSize: MAX_INCIDENT_PAGE_SIZE,
  expand: "alerts",
  read: readGraphIncidentPage,
  roles: INCIDENT_ROLES,
};

export class GraphClient implements AlertSource {
  readonly service = "Microsoft Graph";
  readonly permissions = { api: "Microsoft Graph", read: [READ_ROLE, WRITE_ROLE], write: WRITE_ROLE };
  readonly incidentPermissions = { api: "Microsoft Graph", read: [INCIDENT_READ_ROLE, INCIDENT_WRITE_ROLE], write: INCIDENT_WRITE_ROLE };
  readonly #options: GraphClientOptions;
  readonly #base: string;
  readonly #pageSize: number;
  readonly #exchanges: ExchangeOptions;

  constructor(options: GraphClientOptions) {
    this.#options = options;
    this.#base = options.apiUrl.replace(/\/+$/, "").replace(/\/v1\.0$/i, "");
    this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    const pace = new RequestPace(options.perMinute ?? REQUESTS_PER_MINUTE, options.clock ?? SYSTEM_CLOCK, options.retrying);
    this.#exchanges = { tokens: options.tokens, dispatcher: options.dispatcher, tuning: options.tuning, pace, retrying: options.retrying };
  }

  get apiUrl(): string {
    return this.#options.apiUrl;
  }

  describeWindow(window: AlertWindow): string {
    return `$filter=${graphAlertFilter(window)}`;
  }

  /** Every alert of the window, read by createdDateTime boundaries (see listing.ts), each once. */
  async listAlerts(window: AlertWindow): Promise<AlertListing> {
    const byId = new Map<string, ListedAlert>();
    const malformed = new Map<string, MalformedAlert>();
    const pages = await this.#readByTime(ALERT_COLLECTION, graphAlertFilter(window), "createdDateTime", (page) => {
      for (const alert of page.items) if (!byId.has(alert.id)) byId.set(alert.id, alert);
      // Read again at a time boundary, a malformed alert is still reported once.
      for (const bad of page.malformed) malformed.set(`${bad.id}\n${bad.problem}`, bad);
    });
    return { alerts: [...byId.values()], malformed: [...malformed.values()], pages };
  }

  /**
   * The current state of these alerts. Graph cannot filter on `id`: the alerts updated since
   * `updatedSince` are listed (by lastUpdateDateTime boundaries) and those asked for kept. The
   * rest are read one by one, or, when `noneUpdatedBefore` bounds them and Graph counts fewer
   * pages between it and `updatedSince` than there are alerts left, in one more listing. Not
   * found: not in the map.
   */
  async alertsById(ids: readonly string[], options: { updatedSince?: Date; noneUpdatedBefore?: Date } = {}): Promise<Map<string, Alert>> {
    const wanted = new Set(ids);
    const found = new Map<string, Alert>();
    const keep = (page: GraphPage<PagedAlert>) => {
      // An alert read twice (at a boundary, or updated meanwhile): the later reading stands.
      for (const alert of page.items) if (wanted.has(alert.id)) found.set(alert.id, alert.read());
    };
    const { updatedSince, noneUpdatedBefore } = options;
    if (updatedSince !== undefined && wanted.size > 0) await this.#readByTime(ALERT_COLLECTION, updatedSinceFilter(updatedSince), "lastUpdateDateTime", keep);
    const left = [...wanted].filter((id) => !found.has(id)).length;
    if (updatedSince !== undefined && noneUpdatedBefore !== undefined && noneUpdatedBefore < updatedSince && left > 1) {
      const older = updatedSinceFilter(noneUpdatedBefore, updatedSince);
      // One request to count, then the pages: worth it only when that beats a read per alert.
      const count = await this.#count(older);
      if (count !== undefined && 1 + Math.floor(count / this.#pageSize) + 1 < left) await this.#readByTime(ALERT_COLLECTION, older, "lastUpdateDateTime", keep);
    }
    for (const id of wanted) {
      if (found.has(id)) continue;
      const alert = await this.#alert(id);
      if (alert) found.set(id, alert);
    }
    return found;
  }

  /** Graph's spelling of a change to an incident (`active` for New): what `updateIncident` sends. */
  spellIncident(changes: AlertChanges): SentChanges {
    return toGraphIncidentChanges(changes);
  }

  /** Graph's spelling of a change: what `updateAlert` sends. */
  spell(changes: AlertChanges): SentChanges {
    return toGraphChanges(changes);
  }

  /**
   * PATCH /alerts_v2/{id} with the fields, then POST …/comments with the comment. A PATCH sent
   * twice does no harm; a comment would show twice, so after a lost reply the alert is read back
   * first and the comment sent again only if it did not land.
   */
  async updateAlert(id: string, changes: AlertChanges): Promise<void> {
    const { comment, ...fields } = toGraphChanges(changes);
    const url = this.#alertUrl(id);
    if (Object.keys(fields).length > 0) {
      await this.#exchange({ method: "PATCH", url, body: fields, what: `Updating Microsoft Graph alert ${id}`, read: nothing, notFound: NOT_FOUND_FIX });
    }
    if (comment !== undefined) {
      const landed = async () => ((await this.#alert(id))?.comments ?? []).some((c) => c.comment === comment);
      const body = { "@odata.type": "microsoft.graph.security.alertComment", comment };
      await this.#exchange({ method: "POST", url: `${url}/comments`, body, what: `Commenting on Microsoft Graph alert ${id}`, read: nothing, landed, notFound: NOT_FOUND_FIX });
    }
  }

  /** Graph has no batch update: the same change to each alert in turn, stopping at the first refusal. */
  async updateAlerts(ids: readonly string[], changes: Omit<AlertChanges, "comment">): Promise<void> {
    for (const id of ids) await this.updateAlert(id, changes);
  }

  describeIncidentWindow(window: AlertWindow): string {
    return `$filter=${graphIncidentFilter(window)}`;
  }

  /**
   * The incidents updated within the window (`$expand=alerts`, read by lastUpdateDateTime
   * boundaries), each once, oldest first: those holding an alert that passes the window's
   * severity, status and service-source filters, and every merged one. Graph has no alert without
   * an incident, so none is loose.
   */
  async listIncidents(window: AlertWindow): Promise<IncidentListing> {
    const kept = new Map<string, Incident>();
    const malformed = new Map<string, MalformedAlert>();
    const pages = await this.#readByTime(INCIDENT_COLLECTION, graphIncidentFilter(window), "lastUpdateDateTime", (page) => {
      // An incident read twice (at a boundary): the later reading decides.
      for (const incident of page.items) {
        if (incident.status === "Redirected" || incident.alerts.some((alert) => passesAlertFilters(alert, window))) kept.set(incident.id, incident);
        else kept.delete(incident.id);
      }
      for (const bad of page.malformed) malformed.set(`${bad.id}\n${bad.problem}`, bad);
    });
    const incidents = [...kept.values()].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { incidents, loose: [], malformed: [...malformed.values()], pages };
  }

  /** One incident with its alerts; undefined when Graph does not have it. Its malformed alerts are left out. */
  async incident(id: string): Promise<Incident | undefined> {
    // Read from its bytes, as a page of incidents is: each alert's evidence kept as bytes.
    const reading = await this.#incidentReply(id, { alerts: true }, async (body) => readGraphIncidentBytes(await readBytes(body)));
    if (reading === undefined) return undefined;
    if (!reading.ok) throw new Error(`Reading Microsoft Graph incident ${id}: its reply cannot be read as an incident (${reading.problem})`);
    return reading.incident;
  }

  /** Incidents by ID, each read on its own (evidence included): Graph's incident `$filter` does not take `id`. */
  async incidentsById(ids: readonly string[]): Promise<Map<string, Incident>> {
    const found = new Map<string, Incident>();
    for (const id of new Set(ids)) {
      const incident = await this.incident(id);
      if (incident) found.set(id, incident);
    }
    return found;
  }

  /**
   * PATCH /incidents/{id} with the fields in Graph's spelling (resolving the incident resolves its
   * alerts), then POST …/comments with the comment; after a lost reply the incident is read back
   * first, and the comment sent again only if it did not land.
   */
  async updateIncident(id: string, changes: AlertChanges): Promise<void> {
    const { comment, ...fields } = toGraphIncidentChanges(changes);
    const url = this.#incidentUrl(id);
    const common = { read: nothing, notFound: INCIDENT_NOT_FOUND_FIX, roles: INCIDENT_ROLES };
    if (Object.keys(fields).length > 0) {
      await this.#exchange({ method: "PATCH", url, body: fields, what: `Updating Microsoft Graph incident ${id}`, ...common });
    }
    if (comment !== undefined) {
      const landed = async () => commentsOf(await this.#incidentReply(id, { alerts: false }, readJson)).includes(comment);
      const body = { "@odata.type": "microsoft.graph.security.alertComment", comment };
      await this.#exchange({ method: "POST", url: `${url}/comments`, body, what: `Commenting on Microsoft Graph incident ${id}`, landed, ...common });
    }
  }

  async signIn(): Promise<TokenClaims> {
    await this.#options.tokens.token();
    return this.#options.tokens.claims();
  }

  /** One small read of the alerts API: the first alerts of the last day. */
  async probeAlerts(): Promise<number> {
    const since = odataTime(new Date(Date.now() - 86_400_000));
    const url = `${this.#base}${ALERTS}?$filter=${encodeURIComponent(`createdDateTime ge ${since}`)}&$top=${PROBE_PAGE_SIZE}`;
    const page = await this.#exchange({ method: "GET", url, what: "Listing Microsoft Graph alerts", read: readGraphPage });
    return page.size;
  }

  /** How many alerts match `filter`, as Graph counts them (`$count=true`), or undefined when it does not say. */
  async #count(filter: string): Promise<number | undefined> {
    const url = `${this.#base}${ALERTS}?$filter=${encodeURIComponent(filter)}&$count=true&$top=1`;
    const count = await this.#exchange({
      method: "GET",
      url,
      what: "Counting Microsoft Graph alerts",
      read: async (body) => (JSON.parse(await body.text()) as { "@odata.count"?: unknown })["@odata.count"],
    });
    return typeof count === "number" && Number.isSafeInteger(count) && count >= 0 ? count : undefined;
  }

  #readByTime<T extends Timed>(collection: Collection<T>, filter: string, field: TimeField, take: (page: GraphPage<T>) => void): Promise<number> {
    const { rows, read, roles } = collection;
    const what = `Listing Microsoft Graph ${rows}`;
    const pageSize = Math.min(this.#pageSize, collection.maxPageSize);
    return readByTime(filter, field, { pageSize, maxPages: MAX_PAGES, rows }, {
      first: (query, orderBy) => this.#exchange({ method: "GET", url: this.#listUrl(collection, pageSize, query, orderBy), what, read, roles }),
      next: (link) => this.#exchange({ method: "GET", url: this.#sameOrigin(link, what), what, read, roles }),
    }, take);
  }

  /** An incident's reply as `read` reads it, with its alerts when asked; undefined when Graph does not have it. */
  async #incidentReply<T>(id: string, options: { alerts: boolean }, read: (body: OpenResponse["body"]) => Promise<T>): Promise<T | undefined> {
    const url = options.alerts ? `${this.#incidentUrl(id)}?$expand=alerts` : this.#incidentUrl(id);
    try {
      return await this.#exchange({ method: "GET", url, what: `Reading Microsoft Graph incident ${id}`, read, roles: INCIDENT_ROLES });
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** One alert, or undefined when Graph does not have it (or it does not read). */
  async #alert(id: string): Promise<Alert | undefined> {
    try {
      const raw = await this.#exchange({ method: "GET", url: this.#alertUrl(id), what: `Reading Microsoft Graph alert ${id}`, read: readJson });
      const reading = readGraphAlert(raw);
      return reading.ok ? reading.alert : undefined;
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  #listUrl(collection: Collection<Timed>, pageSize: number, filter: string, orderBy: TimeField): string {
    const expand = collection.expand === undefined ? "" : `&$expand=${collection.expand}`;
    return `${this.#base}${collection.path}?$filter=${encodeURIComponent(filter)}&$orderby=${encodeURIComponent(`${orderBy} asc`)}&$top=${pageSize}${expand}`;
  }

  #alertUrl(id: string): string {
    return `${this.#base}${ALERTS}/${encodeURIComponent(id)}`;
  }

  #incidentUrl(id: string): string {
    return `${this.#base}${INCIDENTS}/${encodeURIComponent(id)}`;
  }

  // The bearer token goes only to the API host the user configured.
  #sameOrigin(link: string, what: string): string {
    const next = new URL(link, this.#base);
    if (next.origin !== new URL(this.#base).origin) {
      throw new Error(`${what}: the next page link points to another host (${next.origin}); refusing to send the token there`);
    }
    return next.href;
  }

  #exchange<T>(request: Exchange<T>): Promise<T> {
    return exchange(this.#exchanges, request);
  }
}


/**
 * The texts of the comments an incident's reply holds. Only the text is looked at: Microsoft's
 * incident page shows comments with `createdBy`/`createdTime` beside the schema's names.
 */
function commentsOf(raw: unknown): string[] {
  const comments = (raw as { comments?: unknown } | null | undefined)?.comments;
  if (!Array.isArray(comments)) return [];
  return comments.flatMap((item) => {
    const text = (item as { comment?: unknown } | null)?.comment;
    return typeof text === "string" ? [text] : [];
  });
}
