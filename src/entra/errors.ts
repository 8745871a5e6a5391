/** Replies from Entra ID, translated into what the user should do. */
import { type Explained, explainedMessage } from "../errors.js";

/** Entra ID error codes users meet when setting up, with the fix. */
const AADSTS_FIXES: Record<string, string> = {
  "7000215": "The client secret is wrong or expired: create a new secret in the app registration and update the client-secret secret (use the secret's Value, not its ID).",
  "7000222": "The client secret has expired: create a new one in the app registration and update the client-secret secret.",
  "700016": "The app (client-id) was not found in the tenant: check client-id and tenant-id, and that the app registration lives in that tenant.",
  "90002": "The tenant was not found: check tenant-id (the Directory (tenant) ID GUID or a verified domain) and that cloud matches the tenant's cloud.",
  "900023": "The tenant ID is not valid: use the Directory (tenant) ID GUID or a verified domain.",
  "500011": "The token scope names a resource the tenant does not have: check that cloud (or api-scope) matches the tenant's cloud, e.g. https://api.securitycenter.microsoft.com/.default for the public cloud.",
  "1002012": "The scope must be a resource followed by /.default, such as https://api.securitycenter.microsoft.com/.default.",
  "65001": "Admin consent is missing: grant admin consent for the app's application permissions (WindowsDefenderATP, or Microsoft Graph with source: graph) in Entra ID (API permissions → Grant admin consent).",
  "700027": "The certificate was not accepted: upload the certificate of client-certificate (its public part, .cer or .pem) to the app registration under Certificates & secrets, or check it has not expired.",
  "7000274": "The certificate was not accepted: upload the certificate of client-certificate to the app registration under Certificates & secrets.",
  "700211": "The app has no federated credential for GitHub's issuer: add one with issuer https://token.actions.githubusercontent.com (Certificates & secrets → Federated credentials).",
  "700212": "The app's federated credential expects another audience: set its audience to the oidc-audience this run used, or set oidc-audience to match it.",
  "700024": "The GitHub ID token was not accepted as a client assertion (expired or not yet valid): rerun the job; check the runner's clock.",
};

// Subject mismatches: the fix names the subject this job presented, which is what the credential needs.
const SUBJECT_CODES = new Set(["700213", "70021"]);

export interface FederationContext {
  /** Claims of the GitHub ID token this run presented, when it used federation. */
  presented?: { sub?: string; iss?: string } | undefined;
  audience?: string;
}

/** The first AADSTS code in a message, e.g. "7000215" from "AADSTS7000215: Invalid client secret". */
export function aadstsCode(message: string): string | undefined {
  return /AADSTS(\d+)/.exec(message)?.[1];
}

export class SignInError extends Error implements Explained {
  override name = "SignInError";
  readonly problem: string;
  readonly reply: string | undefined;
  readonly fix: string | undefined;

  constructor(parts: Explained) {
    super(explainedMessage(parts));
    this.problem = parts.problem;
    this.reply = parts.reply;
    this.fix = parts.fix;
  }
}

/** Turns an MSAL or network failure into one message that says what to do. */
export function explainSignInError(error: unknown, authority: string, federation: FederationContext = {}): SignInError {
  if (error instanceof SignInError) return error;
  const raw = error instanceof Error ? ((error as { errorMessage?: string }).errorMessage || error.message) : String(error);
  const firstLine = raw.split(/\r?\n/)[0]?.replace(/\s*Trace ID:.*$/, "") ?? "";
  const code = aadstsCode(raw);
  if (code && SUBJECT_CODES.has(code)) {
    const subject = federation.presented?.sub ?? /presented assertion subject '([^']*)'/.exec(raw)?.[1] ?? "(unknown)";
    return new SignInError({
      problem: `Sign-in to ${authority} failed (AADSTS${code}): the app has no federated credential for this job's subject '${subject}'`,
      fix:
        `Add one under Certificates & secrets → Federated credentials with issuer https://token.actions.githubusercontent.com, subject '${subject}' exactly ` +
        `(repositories created or renamed since July 2026 present the immutable form repo:OWNER@ID/REPO@ID:…) and audience ${federation.audience ?? "api://AzureADTokenExchange"}.`,
    });
  }
  const fix = code ? AADSTS_FIXES[code] : undefined;
  if (fix) return new SignInError({ problem: `Sign-in to ${authority} failed (AADSTS${code})`, fix });
  const msalCode = (error as { errorCode?: unknown } | null)?.errorCode;
  if (msalCode === "endpoints_resolution_error") {
    return new SignInError({
      problem: `Sign-in to ${authority} failed: its endpoints for the tenant could not be read`,
      fix: "Check tenant-id, and that authority-host (or cloud) is the tenant's login host.",
    });
  }
  // Entra's own words, which the codes above do not cover: quoted, not explained.
  return firstLine ? new SignInError({ problem: `Sign-in to ${authority} failed`, reply: firstLine }) : new SignInError({ problem: `Sign-in to ${authority} failed: no reason given` });
}
