/**
 * The Defender for Endpoint alerts API over undici, as a source of alerts and of incidents (its
 * alerts grouped by `incidentId`): paging, retries, validation.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { type ApiConnection, exchange, nothing } from "../http.js";
import type { TokenClaims } from "../entra/token.js";
import type { AlertChanges } from "../issue/changes.js";
import type { Alert } from "../source/alert.js";
import type { Incident } from "../source/incident.js";
import type { AlertListing, AlertSource, AlertWindow, IncidentListing, ListedAlert, MalformedAlert, SentChanges, SourceClientOptions } from "../source/source.js";
import type { EndpointListedAlert } from "./alert.js";
import { DefenderApiError, forbiddenFix, IncidentNotFoundError, readDefenderError } from "./errors.js";
import { alertFilter, incidentsFilter, odataString, odataTime, updatedAlertFilter } from "./filter.js";
import { byFirstAlert, groupByIncident, namedInWindow } from "./incident.js";
import { type AlertPageStreamed, readAlertPage, streamAlertPage } from "./page.js";

/** Defender's documented largest page. */
export const MAX_PAGE_SIZE = 10_000;
// A runaway nextLink chain must end somewhere.
const MAX_PAGES = 1_000;
// `id eq '…'` (or `incidentId eq N`) clauses per bulk read, keeping the URL well under common 8 KB limits.
const IDS_PER_QUERY = 40;
const BATCH_CALLS_PER_MINUTE = 10;
// Alerts per batchUpdate call: Defender documents no maximum, only that one exists.
const ALERTS_PER_BATCH = 50;

export type DefenderClientOptions = SourceClientOptions;

export class DefenderClient implements AlertSource {
  readonly service = "Defender";
  readonly permissions = { api: "WindowsDefenderATP", read: ["Alert.Read.All", "Alert.ReadWrite.All"], write: "Alert.ReadWrite.All" };
  /** The Endpoint API has no incident permission: its incidents are its alerts. */
  readonly incidentPermissions = this.permissions;
  readonly #options: DefenderClientOptions;
  readonly #pageSize: number;
  readonly #api: ApiConnection;

  constructor(options: DefenderClientOptions) {
    this.#options = options;
    this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
    const { tokens, dispatcher, tuning, retrying } = options;
    this.#api = {
      tokens,
      dispatcher,
      tuning,
      retrying,
      refusal: (status, text, _headers, request) =>
        new DefenderApiError(status, readDefenderError(text), request.what, status === 403 ? forbiddenFix(tokens.claims().roles, request.method !== "GET") : undefined),
    };
  }

  get apiUrl(): string {
    return this.#options.apiUrl;
  }

  describeWindow(window: AlertWindow): string {
    return `$filter=${alertFilter(window)}`;
  }

  listAlerts(window: AlertWindow): Promise<AlertListing> {
    return this.#list(alertFilter(window));
  }

  /** Every alert matching `filter`, evidence included unless asked otherwise (see #scan). */
  async #list(filter: string, options: { evidence?: boolean } = {}): Promise<AlertListing & { alerts: EndpointListedAlert[] }> {
    const byId = new Map<string, EndpointListedAlert>();
    const { malformed, pages } = await this.#scan(filter, options, (alert) => byId.set(alert.id, alert));
    return { alerts: [...byId.values()], malformed, pages };
  }

  /**
   * Hands every alert matching `filter` to `take` as it streams in (the same alert again when a
   * page is read twice). Defender promises no nextLink, so pages are asked for with $top/$skip until
   * one comes back short; a nextLink, when sent, is followed. A page of 10,000 is never held as text,
   * nor as alerts unless `take` keeps them.
   */
  async #scan(filter: string, options: { evidence?: boolean }, take: (alert: EndpointListedAlert) => void): Promise<{ malformed: MalformedAlert[]; pages: number }> {
    const evidence = options.evidence ?? true;
    const malformed: MalformedAlert[] = [];
    let url: string | undefined = this.#listUrl(filter, 0, evidence);
    let skip = 0;
    let pages = 0;
    while (url !== undefined && pages < MAX_PAGES) {
      const page: AlertPageStreamed = await exchange(this.#api, { method: "GET", url, what: "Listing Defender alerts", read: (body) => streamAlertPage(body, take) });
      pages++;
      malformed.push(...page.malformed);
      skip += page.listed + page.malformed.length;
      if (page.nextLink) url = this.#sameOrigin(page.nextLink);
      else url = page.listed + page.malformed.length >= this.#pageSize ? this.#listUrl(filter, skip, evidence) : undefined;
    }
    return { malformed, pages };
  }

  describeIncidentWindow(window: AlertWindow): string {
    return `$filter=${updatedAlertFilter(window)}`;
  }

  /**
   * The incidents named by the alerts updated within the window that pass its filters, each with
   * every alert it holds (read again in bulk by `incidentId`, with evidence, whatever their age);
   * those alerts that name no incident and were created within the window (those `listAlerts`
   * gives) are loose. Incidents oldest first.
   */
  async listIncidents(window: AlertWindow): Promise<IncidentListing> {
    const named = await this.#namedInWindow(window);
    const read = await this.#incidents(named.incidentIds, { evidence: true });
    const malformed = new Map<string, MalformedAlert>();
    for (const bad of [...named.malformed, ...read.malformed]) malformed.set(`${bad.id}\n${bad.problem}`, bad);
    return { incidents: read.incidents, loose: named.loose, malformed: [...malformed.values()], pages: named.pages + read.pages };
  }

  /** The incidents the alerts updated within the window name, and its loose alerts (namedInWindow). */
  async #namedInWindow(window: AlertWindow): Promise<{ incidentIds: string[]; loose: ListedAlert[]; malformed: MalformedAlert[]; pages: number }> {
    const names = namedInWindow(window);
    const { malformed, pages } = await this.#scan(updatedAlertFilter(window), {}, names.take);
    return { ...names.named(), malformed, pages };
  }

  /** One incident: the alerts naming it, with evidence; undefined when none does. */
  async incident(id: string): Promise<Incident | undefined> {
    return (await this.#incidents([id], { evidence: true })).incidents[0];
  }

  /** Incidents by ID: their alerts read together (`incidentId eq` or-chains, 40 incidents a request). */
  async incidentsById(ids: readonly string[], options: { evidence?: boolean } = {}): Promise<Map<string, Incident>> {
    const { incidents } = await this.#incidents([...new Set(ids)], { evidence: options.evidence ?? false });
    return new Map(incidents.map((incident) => [incident.id, incident]));
  }

  /**
   * The change to every alert the incident holds now: the fields through batchUpdate, as few calls
   * as Defender allows, then the comment on each alert (PATCH, read back after a lost reply).
   */
  async updateIncident(id: string, changes: AlertChanges): Promise<void> {
    const { comment, ...fields } = changes;
    const held = (await this.#incidents([id], { evidence: false })).incidents[0];
    if (!held) throw new IncidentNotFoundError(id, `Updating Defender incident ${id}`);
    // Oldest first: the comments land in the order the issue lists the alerts.
    const ids = held.alerts.map((alert) => alert.id);
    if (Object.values(fields).some((value) => value !== undefined)) {
      for (let start = 0; start < ids.length; start += ALERTS_PER_BATCH) await this.updateAlerts(ids.slice(start, start + ALERTS_PER_BATCH), fields);
    }
    if (comment !== undefined) for (const alertId of ids) await this.updateAlert(alertId, { comment });
  }

  /**
   * These incidents, oldest first: their alerts listed in bulk (`incidentId eq` or-chains), each
   * request's grouped into its incidents as it comes, so that no more than one request's alerts are
   * held whole at once.
   */
  async #incidents(incidentIds: readonly string[], options: { evidence: boolean }): Promise<{ incidents: Incident[]; malformed: MalformedAlert[]; pages: number }> {
    const found = { incidents: [] as Incident[], malformed: [] as MalformedAlert[], pages: 0 };
    for (let start = 0; start < incidentIds.length; start += IDS_PER_QUERY) {
      const listing = await this.#list(incidentsFilter(incidentIds.slice(start, start + IDS_PER_QUERY)), options);
      found.incidents.push(...groupByIncident(listing.alerts));
      found.malformed.push(...listing.malformed);
      found.pages += listing.pages;
    }
    found.incidents.sort(byFirstAlert);
    return found;
  }

  /** Signs in and returns the access token's claims (for check). */
  async signIn(): Promise<TokenClaims> {
    await this.#options.tokens.token();
    return this.#options.tokens.claims();
  }

  /** One small read of the alerts API: the alerts of the last day, first page of 100. */
  async probeAlerts(): Promise<number> {
    const since = odataTime(new Date(Date.now() - 86_400_000));
    const url = `${this.#options.apiUrl}/api/alerts?$filter=${encodeURIComponent(`alertCreationTime ge ${since}`)}&$top=100`;
    const page = await exchange(this.#api, { method: "GET", url, what: "Listing Defender alerts", read: readAlertPage });
    return page.alerts.length + page.malformed.length;
  }

  /** The current state of these alerts, read in bulk (`id eq` or-chains), not one GET each. */
  async alertsById(ids: readonly string[]): Promise<Map<string, Alert>> {
    const found = new Map<string, Alert>();
    for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
      const chunk = ids.slice(start, start + IDS_PER_QUERY);
      const listing = await this.#list(chunk.map((id) => `id eq ${odataString(id)}`).join(" or "), { evidence: false });
      for (const alert of listing.alerts) found.set(alert.id, alert.read());
    }
    return found;
  }

  /** The API spells every value as our vocabulary does. */
  spell(changes: AlertChanges): SentChanges {
    return { ...changes };
  }

  /** A change to an incident is a change to each of its alerts: spelt as theirs. */
  spellIncident(changes: AlertChanges): SentChanges {
    return this.spell(changes);
  }

  /**
   * PATCH /api/alerts/{id}. A comment is appended by Defender, so after a lost reply the alert is
   * read back first: the comment is sent again only if it did not land.
   */
  async updateAlert(id: string, changes: AlertChanges): Promise<void> {
    const url = `${this.#options.apiUrl}/api/alerts/${encodeURIComponent(id)}`;
    const landed = changes.comment === undefined ? undefined : async () => {
      const alert = (await this.alertsById([id])).get(id);
      return (alert?.comments ?? []).some((c) => c.comment === changes.comment);
    };
    await this.#send("PATCH", url, changes, `Updating Defender alert ${id}`, landed);
  }

  /** POST /api/alerts/batchUpdate: one change for many alerts; Defender allows 10 calls a minute. */
  async updateAlerts(ids: readonly string[], changes: Omit<AlertChanges, "comment">): Promise<void> {
    await this.#batchPace();
    try {
      await this.#send("POST", `${this.#options.apiUrl}/api/alerts/batchUpdate`, { alertIds: ids, ...changes }, `Updating ${ids.length} Defender alerts in one batch`);
    } finally {
      // Counted from when the reply came, which is never before Defender counted the call.
      this.#batchCalls.push(Date.now());
    }
  }

  /** When recent batch calls were answered. */
  readonly #batchCalls: number[] = [];

  async #batchPace(): Promise<void> {
    const now = Date.now();
    while (this.#batchCalls.length > 0 && now - this.#batchCalls[0]! >= 60_000) this.#batchCalls.shift();
    if (this.#batchCalls.length >= BATCH_CALLS_PER_MINUTE) {
      const wait = 60_000 - (now - this.#batchCalls[0]!);
      this.#options.retrying(`Waiting ${Math.ceil(wait / 1000)} s: Defender allows ${BATCH_CALLS_PER_MINUTE} batch updates a minute`);
      await sleep(wait);
      this.#batchCalls.shift();
    }
  }

  #listUrl(filter: string, skip: number, evidence: boolean): string {
    const query = [`$filter=${encodeURIComponent(filter)}`, `$top=${this.#pageSize}`];
    if (evidence) query.push("$expand=evidence");
    if (skip > 0) query.push(`$skip=${skip}`);
    return `${this.#options.apiUrl}/api/alerts?${query.join("&")}`;
  }

  // The bearer token goes only to the API host the user configured.
  #sameOrigin(link: string): string {
    const next = new URL(link, this.#options.apiUrl);
    if (next.origin !== new URL(this.#options.apiUrl).origin) {
      throw new Error(`Listing Defender alerts: the next page link points to another host (${next.origin}); refusing to send the token there`);
    }
    return next.href;
  }

  async #send(method: "PATCH" | "POST", url: string, body: unknown, what: string, landed?: () => Promise<boolean>): Promise<void> {
    await exchange(this.#api, { method, url, body: JSON.stringify(body), what, read: nothing, landed });
  }
}

