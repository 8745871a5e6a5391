// Entra ID (v2.0 endpoint) emulator for the client-credentials grant, served over loopback HTTPS.
//
// Real MSAL talks to it: MSAL refuses non-https authorities, and for a host it has no built-in metadata
// for (anything but the Microsoft login hosts) it first GETs `/{tenant}/v2.0/.well-known/openid-configuration`
// and then POSTs the form to the advertised token endpoint. Error bodies copy Entra's shape and AADSTS
// codes so the action's error translation is tested against what it will really see.
import crypto from "node:crypto";
import type { AddressInfo } from "node:net";
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./wire.ts";

export interface EntraApp {
  clientId: string;
  secret?: string;
  tenantId: string;
  /**
   * Application permissions in the token's `roles` claim: a token carries the roles the app holds on
   * the resource it is for. A list applies to every resource; a map names them per resource (the
   * scope without `/.default`). Default: `SecurityAlert.ReadWrite.All` on Microsoft Graph,
   * `Alert.ReadWrite.All` on any other resource (Defender for Endpoint's).
   */
  roles?: string[] | Record<string, string[]>;
  /** Certificate credential (e.g. from createClientCertificate): client assertions signed with it are accepted. */
  certificate?: { certDer: Buffer; publicKey: crypto.KeyObject };
  /** Federated identity credentials (GitHub OIDC); `publicKey`, when given, must verify the assertion. */
  federated?: Array<{ issuer: string; subject: string; audience: string; publicKey?: crypto.KeyObject }>;
}

export interface EntraEmulatorOptions {
  tls: { key: string; cert: string };
  apps: EntraApp[];
  tokenLifetimeSeconds?: number;
  /** Verified domain names → tenant GUID, so `tenant-id: contoso.onmicrosoft.com` works too. */
  tenantDomains?: Record<string, string>;
}

export interface EntraRequest {
  method: string;
  path: string;
  form?: Record<string, string>;
  status?: number;
  /** When the request began to arrive (ms since the epoch, sub-millisecond). */
  at: number;
}

export interface InjectedEntraResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Injection {
  match: { method: string; path: RegExp };
  responses: InjectedEntraResponse[];
}

/** An Entra error response: HTTP status, OAuth `error`, AADSTS code and message. */
class TokenError {
  readonly status: number;
  readonly error: string;
  readonly code: number;
  readonly message: string;
  constructor(status: number, error: string, code: number, message: string) {
    this.status = status;
    this.error = error;
    this.code = code;
    this.message = message;
  }
}

const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
const DEFAULT_ROLES = ["Alert.ReadWrite.All"];
const DEFAULT_GRAPH_ROLES = ["SecurityAlert.ReadWrite.All"];
const GRAPH_RESOURCES = new Set(["https://graph.microsoft.com", "https://graph.microsoft.us", "https://dod-graph.microsoft.us", "00000003-0000-0000-c000-000000000000"]);

/** The roles an app's token for `resource` carries. */
export function rolesFor(app: Pick<EntraApp, "roles">, resource: string): string[] {
  if (Array.isArray(app.roles)) return app.roles;
  if (app.roles) return app.roles[resource] ?? [];
  return GRAPH_RESOURCES.has(resource) ? DEFAULT_GRAPH_ROLES : DEFAULT_ROLES;
}
const CLOCK_SKEW_SECONDS = 300;

export class EntraEmulator {
  readonly issuedTokens = new Set<string>();
  requests: EntraRequest[] = [];

  private readonly options: EntraEmulatorOptions;
  private readonly server: https.Server;
  private readonly injections: Injection[] = [];
  private readonly signingKey = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly signingKid = crypto.randomBytes(16).toString("base64url");
  private port = 0;

  constructor(options: EntraEmulatorOptions) {
    this.options = options;
    this.server = https.createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        // A bug in the emulator must show up as a loud 500, not a hung test.
        if (!res.headersSent) sendJson(res, 500, { error: "server_error", error_description: String(error) });
        else res.destroy();
      });
    });
  }

  /** `https://localhost:PORT`: the authority host given to the action. */
  get url(): string {
    return `https://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers the next matching requests with these responses, in order, before normal handling. */
  inject(match: { method: string; path: RegExp }, ...responses: InjectedEntraResponse[]): void {
    this.injections.push({ match, responses: [...responses] });
  }

  private takeInjected(method: string, path: string): InjectedEntraResponse | undefined {
    const injection = this.injections.find(
      (i) => i.match.method.toUpperCase() === method && i.match.path.test(path) && i.responses.length > 0,
    );
    return injection?.responses.shift();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.timeOrigin + performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const path = new URL(req.url ?? "/", this.url).pathname;
    const text = await readBody(req);
    const record: EntraRequest = { method, path, at };
    if (method === "POST") record.form = Object.fromEntries(new URLSearchParams(text));
    this.requests.push(record);

    const injected = this.takeInjected(method, path);
    if (injected) {
      record.status = injected.status;
      sendJson(res, injected.status, injected.body, injected.headers);
      return;
    }
    const { status, body } = this.route(method, path, record.form, req.headers["client-request-id"]);
    record.status = status;
    sendJson(res, status, body);
  }

  private route(
    method: string,
    path: string,
    form: Record<string, string> | undefined,
    clientRequestId: string | string[] | undefined,
  ): { status: number; body: unknown } {
    const correlationId = typeof clientRequestId === "string" ? clientRequestId : crypto.randomUUID();
    const [, tenantSegment = "", ...rest] = path.split("/");
    const route = rest.join("/");
    const isDiscovery = route === "v2.0/.well-known/openid-configuration" || route === ".well-known/openid-configuration";
    const isToken = route === "oauth2/v2.0/token";
    const isKeys = route === "discovery/v2.0/keys" || route === "discovery/keys";

    if (method === "GET" && isKeys) return { status: 200, body: { keys: [this.jwk()] } };
    if (!(method === "GET" && isDiscovery) && !(method === "POST" && isToken)) {
      return { status: 404, body: { error: "not_found", error_description: `No route for ${method} ${path}` } };
    }
    const tenant = this.resolveTenant(decodeURIComponent(tenantSegment));
    if (tenant instanceof TokenError) {
      // Same AADSTS code on both routes, but Entra labels it differently: discovery says invalid_tenant.
      const relabelled = tenant.code === 90002 && isToken;
      const error = relabelled ? new TokenError(400, "invalid_request", 90002, tenant.message) : tenant;
      return this.errorResponse(error, correlationId);
    }
    if (isDiscovery) return { status: 200, body: this.openIdConfiguration(tenant.id) };
    const result = this.issueToken(tenant.id, tenantSegment, form ?? {});
    if (result instanceof TokenError) return this.errorResponse(result, correlationId);
    return { status: 200, body: result };
  }

  private knownTenants(): Set<string> {
    return new Set(this.options.apps.map((a) => a.tenantId.toLowerCase()));
  }

  /** Maps the path's tenant (GUID or verified domain) to the tenant GUID, failing like Entra does. */
  private resolveTenant(segment: string): { id: string } | TokenError {
    const lower = segment.toLowerCase();
    if (!GUID_RE.test(segment) && !segment.includes(".")) {
      const message = `Specified tenant identifier '${segment}' is neither a valid DNS name, nor a valid external domain.`;
      return new TokenError(400, "invalid_request", 900023, message);
    }
    const byDomain = Object.entries(this.options.tenantDomains ?? {}).find(([d]) => d.toLowerCase() === lower)?.[1];
    const id = GUID_RE.test(segment) ? lower : byDomain?.toLowerCase();
    if (id && this.knownTenants().has(id)) return { id };
    const message =
      `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the ` +
      "correct cloud. Check with your subscription administrator, this may happen if there are no active " +
      "subscriptions for the tenant.";
    return new TokenError(400, "invalid_tenant", 90002, message);
  }

  private openIdConfiguration(tenantId: string): Record<string, unknown> {
    const base = `${this.url}/${tenantId}`;
    return {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ["query", "fragment", "form_post"],
      subject_types_supported: ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
      scopes_supported: ["openid", "profile", "email", "offline_access"],
      issuer: `${base}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${this.url}/oidc/userinfo`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: "NA",
      cloud_instance_name: "microsoftonline.com",
    };
  }

  private issueToken(
    tenantId: string,
    tenantSegment: string,
    form: Record<string, string>,
  ): Record<string, unknown> | TokenError {
    for (const name of ["grant_type", "client_id", "scope"]) {
      if (!form[name]) return missingParameter(name);
    }
    if (form["grant_type"] !== "client_credentials") {
      const message = `The app requested an unsupported grant type '${form["grant_type"]}'.`;
      return new TokenError(400, "unsupported_grant_type", 70003, message);
    }
    const clientId = form["client_id"] ?? "";
    const app = this.options.apps.find((a) => a.clientId === clientId && a.tenantId.toLowerCase() === tenantId);
    if (!app) return appNotFound(clientId, tenantId);
    const tokenEndpoint = `${this.url}/${tenantSegment}/oauth2/v2.0/token`;
    const auth = this.authenticateClient(app, form, [tokenEndpoint, `${this.url}/${tenantId}/oauth2/v2.0/token`]);
    if (auth instanceof TokenError) return auth;
    const scope = form["scope"] ?? "";
    const resource = scope.split(" ").find((s) => s.endsWith("/.default"))?.slice(0, -"/.default".length);
    if (!resource) {
      const message =
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value ` +
        "with /.default suffixed to the resource identifier (application ID URI).";
      return new TokenError(400, "invalid_scope", 1002012, message);
    }
    return this.tokenResponse(app, tenantId, resource, auth.appidacr);
  }

  /** Checks exactly one client credential the way Entra does; returns the `appidacr` claim value. */
  private authenticateClient(
    app: EntraApp,
    form: Record<string, string>,
    audiences: string[],
  ): { appidacr: string } | TokenError {
    const secret = form["client_secret"];
    const assertion = form["client_assertion"];
    if (secret !== undefined) {
      if (app.secret !== undefined && secret === app.secret) return { appidacr: "1" };
      return invalidClient(
        7000215,
        "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, " +
          `not the client secret ID, for a secret added to app '${app.clientId}'.`,
      );
    }
    if (assertion !== undefined) {
      if (form["client_assertion_type"] !== JWT_BEARER) return missingParameter("client_assertion_type");
      return this.checkAssertion(app, assertion, audiences);
    }
    return invalidClient(
      7000216,
      "'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type.",
    );
  }

  private checkAssertion(app: EntraApp, assertion: string, audiences: string[]): { appidacr: string } | TokenError {
    const jwt = decodeJwt(assertion);
    if (!jwt) return invalidClient(50027, "JWT token is invalid or malformed.");
    const now = Math.floor(Date.now() / 1000);
    const exp = Number(jwt.payload["exp"]);
    const nbf = Number(jwt.payload["nbf"] ?? 0);
    if (!(exp + CLOCK_SKEW_SECONDS > now) || nbf - CLOCK_SKEW_SECONDS > now) {
      return invalidClient(700024, "Client assertion is not within its valid time range.");
    }
    // A certificate credential is an assertion the app signs about itself (iss = sub = client id);
    // anything else is a federated identity token from another issuer (GitHub OIDC).
    if (jwt.payload["iss"] === app.clientId) return this.checkCertificateAssertion(app, jwt, audiences);
    return checkFederatedAssertion(app, jwt);
  }

  private checkCertificateAssertion(app: EntraApp, jwt: DecodedJwt, audiences: string[]): { appidacr: string } | TokenError {
    const sha256 = app.certificate && crypto.createHash("sha256").update(app.certificate.certDer).digest("base64url");
    const sha1 = app.certificate && crypto.createHash("sha1").update(app.certificate.certDer).digest("base64url");
    const presented = jwt.header["x5t#S256"] ?? jwt.header["x5t"];
    if (!app.certificate || (presented !== sha256 && presented !== sha1)) {
      const hex = typeof presented === "string" ? Buffer.from(presented, "base64url").toString("hex").toUpperCase() : "";
      return invalidClient(
        700027,
        "The certificate with identifier used to sign the client assertion is not registered on application. " +
          `[Reason - The key was not found., Thumbprint of key used by client: '${hex}', Please visit the Azure ` +
          `Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'.]`,
      );
    }
    if (!verifyJwtSignature(jwt, app.certificate.publicKey)) {
      return invalidClient(700027, "Client assertion failed signature validation.");
    }
    if (jwt.payload["sub"] !== app.clientId || !audiences.includes(String(jwt.payload["aud"]))) {
      return invalidClient(
        700023,
        `Client assertion audience claim does not match Realm issuer. Review the documentation at ` +
          "https://docs.microsoft.com/azure/active-directory/develop/active-directory-certificate-credentials .",
      );
    }
    return { appidacr: "2" };
  }

  private tokenResponse(app: EntraApp, tenantId: string, resource: string, appidacr: string): Record<string, unknown> {
    const lifetime = this.options.tokenLifetimeSeconds ?? 3599;
    const now = Math.floor(Date.now() / 1000);
    const roles = rolesFor(app, resource);
    const claims: Record<string, unknown> = {
      aud: resource,
      iss: `https://sts.windows.net/${tenantId}/`,
      iat: now,
      nbf: now,
      exp: now + lifetime,
      aio: crypto.randomBytes(24).toString("base64url"),
      appid: app.clientId,
      appidacr,
      idp: `https://sts.windows.net/${tenantId}/`,
      idtyp: "app",
      oid: stableGuid(`${tenantId}/${app.clientId}`),
      sub: stableGuid(`${tenantId}/${app.clientId}`),
      tid: tenantId,
      uti: crypto.randomBytes(16).toString("base64url"),
      ver: "1.0",
    };
    // Entra leaves `roles` out entirely when the app holds no application permission.
    if (roles.length > 0) claims["roles"] = roles;
    const accessToken = this.signJwt(claims);
    this.issuedTokens.add(accessToken);
    return { token_type: "Bearer", expires_in: lifetime, ext_expires_in: lifetime, access_token: accessToken };
  }

  private signJwt(payload: Record<string, unknown>): string {
    const header = { typ: "JWT", alg: "RS256", x5t: this.signingKid, kid: this.signingKid };
    const input = `${b64json(header)}.${b64json(payload)}`;
    const signature = crypto.sign("sha256", Buffer.from(input), this.signingKey.privateKey).toString("base64url");
    return `${input}.${signature}`;
  }

  private jwk(): Record<string, unknown> {
    const jwk = this.signingKey.publicKey.export({ format: "jwk" });
    const { n, e } = jwk;
    return { kty: "RSA", use: "sig", kid: this.signingKid, x5t: this.signingKid, n, e, issuer: `${this.url}/{tenantid}/v2.0` };
  }

  private errorResponse(error: TokenError, correlationId: string): { status: number; body: unknown } {
    const timestamp = new Date().toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");
    const traceId = crypto.randomUUID();
    return {
      status: error.status,
      body: {
        error: error.error,
        error_description:
          `AADSTS${error.code}: ${error.message} Trace ID: ${traceId} Correlation ID: ${correlationId} ` +
          `Timestamp: ${timestamp}`,
        error_codes: [error.code],
        timestamp,
        trace_id: traceId,
        correlation_id: correlationId,
        error_uri: `${this.url}/error?code=${error.code}`,
      },
    };
  }
}

interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function decodeJwt(token: string): DecodedJwt | undefined {
  const [header, payload, signature, extra] = token.split(".");
  if (!header || !payload || signature === undefined || extra !== undefined) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as Record<string, unknown>,
      payload: JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>,
      signingInput: `${header}.${payload}`,
      signature: Buffer.from(signature, "base64url"),
    };
  } catch {
    return undefined;
  }
}

function verifyJwtSignature(jwt: DecodedJwt, key: crypto.KeyObject): boolean {
  const data = Buffer.from(jwt.signingInput);
  switch (jwt.header["alg"]) {
    case "RS256":
      return crypto.verify("sha256", data, key, jwt.signature);
    case "PS256":
      return crypto.verify(
        "sha256",
        data,
        { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST },
        jwt.signature,
      );
    default:
      return false;
  }
}

/** Federated credentials match issuer, then subject, then audience, each case-sensitively, as Entra reports. */
function checkFederatedAssertion(app: EntraApp, jwt: DecodedJwt): { appidacr: string } | TokenError {
  const { iss, sub, aud } = jwt.payload;
  const audiences = Array.isArray(aud) ? aud.map(String) : [String(aud)];
  const records = app.federated ?? [];
  const codes = { issuer: 700211, audience: 700212, subject: 700213 };
  const mismatch = (claim: keyof typeof codes, value: string): TokenError =>
    invalidClient(
      codes[claim],
      `No matching federated identity record found for presented assertion ${claim} '${value}'. Please note that ` +
        "the matching is done using a case-sensitive comparison. Check your federated identity credential Subject, " +
        "Audience and Issuer against the presented assertion.",
    );
  const byIssuer = records.filter((r) => r.issuer === iss);
  if (byIssuer.length === 0) return mismatch("issuer", String(iss));
  const bySubject = byIssuer.filter((r) => r.subject === sub);
  if (bySubject.length === 0) return mismatch("subject", String(sub));
  const record = bySubject.find((r) => audiences.includes(r.audience));
  if (!record) return mismatch("audience", audiences.join(", "));
  if (record.publicKey && !verifyJwtSignature(jwt, record.publicKey)) {
    return invalidClient(700027, "Client assertion failed signature validation.");
  }
  return { appidacr: "2" };
}

function invalidClient(code: number, message: string): TokenError {
  return new TokenError(401, "invalid_client", code, message);
}

function missingParameter(name: string): TokenError {
  const message = `The request body must contain the following parameter: '${name}'.`;
  return new TokenError(400, "invalid_request", 900144, message);
}

function appNotFound(clientId: string, tenantId: string): TokenError {
  const message =
    `Application with identifier '${clientId}' was not found in the directory '${tenantId}'. This can happen if ` +
    "the application has not been installed by the administrator of the tenant or consented to by any user in " +
    "the tenant. You may have sent your authentication request to the wrong tenant.";
  return new TokenError(400, "unauthorized_client", 700016, message);
}

/** Deterministic GUID so the same app gets the same object id in every token. */
function stableGuid(seed: string): string {
  const h = crypto.createHash("sha256").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store, no-cache",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}
