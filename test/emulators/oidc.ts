// GitHub Actions OIDC token service emulator, served over loopback HTTP.
//
// A job with `permissions: id-token: write` gets two environment variables: ACTIONS_ID_TOKEN_REQUEST_URL
// (which already carries `?api-version=2.0`, so @actions/core appends `&audience=...`) and
// ACTIONS_ID_TOKEN_REQUEST_TOKEN (sent as `Authorization: Bearer ...`). The service answers `{"value": "<jwt>"}`
// with an RS256 ID token whose claims copy GitHub's, so the Entra emulator's federated credentials can
// check issuer, subject, audience and signature exactly as Entra would.
import crypto from "node:crypto";
import http from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface OidcEmulatorOptions {
  /** The `sub` claim; default `repo:acme/soc:ref:refs/heads/main`. */
  subject?: string;
  /** The bearer the job must present; default random. */
  requestToken?: string;
  /** The `iss` claim; default `https://token.actions.githubusercontent.com`. */
  issuer?: string;
}

export interface OidcRequest {
  /** The `audience` query parameter, decoded; undefined when the caller asked for GitHub's default. */
  audience: string | undefined;
  authorized: boolean;
  /** The request target as received (path and query), to show exactly what the client asked for. */
  path: string;
}

const DEFAULT_SUBJECT = "repo:acme/soc:ref:refs/heads/main";
const DEFAULT_ISSUER = "https://token.actions.githubusercontent.com";
const DEFAULT_REPOSITORY = "acme/soc";
const DEFAULT_REF = "refs/heads/main";
const TOKEN_LIFETIME_SECONDS = 300;
// GitHub back-dates `nbf` by ten minutes (see the example token in GitHub's OIDC documentation).
const NOT_BEFORE_SKEW_SECONDS = 600;

export class OidcEmulator {
  /** The `sub` claim of the next tokens; tests change it between runs. */
  subject: string;
  requests: OidcRequest[] = [];
  /** Every ID token handed out, so tests can assert none of them is ever printed. */
  issued: string[] = [];

  private readonly issuer: string;
  private readonly requestToken: string;
  private readonly server: http.Server;
  private readonly keys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  private readonly kid = crypto.randomBytes(20).toString("hex").toUpperCase();
  // Like the real URL, the path is specific to the job; a request elsewhere is a 404.
  private readonly tokenPath =
    `/_apis/distributedtask/hubs/Actions/plans/${crypto.randomUUID()}/jobs/${crypto.randomUUID()}/idtoken`;
  private port = 0;

  constructor(options: OidcEmulatorOptions = {}) {
    this.subject = options.subject ?? DEFAULT_SUBJECT;
    this.issuer = options.issuer ?? DEFAULT_ISSUER;
    this.requestToken = options.requestToken ?? crypto.randomBytes(32).toString("base64url");
    this.server = http.createServer((req, res) => {
      try {
        this.handle(req, res);
      } catch (error) {
        // A bug in the emulator must show up as a loud 500, not a hung test.
        if (!res.headersSent) sendJson(res, 500, { message: String(error) });
        else res.destroy();
      }
    });
  }

  /** `http://127.0.0.1:PORT`, valid after start(). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The key ID tokens are signed with: give it to the Entra emulator's `federated[].publicKey`. */
  get publicKey(): crypto.KeyObject {
    return this.keys.publicKey;
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

  /** What a job with `permissions: id-token: write` finds in its environment. */
  env(): Record<string, string> {
    return {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${this.url}${this.tokenPath}?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.requestToken,
    };
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const target = new URL(req.url ?? "/", this.url);
    if (req.method !== "GET" || target.pathname !== this.tokenPath) {
      sendJson(res, 404, { message: `No route for ${req.method} ${target.pathname}` });
      return;
    }
    const audience = target.searchParams.get("audience") ?? undefined;
    const authorized = req.headers.authorization === `Bearer ${this.requestToken}`;
    this.requests.push({ audience, authorized, path: req.url ?? "" });
    if (!authorized) {
      sendJson(res, 401, { message: "Unauthorized: the request token is missing or invalid." });
      return;
    }
    const token = this.signJwt(this.claims(audience));
    this.issued.push(token);
    sendJson(res, 200, { value: token });
  }

  /** GitHub's claim set, with repository and ref taken from the subject when it names them. */
  private claims(audience: string | undefined): Record<string, unknown> {
    const repository = /^repo:([^:]+\/[^:]+)(?::|$)/.exec(this.subject)?.[1] ?? DEFAULT_REPOSITORY;
    const ref = /:ref:(.+)$/.exec(this.subject)?.[1] ?? DEFAULT_REF;
    const owner = repository.split("/")[0] ?? "";
    const now = Math.floor(Date.now() / 1000);
    return {
      jti: crypto.randomUUID(),
      sub: this.subject,
      // Without an audience GitHub uses the URL of the repository owner.
      aud: audience ?? `https://github.com/${owner}`,
      ref,
      repository,
      repository_owner: owner,
      event_name: "schedule",
      workflow: "soc",
      workflow_ref: `${repository}/.github/workflows/soc.yml@${ref}`,
      job_workflow_ref: `${repository}/.github/workflows/soc.yml@${ref}`,
      runner_environment: "github-hosted",
      iss: this.issuer,
      nbf: now - NOT_BEFORE_SKEW_SECONDS,
      iat: now,
      exp: now + TOKEN_LIFETIME_SECONDS,
    };
  }

  private signJwt(payload: Record<string, unknown>): string {
    const header = { alg: "RS256", typ: "JWT", kid: this.kid };
    const input = `${b64json(header)}.${b64json(payload)}`;
    const signature = crypto.sign("sha256", Buffer.from(input), this.keys.privateKey).toString("base64url");
    return `${input}.${signature}`;
  }
}

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  res.end(text);
}
