/** Replies from the Defender for Endpoint API, translated into what the user should do. */
import { type Explained, explainedMessage } from "../errors.js";

/** The error body Defender sends: {"error":{"code","message","target"}}; target is the correlation ID. */
export interface DefenderErrorBody {
  code?: string;
  message?: string;
  target?: string;
}

export function readDefenderError(text: string): DefenderErrorBody {
  try {
    const parsed = JSON.parse(text) as { error?: DefenderErrorBody };
    const error = parsed?.error;
    if (error && typeof error === "object") {
      return {
        code: typeof error.code === "string" ? error.code : undefined,
        message: typeof error.message === "string" ? error.message : undefined,
        target: typeof error.target === "string" ? error.target : undefined,
      };
    }
  } catch {
    // Not JSON: the status says enough.
  }
  return {};
}

const STATUS_FIXES: Record<number, string> = {
  401: "Defender rejected the access token: check that api-scope (or cloud) matches api-url, e.g. https://api.securitycenter.microsoft.com/.default for the public cloud.",
  403: "The app lacks the Defender permission: add the WindowsDefenderATP application permission Alert.ReadWrite.All (or Alert.Read.All for pull alone) and grant admin consent.",
};

/** What a 403 means, read from the roles the access token carried. */
export function forbiddenFix(roles: readonly string[], write: boolean): string {
  if (roles.length === 0) {
    return "The access token carries no application roles: add the WindowsDefenderATP application permission Alert.ReadWrite.All (or Alert.Read.All for pull alone) to the app registration and grant admin consent.";
  }
  if (write && !roles.includes("Alert.ReadWrite.All")) {
    return `The access token has ${roles.join(", ")} but not Alert.ReadWrite.All, which updating alerts needs: add that WindowsDefenderATP application permission and grant admin consent.`;
  }
  if (!write && !roles.includes("Alert.Read.All") && !roles.includes("Alert.ReadWrite.All")) {
    return `The access token has ${roles.join(", ")} but neither Alert.Read.All nor Alert.ReadWrite.All: add the WindowsDefenderATP application permission and grant admin consent.`;
  }
  return "The token has the alert permission, so Defender refused for another reason (a device-group restriction or an unlicensed tenant): see the message above.";
}

export class DefenderApiError extends Error implements Explained {
  override name = "DefenderApiError";
  readonly status: number;
  readonly body: DefenderErrorBody;
  readonly problem: string;
  /** Defender's code and message, with the correlation ID its support asks for. */
  readonly reply: string | undefined;
  readonly fix: string | undefined;

  constructor(status: number, body: DefenderErrorBody, what: string, fix = STATUS_FIXES[status]) {
    const said = [body.code, body.message].filter(Boolean).join(": ").replace(/\.$/, "");
    const correlation = body.target ? ` (correlation ID ${body.target})` : "";
    super(`${what} failed with HTTP ${status}: ${said || `HTTP ${status}`}${correlation}.${fix ? ` ${fix}` : ""}`);
    this.status = status;
    this.body = body;
    this.problem = `${what} failed with HTTP ${status}`;
    this.reply = said || correlation ? `${said || "no reason given"}${correlation}` : undefined;
    this.fix = fix;
  }
}

const NO_INCIDENT_ALERT_FIX = "Its alerts may be older than the tenant's retention, deleted, or moved into another incident by a merge.";

/**
 * An incident the Endpoint API holds no alert of. The API serves no incidents, only alerts naming
 * theirs, so this is its "not found" (status 404, as an alert's would be).
 */
export class IncidentNotFoundError extends Error implements Explained {
  override name = "IncidentNotFoundError";
  readonly status = 404;
  readonly problem: string;
  readonly fix = NO_INCIDENT_ALERT_FIX;

  constructor(id: string, what: string) {
    const problem = `${what}: Defender holds no alert of incident ${id}`;
    super(explainedMessage({ problem, fix: NO_INCIDENT_ALERT_FIX }));
    this.problem = problem;
  }
}
