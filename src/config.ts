/**
 * Every input → one typed, validated Config, before any network call. On zod's mini build, which
 * every run loads: it starts faster than the full one, and a run is mostly its start.
 */
import * as z from "zod/mini";
import { type CertificateCredential, readCertificate } from "./entra/certificate.js";
import type { Explained } from "./errors.js";
import { SERVICE_SOURCES } from "./graph/service-sources.js";
import { SEVERITIES, type Severity } from "./issue/vocabulary.js";

export const MODES = ["pull", "sync", "check"] as const;
export type Mode = (typeof MODES)[number];

export const CLOUDS = {
  public: {
    authorityHost: "https://login.microsoftonline.com",
    apiUrl: "https://api.security.microsoft.com",
    apiScope: "https://api.securitycenter.microsoft.com/.default",
    oidcAudience: "api://AzureADTokenExchange",
    portalHost: "security.microsoft.com",
  },
  gcc: {
    authorityHost: "https://login.microsoftonline.com",
    apiUrl: "https://api-gcc.securitycenter.microsoft.us",
    apiScope: "https://api-gcc.securitycenter.microsoft.us/.default",
    oidcAudience: "api://AzureADTokenExchange",
    portalHost: "security.microsoft.com",
  },
  "gcc-high": {
    authorityHost: "https://login.microsoftonline.us",
    apiUrl: "https://api-gov.securitycenter.microsoft.us",
    apiScope: "https://api-gov.securitycenter.microsoft.us/.default",
    oidcAudience: "api://AzureADTokenExchangeUSGov",
    portalHost: "security.microsoft.us",
  },
  dod: {
    authorityHost: "https://login.microsoftonline.us",
    apiUrl: "https://api-gov.securitycenter.microsoft.us",
    apiScope: "https://api-gov.securitycenter.microsoft.us/.default",
    oidcAudience: "api://AzureADTokenExchangeUSGov",
    portalHost: "security.apps.mil",
  },
} as const;
export type CloudName = keyof typeof CLOUDS;

/** With `source: graph`, the API and scope come from here instead (login host, audience and portal as above). */
export const GRAPH_CLOUDS: Record<CloudName, { apiUrl: string; apiScope: string }> = {
  public: { apiUrl: "https://graph.microsoft.com", apiScope: "https://graph.microsoft.com/.default" },
  gcc: { apiUrl: "https://graph.microsoft.com", apiScope: "https://graph.microsoft.com/.default" },
  "gcc-high": { apiUrl: "https://graph.microsoft.us", apiScope: "https://graph.microsoft.us/.default" },
  dod: { apiUrl: "https://dod-graph.microsoft.us", apiScope: "https://dod-graph.microsoft.us/.default" },
};

export const GROUP_BY = ["alert", "incident"] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export const SOURCES = ["endpoint", "graph"] as const;
export type Source = (typeof SOURCES)[number];

export interface Cloud {
  name: CloudName;
  authorityHost: string;
  apiUrl: string;
  apiScope: string;
  oidcAudience: string;
  portalHost: string;
}

/** How the app signs in: a secret, a certificate, or the job's GitHub ID token (federation). */
export type Credential = { kind: "secret"; secret: string } | CertificateCredential | { kind: "oidc" };

export interface Config {
  mode: Mode;
  source: Source;
  tenantId: string;
  clientId: string;
  credential: Credential;
  cloud: Cloud;
  githubToken: string;
  lookbackMs: number;
  minSeverity: Severity;
  statuses: string[];
  /** Graph `serviceSource` values to take; empty takes all. */
  serviceSources: string[];
  filter: string | undefined;
  maxIssues: number;
  labels: string[];
  assignees: string[];
  titleTemplate: string;
  assigneeMap: Record<string, string>;
  syncComments: boolean;
  trustedAuthors: string[];
  dryRun: boolean;
  syncDirection: SyncDirection;
  groupBy: GroupBy;
}

export const SYNC_DIRECTIONS = ["both", "to-defender", "to-github"] as const;
export type SyncDirection = (typeof SYNC_DIRECTIONS)[number];

export const INPUT_DEFAULTS = {
  cloud: "public",
  lookback: "24h",
  "min-severity": "Informational",
  statuses: "New,InProgress",
  "max-issues": "50",
  "title-template": "[{severity}] {title} on {computerDnsName}",
  "sync-comments": "true",
  "trusted-authors": "github-actions[bot]",
  "dry-run": "false",
  "sync-direction": "both",
  source: "endpoint",
  "group-by": "alert",
} as const;

/** A bad input: one line naming the input, the value and what is accepted. */
export class InputError extends Error implements Explained {
  /** The whole line: it quotes the value, so it is shown as untrusted text. */
  readonly problem: string;
  readonly fix: string;

  constructor(input: string, value: string | undefined, accepted: string) {
    const shown = value === undefined ? "" : ` is ${JSON.stringify(value.length > 200 ? `${value.slice(0, 200)}…` : value)}:`;
    super(`Input '${input}'${shown || ":"} ${accepted}`);
    this.name = "InputError";
    this.problem = this.message;
    // The tuning knobs are environment variables, named in capitals; inputs are the step's `with:`.
    this.fix = /^[A-Z0-9_]+$/.test(input)
      ? `Set the environment variable \`${input}\` to a value it accepts, or remove it.`
      : `Set \`${input}\` under the step's \`with:\` to a value it accepts.`;
  }
}

export type InputReader = (name: string) => string;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const APP_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\[bot\]$/;
const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { m: MINUTE, h: 60 * MINUTE, d: 1440 * MINUTE, w: 10_080 * MINUTE };

/** Validates one input with a schema whose error message says what is accepted. */
function field<T>(read: InputReader, name: string, schema: z.ZodMiniType<T, string>, options: { secret?: boolean } = {}): T {
  const raw = read(name).trim() || (INPUT_DEFAULTS as Record<string, string>)[name] || "";
  // Each input is parsed once: zod's compiled fast path would cost more to build than it saves.
  const result = schema.safeParse(raw, { jitless: true });
  if (result.success) return result.data;
  const accepted = result.error.issues[0]?.message ?? "invalid value";
  throw new InputError(name, options.secret ? undefined : raw, accepted);
}

/** A string input read by `parse`, which returns the value, or `reject(what is accepted)`. */
function text<T>(parse: (value: string) => T | Rejected) {
  return z.pipe(
    z.string(),
    z.transform((value: string, ctx) => {
      const result = parse(value);
      if (!(result instanceof Rejected)) return result;
      ctx.issues.push({ code: "custom", message: result.accepted, input: value });
      return z.NEVER;
    }),
  );
}

class Rejected {
  readonly accepted: string;
  constructor(accepted: string) {
    this.accepted = accepted;
  }
}

const reject = (accepted: string) => new Rejected(accepted);

function oneOf<const T extends readonly string[]>(values: T, what = `one of ${values.join(", ")}`) {
  return text((value): T[number] | Rejected => values.find((v) => v.toLowerCase() === value.toLowerCase()) ?? reject(`expected ${what}`));
}

/** Splits a comma- or newline-separated list, dropping blanks. */
export function splitList(value: string): string[] {
  return value.split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
}

/** `90m`, `24h`, `7d`, `2w` or an ISO-8601 duration such as `PT4H` or `P1DT12H`. */
export function parseDuration(value: string): number | undefined {
  const short = /^(\d{1,6})([mhdw])$/i.exec(value);
  if (short) return Number(short[1]) * (UNIT_MS[short[2]!.toLowerCase()] ?? Number.NaN);
  const iso = /^P(?:(\d{1,6})W)?(?:(\d{1,6})D)?(?:T(?:(\d{1,6})H)?(?:(\d{1,6})M)?(?:(\d{1,8})S)?)?$/i.exec(value);
  if (!iso || value.toUpperCase().endsWith("T") || value.toUpperCase() === "P") return undefined;
  const [, w, d, h, m, s] = iso.map((part) => Number(part ?? 0));
  return (w! * 10_080 + d! * 1440 + h! * 60 + m!) * MINUTE + s! * 1000;
}

const durationSchema = text((value) => {
  const ms = parseDuration(value);
  return ms === undefined || ms < MINUTE || ms > 30 * UNIT_MS.d! ? reject("expected a duration from 1 minute to 30 days, such as 90m, 24h, 7d or PT4H") : ms;
});

const wholeNumber = (max: number) => text((value) => (/^\d{1,9}$/.test(value) && Number(value) <= max ? Number(value) : reject(`expected a whole number from 0 to ${max}`)));

const booleanSchema = text((value) => {
  const lower = value.toLowerCase();
  return lower === "true" || lower === "false" ? lower === "true" : reject("expected true or false");
});

const loginList = (allowApps: boolean) =>
  text((value) => {
    const logins = splitList(value).map((login) => login.replace(/^@/, ""));
    const bad = logins.find((login) => !LOGIN.test(login) && !(allowApps && APP_LOGIN.test(login)));
    if (bad !== undefined) return reject(`expected GitHub logins separated by commas or newlines${allowApps ? " (apps as name[bot])" : ""}; ${JSON.stringify(bad)} is not one`);
    return [...new Set(logins)];
  });

const labelList = text((value) => {
  const labels = splitList(value);
  const bad = labels.find((label) => Array.from(label).length > 50);
  if (bad !== undefined) return reject(`expected label names of at most 50 characters separated by commas or newlines; ${JSON.stringify(bad)} is longer`);
  return [...new Set(labels)];
});

/** https URL (http only for a loopback host, which tests and local emulators use), no query. */
function baseUrl(what: string, allowBareHost: boolean, allowLoopbackHttp: boolean): (value: string) => string | Rejected {
  return (value) => {
    const candidate = allowBareHost && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? `https://${value}` : value;
    let url: URL | undefined;
    try {
      url = new URL(candidate);
    } catch {
      url = undefined;
    }
    const loopback = url !== undefined && /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/.test(url.hostname);
    const schemeOk = url?.protocol === "https:" || (allowLoopbackHttp && loopback && url?.protocol === "http:");
    if (!url || !schemeOk || url.search || url.hash || url.username || url.password) return reject(`expected ${what}`);
    return url.origin + url.pathname.replace(/\/+$/, "");
  };
}

const apiUrl = baseUrl("an https:// URL such as https://eu.api.security.microsoft.com (http:// only for a loopback host)", false, true);
const apiUrlSchema = text((value) => {
  const url = apiUrl(value);
  return url instanceof Rejected ? url : url.replace(/\/api$/i, "");
});
const graphUrl = baseUrl("an https:// URL such as https://graph.microsoft.us (http:// only for a loopback host)", false, true);
const graphUrlSchema = text((value) => {
  const url = graphUrl(value);
  return url instanceof Rejected ? url : url.replace(/\/v1\.0$/i, "");
});

/** Graph `serviceSource` values: known members in Graph's spelling, a newer one as written. */
const serviceSourcesSchema = text((value) => {
  const items = splitList(value);
  const bad = items.find((item) => !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(item));
  if (bad !== undefined) return reject(`expected Graph serviceSource values such as microsoftDefenderForOffice365, separated by commas or newlines; ${JSON.stringify(bad)} is not one`);
  return [...new Set(items.map((item) => SERVICE_SOURCES.find((known) => known.toLowerCase() === item.toLowerCase()) ?? item))];
});
const authorityHost = baseUrl("an https:// URL or host name such as https://login.microsoftonline.us", true, false);
const authorityHostSchema = text((value) => {
  const url = authorityHost(value);
  return url instanceof Rejected || new URL(url).pathname === "/" ? url : reject("expected a login host without a path, such as https://login.microsoftonline.us");
});

const scopeSchema = z.string().check(z.regex(/^\S+\/\.default$/, "expected a resource scope ending in /.default, such as https://api.securitycenter.microsoft.com/.default"));

/** The OData clause is ANDed with ours, so it must not be able to close our parentheses. */
const filterSchema = z.string().check(z.refine(isBalancedClause, "expected an OData $filter clause with balanced parentheses and quotes, such as category eq 'Malware'"));

export function isBalancedClause(clause: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of clause) {
    if (char === "'") quoted = !quoted;
    else if (!quoted && char === "(") depth++;
    else if (!quoted && char === ")" && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

const titleTemplateSchema = z.string().check(
  z.refine(
    (template) => !/\{(?![A-Za-z][A-Za-z0-9]*\})/.test(template) && Array.from(template).length <= 1024,
    "expected text with {field} placeholders naming alert fields, such as [{severity}] {title} on {computerDnsName}",
  ),
);

const assigneeMapSchema = z.record(z.union([z.string().check(z.regex(LOGIN)), z.string().check(z.regex(APP_LOGIN))]), z.string().check(z.minLength(1), z.maxLength(256)));

/**
 * The assignee-map input: JSON, or YAML. The YAML parser is loaded only for a value that is not
 * JSON, so the runs that do not need it do not pay for it.
 */
async function readAssigneeMap(read: InputReader): Promise<Record<string, string>> {
  const value = read("assignee-map").trim();
  if (value === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    try {
      const { parse } = await import("yaml");
      parsed = parse(value, { schema: "core", maxAliasCount: 0 });
    } catch {
      parsed = undefined;
    }
  }
  const map = assigneeMapSchema.safeParse(parsed, { jitless: true });
  if (!map.success) {
    throw new InputError("assignee-map", value, "expected a JSON or YAML object mapping GitHub logins to Defender assignedTo values, such as {\"octocat\": \"octocat@contoso.com\"}");
  }
  return Object.fromEntries(Object.entries(map.data).map(([login, upn]) => [login.toLowerCase(), upn]));
}

/** Exactly one credential; neither means GitHub OIDC federation. */
function readCredential(read: InputReader): Credential {
  const secret = read("client-secret").trim();
  const certificate = read("client-certificate").trim();
  if (secret && certificate) {
    throw new InputError("client-certificate", undefined, "give either client-secret or client-certificate, not both");
  }
  if (certificate) {
    try {
      return readCertificate(certificate);
    } catch (error) {
      throw new InputError("client-certificate", undefined, `expected a PEM with the app's RSA private key and its certificate: ${(error as Error).message}`);
    }
  }
  return secret ? { kind: "secret", secret } : { kind: "oidc" };
}

export function resolveCloud(read: InputReader, source: Source = "endpoint"): Cloud {
  const name = field(read, "cloud", oneOf(Object.keys(CLOUDS) as CloudName[]));
  const defaults = CLOUDS[name];
  const api = source === "graph" ? GRAPH_CLOUDS[name] : defaults;
  const override = <T>(input: string, schema: z.ZodMiniType<T, string>, fallback: T) => (read(input).trim() ? field(read, input, schema) : fallback);
  return {
    name,
    authorityHost: override("authority-host", authorityHostSchema, defaults.authorityHost),
    apiUrl: override("api-url", source === "graph" ? graphUrlSchema : apiUrlSchema, api.apiUrl),
    apiScope: override("api-scope", scopeSchema, api.apiScope),
    oidcAudience: override("oidc-audience", z.string().check(z.minLength(1), z.maxLength(256, "expected an audience of at most 256 characters")), defaults.oidcAudience),
    portalHost: defaults.portalHost,
  };
}

/** Reads and validates every input; throws an InputError on the first bad one. */
export async function readConfig(read: InputReader): Promise<Config> {
  const mode = field(read, "mode", oneOf(MODES, "pull, sync or check"));
  const tenantId = field(read, "tenant-id", z.string().check(z.refine((v) => GUID.test(v) || DOMAIN.test(v), "expected the tenant's GUID or a verified domain such as contoso.onmicrosoft.com")));
  const clientId = field(read, "client-id", z.string().check(z.regex(GUID, "expected the application (client) ID, a GUID")));
  const credential = readCredential(read);
  const source = field(read, "source", oneOf(SOURCES, "endpoint or graph"));
  const cloud = resolveCloud(read, source);
  const githubToken = field(read, "github-token", z.string().check(z.minLength(1, "required: a GitHub token (the default is ${{ github.token }})")), { secret: true });
  const lookbackMs = field(read, "lookback", durationSchema);
  const minSeverity = field(read, "min-severity", oneOf(SEVERITIES.filter((s) => s !== "UnSpecified"), "Informational, Low, Medium or High"));
  const statuses = field(read, "statuses", text((value) => {
    const accepted = ["New", "InProgress", "Resolved", "Unknown"] as const;
    const items = splitList(value).map((item) => accepted.find((a) => a.toLowerCase() === item.toLowerCase()));
    if (items.length === 0 || items.includes(undefined)) return reject("expected a list of New, InProgress, Resolved, Unknown");
    return [...new Set(items as string[])];
  }));
  const serviceSources = field(read, "service-sources", serviceSourcesSchema);
  if (source !== "graph" && serviceSources.length > 0) {
    throw new InputError("service-sources", read("service-sources").trim(), "takes effect only with source: graph (the Endpoint API serves Defender for Endpoint alerts alone); remove it or set source: graph");
  }
  const filter = read("filter").trim() ? field(read, "filter", filterSchema) : undefined;
  return {
    mode,
    source,
    tenantId,
    clientId,
    credential,
    cloud,
    githubToken,
    lookbackMs,
    minSeverity,
    statuses,
    serviceSources,
    filter,
    maxIssues: field(read, "max-issues", wholeNumber(10_000)),
    labels: field(read, "labels", labelList),
    assignees: field(read, "assignees", loginList(false)),
    titleTemplate: field(read, "title-template", titleTemplateSchema),
    assigneeMap: await readAssigneeMap(read),
    syncComments: field(read, "sync-comments", booleanSchema),
    trustedAuthors: field(read, "trusted-authors", loginList(true)),
    dryRun: field(read, "dry-run", booleanSchema),
    syncDirection: field(read, "sync-direction", oneOf(SYNC_DIRECTIONS, "both, to-defender or to-github")),
    groupBy: field(read, "group-by", oneOf(GROUP_BY, "alert or incident")),
  };
}

/** The longest wait for a reply (Defender, Entra ID, an issue create) unless DEFENDER_ISSUES_TIMEOUT_MS says otherwise. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/**
 * Knobs for operators and tests, from the environment rather than inputs: Defender's page size
 * (default its maximum), the HTTP timeout, the total time retries may wait, and how many issues
 * pull may open in an hour (default 400 of GitHub's 500).
 */
export interface Tuning {
  pageSize: number | undefined;
  timeoutMs: number | undefined;
  retryBudgetMs: number | undefined;
  issuesPerHour: number | undefined;
}

export function readTuning(env: NodeJS.ProcessEnv): Tuning {
  const number = (name: string, min: number, max: number): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new InputError(name, raw, `expected a whole number from ${min} to ${max}`);
    }
    return value;
  };
  return {
    pageSize: number("DEFENDER_ISSUES_PAGE_SIZE", 1, 10_000),
    timeoutMs: number("DEFENDER_ISSUES_TIMEOUT_MS", 100, 600_000),
    retryBudgetMs: number("DEFENDER_ISSUES_RETRY_BUDGET_MS", 0, 3_600_000),
    issuesPerHour: number("DEFENDER_ISSUES_ISSUES_PER_HOUR", 0, 500),
  };
}
