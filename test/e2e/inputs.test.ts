/** The bundle loads, and a bad input fails the step with one line before any network call. */
import { afterAll, beforeAll, expect, it } from "vitest";
import { hrefsIn, renderGfm, visibleText } from "../support/gfm.ts";
import { startWorld, type World } from "../support/world.ts";

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(async () => world.stop());

it.each([
  [{ mode: "push" }, `Input 'mode' is "push": expected pull, sync or check`],
  [{ lookback: "forever" }, `Input 'lookback' is "forever": expected a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT4H`],
  [{ "tenant-id": "" }, `Input 'tenant-id' is "": expected the tenant's GUID or a verified domain such as contoso.onmicrosoft.com`],
  [{ "client-certificate": "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----" }, "Input 'client-certificate': give either client-secret or client-certificate, not both"],
  [{ "client-secret": "", "client-certificate": "not a pem" }, "Input 'client-certificate': expected a PEM with the app's RSA private key and its certificate: expected one PEM private key block, found 0"],
  [{ "max-issues": "lots" }, `Input 'max-issues' is "lots": expected a whole number from 0 to 10000`],
  [{ "api-url": "ftp://example.com" }, `Input 'api-url' is "ftp://example.com": expected an https:// URL such as https://eu.api.security.microsoft.com (http:// only for a loopback host)`],
])("fails on %j with one line and calls nothing", async (inputs, message) => {
  const before = { entra: world.entra.requests.length, defender: world.defender.requests.length, github: world.github.requests.length };
  const result = await world.run(inputs);
  expect(result.code).toBe(1);
  expect(result.annotations).toEqual([{ level: "error", message }]);
  expect(result.stderr).toBe("");
  expect({ entra: world.entra.requests.length, defender: world.defender.requests.length, github: world.github.requests.length }).toEqual(before);
});

it("masks the secrets before anything else is printed", async () => {
  const result = await world.run({ lookback: "bad" });
  const lines = result.stdout.split("\n");
  expect(lines.slice(0, 2)).toEqual([`::add-mask::${world.baseInputs["client-secret"]}`, `::add-mask::${world.baseInputs["github-token"]}`]);
});

it.each([
  [{ mode: "bogus" }, "## defender-issues failed", `Input 'mode' is "bogus": expected pull, sync or check`, "Set mode under the step's with: to a value it accepts."],
  [{ mode: "check", lookback: "90d" }, "## defender-issues check failed", `Input 'lookback' is "90d": expected a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT4H`, "Set lookback under the step's with: to a value it accepts."],
  [{ "client-certificate": "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----" }, "## defender-issues pull failed", "Input 'client-certificate': give either client-secret or client-certificate, not both", "Set client-certificate under the step's with: to a value it accepts."],
])("an input error in %j leaves a job summary with the error and its fix", async (inputs, heading, error, fix) => {
  const result = await world.run(inputs);
  expect(result.code).toBe(1);
  expect(result.annotations).toEqual([{ level: "error", message: error }]);
  expect(result.summary.split("\n")[0]).toBe(heading);
  const html = renderGfm(result.summary);
  expect(visibleText(html).replace(/[^\S\n]+/g, " ").split(/\s*\n\s*/)).toEqual([heading.replace("## ", ""), `Error: ${error}`, `Fix: ${fix}`]);
});

it("shows an input's value inert in the summary", async () => {
  const result = await world.run({ lookback: "https://evil.example/@team <img src=x>" });
  expect(result.code).toBe(1);
  const html = renderGfm(result.summary);
  expect(hrefsIn(html)).toEqual([]);
  expect(html).not.toContain("<img");
  expect(visibleText(html).replace(/\s+/g, " ")).toContain(`Error: Input 'lookback' is "hxxps[:]//evil.example/@\u200bteam <img src=x>": expected a duration`);
});

it("writes no summary file when the runner gives none, and still fails with one line", async () => {
  const result = await world.run({ mode: "bogus" }, { env: { GITHUB_STEP_SUMMARY: "" } });
  expect(result.code).toBe(1);
  expect(result.annotations).toEqual([{ level: "error", message: `Input 'mode' is "bogus": expected pull, sync or check` }]);
  expect(result.summary).toBe("");
  expect(result.stderr).toBe("");
});
