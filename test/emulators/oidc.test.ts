// Self-tests for the OIDC token service emulator, driven by the real @actions/core and @azure/msal-node.
import crypto from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import * as core from "@actions/core";
import { ConfidentialClientApplication } from "@azure/msal-node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EntraEmulator } from "./entra.ts";
import { OidcEmulator } from "./oidc.ts";
import { createTestTls } from "./tls.ts";
import type { TestTls } from "./tls.ts";

const AUDIENCE = "api://AzureADTokenExchange";
const SUBJECT = "repo:acme/soc:ref:refs/heads/main";
const ISSUER = "https://token.actions.githubusercontent.com";
const TENANT = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
const CLIENT_ID = "3b6f2a10-9c4e-4d7b-a1e2-5f8c9d0b1a2c";
const SCOPE = "https://api.securitycenter.microsoft.com/.default";
const ENV_NAMES = ["ACTIONS_ID_TOKEN_REQUEST_URL", "ACTIONS_ID_TOKEN_REQUEST_TOKEN"] as const;

let oidc: OidcEmulator;
let savedEnv: Record<string, string | undefined>;
let stdout: string[];

function decodeJwt(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header = "", payload = ""] = token.split(".");
  const part = (p: string): Record<string, unknown> => JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  return { header: part(header), payload: part(payload) };
}

function verifyRs256(token: string, key: crypto.KeyObject): boolean {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return crypto.verify("sha256", Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, "base64url"));
}

beforeEach(async () => {
  oidc = new OidcEmulator();
  await oidc.start();
  // @actions/core reads both variables when getIDToken is called, so the test sets them like the runner does.
  savedEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  Object.assign(process.env, oidc.env());
  // getIDToken writes ::debug:: and ::add-mask:: workflow commands to stdout; keep them to inspect.
  stdout = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  for (const name of ENV_NAMES) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await oidc.stop();
});

describe("the token service as @actions/core sees it", () => {
  it("hands out an RS256 ID token with GitHub's claims for the requested audience", async () => {
    const token = await core.getIDToken(AUDIENCE);

    const { header, payload } = decodeJwt(token);
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: expect.stringMatching(/^[0-9A-F]{40}$/) });
    expect(payload).toMatchObject({
      iss: ISSUER,
      sub: SUBJECT,
      aud: AUDIENCE,
      repository: "acme/soc",
      repository_owner: "acme",
      ref: "refs/heads/main",
      job_workflow_ref: "acme/soc/.github/workflows/soc.yml@refs/heads/main",
      runner_environment: "github-hosted",
    });
    expect(payload["jti"]).toMatch(/^[0-9a-f-]{36}$/);
    const now = Math.floor(Date.now() / 1000);
    expect(Number(payload["iat"])).toBeGreaterThanOrEqual(now - 5);
    expect(Number(payload["iat"])).toBeLessThanOrEqual(now);
    expect(Number(payload["exp"]) - Number(payload["iat"])).toBe(300);
    expect(Number(payload["nbf"])).toBeLessThan(Number(payload["iat"]));

    expect(verifyRs256(token, oidc.publicKey)).toBe(true);
    expect(verifyRs256(token, crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey)).toBe(false);
    expect(oidc.issued).toEqual([token]);
  });

  it("is asked with `&audience=` appended to the URL's own query and the request token as bearer", async () => {
    await core.getIDToken(AUDIENCE);
    const url = new URL(oidc.env()["ACTIONS_ID_TOKEN_REQUEST_URL"] ?? "");
    expect(url.search).toBe("?api-version=2.0");
    expect(oidc.requests).toEqual([
      { audience: AUDIENCE, authorized: true, path: `${url.pathname}?api-version=2.0&audience=api%3A%2F%2FAzureADTokenExchange` },
    ]);
  });

  it("makes @actions/core mask the token (and only ever print it inside the add-mask command)", async () => {
    const token = await core.getIDToken(AUDIENCE);
    const printed = stdout.join("");
    expect(printed).toContain(`::add-mask::${token}`);
    expect(printed.split(token)).toHaveLength(2);
  });

  it("uses GitHub's default audience, the owner's URL, when none is asked for", async () => {
    const token = await core.getIDToken();
    expect(decodeJwt(token).payload["aud"]).toBe("https://github.com/acme");
    expect(oidc.requests).toEqual([{ audience: undefined, authorized: true, path: expect.stringMatching(/\?api-version=2\.0$/) }]);
  });

  it("takes repository and ref from a subject changed between runs", async () => {
    oidc.subject = "repo:octo-org/octo-repo:ref:refs/heads/release";
    const { payload } = decodeJwt(await core.getIDToken(AUDIENCE));
    expect(payload).toMatchObject({
      sub: "repo:octo-org/octo-repo:ref:refs/heads/release",
      repository: "octo-org/octo-repo",
      repository_owner: "octo-org",
      ref: "refs/heads/release",
    });
  });

  it("refuses a wrong request token with 401 and issues nothing", async () => {
    process.env["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "not-the-token";
    await expect(core.getIDToken(AUDIENCE)).rejects.toThrow(/Failed to get ID Token[\s\S]*Error Code : 401/);
    expect(oidc.requests).toEqual([{ audience: AUDIENCE, authorized: false, path: expect.any(String) }]);
    expect(oidc.issued).toEqual([]);
  });

  it("honours the constructor options", async () => {
    const custom = new OidcEmulator({ subject: "repo:acme/soc:environment:prod", requestToken: "fixed", issuer: "https://ghes.example/_services/token" });
    await custom.start();
    try {
      expect(custom.env()["ACTIONS_ID_TOKEN_REQUEST_TOKEN"]).toBe("fixed");
      Object.assign(process.env, custom.env());
      const { payload } = decodeJwt(await core.getIDToken(AUDIENCE));
      expect(payload).toMatchObject({ iss: "https://ghes.example/_services/token", sub: "repo:acme/soc:environment:prod", repository: "acme/soc" });
    } finally {
      await custom.stop();
    }
  });
});

describe("ID tokens as federated credentials at the Entra emulator (real MSAL in process)", () => {
  let dir: string;
  let testTls: TestTls;
  let entra: EntraEmulator;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "oidc-emulator-"));
    testTls = await createTestTls(dir);
    // MSAL's default network client uses node's https, which then trusts the test CA.
    tls.setDefaultCACertificates([...tls.getCACertificates("default"), testTls.caPem]);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    entra = new EntraEmulator({
      tls: testTls,
      apps: [{ clientId: CLIENT_ID, tenantId: TENANT, federated: [{ issuer: ISSUER, subject: SUBJECT, audience: AUDIENCE, publicKey: oidc.publicKey }] }],
    });
    await entra.start();
  });

  afterEach(async () => {
    await entra.stop();
  });

  async function acquire(audience = AUDIENCE): Promise<{ accessToken?: string; errorCode?: string; errorMessage?: string }> {
    const cca = new ConfidentialClientApplication({
      auth: {
        clientId: CLIENT_ID,
        authority: `${entra.url}/${TENANT}`,
        knownAuthorities: [new URL(entra.url).host],
        clientAssertion: async () => core.getIDToken(audience),
      },
    });
    try {
      const result = await cca.acquireTokenByClientCredential({ scopes: [SCOPE] });
      return { accessToken: result?.accessToken };
    } catch (error) {
      const e = error as { errorCode?: string; errorMessage?: string };
      return { errorCode: e.errorCode, errorMessage: e.errorMessage };
    }
  }

  it("exchanges an ID token for an access token when issuer, subject and audience match", async () => {
    const result = await acquire();
    expect(entra.issuedTokens.has(result.accessToken ?? "")).toBe(true);
    expect(decodeJwt(result.accessToken ?? "").payload).toMatchObject({ appid: CLIENT_ID, appidacr: "2", tid: TENANT });
    expect(entra.requests.at(-1)?.form?.["client_assertion"]).toBe(oidc.issued[0]);
    expect(oidc.issued).toHaveLength(1);
  });

  it("is refused with AADSTS700213 naming the presented subject when the subject differs", async () => {
    oidc.subject = "repo:acme/soc:pull_request";
    const result = await acquire();
    expect(result.errorCode).toBe("invalid_client");
    expect(result.errorMessage).toContain(
      "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:acme/soc:pull_request'.",
    );
  });

  it("is refused with AADSTS700212 when the audience differs", async () => {
    const result = await acquire("api://AzureADTokenExchangeUSGov");
    expect(result.errorCode).toBe("invalid_client");
    expect(result.errorMessage).toContain(
      "AADSTS700212: No matching federated identity record found for presented assertion audience 'api://AzureADTokenExchangeUSGov'.",
    );
  });

  it("is refused when the token was signed by another token service with the same claims", async () => {
    const impostor = new OidcEmulator();
    await impostor.start();
    try {
      Object.assign(process.env, impostor.env());
      const result = await acquire();
      expect(result.errorMessage).toContain("AADSTS700027: Client assertion failed signature validation.");
    } finally {
      await impostor.stop();
    }
  });
});
