/** mode: check, and every client going through an HTTP(S) proxy. */
import { vocabulary } from "../../src/issue/vocabulary.ts";
import { afterEach, expect, it } from "vitest";
import { ForwardProxy } from "../emulators/proxy.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { hrefsIn, renderGfm, visibleText } from "../support/gfm.ts";
import { startWorld, type World } from "../support/world.ts";

let world: World;
let proxy: ForwardProxy | undefined;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
  await proxy?.stop();
  proxy = undefined;
});

it("check passes on a good set-up, prints a checklist, and changes nothing", async () => {
  world = await startWorld({ defender: { checkRoles: true } });
  world.defender.alerts.push(makeAlert());
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(0);
  const lines = result.stdout.split("\n").filter((line) => /^[✓✗] /.test(line));
  expect(lines).toEqual([
    `✓ Sign in to \`${world.entra.url}\` (client secret): token for \`https://api.securitycenter.microsoft.com\``,
    "✓ Defender permission (the token's roles): `Alert.ReadWrite.All`",
    `✓ List alerts at \`${world.defender.url}\`: allowed (1 alert in the last day, first page)`,
    "✓ GitHub repository `acme/soc`: found, issues enabled",
    "✓ Read issues: allowed",
    "✓ Write issues: allowed",
    "✓ Write labels: allowed",
  ]);
  expect(result.summary).toContain("Everything needed is in place.");
  expect(world.github.issues).toEqual([]);
  // The vocabulary the world was seeded with, and nothing more: check makes no label.
  expect(world.github.labels.size).toBe(vocabulary().length);
  expect(world.defender.requests.every((r) => r.method === "GET")).toBe(true);
});

it("check fails with the fix for each missing piece", async () => {
  world = await startWorld({ app: { roles: ["Alert.Read.All"] }, defender: { checkRoles: true } });
  world.github.readOnlyTokens.add(world.baseInputs["github-token"]!);
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(1);
  const failed = result.stdout.split("\n").filter((line) => line.startsWith("✗ "));
  expect(failed).toEqual([
    "✗ Write issues: refused (HTTP 403): Resource not accessible by integration → Give the job `permissions: issues: write` (or the token the Issues read and write permission).",
    "✗ Write labels: refused (HTTP 403): Resource not accessible by integration → Give the job `permissions: issues: write` (or the token the Issues read and write permission).",
  ]);
  expect(result.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual(["2 set-up checks failed: Write issues; Write labels"]);
  expect(result.summary).toContain("2 of 7 checks failed.");
});

it("check passes with a warning when the token can read alerts but sync could not update them", async () => {
  world = await startWorld({ app: { roles: ["Alert.Read.All"] }, defender: { checkRoles: true } });
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(0);
  expect(result.annotations).toEqual([
    {
      level: "warning",
      message: "⚠ Defender permission (the token's roles): `Alert.Read.All`: pull can read alerts, but sync will need `Alert.ReadWrite.All` to update them → Before using sync, add the WindowsDefenderATP application permission `Alert.ReadWrite.All` to the app registration and grant admin consent.",
    },
  ]);
  expect(result.summary).toContain("Everything needed is in place, with 1 warning below.");
  expect(result.summary).toContain("| ⚠️ | Defender permission (the token's roles) | ` Alert.Read.All `: pull can read alerts, but sync will need ` Alert.ReadWrite.All ` to update them | Before using sync, add the WindowsDefenderATP application permission ` Alert.ReadWrite.All ` to the app registration and grant admin consent. |");
});

it("check shows its own hosts as they are, in code, with nothing defanged", async () => {
  world = await startWorld();
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(0);
  expect(result.summary).toContain(`| ✅ | List alerts at \` ${world.defender.url} \` |`);
  expect(result.summary).toContain(`| ✅ | Sign in to \` ${world.entra.url} \` (client secret) | token for \` https://api.securitycenter.microsoft.com \` |`);
  expect(result.summary).not.toContain("hxxp");
  const html = renderGfm(result.summary);
  expect(html).toContain(`<code>${world.defender.url}</code>`);
  expect(hrefsIn(html)).toEqual([]);
});

it("check quotes what Entra ID said inert: its links defanged, its mentions broken", async () => {
  world = await startWorld();
  world.entra.inject({ method: "POST", path: /token$/ }, {
    status: 400,
    body: { error: "invalid_request", error_description: "AADSTS90099: Contact @admins at https://phish.example/help <b>now</b>", error_codes: [90099] },
  });
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(1);
  const html = renderGfm(result.summary);
  expect(hrefsIn(html)).toEqual([]);
  expect(html).not.toContain("<b>");
  expect(html).toContain(`<code>${world.entra.url}</code>`);
  const text = visibleText(html);
  expect(text).toContain(`Sign-in to ${world.entra.url} failed: Error(s): 90099`);
  expect(text).toContain("AADSTS90099: Contact @\u200badmins at hxxps[:]//phish.example/help <b>now</b>");
});

it("check reports a sign-in failure and still checks GitHub", async () => {
  world = await startWorld();
  const result = await world.run({ mode: "check", "client-secret": "wrong" });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`✗ Sign in to \`${world.entra.url}\` (client secret): Sign-in to ${world.entra.url} failed (AADSTS7000215) → The client secret is wrong or expired`);
  expect(result.stdout).toContain("✓ Write issues: allowed");
});

it("sends Entra ID, Defender and GitHub traffic through HTTPS_PROXY/HTTP_PROXY", async () => {
  world = await startWorld();
  proxy = new ForwardProxy();
  await proxy.start();
  world.defender.alerts.push(makeAlert());
  const githubPort = new URL(world.github.url).port;
  const result = await world.run({}, {
    env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, GITHUB_API_URL: `http://api.github.test:${githubPort}` },
  });
  expect(result.annotations.filter((a) => a.level === "error")).toEqual([]);
  expect(world.github.issues).toHaveLength(1);
  const targets = proxy.passed.map((p) => `${p.kind} ${p.target}`);
  const entra = new URL(world.entra.url);
  const defender = new URL(world.defender.url);
  expect(targets).toContain(`connect localhost:${entra.port}`);
  expect(targets.some((t) => t.startsWith(`http GET http://127.0.0.1:${defender.port}/api/alerts`))).toBe(true);
  expect(targets.filter((t) => t.includes(`api.github.test:${githubPort}`)).length).toBeGreaterThanOrEqual(2);
});

it("honours NO_PROXY", async () => {
  world = await startWorld();
  proxy = new ForwardProxy();
  await proxy.start();
  const result = await world.run({ "dry-run": "true" }, { env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: "localhost,127.0.0.1" } });
  expect(result.code).toBe(0);
  expect(proxy.passed).toEqual([]);
});
