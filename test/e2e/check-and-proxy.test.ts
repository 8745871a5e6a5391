/** mode: check, and every client going through an HTTP(S) proxy. */
import { afterEach, expect, it } from "vitest";
import { ForwardProxy } from "../emulators/proxy.ts";
import { makeAlert } from "../emulators/sample-alerts.ts";
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
    `✓ Sign in to ${world.entra.url} (client secret): token for https://api.securitycenter.microsoft.com`,
    "✓ Defender permission (the token's roles): Alert.ReadWrite.All",
    `✓ List alerts at ${world.defender.url}: allowed (1 alert in the last day, first page)`,
    "✓ GitHub repository acme/soc: found, issues enabled",
    "✓ Read issues: allowed",
    "✓ Write issues: allowed",
    "✓ Write labels: allowed",
  ]);
  expect(result.summary).toContain("Everything needed is in place.");
  expect(world.github.issues).toEqual([]);
  expect(world.github.labels.size).toBe(24);
  expect(world.defender.requests.every((r) => r.method === "GET")).toBe(true);
});

it("check fails with the fix for each missing piece", async () => {
  world = await startWorld({ app: { roles: ["Alert.Read.All"] }, defender: { checkRoles: true } });
  world.github.readOnlyTokens.add(world.baseInputs["github-token"]!);
  const result = await world.run({ mode: "check" });
  expect(result.code).toBe(1);
  const failed = result.stdout.split("\n").filter((line) => line.startsWith("✗ "));
  expect(failed).toEqual([
    "✗ Write issues: refused (HTTP 403: Resource not accessible by integration) → Give the job `permissions: issues: write` (or the token the Issues read and write permission).",
    "✗ Write labels: refused (HTTP 403: Resource not accessible by integration) → Give the job `permissions: issues: write` (or the token the Issues read and write permission).",
  ]);
  expect(result.stdout).toContain("✓ Defender permission (the token's roles): Alert.Read.All → Add the WindowsDefenderATP application permission Alert.ReadWrite.All (sync needs it; pull works with Alert.Read.All)");
  expect(result.annotations.filter((a) => a.level === "error").map((a) => a.message)).toEqual(["2 set-up checks failed: Write issues; Write labels"]);
});

it("check reports a sign-in failure and still checks GitHub", async () => {
  world = await startWorld();
  const result = await world.run({ mode: "check", "client-secret": "wrong" });
  expect(result.code).toBe(1);
  expect(result.stdout).toContain(`✗ Sign in to ${world.entra.url} (client secret): Sign-in to ${world.entra.url} failed (AADSTS7000215).`);
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
