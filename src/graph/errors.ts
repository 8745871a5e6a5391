/** Replies from the Microsoft Graph security API, translated into what the user should do. */
import { type Explained, explainedMessage } from "../errors.js";

export const READ_ROLE = "SecurityAlert.Read.All";
export const WRITE_ROLE = "SecurityAlert.ReadWrite.All";

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

/** What a 403 means, read from the roles the access token carried. */
export function forbiddenFix(roles: readonly string[], write: boolean): string {
  const wanted = write ? WRITE_ROLE : `${READ_ROLE} (or ${WRITE_ROLE}, which sync needs)`;
  if (roles.length === 0) {
    return `The access token carries no application roles: add the Microsoft Graph application permission ${wanted} to the app registration and grant admin consent.`;
  }
  if (write && !roles.includes(WRITE_ROLE)) {
    return `The access token has ${roles.join(", ")} but not ${WRITE_ROLE}, which updating alerts needs: add the Microsoft Graph application permission ${WRITE_ROLE} and grant admin consent.`;
  }
  if (!write && !roles.includes(READ_ROLE) && !roles.includes(WRITE_ROLE)) {
    return `The access token has ${roles.join(", ")} but neither ${READ_ROLE} nor ${WRITE_ROLE}: add the Microsoft Graph application permission ${READ_ROLE} and grant admin consent.`;
  }
  return "The token has the alert permission, so Microsoft Graph refused for another reason (the tenant's licence, or a Defender role restriction): see its reply.";
}

export const NOT_FOUND_FIX = "The alert is not in Microsoft Graph: it may be older than the tenant's retention, or deleted.";

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
