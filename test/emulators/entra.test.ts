// Self-tests for the Entra emulator, driven by the real @azure/msal-node wherever possible.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { ConfidentialClientApplication } from "@azure/msal-node";
import type { Configuration } from "@azure/msal-node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EntraEmulator } from "./entra.ts";
import type { EntraApp } from "./entra.ts";
import { createClientCertificate, createTestTls } from "./tls.ts";
import type { ClientCertificate, TestTls } from "./tls.ts";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TENANT = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
const OTHER_TENANT = "0f0e0d0c-0b0a-4909-8807-060504030201";
const CLIENT_ID = "3b6f2a10-9c4e-4d7b-a1e2-5f8c9d0b1a2c";
const SECRET = "s3cret~value";
const SCOPE = "https://api.securitycenter.microsoft.com/.default";

let dir: string;
let testTls: TestTls;
let certificate: ClientCertificate;
let entra: EntraEmulator;

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = "", payload = ""] = token.split(".");
  const part = (p: string): Record<string, unknown> => JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  return { header: part(header), payload: part(payload) };
}

/** The configuration that works against the emulator: host:port in knownAuthorities. */
function msalAuth(extra: Partial<Configuration["auth"]> = {}, tenant = TENANT): Configuration["auth"] {
  return {
    clientId: CLIENT_ID,
    authority: `${entra.url}/${tenant}`,
    knownAuthorities: [new URL(entra.url).host],
    ...extra,
  };
}

async function startEntra(apps: EntraApp[], extra: { tokenLifetimeSeconds?: number } = {}): Promise<void> {
  await entra?.stop();
  entra = new EntraEmulator({
    tls: testTls,
    apps,
    tenantDomains: { "contoso.onmicrosoft.com": TENANT },
    ...extra,
  });
  await entra.start();
}

async function postToken(tenant: string, form: Record<string, string>): Promise<{ status: number; json: any }> {
  const response = await fetch(`${entra.url}/${tenant}/oauth2/v2.0/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, json: await response.json() };
}

const secretForm = { grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: SECRET, scope: SCOPE };

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "entra-emulator-"));
  testTls = await createTestTls(dir);
  certificate = await createClientCertificate();
  // In-process callers (fetch, MSAL's default client) trust the test CA; child processes get NODE_EXTRA_CA_CERTS.
  tls.setDefaultCACertificates([...tls.getCACertificates("default"), testTls.caPem]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  await startEntra([{ clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT }]);
});

afterEach(async () => {
  await entra.stop();
});

describe("real MSAL in a child process with NODE_EXTRA_CA_CERTS (how the action runs)", () => {
  const CHILD = `
    import { ConfidentialClientApplication } from "@azure/msal-node";
    const { auth, scopes } = JSON.parse(process.env.MSAL_TEST_CONFIG);
    const cca = new ConfidentialClientApplication({ auth });
    const results = [];
    for (let i = 0; i < 2; i++) {
      try {
        const r = await cca.acquireTokenByClientCredential({ scopes });
        results.push({ accessToken: r.accessToken, fromCache: r.fromCache, tokenType: r.tokenType });
      } catch (e) {
        results.push({ errorCode: e.errorCode, errorMessage: e.errorMessage });
      }
    }
    process.stdout.write(JSON.stringify(results));
  `;

  async function runMsal(auth: Configuration["auth"]): Promise<Array<Record<string, any>>> {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", CHILD], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: testTls.caPath, MSAL_TEST_CONFIG: JSON.stringify({ auth, scopes: [SCOPE] }) },
    });
    return JSON.parse(stdout);
  }

  it("acquires a token: discovery GET, then the token POST, then the cache", async () => {
    const [first, second] = await runMsal(msalAuth({ clientSecret: SECRET }));
    expect(first).toMatchObject({ fromCache: false, tokenType: "Bearer" });
    expect(second).toMatchObject({ fromCache: true, accessToken: first?.["accessToken"] });
    expect(entra.issuedTokens.has(first?.["accessToken"])).toBe(true);
    expect(entra.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /${TENANT}/v2.0/.well-known/openid-configuration 200`,
      `POST /${TENANT}/oauth2/v2.0/token 200`,
    ]);
    expect(entra.requests[1]?.form).toMatchObject({
      client_id: CLIENT_ID,
      client_secret: SECRET,
      grant_type: "client_credentials",
      scope: SCOPE,
    });
    const { header, payload } = decodeJwt(first?.["accessToken"]);
    expect(header["alg"]).toBe("RS256");
    expect(payload).toMatchObject({
      aud: "https://api.securitycenter.microsoft.com",
      tid: TENANT,
      appid: CLIENT_ID,
      appidacr: "1",
      roles: ["Alert.ReadWrite.All"],
    });
    expect(Number(payload["exp"]) - Number(payload["iat"])).toBe(3599);
  });

  it("skips discovery when authorityMetadata is given, like the built-in metadata of the real login hosts", async () => {
    const base = `${entra.url}/${TENANT}`;
    const authorityMetadata = JSON.stringify({
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${base}/discovery/v2.0/keys`,
    });
    const [first] = await runMsal(msalAuth({ clientSecret: SECRET, authorityMetadata }));
    expect(first?.["tokenType"]).toBe("Bearer");
    expect(entra.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${TENANT}/oauth2/v2.0/token`]);
  });

  it("fails to resolve endpoints when knownAuthorities holds the host without the port", async () => {
    const [first] = await runMsal({ ...msalAuth({ clientSecret: SECRET }), knownAuthorities: ["localhost"] });
    expect(first?.["errorCode"]).toBe("endpoints_resolution_error");
    expect(entra.requests).toEqual([]);
  });
});

describe("real MSAL in process", () => {
  async function acquire(auth: Configuration["auth"]): Promise<{ accessToken?: string; errorCode?: string; errorMessage?: string }> {
    try {
      const cca = new ConfidentialClientApplication({ auth });
      const result = await cca.acquireTokenByClientCredential({ scopes: [SCOPE] });
      // MSAL types the result as nullable; for client credentials it resolves a result or throws.
      return { accessToken: result?.accessToken };
    } catch (error) {
      const e = error as { errorCode?: string; errorMessage?: string };
      return { errorCode: e.errorCode, errorMessage: e.errorMessage };
    }
  }

  it("accepts a verified domain as the tenant", async () => {
    const result = await acquire(msalAuth({ clientSecret: SECRET }, "contoso.onmicrosoft.com"));
    expect(decodeJwt(result.accessToken ?? "").payload["tid"]).toBe(TENANT);
    expect(entra.requests.map((r) => r.path)).toEqual([
      "/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration",
      "/contoso.onmicrosoft.com/oauth2/v2.0/token",
    ]);
  });

  it.each([
    ["a wrong secret", { clientSecret: "wrong" }, TENANT, "invalid_client", "AADSTS7000215: Invalid client secret provided."],
    ["an unknown client id", { clientSecret: SECRET, clientId: "00000000-0000-0000-0000-000000000000" }, TENANT, "unauthorized_client", "AADSTS700016: Application with identifier '00000000-0000-0000-0000-000000000000' was not found"],
  ])("surfaces %s as an MSAL ServerError carrying the AADSTS text", async (_name, extra, tenant, code, text) => {
    const result = await acquire(msalAuth(extra, tenant));
    expect(result.errorCode).toBe(code);
    expect(result.errorMessage).toContain(text);
  });

  it("makes an unknown tenant fail at discovery, before any AADSTS text reaches MSAL", async () => {
    const result = await acquire(msalAuth({ clientSecret: SECRET }, "nosuch.onmicrosoft.com"));
    expect(result.errorCode).toBe("endpoints_resolution_error");
    expect(entra.requests.map((r) => `${r.path} ${r.status}`)).toEqual(["/nosuch.onmicrosoft.com/v2.0/.well-known/openid-configuration 400"]);
  });

  it("accepts a certificate credential (PS256, x5t#S256) and rejects an unregistered one", async () => {
    await startEntra([{ clientId: CLIENT_ID, tenantId: TENANT, certificate }]);
    const clientCertificate = {
      thumbprintSha256: Buffer.from(certificate.thumbprintSha256, "base64url").toString("hex"),
      privateKey: certificate.pem,
    };
    const ok = await acquire(msalAuth({ clientCertificate }));
    expect(decodeJwt(ok.accessToken ?? "").payload["appidacr"]).toBe("2");
    const assertion = decodeJwt(entra.requests.at(-1)?.form?.["client_assertion"] ?? "");
    expect(assertion.header).toMatchObject({ alg: "PS256", "x5t#S256": certificate.thumbprintSha256 });

    const other = await createClientCertificate();
    const rejected = await acquire(
      msalAuth({
        clientCertificate: {
          thumbprintSha256: Buffer.from(other.thumbprintSha256, "base64url").toString("hex"),
          privateKey: other.pem,
        },
      }),
    );
    expect(rejected.errorCode).toBe("invalid_client");
    expect(rejected.errorMessage).toContain("AADSTS700027: The certificate with identifier used to sign the client assertion is not registered");

    // The registered thumbprint with someone else's key: the signature gives it away.
    const forged = await acquire(msalAuth({ clientCertificate: { ...clientCertificate, privateKey: other.pem } }));
    expect(forged.errorMessage).toContain("AADSTS700027: Client assertion failed signature validation.");
  });

  it("accepts a federated assertion matching issuer, subject and audience", async () => {
    const issuerKeys = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
    const record = {
      issuer: "https://token.actions.githubusercontent.com",
      subject: "repo:octo-org/octo-repo:ref:refs/heads/main",
      audience: "api://AzureADTokenExchange",
      publicKey: issuerKeys.publicKey,
    };
    await startEntra([{ clientId: CLIENT_ID, tenantId: TENANT, federated: [record] }]);
    const sign = (claims: Record<string, unknown>): string => {
      const now = Math.floor(Date.now() / 1000);
      const input = [{ alg: "RS256", typ: "JWT" }, { iat: now, nbf: now, exp: now + 300, ...claims }]
        .map((p) => Buffer.from(JSON.stringify(p)).toString("base64url"))
        .join(".");
      return `${input}.${crypto.sign("sha256", Buffer.from(input), issuerKeys.privateKey).toString("base64url")}`;
    };
    const good = sign({ iss: record.issuer, sub: record.subject, aud: record.audience });
    expect((await acquire(msalAuth({ clientAssertion: good }))).accessToken).toBeDefined();
    const wrongSubject = sign({ iss: record.issuer, sub: "repo:octo-org/octo-repo:pull_request", aud: record.audience });
    const rejected = await acquire(msalAuth({ clientAssertion: wrongSubject }));
    expect(rejected.errorMessage).toContain(
      "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:octo-org/octo-repo:pull_request'.",
    );
  });
});

describe("token endpoint error bodies", () => {
  it.each([
    ["an unknown tenant", OTHER_TENANT, secretForm, 400, "invalid_request", 90002, `Tenant '${OTHER_TENANT}' not found.`],
    ["a malformed tenant", "contoso", secretForm, 400, "invalid_request", 900023, "Specified tenant identifier 'contoso' is neither"],
    ["an unknown client id", TENANT, { ...secretForm, client_id: "nope" }, 400, "unauthorized_client", 700016, "Application with identifier 'nope' was not found in the directory"],
    ["a wrong secret", TENANT, { ...secretForm, client_secret: "wrong" }, 401, "invalid_client", 7000215, "Invalid client secret provided."],
    ["no credential", TENANT, { grant_type: "client_credentials", client_id: CLIENT_ID, scope: SCOPE }, 401, "invalid_client", 7000216, "'client_assertion', 'client_secret' or 'request' is required"],
    ["a permission-name scope", TENANT, { ...secretForm, scope: "Alert.ReadWrite.All" }, 400, "invalid_scope", 1002012, "The provided value for scope Alert.ReadWrite.All is not valid."],
    ["a missing scope", TENANT, { grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: SECRET }, 400, "invalid_request", 900144, "must contain the following parameter: 'scope'"],
  ])("answers %s like Entra", async (_name, tenant, form, status, error, code, text) => {
    const answer = await postToken(tenant, form);
    expect(answer.status).toBe(status);
    expect(answer.json).toMatchObject({ error, error_codes: [code] });
    expect(answer.json.error_description).toMatch(
      new RegExp(`^AADSTS${code}: .* Trace ID: [0-9a-f-]{36} Correlation ID: [0-9a-f-]{36} Timestamp: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}Z$`),
    );
    expect(answer.json.error_description).toContain(text);
    expect(answer.json.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.json.error_description).toContain(`Correlation ID: ${answer.json.correlation_id}`);
    expect(entra.issuedTokens.size).toBe(0);
  });

  it("labels an unknown tenant invalid_tenant at discovery", async () => {
    const response = await fetch(`${entra.url}/${OTHER_TENANT}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_tenant", error_codes: [90002] });
  });

  it("does not let an app sign in to another tenant", async () => {
    await startEntra([
      { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT },
      { clientId: "other-app", secret: SECRET, tenantId: OTHER_TENANT },
    ]);
    expect((await postToken(OTHER_TENANT, secretForm)).json.error_codes).toEqual([700016]);
  });

  it("puts the configured roles in the token, omits the claim when there are none, and honours the lifetime", async () => {
    await startEntra(
      [
        { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT, roles: ["Alert.Read.All"] },
        { clientId: "no-roles", secret: SECRET, tenantId: TENANT, roles: [] },
      ],
      { tokenLifetimeSeconds: 120 },
    );
    const withRoles = await postToken(TENANT, secretForm);
    expect(withRoles.json).toMatchObject({ token_type: "Bearer", expires_in: 120, ext_expires_in: 120 });
    expect(decodeJwt(withRoles.json.access_token).payload["roles"]).toEqual(["Alert.Read.All"]);
    const without = await postToken(TENANT, { ...secretForm, client_id: "no-roles" });
    expect("roles" in decodeJwt(without.json.access_token).payload).toBe(false);
    expect(entra.issuedTokens).toEqual(new Set([withRoles.json.access_token, without.json.access_token]));
  });

  it("gives a token the roles the app holds on the resource it is for: Graph's or Defender's, by default or as mapped", async () => {
    await startEntra([
      { clientId: CLIENT_ID, secret: SECRET, tenantId: TENANT },
      { clientId: "mapped", secret: SECRET, tenantId: TENANT, roles: { "https://graph.microsoft.com": ["SecurityAlert.Read.All"] } },
    ]);
    const rolesOf = async (clientId: string, scope: string) => decodeJwt((await postToken(TENANT, { ...secretForm, client_id: clientId, scope })).json.access_token).payload["roles"];
    expect(await rolesOf(CLIENT_ID, "https://graph.microsoft.com/.default")).toEqual(["SecurityAlert.ReadWrite.All"]);
    expect(await rolesOf(CLIENT_ID, "https://api.securitycenter.microsoft.com/.default")).toEqual(["Alert.ReadWrite.All"]);
    expect(await rolesOf("mapped", "https://graph.microsoft.com/.default")).toEqual(["SecurityAlert.Read.All"]);
    expect(await rolesOf("mapped", "https://api.securitycenter.microsoft.com/.default")).toBeUndefined();
  });

  it("serves injected responses first, then resumes", async () => {
    entra.inject(
      { method: "POST", path: /\/oauth2\/v2\.0\/token$/ },
      { status: 503, headers: { "retry-after": "1" }, body: { error: "temporarily_unavailable" } },
    );
    expect(await postToken(TENANT, secretForm)).toEqual({ status: 503, json: { error: "temporarily_unavailable" } });
    expect((await postToken(TENANT, secretForm)).status).toBe(200);
    expect(entra.requests.map((r) => r.status)).toEqual([503, 200]);
  });
});
