/**
 * What the modes ask of a source of alerts (the Defender for Endpoint API, the Graph security API):
 * list a window, read alerts' current state, update and comment, in our vocabulary. Each source
 * speaks its API's words behind this interface.
 */
import type { Dispatcher } from "undici";
import type { TokenSource } from "../entra/auth.js";
import type { TokenClaims } from "../entra/token.js";
import type { HttpTuning } from "../http.js";
import type { AlertChanges } from "../issue/changes.js";
import type { Severity } from "../issue/vocabulary.js";
import type { Alert } from "./alert.js";
import type { Incident } from "./incident.js";

/** What every source's client is built with. */
export interface SourceClientOptions {
  /** The API's base URL. */
  apiUrl: string;
  tokens: TokenSource;
  dispatcher: Dispatcher;
  tuning: HttpTuning;
  /** Alerts a page; default the API's largest. */
  pageSize?: number;
  retrying: (message: string) => void;
}

/** The alerts a pull asks for. */
export interface AlertWindow {
  /** Alerts created at or after this time… */
  since: Date;
  /** …and before this one: fixed when the run starts, so paging sees a set that does not grow. */
  until: Date;
  minSeverity: Severity;
  /** In our spelling (`New`, `InProgress`, `Resolved`, `Unknown`). */
  statuses: readonly string[];
  /** Graph `serviceSource` values to take (`service-sources`); empty takes all. */
  serviceSources?: readonly string[];
  /** The user's own clause, in the API's field names, ANDed with ours. */
  extra?: string | undefined;
}

/**
 * An alert of a listing: its ID and creation time, which dedupe and order need, and the rest read
 * when it is wanted. A listing of thousands keeps each alert's bytes rather than its objects: the
 * bytes live outside the JavaScript heap, which then stays small.
 */
export interface ListedAlert {
  id: string;
  createdAt: Date;
  /** The incident Defender correlated it into, when it says: pull finds the incident's issue by it. */
  incidentId: string | null;
  read(): Alert;
}

export interface MalformedAlert {
  id: string;
  problem: string;
}

export interface AlertListing {
  alerts: ListedAlert[];
  malformed: MalformedAlert[];
  /** Requests made to the list endpoint (for the request budget). */
  pages: number;
}

/** What was sent to the API for a change, in its own spelling (the `alerts-updated` output shows it). */
export type SentChanges = Readonly<Record<string, string>>;

/** The application permissions a source needs, as the set-up names them. */
export interface SourcePermissions {
  /** The API the permissions belong to, as the portal's "API permissions" page lists it. */
  api: string;
  read: readonly string[];
  write: string;
}

export interface IncidentListing {
  /**
   * Incidents updated since the window began that hold an alert passing its severity, status and
   * service-source filters, each with all its alerts; and merged ones (status `Redirected`) updated
   * since then, whatever they hold, so their issues can be closed.
   */
  incidents: Incident[];
  /** Alerts of the window that belong to no incident (the Endpoint API: no `incidentId`): they get alert issues. */
  loose: ListedAlert[];
  malformed: MalformedAlert[];
  /** Requests made to list (for the request budget). */
  pages: number;
}

export interface AlertSource {
  /** How messages name the service (`Defender`, `Microsoft Graph`). */
  readonly service: string;
  readonly apiUrl: string;
  readonly permissions: SourcePermissions;
  /** The listing's query for a window, as the log shows it. */
  describeWindow(window: AlertWindow): string;
  /** Every alert of the window, evidence included; a malformed alert is reported, not thrown. */
  listAlerts(window: AlertWindow): Promise<AlertListing>;
  /**
   * The current state of these alerts (evidence not needed), read in as few requests as the API
   * allows; an API that cannot read by ID in bulk reads the alerts updated since `updatedSince`
   * together, and the rest one by one, or in one listing from `noneUpdatedBefore` (no alert asked
   * for was last updated before it) when that costs fewer requests. An alert that is not found is
   * missing from the map.
   */
  alertsById(ids: readonly string[], options?: { updatedSince?: Date; noneUpdatedBefore?: Date }): Promise<Map<string, Alert>>;
  /** A change as this API spells it: what `updateAlert` sends for it. Pure. */
  spell(changes: AlertChanges): SentChanges;
  /** A change to an incident as this API spells it: what `updateIncident` sends for it. Pure. */
  spellIncident(changes: AlertChanges): SentChanges;
  /** Sends a change (and a comment) to one alert. */
  updateAlert(id: string, changes: AlertChanges): Promise<void>;
  /** The same change to many alerts, in as few requests as the API allows. */
  updateAlerts(ids: readonly string[], changes: Omit<AlertChanges, "comment">): Promise<void>;
  /** The listing's query for incidents, as the log shows it. */
  describeIncidentWindow(window: AlertWindow): string;
  /** Incidents for `group-by: incident` (see IncidentListing). */
  listIncidents(window: AlertWindow): Promise<IncidentListing>;
  /** One incident with all its alerts, or undefined when the source does not have it. */
  incident(id: string): Promise<Incident | undefined>;
  /**
   * The current state of these incidents, in as few requests as the API allows; an incident that
   * is not found is missing from the map. Their alerts' evidence is read only when asked for (a
   * body is rendered from them).
   */
  incidentsById(ids: readonly string[], options?: { evidence?: boolean }): Promise<Map<string, Incident>>;
  /**
   * Sends a change (and a comment) to an incident: the incident itself where the API has incidents,
   * else every alert it holds now (a comment on each).
   */
  updateIncident(id: string, changes: AlertChanges): Promise<void>;
  /** The permissions incidents need beside the alerts', as the set-up names them. */
  readonly incidentPermissions: SourcePermissions;
  /** Signs in and returns the access token's claims (for check). */
  signIn(): Promise<TokenClaims>;
  /** One small read of the alerts API (for check): how many alerts its first page held. */
  probeAlerts(): Promise<number>;
}

/** Whether an API refused a value as invalid (HTTP 400): the cue to try a disputed spelling's other form. */
export function refusedAsInvalid(error: unknown): boolean {
  return (error as { status?: unknown } | null)?.status === 400 && error instanceof Error;
}
