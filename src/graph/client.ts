/** The Microsoft Graph security API (`/v1.0/security/alerts_v2`) over undici, as a source of alerts: paging, pacing, retries. */
import type { Dispatcher } from "undici";
import type { TokenSource } from "../entra/auth.js";
import type { TokenClaims } from "../entra/token.js";
import { type HttpTuning, isTransientError, isTransientStatus, open, type OpenResponse, retryAfterMs, withRetries } from "../http.js";
import type { AlertChanges } from "../issue/changes.js";
import type { Alert } from "../source/alert.js";
import type { AlertListing, AlertSource, AlertWindow, ListedAlert, MalformedAlert, SentChanges } from "../source/source.js";
import { odataTime } from "../source/odata.js";
import { readGraphAlert } from "./alert.js";
import { forbiddenFix, GraphApiError, NOT_FOUND_FIX, READ_ROLE, readGraphError, unauthorizedFix, WRITE_ROLE } from "./errors.js";
import { graphAlertFilter, updatedSinceFilter } from "./filter.js";
import { readByTime, type TimeField } from "./listing.js";
import { type GraphPage, readGraphPage } from "./page.js";
import { type Clock, RequestPace, SYSTEM_CLOCK } from "./pace.js";
import { toGraphChanges } from "./vocabulary.js";

/** The largest page Graph serves (`$top` ≤ 1,000, as the old alerts API documented). */
export const MAX_PAGE_SIZE = 1_000;
/** Graph's documented limit on alerts: 150 requests a minute per app and tenant. */
export const REQUESTS_PER_MINUTE = 150;
// A runaway listing must end somewhere: a million alerts at full pages.
const MAX_PAGES = 1_000;
const PROBE_PAGE_SIZE = 10;
const ALERTS = "/v1.0/security/alerts_v2";
// Without it, alerts of newer products (Sentinel, Defender for Cloud…) arrive as `unknownFutureValue`.
const PREFER = "include-unknown-enum-members";

export interface GraphClientOptions {
  /** Graph's base URL without `/v1.0`, e.g. https://graph.microsoft.com. */
  apiUrl: string;
  tokens: TokenSource;
  dispatcher: Dispatcher;
  tuning: HttpTuning;
  pageSize?: number;
  retrying: (message: string) => void;
  /** Requests in any rolling minute; default Graph's 150. */
  perMinute?: number;
  /** The pace's clock; tests give their own. */
  clock?: Clock;
}

interface Exchange<T> {
  method: "GET" | "PATCH" | "POST";
  url: string;
  body?: unknown;
  what: string;
  /** Reads a successful GET's body. */
  read: (body: OpenResponse["body"]) => Promise<T>;
  /** For a write whose reply was lost: whether it took effect anyway. */
  landed?: () => Promise<boolean>;
  /** What a 404 means here. */
  notFound?: string;
}

export class GraphClient implements AlertSource {
  readonly service = "Microsoft Graph";
  readonly permissions = { api: "Microsoft Graph", read: [READ_ROLE, WRITE_ROLE], write: WRITE_ROLE };
  readonly #options: GraphClientOptions;
  readonly #base: string;
  readonly #pageSize: number;
  readonly #pace: RequestPace;

  constructor(options: GraphClientOptions) {
    this.#options = options;
    this.#base = options.apiUrl.replace(/\/+$/, "").replace(/\/v1\.0$/i, "");
    this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    this.#pace = new RequestPace(options.perMinute ?? REQUESTS_PER_MINUTE, options.clock ?? SYSTEM_CLOCK, options.retrying);
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
    const pages = await this.#readByTime(graphAlertFilter(window), "createdDateTime", (page) => {
      for (const alert of page.alerts) if (!byId.has(alert.id)) byId.set(alert.id, alert);
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
    const keep = (page: GraphPage) => {
      // An alert read twice (at a boundary, or updated meanwhile): the later reading stands.
      for (const alert of page.alerts) if (wanted.has(alert.id)) found.set(alert.id, alert.read());
    };
    const { updatedSince, noneUpdatedBefore } = options;
    if (updatedSince !== undefined && wanted.size > 0) await this.#readByTime(updatedSinceFilter(updatedSince), "lastUpdateDateTime", keep);
    const left = [...wanted].filter((id) => !found.has(id)).length;
    if (updatedSince !== undefined && noneUpdatedBefore !== undefined && noneUpdatedBefore < updatedSince && left > 1) {
      const older = updatedSinceFilter(noneUpdatedBefore, updatedSince);
      // One request to count, then the pages: worth it only when that beats a read per alert.
      const count = await this.#count(older);
      if (count !== undefined && 1 + Math.floor(count / this.#pageSize) + 1 < left) await this.#readByTime(older, "lastUpdateDateTime", keep);
    }
    for (const id of wanted) {
      if (found.has(id)) continue;
      const alert = await this.#alert(id);
      if (alert) found.set(id, alert);
    }
    return found;
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

  #readByTime(filter: string, field: TimeField, take: (page: GraphPage) => void): Promise<number> {
    const what = "Listing Microsoft Graph alerts";
    return readByTime(filter, field, { pageSize: this.#pageSize, maxPages: MAX_PAGES }, {
      first: (query, orderBy) => this.#exchange({ method: "GET", url: this.#listUrl(query, orderBy), what, read: readGraphPage }),
      next: (link) => this.#exchange({ method: "GET", url: this.#sameOrigin(link), what, read: readGraphPage }),
    }, take);
  }

  /** One alert, or undefined when Graph does not have it (or it does not read). */
  async #alert(id: string): Promise<Alert | undefined> {
    try {
      const raw = await this.#exchange({ method: "GET", url: this.#alertUrl(id), what: `Reading Microsoft Graph alert ${id}`, read: async (body) => JSON.parse(await body.text()) as unknown });
      const reading = readGraphAlert(raw);
      return reading.ok ? reading.alert : undefined;
    } catch (error) {
      if (error instanceof GraphApiError && error.status === 404) return undefined;
      throw error;
    }
  }

  #listUrl(filter: string, orderBy: TimeField): string {
    return `${this.#base}${ALERTS}?$filter=${encodeURIComponent(filter)}&$orderby=${encodeURIComponent(`${orderBy} asc`)}&$top=${this.#pageSize}`;
  }

  #alertUrl(id: string): string {
    return `${this.#base}${ALERTS}/${encodeURIComponent(id)}`;
  }

  // The bearer token goes only to the API host the user configured.
  #sameOrigin(link: string): string {
    const next = new URL(link, this.#base);
    if (next.origin !== new URL(this.#base).origin) {
      throw new Error(`Listing Microsoft Graph alerts: the next page link points to another host (${next.origin}); refusing to send the token there`);
    }
    return next.href;
  }

  /**
   * One request with retries: 429 (after Retry-After), 5xx, resets and timeouts, and a reply that
   * is not valid JSON. Each attempt waits for its turn in the minute's budget. A 401 gets one
   * fresh token. A write whose reply was lost is asked, through `landed`, whether it took effect.
   */
  async #exchange<T>(request: Exchange<T>): Promise<T> {
    const { tokens, dispatcher, tuning, retrying } = this.#options;
    const { method, url, what, landed } = request;
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    let refreshed = false;
    let lostReply = false;
    // Writes read nothing (T is undefined), and only writes are asked whether they landed.
    const done = undefined as T;
    return withRetries<T>(what, tuning, async () => {
      if (lostReply && landed && (await landed())) return { done };
      const token = await tokens.token();
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json", prefer: PREFER };
      if (body !== undefined) headers["content-type"] = "application/json";
      const replied = await this.#pace.take();
      let reply: OpenResponse;
      try {
        reply = await open(dispatcher, { method, url, headers, body });
      } catch (error) {
        if (!isTransientError(error)) throw error;
        lostReply = method !== "GET";
        return { retry: describeError(error) };
      } finally {
        replied();
      }
      if (reply.status >= 200 && reply.status < 300 && method !== "GET") {
        // The write happened; what the body says does not matter.
        await reply.body.dump().catch(() => undefined);
        return { done };
      }
      try {
        if (reply.status >= 200 && reply.status < 300) return { done: await request.read(reply.body) };
        const text = await reply.body.text();
        if (reply.status === 401 && !refreshed) {
          // A token can expire between MSAL's check and the request: ask Entra once for a new one.
          refreshed = true;
          await tokens.token({ refresh: true });
          return { retry: "HTTP 401, with a fresh token", afterMs: 0 };
        }
        if (isTransientStatus(reply.status)) {
          lostReply = method !== "GET" && reply.status !== 429;
          return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
        }
        throw new GraphApiError(reply.status, readGraphError(text, reply.headers["request-id"]), what, this.#fix(reply.status, method, request.notFound));
      } catch (error) {
        if (error instanceof SyntaxError) return { retry: "the reply is not valid JSON" };
        if (!isTransientError(error)) throw error;
        lostReply = method !== "GET";
        return { retry: describeError(error) };
      }
    }, retrying);
  }

  #fix(status: number, method: string, notFound: string | undefined): string | undefined {
    if (status === 401) return unauthorizedFix(this.#options.tokens.claims().aud);
    if (status === 403) return forbiddenFix(this.#options.tokens.claims().roles, method !== "GET");
    if (status === 404) return notFound;
    return undefined;
  }
}

async function nothing(): Promise<undefined> {
  return undefined;
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
