/** The check's checklist and the summary of a failed run: our words as they are, service replies inert. */
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/config.ts";
import { DefenderApiError } from "../../src/endpoint/errors.ts";
import { explainSignInError } from "../../src/entra/errors.ts";
import { partsOf } from "../../src/errors.ts";
import { type CheckItem, permissionItem } from "../../src/modes/check.ts";

const ENDPOINT = { api: "WindowsDefenderATP", read: ["Alert.Read.All", "Alert.ReadWrite.All"], write: "Alert.ReadWrite.All" };
const GRAPH = { api: "Microsoft Graph", read: ["SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"], write: "SecurityAlert.ReadWrite.All" };
import { checkLines, checkSummary, failureSummary, ownText } from "../../src/report.ts";
import { cellsPerRow, hrefsIn, mentionsIn, renderGfm, tagsIn } from "../support/gfm.ts";

describe("permissionItem", () => {
  it.each([
    [["Alert.ReadWrite.All"], "passed"],
    [["Alert.Read.All", "Alert.ReadWrite.All"], "passed"],
    [["Alert.Read.All"], "warning"],
    [["Machine.Read.All"], "failed"],
    [[], "failed"],
  ])("roles %j: %s", (roles, status) => {
    expect(permissionItem(roles, ENDPOINT).status).toBe(status);
  });

  it("warns that sync will need Alert.ReadWrite.All, and says how to add it", () => {
    const item = permissionItem(["Alert.Read.All"], ENDPOINT);
    expect(item.detail).toBe("`Alert.Read.All`: pull can read alerts, but sync will need `Alert.ReadWrite.All` to update them");
    expect(item.fix).toBe("Before using sync, add the WindowsDefenderATP application permission `Alert.ReadWrite.All` to the app registration and grant admin consent.");
  });

  it.each([
    [["SecurityAlert.ReadWrite.All"], "passed"],
    [["SecurityAlert.Read.All"], "warning"],
    // A Defender for Endpoint role in a Graph token says the permission was added to the wrong API.
    [["Alert.ReadWrite.All"], "failed"],
    [[], "failed"],
  ])("with Graph, roles %j: %s", (roles, status) => {
    expect(permissionItem(roles, GRAPH).status).toBe(status);
  });

  it("names the Microsoft Graph permission to add, in Graph's words", () => {
    const item = permissionItem([], GRAPH);
    expect(item.name).toBe("Microsoft Graph permission (the token's roles)");
    expect(item.fix).toBe("Add the Microsoft Graph application permission `SecurityAlert.ReadWrite.All` (or `SecurityAlert.Read.All` for pull alone) to the app registration and grant admin consent.");
  });
});

describe("ownText", () => {
  it("shows a host in a code span as it is, and escapes the words around it", () => {
    expect(ownText("List alerts at `https://api.security.microsoft.com` (first page)")).toBe("List alerts at ` https://api.security.microsoft.com ` (first page)");
  });

  it("keeps a pipe or a mention in our words from doing anything", () => {
    const html = renderGfm(`| a | b |\n|---|---|\n| ${ownText("roles `A|B` and @team | x")} | y |\n`);
    expect(cellsPerRow(html)).toEqual([2, 2]);
    expect(mentionsIn(html)).toEqual([]);
  });
});

describe("checkSummary", () => {
  const items: CheckItem[] = [
    { name: "Sign in to `https://login.microsoftonline.com` (client secret)", status: "failed", detail: "Sign-in to https://login.microsoftonline.com failed", reply: "AADSTS50000: see https://evil.example/x @admins <script>x</script> | cell" },
    { name: "Defender permission (the token's roles)", status: "warning", detail: "`Alert.Read.All`", fix: "Add `Alert.ReadWrite.All`." },
    { name: "Write issues", status: "passed", detail: "allowed" },
  ];

  it("renders a reply inert: no link, no mention, no HTML, no extra cell", () => {
    const html = renderGfm(checkSummary(items));
    expect(hrefsIn(html)).toEqual([]);
    expect(mentionsIn(html)).toEqual([]);
    expect(tagsIn(html).has("script")).toBe(false);
    expect(cellsPerRow(html)).toEqual([4, 4, 4, 4]);
    expect(html).toContain("<code>https://login.microsoftonline.com</code>");
    expect(html).toContain("hxxps[:]//evil.example/x");
  });

  it("marks each row passed, warning or failed, and counts only failures as failed", () => {
    const summary = checkSummary(items);
    expect(summary).toContain("1 of 3 checks failed.");
    expect(summary.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| |")).map((line) => line.split(" ")[1])).toEqual(["❌", "⚠️", "✅"]);
  });

  it("says everything is in place, with the warnings, when nothing failed", () => {
    expect(checkSummary(items.slice(1))).toContain("Everything needed is in place, with 1 warning below.");
  });

  it("gives one log line per item, the reply after the detail and the fix after an arrow", () => {
    expect(checkLines(items)).toEqual([
      "✗ Sign in to `https://login.microsoftonline.com` (client secret): Sign-in to https://login.microsoftonline.com failed: AADSTS50000: see https://evil.example/x @admins <script>x</script> | cell",
      "⚠ Defender permission (the token's roles): `Alert.Read.All` → Add `Alert.ReadWrite.All`.",
      "✓ Write issues: allowed",
    ]);
  });
});

describe("the parts of an error", () => {
  it("a sign-in error keeps Entra's words apart from ours", () => {
    const error = explainSignInError(new Error("AADSTS50000: There was an error issuing a token."), "https://login.microsoftonline.com");
    expect(error.message).toBe("Sign-in to https://login.microsoftonline.com failed: AADSTS50000: There was an error issuing a token.");
    expect(partsOf(error)).toEqual({ problem: "Sign-in to https://login.microsoftonline.com failed", reply: "AADSTS50000: There was an error issuing a token." });
  });

  it("a known sign-in error carries its fix", () => {
    const error = explainSignInError(new Error("AADSTS7000215: Invalid client secret provided."), "https://login.microsoftonline.com");
    expect(partsOf(error)).toEqual({ problem: "Sign-in to https://login.microsoftonline.com failed (AADSTS7000215)", fix: expect.stringMatching(/^The client secret is wrong or expired: /) });
    expect(error.message).toBe(`Sign-in to https://login.microsoftonline.com failed (AADSTS7000215). ${partsOf(error).fix}`);
  });

  it("a Defender error quotes Defender's code, message and correlation ID", () => {
    const error = new DefenderApiError(403, { code: "Forbidden", message: "Nope.", target: "c0ffee" }, "Listing Defender alerts", "Fix it.");
    expect(error.message).toBe("Listing Defender alerts failed with HTTP 403: Forbidden: Nope (correlation ID c0ffee). Fix it.");
    expect(partsOf(error)).toEqual({ problem: "Listing Defender alerts failed with HTTP 403", reply: "Forbidden: Nope (correlation ID c0ffee)", fix: "Fix it." });
  });

  it("any other error is all reply: it may quote anything", () => {
    expect(partsOf(new Error("getaddrinfo ENOTFOUND x"))).toEqual({ reply: "getaddrinfo ENOTFOUND x" });
  });
});

describe("failureSummary", () => {
  it("names the mode, shows the error inert and the fix as ours", () => {
    const summary = failureSummary("pull", new InputError("lookback", "90d", "expected a duration from 1 minute to 30 days"));
    expect(summary).toBe("## defender-issues pull failed\n\n**Error:** Input 'lookback' is \"90d\": expected a duration from 1 minute to 30 days\n\n**Fix:** Set ` lookback ` under the step's ` with: ` to a value it accepts.\n");
  });

  it("leaves the mode out when it is not known, and the fix out when the error has none", () => {
    expect(failureSummary(undefined, new Error("see https://x.example"))).toBe("## defender-issues failed\n\n**Error:** see hxxps[:]//x.example\n");
  });
});
