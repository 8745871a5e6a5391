import { describe, expect, it } from "vitest";
import { InputError, isBalancedClause, parseDuration, readConfig, readTuning } from "../../src/config.ts";

const GOOD: Record<string, string> = {
  mode: "pull",
  "tenant-id": "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f",
  "client-id": "0b5c7f1e-8c2a-4e8d-9a51-3f6d2c7e4a10",
  "client-secret": "s3cret~value",
  "github-token": "ghs_token",
};

function read(overrides: Record<string, string> = {}) {
  const inputs = { ...GOOD, ...overrides };
  return (name: string) => inputs[name] ?? "";
}

async function errorOf(overrides: Record<string, string>): Promise<string> {
  try {
    await readConfig(read(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("readConfig", async () => {
  it("applies SPEC.md's defaults", async () => {
    const config = await readConfig(read());
    expect(config).toMatchObject({
      mode: "pull",
      lookbackMs: 24 * 3_600_000,
      minSeverity: "Informational",
      statuses: ["New", "InProgress"],
      filter: undefined,
      maxIssues: 50,
      labels: [],
      assignees: [],
      titleTemplate: "[{severity}] {title} on {computerDnsName}",
      assigneeMap: {},
      syncComments: true,
      trustedAuthors: ["github-actions[bot]"],
      dryRun: false,
      syncDirection: "both",
      source: "endpoint",
      serviceSources: [],
      credential: { kind: "secret", secret: "s3cret~value" },
      cloud: {
        name: "public",
        authorityHost: "https://login.microsoftonline.com",
        apiUrl: "https://api.security.microsoft.com",
        apiScope: "https://api.securitycenter.microsoft.com/.default",
        oidcAudience: "api://AzureADTokenExchange",
        portalHost: "security.microsoft.com",
      },
    });
  });

  it("normalises case and lists", async () => {
    const config = await readConfig(read({ "min-severity": "medium", statuses: "new\ninprogress, New", labels: "soc, triage\nsoc", "dry-run": "TRUE", "max-issues": "0" }));
    expect(config.minSeverity).toBe("Medium");
    expect(config.statuses).toEqual(["New", "InProgress"]);
    expect(config.labels).toEqual(["soc", "triage"]);
    expect(config.dryRun).toBe(true);
    expect(config.maxIssues).toBe(0);
  });

  it("picks a cloud's hosts and lets each be overridden", async () => {
    const config = await readConfig(read({ cloud: "gcc-high", "api-url": "https://eu.api.security.microsoft.com/api/", "authority-host": "login.example.us" }));
    expect(config.cloud).toEqual({
      name: "gcc-high",
      authorityHost: "https://login.example.us",
      apiUrl: "https://eu.api.security.microsoft.com",
      apiScope: "https://api-gov.securitycenter.microsoft.us/.default",
      oidcAudience: "api://AzureADTokenExchangeUSGov",
      portalHost: "security.microsoft.us",
    });
  });

  it.each([
    ["public", "https://graph.microsoft.com", "https://graph.microsoft.com/.default", "api://AzureADTokenExchange", "security.microsoft.com"],
    ["gcc", "https://graph.microsoft.com", "https://graph.microsoft.com/.default", "api://AzureADTokenExchange", "security.microsoft.com"],
    ["gcc-high", "https://graph.microsoft.us", "https://graph.microsoft.us/.default", "api://AzureADTokenExchangeUSGov", "security.microsoft.us"],
    ["dod", "https://dod-graph.microsoft.us", "https://dod-graph.microsoft.us/.default", "api://AzureADTokenExchangeUSGov", "security.apps.mil"],
  ])("with source graph, cloud %s takes Graph's API and scope from SPEC's Graph table", async (cloud, apiUrl, apiScope, oidcAudience, portalHost) => {
    const config = await readConfig(read({ source: "Graph", cloud }));
    expect(config.source).toBe("graph");
    expect(config.cloud).toMatchObject({ apiUrl, apiScope, oidcAudience, portalHost });
  });

  it("with source graph, api-url is the base without /v1.0 (a trailing /v1.0 or / tolerated), and api-scope still overrides", async () => {
    const config = await readConfig(read({ source: "graph", "api-url": "https://graph.microsoft.us/v1.0/", "api-scope": "https://graph.example.us/.default" }));
    expect(config.cloud).toMatchObject({ apiUrl: "https://graph.microsoft.us", apiScope: "https://graph.example.us/.default" });
    expect((await readConfig(read({ source: "graph", "api-url": "http://127.0.0.1:9000/" }))).cloud.apiUrl).toBe("http://127.0.0.1:9000");
  });

  it("refuses a source it does not know, naming the accepted ones", async () => {
    expect(await errorOf({ source: "sentinel" })).toBe("Input 'source' is \"sentinel\": expected endpoint or graph");
  });

  it("reads service-sources in any case, comma or newline separated, in Graph's spelling; a newer value as written", async () => {
    const config = await readConfig(read({ source: "graph", "service-sources": "MicrosoftDefenderForOffice365\nazureadidentityprotection, microsoftFutureProduct, microsoftDefenderForOffice365" }));
    expect(config.serviceSources).toEqual(["microsoftDefenderForOffice365", "azureAdIdentityProtection", "microsoftFutureProduct"]);
  });

  it("refuses a service-sources value that is not a Graph identifier", async () => {
    expect(await errorOf({ source: "graph", "service-sources": "microsoftSentinel, x' or 1 eq 1" })).toBe(
      "Input 'service-sources' is \"microsoftSentinel, x' or 1 eq 1\": expected Graph serviceSource values such as microsoftDefenderForOffice365, separated by commas or newlines; \"x' or 1 eq 1\" is not one",
    );
  });

  it("refuses service-sources with source endpoint", async () => {
    expect(await errorOf({ "service-sources": "microsoftDefenderForOffice365" })).toBe(
      "Input 'service-sources' is \"microsoftDefenderForOffice365\": takes effect only with source: graph (the Endpoint API serves Defender for Endpoint alerts alone); remove it or set source: graph",
    );
  });

  it("allows http only for a loopback api-url", async () => {
    expect((await readConfig(read({ "api-url": "http://127.0.0.1:8080" }))).cloud.apiUrl).toBe("http://127.0.0.1:8080");
    expect(await errorOf({ "api-url": "http://api.security.microsoft.com" })).toBe(
      `Input 'api-url' is "http://api.security.microsoft.com": expected an https:// URL such as https://eu.api.security.microsoft.com (http:// only for a loopback host)`,
    );
  });

  it.each([
    [{ mode: "push" }, `Input 'mode' is "push": expected pull, sync or check`],
    [{ "tenant-id": "not a tenant" }, `Input 'tenant-id' is "not a tenant": expected the tenant's GUID or a verified domain such as contoso.onmicrosoft.com`],
    [{ "client-id": "1234" }, `Input 'client-id' is "1234": expected the application (client) ID, a GUID`],
    [{ lookback: "1y" }, `Input 'lookback' is "1y": expected a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT4H`],
    [{ lookback: "31d" }, `Input 'lookback' is "31d": expected a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT4H`],
    [{ "min-severity": "Critical" }, `Input 'min-severity' is "Critical": expected Informational, Low, Medium or High`],
    [{ statuses: "New,Closed" }, `Input 'statuses' is "New,Closed": expected a list of New, InProgress, Resolved, Unknown`],
    [{ "max-issues": "-1" }, `Input 'max-issues' is "-1": expected a whole number from 0 to 10000`],
    [{ "dry-run": "yes" }, `Input 'dry-run' is "yes": expected true or false`],
    [{ "sync-direction": "two-way" }, `Input 'sync-direction' is "two-way": expected both, to-defender or to-github`],
    [{ filter: "x eq 1) or (true" }, `Input 'filter' is "x eq 1) or (true": expected an OData $filter clause with balanced parentheses and quotes, such as category eq 'Malware'`],
    [{ assignees: "octocat, not a login" }, `Input 'assignees' is "octocat, not a login": expected GitHub logins separated by commas or newlines; "not a login" is not one`],
    [{ "title-template": "{title" }, `Input 'title-template' is "{title": expected text with {field} placeholders naming alert fields, such as [{severity}] {title} on {computerDnsName}`],
    [{ cloud: "china" }, `Input 'cloud' is "china": expected one of public, gcc, gcc-high, dod`],
    [{ "authority-host": "http://login.microsoftonline.com" }, `Input 'authority-host' is "http://login.microsoftonline.com": expected an https:// URL or host name such as https://login.microsoftonline.us`],
    [{ "api-scope": "Alert.ReadWrite.All" }, `Input 'api-scope' is "Alert.ReadWrite.All": expected a resource scope ending in /.default, such as https://api.securitycenter.microsoft.com/.default`],
    [{ "assignee-map": "[1,2]" }, `Input 'assignee-map' is "[1,2]": expected a JSON or YAML object mapping GitHub logins to Defender assignedTo values, such as {"octocat": "octocat@contoso.com"}`],
  ])("rejects %j with one line naming the input, the value and what is accepted", async (overrides, message) => {
    expect(await errorOf(overrides)).toBe(message);
  });

  it("never echoes a secret in an error", async () => {
    expect(await errorOf({ "client-certificate": "-----BEGIN PRIVATE KEY-----\nMIIsecret\n-----END PRIVATE KEY-----" })).toBe("Input 'client-certificate': give either client-secret or client-certificate, not both");
    expect(await errorOf({ "github-token": "" })).toBe("Input 'github-token': required: a GitHub token (the default is ${{ github.token }})");
  });

  it("signs in with GitHub OIDC when neither a secret nor a certificate is given", async () => {
    expect((await readConfig(read({ "client-secret": "" }))).credential).toEqual({ kind: "oidc" });
  });

  it("reads assignee-map as JSON or YAML, logins case-insensitive", async () => {
    expect((await readConfig(read({ "assignee-map": '{"OctoCat": "octo@contoso.com"}' }))).assigneeMap).toEqual({ octocat: "octo@contoso.com" });
    expect((await readConfig(read({ "assignee-map": "octocat: octo@contoso.com\nhubot: hubot@contoso.com" }))).assigneeMap).toEqual({ octocat: "octo@contoso.com", hubot: "hubot@contoso.com" });
  });
});

describe("parseDuration", async () => {
  it.each([
    ["90m", 90 * 60_000],
    ["24h", 24 * 3_600_000],
    ["7d", 7 * 86_400_000],
    ["2w", 14 * 86_400_000],
    ["PT4H", 4 * 3_600_000],
    ["P1DT12H", 36 * 3_600_000],
    ["PT90S", 90_000],
  ])("reads %s", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "P", "PT", "4h30m", "1.5h", "-1h", "h"])("refuses %j", (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });
});

describe("isBalancedClause", async () => {
  it("counts parentheses outside quotes only", async () => {
    expect(isBalancedClause("title eq 'a)' and (x eq 'it''s')")).toBe(true);
    expect(isBalancedClause("x eq 'open")).toBe(false);
    expect(isBalancedClause("a) or (b")).toBe(false);
  });
});

describe("readTuning", async () => {
  it("reads whole numbers and refuses others", async () => {
    expect(readTuning({ DEFENDER_ISSUES_PAGE_SIZE: "3", DEFENDER_ISSUES_ISSUES_PER_HOUR: "120" })).toEqual({ pageSize: 3, timeoutMs: undefined, retryBudgetMs: undefined, issuesPerHour: 120 });
    expect(() => readTuning({ DEFENDER_ISSUES_ISSUES_PER_HOUR: "501" })).toThrow("expected a whole number from 0 to 500");
    expect(() => readTuning({ DEFENDER_ISSUES_PAGE_SIZE: "20000" })).toThrow("Input 'DEFENDER_ISSUES_PAGE_SIZE' is \"20000\": expected a whole number from 1 to 10000");
  });
});

describe("action.yml", async () => {
  const { readFileSync } = await import("node:fs");
  const { parse } = await import("yaml");
  const { INPUT_DEFAULTS } = await import("../../src/config.ts");
  const action = parse(readFileSync(new URL("../../action.yml", import.meta.url), "utf8")) as { inputs: Record<string, { default?: string; required?: boolean }> };

  it("declares exactly the inputs the action reads", async () => {
    const read = new Set<string>();
    await readConfig((name) => {
      read.add(name);
      return GOOD[name] ?? "";
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  });

  it("gives each input the default the action applies", () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      if (name === "github-token") continue;
      expect([name, input.default ?? ""]).toEqual([name, (INPUT_DEFAULTS as Record<string, string>)[name] ?? ""]);
    }
  });
});
