/** Each way to sign in, each cloud, and the set-up errors users meet, through the bundle. */
import { afterEach, describe, expect, it } from "vitest";
import { OidcEmulator } from "../emulators/oidc.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { createClientCertificate } from "../emulators/tls.ts";
import { renderGfm, visibleText } from "../support/gfm.ts";
import { assertNothingSecret, type RunResult, startWorld, type World } from "../support/world.ts";

let world: World;
let oidc: OidcEmulator | undefined;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
  await oidc?.stop();
  oidc = undefined;
});

function errors(result: RunResult): string[] {
  return result.annotations.filter((a) => a.level === "error").map((a) => a.message);
}

function tokenRequests() {
  return world.entra.requests.filter((r) => r.method === "POST");
}

describe("client certificate", () => {
  it("signs an assertion with the certificate's SHA-256 thumbprint (x5t#S256), computed from the PEM", async () => {
    const certificate = await createClientCertificate();
    world = await startWorld({ app: { secret: undefined, certificate } });
    world.defender.alerts.push(makeAlert());
    const result = await world.run({ "client-secret": "", "client-certificate": certificate.pem, "dry-run": "true" });
    expect(errors(result)).toEqual([]);
    expect(result.outputs["alerts-found"]).toBe("1");
    const form = tokenRequests()[0]!.form!;
    expect(form.client_secret).toBeUndefined();
    expect(form.client_assertion_type).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const header = JSON.parse(Buffer.from(form.client_assertion!.split(".")[0]!, "base64url").toString()) as Record<string, string>;
    expect(header).toMatchObject({ alg: "PS256", "x5t#S256": certificate.thumbprintSha256 });
  });

  it("explains a certificate the app does not know", async () => {
    const [registered, other] = [await createClientCertificate(), await createClientCertificate()];
    world = await startWorld({ app: { secret: undefined, certificate: registered } });
    const result = await world.run({ "client-secret": "", "client-certificate": other.pem });
    expect(result.code).toBe(1);
    expect(errors(result)).toEqual([`Sign-in to ${world.entra.url} failed (AADSTS700027). The certificate was not accepted: upload the certificate of client-certificate (its public part, .cer or .pem) to the app registration under Certificates & secrets, or check it has not expired.`]);
  });
});

describe("GitHub OIDC federation", () => {
  async function federated(subject: string, audience = "api://AzureADTokenExchange") {
    oidc = new OidcEmulator({ subject: "repo:acme/soc:ref:refs/heads/main" });
    await oidc.start();
    world = await startWorld({ app: { secret: undefined, federated: [{ issuer: "https://token.actions.githubusercontent.com", subject, audience, publicKey: oidc.publicKey }] } });
    world.defender.alerts.push(makeAlert());
  }

  it("presents the job's ID token for the cloud's audience when no secret or certificate is given", async () => {
    await federated("repo:acme/soc:ref:refs/heads/main");
    const result = await world.run({ "client-secret": "", "dry-run": "true" }, { env: oidc!.env() });
    expect(errors(result)).toEqual([]);
    expect(result.outputs["alerts-found"]).toBe("1");
    expect(oidc!.requests.map((r) => r.audience)).toEqual(["api://AzureADTokenExchange"]);
    expect(tokenRequests()[0]!.form!.client_assertion).toBe(oidc!.issued[0]);
    assertNothingSecret(result, oidc!.issued);
  });

  it("uses the US Gov audience in gcc-high, and oidc-audience overrides it", async () => {
    await federated("repo:acme/soc:ref:refs/heads/main", "api://AzureADTokenExchangeUSGov");
    const gov = await world.run({ "client-secret": "", cloud: "gcc-high", "dry-run": "true" }, { env: oidc!.env() });
    expect(errors(gov)).toEqual([]);
    await world.run({ "client-secret": "", cloud: "gcc-high", "oidc-audience": "api://custom", "dry-run": "true" }, { env: oidc!.env() });
    expect(oidc!.requests.map((r) => r.audience)).toEqual(["api://AzureADTokenExchangeUSGov", "api://custom"]);
  });

  it("prints the subject the job presented when no federated credential matches it", async () => {
    await federated("repo:acme/soc:environment:production");
    oidc!.subject = "repo:acme@1234/soc@5678:ref:refs/heads/main";
    const result = await world.run({ "client-secret": "" }, { env: oidc!.env() });
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toBe(
      `Sign-in to ${world.entra.url} failed (AADSTS700213): the app has no federated credential for this job's subject 'repo:acme@1234/soc@5678:ref:refs/heads/main'. Add one under Certificates & secrets → Federated credentials with issuer https://token.actions.githubusercontent.com, subject 'repo:acme@1234/soc@5678:ref:refs/heads/main' exactly (repositories created or renamed since July 2026 present the immutable form repo:OWNER@ID/REPO@ID:…) and audience api://AzureADTokenExchange.`,
    );
  });

  it("says to add id-token: write when the job cannot mint an ID token, in the log and the job summary", async () => {
    await federated("repo:acme/soc:ref:refs/heads/main");
    const result = await world.run({ "client-secret": "" });
    expect(result.code).toBe(1);
    expect(result.annotations).toEqual([
      { level: "error", message: "No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token. Add `permissions: id-token: write` to the job (or give a secret or certificate)." },
    ]);
    expect(result.summary).toBe(
      "## defender-issues pull failed\n\n" +
        "**Error:** No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token\n\n" +
        "**Fix:** Add ` permissions: id-token: write ` to the job (or give a secret or certificate).\n",
    );
  });
});

describe("clouds", () => {
  it.each([
    ["public", "https://api.securitycenter.microsoft.com/.default", "security.microsoft.com"],
    ["gcc", "https://api-gcc.securitycenter.microsoft.us/.default", "security.microsoft.com"],
    ["gcc-high", "https://api-gov.securitycenter.microsoft.us/.default", "security.microsoft.us"],
    ["dod", "https://api-gov.securitycenter.microsoft.us/.default", "security.apps.mil"],
  ])("%s asks for its scope and links its portal", async (cloud, scope, portal) => {
    world = await startWorld();
    const alert = makeAlert();
    world.defender.alerts.push(alert);
    const result = await world.run({ cloud });
    expect(errors(result)).toEqual([]);
    expect(tokenRequests()[0]!.form!.scope).toBe(scope);
    expect(world.github.issues[0]!.body).toContain(`https://${portal}/alerts/${alert.id}?tid=`);
  });

  it("takes an api-scope override, and a tenant given as its verified domain", async () => {
    world = await startWorld();
    const result = await world.run({ "api-scope": "https://securitycenter.onmicrosoft.us/windowsatpservice/.default", "tenant-id": "contoso.onmicrosoft.com", "dry-run": "true" });
    expect(errors(result)).toEqual([]);
    expect(tokenRequests()[0]!.path).toBe("/contoso.onmicrosoft.com/oauth2/v2.0/token");
    expect(tokenRequests()[0]!.form!.scope).toBe("https://securitycenter.onmicrosoft.us/windowsatpservice/.default");
  });
});

describe("set-up errors, translated", () => {
  it("a sign-in error leaves a job summary with the error and its fix", async () => {
    world = await startWorld();
    const result = await world.run({ "client-secret": "wrong" });
    expect(result.code).toBe(1);
    expect(errors(result)).toHaveLength(1);
    const text = visibleText(renderGfm(result.summary));
    expect(text).toMatch(/^defender-issues pull failed\s+Error:\s+Sign-in to hxxps\[:\]\/\/localhost:\d+ failed \(AADSTS7000215\)\s+Fix:\s+The client secret is wrong or expired: /);
  });

  it.each([
    ["an unknown app", { "client-id": "11111111-2222-4333-8444-555555555555" }, "(AADSTS700016). The app (client-id) was not found in the tenant"],
    ["an unknown tenant", { "tenant-id": "99999999-2222-4333-8444-555555555555" }, "(AADSTS90002). The tenant was not found"],
  ])("%s", async (_name, inputs, message) => {
    world = await startWorld();
    const result = await world.run(inputs);
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toContain(message);
  });

  it("a resource the tenant does not have (wrong cloud or scope)", async () => {
    world = await startWorld();
    world.entra.inject({ method: "POST", path: /token$/ }, { status: 400, body: { error: "invalid_resource", error_description: "AADSTS500011: The resource principal named https://api-gov.securitycenter.microsoft.us was not found in the tenant named Contoso.", error_codes: [500011] } });
    const result = await world.run({ cloud: "gcc-high" });
    expect(errors(result)[0]).toContain("(AADSTS500011). The token scope names a resource the tenant does not have: check that cloud (or api-scope) matches the tenant's cloud");
  });

  it("missing admin consent: a token without roles gets 403, and the fix says so", async () => {
    world = await startWorld({ app: { roles: [] }, defender: { checkRoles: true } });
    const result = await world.run();
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toMatch(/^Listing Defender alerts failed with HTTP 403: Forbidden: .*The access token carries no application roles: add the WindowsDefenderATP application permission Alert\.ReadWrite\.All \(or Alert\.Read\.All for pull alone\) to the app registration and grant admin consent\.$/);
  });

  it("a token without Alert.ReadWrite.All: sync's PATCH gets 403, and the fix names the permission", async () => {
    world = await startWorld({ app: { roles: ["Alert.Read.All"] }, defender: { checkRoles: true } });
    const alert = makeAlert();
    world.defender.alerts.push(alert);
    const issue = world.github.addIssue({ title: "t", body: `<!-- defender-alert-id: ${alert.id} -->` });
    world.github.collaborators.set("triager", "triage");
    const { issuesEvent } = await import("../support/events.ts");
    const result = await world.run({ mode: "sync" }, { event: issuesEvent("closed", { number: issue.number, body: issue.body!, state: "closed" }, "triager") });
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toContain("The access token has Alert.Read.All but not Alert.ReadWrite.All, which updating alerts needs");
  });

  it("a GitHub token without issues: write", async () => {
    world = await startWorld();
    world.defender.alerts.push(makeAlert());
    world.github.readOnlyTokens.add(world.baseInputs["github-token"]!);
    const result = await world.run();
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toContain("HTTP 403: Resource not accessible by integration");
    expect(errors(result)[0]).toContain("give the job `permissions: issues: write`");
  });

  it("issues disabled in the repository", async () => {
    world = await startWorld();
    world.defender.alerts.push(makeAlert());
    world.github.hasIssues = false;
    const result = await world.run();
    expect(result.code).toBe(1);
    expect(errors(result)[0]).toContain("Issues are disabled in this repository: enable them under Settings → General → Features.");
  });
});
