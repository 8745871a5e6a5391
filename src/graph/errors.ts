/** Replies from the Microsoft Graph security API, translated into what the user should do. */
import { type Explained, explainedMessage } from "../errors.js";

export const READ_ROLE = "SecurityAlert.Read.All";
export const WRITE_ROLE = "SecurityAlert.ReadWrite.All";
export const INCIDENT_READ_ROLE = "SecurityIncident.Read.All";
export const INCIDENT_WRITE_ROLE = "SecurityIncident.ReadWrite.All";

/** The application roles one kind of Graph request needs, and what messages call its subject. */
export interface GraphRoles {
  read: string;
  write: string;
  subject: "alert" | "incident";
}

export const ALERT_ROLES: GraphRoles = { read: READ_ROLE, write: WRITE_ROLE, subject: "alert" };
export const INCIDENT_ROLES: GraphRoles = { read: INCIDENT_READ_ROLE, write: INCIDENT_WRITE_ROLE, subject: "incident" };

/**
 * Graph's error body, `{"error":{"code","message","innerError":{"request-id","date"}}}`: the
 * request ID and its date are what Microsoft support asks for.
 */
export interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  date?: string;
}

/** The error a reply carries; the `request-id` header stands in when the body has none (a bare 429 or 5xx). */
export function readGraphError(text: string, requestIdHeader?: string): GraphErrorBody {
  const body: GraphErrorBody = {};
  try {
    const error = (JSON.parse(text) as { error?: Record<string, unknown> } | null)?.error;
    if (error && typeof error === "object") {
      const inner = (error.innerError ?? error.innererror) as Record<string, unknown> | undefined;
      if (typeof error.code === "string") body.code = error.code;
      if (typeof error.message === "string") body.message = error.message;
      if (typeof inner?.["request-id"] === "string") body.requestId = inner["request-id"];
      if (typeof inner?.date === "string") body.date = inner.date;
    }
  } catch {
    // Not JSON: the status says enough.
  }
  if (body.requestId === undefined && requestIdHeader) body.requestId = requestIdHeader;
  return body;
}

/** What a 401 means: the token was issued for another resource (the Defender for Endpoint API, another cloud's Graph). */
export function unauthorizedFix(audience: string | undefined): string {
  const held = audience ? ` (this one is for ${audience})` : "";
  return `Microsoft Graph refused the access token${held}: it must be issued for Graph. Check that cloud, or api-scope, names Graph's scope, e.g. https://graph.microsoft.com/.default for the public cloud.`;
}

/** What a 403 means, read from the roles the access token carried and those the request needed (the alerts' by default). */
export function forbiddenFix(roles: readonly string[], write: boolean, needed: GraphRoles = ALERT_ROLES): string {
  const { read: reader, write: writer, subject } = needed;
  const wanted = write ? writer : `${reader} (or ${writer}, which sync needs)`;
  if (roles.length === 0) {
    return `The access token carries no application roles: add the Microsoft Graph application permission ${wanted} to the app registration and grant admin consent.`;
  }
  if (write && !roles.includes(writer)) {
    return `The access token has ${roles.join(", ")} but not ${writer}, which updating ${subject}s needs: add the Microsoft Graph application permission ${writer} and grant admin consent.`;
  }
  if (!write && !roles.includes(reader) && !roles.includes(writer)) {
    return `The access token has ${roles.join(", ")} but neither ${reader} nor ${writer}: add the Microsoft Graph application permission ${reader} and grant admin consent.`;
  }
  return `The token has the ${subject} permission, so Microsoft Graph refused for another reason (the tenant's licence, or a Defender role restriction): see its reply.`;
}

export const NOT_FOUND_FIX = "The alert is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.";
export const INCIDENT_NOT_FOUND_FIX = "The incident is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.";

export class GraphApiError extends Error implements Explained {
  override name = "GraphApiError";
  readonly status: number;
  readonly body: GraphErrorBody;
  readonly problem: string;
  /** Graph's code and message, with the request ID its support asks for. */
  readonly reply: string | undefined;
  readonly fix: string | undefined;

  constructor(status: number, body: GraphErrorBody, what: string, fix?: string) {
    const said = [body.code, body.message].filter(Boolean).join(": ").replace(/\.$/, "");
    const ids = [body.requestId && `request-id ${body.requestId}`, body.date && `date ${body.date}`].filter(Boolean).join(", ");
    const reply = said || ids ? `${said || "no reason given"}${ids ? ` (${ids})` : ""}` : undefined;
    const problem = `${what} failed with HTTP ${status}`;
    super(explainedMessage({ problem, reply, fix }));
    this.status = status;
    this.body = body;
    this.problem = problem;
    this.reply = reply;
    this.fix = fix;
  }
}
