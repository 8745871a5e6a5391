// A loopback emulator of the parts of GitHub's REST API the action uses.
//
// Tests seed its state, point the action at `url` (GITHUB_API_URL), run it,
// then assert on the state and on the request log. Every request and every
// 2xx response is checked against GitHub's OpenAPI description (see
// openapi.ts): calling a route GitHub does not have, or sending a field it
// does not accept, is recorded in `violations` and answered with an error,
// so a test cannot pass against an API that only exists in the emulator.

import { createServer, STATUS_CODES } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { findOperation, loadOpenApi, validateRequest, validateResponse } from "./openapi.ts";
import type { OperationMatch } from "./openapi.ts";

export interface EmulatedIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  state_reason: "completed" | "not_planned" | "duplicate" | "reopened" | null;
  labels: string[];
  assignees: string[];
  /** author login */
  user: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** true → it is a pull request (appears in issue listings, like on GitHub) */
  pull_request?: boolean;
  locked?: boolean;
}

export interface EmulatedComment {
  id: number;
  issue_number: number;
  body: string;
  user: string;
  created_at: string;
  updated_at: string;
}

/** The issue events the emulator records (what GET …/issues/{n}/events lists). */
export type IssueEventName = "closed" | "reopened" | "labeled" | "unlabeled" | "assigned" | "unassigned" | "renamed";

export interface EmulatedIssueEvent {
  id: number;
  issue_number: number;
  event: IssueEventName;
  /** login of who did it */
  actor: string;
  created_at: string;
  /** labeled / unlabeled: the label as it was then */
  label?: { name: string; color: string };
  /** assigned / unassigned: the user (un)assigned; the assigner is the actor */
  assignee?: string;
  /** renamed */
  rename?: { from: string; to: string };
  /** closed / reopened: the issue's state_reason after the change */
  state_reason?: EmulatedIssue["state_reason"];
}

/** A change a person makes to an issue on github.com (see GitHubEmulator.act). */
export interface IssueAction {
  state?: "open" | "closed";
  /** with state "closed"; default "completed" */
  stateReason?: "completed" | "not_planned" | "duplicate";
  title?: string;
  labels?: { add?: string[]; remove?: string[] };
  /** the whole new set of assignees */
  assignees?: string[];
  comment?: string;
  /** when; default the emulator's clock */
  at?: Date;
}

export interface EmulatedLabel {
  name: string;
  color: string;
  description: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** 0 while a delayed answer is pending, and for a reset socket */
  status: number;
  headers: Record<string, string | undefined>;
  /** When it arrived, in ms on the emulator's clock. */
  at: number;
}

export interface InjectedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** apply the request's effect anyway (e.g. a create that succeeds but answers 502) */
  applyEffect?: boolean;
  /** hold the response this many ms before answering (timeouts) */
  delayMs?: number;
  /** destroy the socket instead of answering */
  reset?: boolean;
}

export interface GitHubEmulatorOptions {
  owner?: string;
  repo?: string;
  tokens?: string[];
  botLogin?: string;
  rateLimit?: number;
  /**
   * GitHub's secondary limits on content creation (documented as about 80 a minute and 500 an
   * hour): writes over either answer 403 "secondary rate limit" with `retry-after`. `false` turns
   * them off.
   */
  contentLimits?: { perMinute: number; perHour: number } | false;
  /** Clock for timestamps and rate-limit windows (a benchmark runs it faster than real time). */
  now?: () => Date;
}

/** What a handler (or the emulator itself) answers. */
interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  delayMs?: number;
  reset?: boolean;
  /** Refused for being over a secondary content-creation limit. */
  secondaryLimit?: boolean;
}

/** A validated request, as handlers see it. */
interface Call {
  match: OperationMatch;
  params: Record<string, string>;
  query: URLSearchParams;
  /** validated against the operation's requestBody schema before handlers run */
  body: Record<string, unknown>;
  rawBody: unknown;
  url: URL;
}

type Handler = (call: Call) => Reply;

interface Injection {
  method: string;
  path: RegExp;
  responses: InjectedResponse[];
}

type Role = "admin" | "maintain" | "write" | "triage" | "read";

const DOCS = "https://docs.github.com/rest";
const REPO_ID = 700_000_001;
const ISSUE_ID_BASE = 3_000_000_000;
const LABEL_ID_BASE = 6_000_000_000;
const EVENT_ID_BASE = 9_000_000_000;
/** node_id prefixes GitHub uses for each event type */
const EVENT_NODE_PREFIX: Record<IssueEventName, string> = {
  closed: "CE",
  reopened: "REE",
  labeled: "LE",
  unlabeled: "UNLE",
  assigned: "AE",
  unassigned: "UAE",
  renamed: "RTE",
};
const DEFAULT_LABEL_COLOR = "ededed";
/**
 * Limits GitHub enforces beyond its OpenAPI description (it answers 422 "Validation Failed"). Lengths
 * are counted in Unicode code points, as GitHub's Ruby code counts characters (String#length on a
 * UTF-8 string), not in UTF-16 code units as JavaScript's `length` does: an emoji is one character.
 */
const MAX_LABEL_NAME = 50;
const MAX_LABEL_DESCRIPTION = 100;
const MAX_TITLE = 256;
const MAX_BODY = 65_536;
const MAX_ASSIGNEES = 10;
/** Real id of github-actions[bot]; other logins get made-up ids. */
const KNOWN_USER_IDS: Record<string, number> = { "github-actions[bot]": 41898282 };

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
export function isoNow(now = new Date()): string {
  return now.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const SECONDARY_LIMIT_DOCS = `${"https://docs.github.com/rest"}/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits`;

export class GitHubEmulator {
  readonly owner: string;
  readonly repo: string;
  readonly tokens: string[];
  readonly botLogin: string;
  readonly rateLimit: number;
  readonly contentLimits: { perMinute: number; perHour: number } | false;
  /** Tokens that may read but not write (a job without `issues: write`): writes get 403. */
  readonly readOnlyTokens = new Set<string>();
  /** false: the repository has issues turned off, and issue routes answer 410. */
  hasIssues = true;

  issues: EmulatedIssue[] = [];
  comments: EmulatedComment[] = [];
  /** What happened to issues, in the order it was recorded (API writes and act()). */
  events: EmulatedIssueEvent[] = [];
  /** key = lower-cased name */
  labels = new Map<string, EmulatedLabel>();
  /** login → role_name ("admin", "maintain", "write", "triage", "read"); absent → none */
  collaborators = new Map<string, string>();
  requests: RecordedRequest[] = [];
  violations: string[] = [];

  /** Requests counted against the primary rate limit in this hour. Tests may reset it. */
  rateLimitUsed = 0;
  /** Epoch seconds sent as x-ratelimit-reset; the hour's budget starts again then. */
  rateLimitReset: number;
  /** When each write counted against the content-creation limits was accepted (clock ms). */
  contentWrites: number[] = [];
  /** Writes answered 403 because they were over a secondary content-creation limit. */
  secondaryLimitHits: RecordedRequest[] = [];

  #server: Server | undefined;
  #port = 0;
  #sockets = new Set<Socket>();
  #timers = new Set<NodeJS.Timeout>();
  #injections: Injection[] = [];
  #labelIds = new Map<string, number>();
  #userIds = new Map<string, number>();
  #nextCommentId = 1;
  #nextEventId = 1;
  /** issue number → login of who closed it last (absent: botLogin) */
  #closedBy = new Map<number, string>();
  #routes: Map<string, Handler>;
  readonly #clock: () => Date;

  constructor(options: GitHubEmulatorOptions = {}) {
    this.owner = options.owner ?? "acme";
    this.repo = options.repo ?? "soc";
    this.tokens = options.tokens ?? ["ghs_test_token"];
    this.botLogin = options.botLogin ?? "github-actions[bot]";
    this.rateLimit = options.rateLimit ?? 1000;
    this.contentLimits = options.contentLimits ?? { perMinute: 80, perHour: 500 };
    this.#clock = options.now ?? (() => new Date());
    this.rateLimitReset = Math.floor(this.#clock().getTime() / 1000) + 3600;
    this.#routes = this.#buildRoutes();
  }

  /** "http://127.0.0.1:PORT", valid after start() */
  get url(): string {
    if (!this.#server) throw new Error("GitHubEmulator: url read before start()");
    return `http://127.0.0.1:${this.#port}`;
  }

  async start(): Promise<void> {
    // Load the OpenAPI description now, so the first request is not the slow one.
    await loadOpenApi();
    const server = createServer((req, res) => {
      // e.g. the client went away while its body was being read
      this.#serve(req, res).catch(() => req.socket.destroy());
    });
    server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("GitHubEmulator: no TCP address");
    this.#port = address.port;
    this.#server = server;
  }

  async stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    // Keep-alive sockets would otherwise hold close() open.
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.#server = undefined;
  }

  // -------------------------------------------------------------------------
  // Seeding and test helpers
  // -------------------------------------------------------------------------

  /** Seeds an issue; number auto-increments, author defaults to botLogin, dates to now. */
  addIssue(partial: Partial<EmulatedIssue> & { title: string }): EmulatedIssue {
    const now = this.#now();
    const closed = partial.state === "closed";
    const issue: EmulatedIssue = {
      number: partial.number ?? this.#nextIssueNumber(),
      body: null,
      state: "open",
      state_reason: closed ? "completed" : null,
      labels: [],
      assignees: [],
      user: this.botLogin,
      created_at: now,
      updated_at: partial.created_at ?? now,
      closed_at: closed ? (partial.updated_at ?? now) : null,
      ...partial,
    };
    issue.labels = issue.labels.map((name) => this.#ensureLabel(name).name);
    this.issues.push(issue);
    return issue;
  }

  /** Seeds a comment on an issue; id auto-increments, author defaults to botLogin. */
  addComment(partial: Partial<EmulatedComment> & { issue_number: number; body: string }): EmulatedComment {
    const now = this.#now();
    const comment: EmulatedComment = {
      id: partial.id ?? this.#nextCommentId,
      user: this.botLogin,
      created_at: now,
      updated_at: partial.created_at ?? now,
      ...partial,
    };
    this.#nextCommentId = Math.max(this.#nextCommentId, comment.id + 1);
    this.comments.push(comment);
    return comment;
  }

  /** Seeds a repository label. */
  addLabel(name: string, color = DEFAULT_LABEL_COLOR, description: string | null = null): EmulatedLabel {
    const label = { name, color, description };
    this.labels.set(name.toLowerCase(), label);
    return label;
  }

  /**
   * A person acting on an issue on github.com: applies the change, records the events it raises with
   * `actor: login` at `at` (default: now), and moves `updated_at` there. A comment is posted by
   * `login`. Labels that do not exist are created, as the web UI offers; removing an absent one is a
   * no-op.
   */
  act(login: string, issueNumber: number, action: IssueAction): EmulatedIssue {
    const issue = this.issue(issueNumber);
    if (!issue) throw new Error(`GitHubEmulator.act: no issue #${issueNumber}`);
    if (action.stateReason !== undefined && action.state !== "closed") {
      throw new Error("GitHubEmulator.act: stateReason goes with state: closed");
    }
    const at = isoNow(action.at ?? this.#clock());
    const before = snapshot(issue);
    if (action.title !== undefined) issue.title = action.title;
    if (action.labels) {
      const removed = new Set((action.labels.remove ?? []).map((name) => name.toLowerCase()));
      const kept = issue.labels.filter((name) => !removed.has(name.toLowerCase()));
      const added = (action.labels.add ?? []).map((name) => this.#ensureLabel(name).name);
      issue.labels = uniqueCaseInsensitive([...kept, ...added]);
    }
    if (action.assignees !== undefined) issue.assignees = keepSpelling(issue.assignees, action.assignees);
    if (action.state !== undefined) {
      const body: IssueWrite = { state: action.state, ...(action.stateReason ? { state_reason: action.stateReason } : {}) };
      applyState(issue, body, at);
    }
    this.#recordEvents(issue, before, login, at);
    if (action.comment !== undefined) {
      this.addComment({ issue_number: issue.number, body: action.comment, user: login, created_at: at });
    }
    issue.updated_at = at;
    return issue;
  }

  /** The events of one issue, oldest first (as the events listing answers them). */
  issueEvents(issueNumber: number): EmulatedIssueEvent[] {
    return this.events
      .filter((event) => event.issue_number === issueNumber)
      .sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id);
  }

  /** The emulator's clock as GitHub writes timestamps. */
  #now(): string {
    return isoNow(this.#clock());
  }

  issue(number: number): EmulatedIssue | undefined {
    return this.issues.find((issue) => issue.number === number);
  }

  /** The next matching requests get these responses, in order; then normal behaviour resumes. */
  inject(match: { method: string; path: RegExp }, ...responses: InjectedResponse[]): void {
    this.#injections.push({ method: match.method.toUpperCase(), path: match.path, responses: [...responses] });
  }

  /** Requests with a method other than GET/HEAD. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== "GET" && request.method !== "HEAD");
  }

  // -------------------------------------------------------------------------
  // HTTP plumbing
  // -------------------------------------------------------------------------

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", this.url);
    const text = await readText(req);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseJsonOrText(text),
      status: 0,
      headers: flattenHeaders(req.headers),
      at: this.#clock().getTime(),
    };
    this.requests.push(record);
    let reply: Reply;
    try {
      reply = this.#respond(method, url, text, req.headers);
    } catch (error) {
      // A bug in the emulator must be loud, not a silent hang.
      this.violations.push(`${method} ${url.pathname}: emulator error: ${String(error)}`);
      reply = { status: 500, body: { message: `emulator error: ${String(error)}` } };
    }
    if (reply.secondaryLimit) this.secondaryLimitHits.push(record);
    this.#send(req, res, method, reply, record);
  }

  #send(req: IncomingMessage, res: ServerResponse, method: string, reply: Reply, record: RecordedRequest): void {
    const write = (): void => {
      if (reply.reset) {
        req.socket.destroy();
        return;
      }
      if (res.destroyed) return;
      record.status = reply.status;
      const headers = { ...this.#rateLimitHeaders(), ...reply.headers };
      const payload = reply.body === undefined || method === "HEAD" ? undefined : JSON.stringify(reply.body);
      res.writeHead(reply.status, headers);
      res.end(payload);
    };
    if (!reply.delayMs) return write();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      write();
    }, reply.delayMs);
    this.#timers.add(timer);
  }

  #rateLimitHeaders(): Record<string, string> {
    return {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": String(this.rateLimit),
      "x-ratelimit-remaining": String(Math.max(0, this.rateLimit - this.rateLimitUsed)),
      "x-ratelimit-used": String(this.rateLimitUsed),
      "x-ratelimit-reset": String(this.rateLimitReset),
      "x-ratelimit-resource": "core",
    };
  }

  /**
   * The request pipeline. Validation runs first so a violation is recorded
   * whatever else happens, but is answered in GitHub's order: credentials,
   * then rate limit, then the request itself.
   */
  #respond(method: string, url: URL, text: string, headers: IncomingHttpHeaders): Reply {
    const where = `${method} ${url.pathname}`;
    const parsed = parseBody(text);
    const lookup = findOperation(method, url.pathname);
    let rejection: Reply | undefined;
    let call: Call | undefined;
    if (lookup.kind === "no-route") {
      rejection = this.#violation(where, "no such route in GitHub's REST API", notFound());
    } else if (lookup.kind === "no-method") {
      rejection = this.#violation(where, `GitHub has no ${method} on ${lookup.template}`, notFound());
    } else if (!parsed.ok) {
      rejection = this.#violation(where, "request body is not JSON", error(400, "Problems parsing JSON"));
    } else {
      const problems = validateRequest(lookup.match, url.searchParams, parsed.value);
      if (problems.length > 0) {
        const message = `Invalid request.\n\n${problems.join("\n")}`;
        rejection = this.#violation(where, problems.join(" "), error(422, message, lookup.match.documentationUrl));
      }
      call = {
        match: lookup.match,
        params: lookup.match.pathParams,
        query: url.searchParams,
        body: isObject(parsed.value) ? parsed.value : {},
        rawBody: parsed.value,
        url,
      };
    }
    if (!this.#authorized(headers.authorization)) return error(401, "Bad credentials");
    const nowMs = this.#clock().getTime();
    if (nowMs >= this.rateLimitReset * 1000) {
      this.rateLimitUsed = 0;
      this.rateLimitReset = Math.floor(nowMs / 1000) + 3600;
    }
    if (this.rateLimitUsed >= this.rateLimit) {
      const docs = `${DOCS}/using-the-rest-api/rate-limits-for-the-rest-api`;
      return error(403, "API rate limit exceeded for installation ID 1.", docs);
    }
    this.rateLimitUsed += 1;
    if (method !== "GET" && method !== "HEAD") {
      const limited = this.#overContentLimit(nowMs);
      if (limited) return limited;
    }
    if (rejection || !call) return rejection ?? notFound();
    const token = (headers.authorization ?? "").replace(/^(token|bearer)\s+/i, "");
    if (method !== "GET" && this.readOnlyTokens.has(token)) {
      return { status: 403, body: { message: "Resource not accessible by integration", documentation_url: lookup.kind === "ok" ? lookup.match.documentationUrl : DOCS, status: "403" }, headers: { "x-accepted-github-permissions": "issues=write" } };
    }
    if (!this.hasIssues && /^\/repos\/[^/]+\/[^/]+\/issues/.test(url.pathname)) {
      return { status: 410, body: { message: "Issues are disabled for this repo", documentation_url: DOCS, status: "410" } };
    }
    const injected = this.#takeInjection(method, url.pathname);
    if (injected) {
      if (injected.applyEffect) this.#handle(where, call);
      return this.#injectedReply(injected);
    }
    return this.#handle(where, call);
  }

  /**
   * GitHub counts content-creating requests per minute and per hour; over either, it answers 403
   * with a secondary-rate-limit message and `retry-after`. Writes it refuses do not count.
   */
  #overContentLimit(nowMs: number): Reply | undefined {
    if (!this.contentLimits) return undefined;
    const lastHour = this.contentWrites.filter((at) => at > nowMs - HOUR_MS);
    const lastMinute = lastHour.filter((at) => at > nowMs - MINUTE_MS);
    const waits: number[] = [];
    if (lastMinute.length >= this.contentLimits.perMinute) waits.push(lastMinute[0]! + MINUTE_MS - nowMs);
    if (lastHour.length >= this.contentLimits.perHour) waits.push(lastHour[0]! + HOUR_MS - nowMs);
    if (waits.length === 0) {
      this.contentWrites.push(nowMs);
      return undefined;
    }
    const retryAfter = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    const message = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID 0000:0000:0000000:0000000:00000000.";
    return { status: 403, body: { message, documentation_url: SECONDARY_LIMIT_DOCS, status: "403" }, headers: { "retry-after": String(retryAfter) }, secondaryLimit: true };
  }

  #authorized(header: string | undefined): boolean {
    const found = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(header ?? "");
    return found?.[1] !== undefined && this.tokens.includes(found[1]);
  }

  #violation(where: string, problem: string, reply: Reply): Reply {
    this.violations.push(`${where}: ${problem}`);
    return reply;
  }

  #takeInjection(method: string, path: string): InjectedResponse | undefined {
    const index = this.#injections.findIndex((entry) => entry.method === method && entry.path.test(path));
    const entry = this.#injections[index];
    if (!entry) return undefined;
    const response = entry.responses.shift();
    if (entry.responses.length === 0) this.#injections.splice(index, 1);
    return response;
  }

  #injectedReply(injected: InjectedResponse): Reply {
    return {
      status: injected.status,
      body: injected.body ?? { message: STATUS_CODES[injected.status] ?? "Error", documentation_url: DOCS },
      headers: injected.headers ?? {},
      delayMs: injected.delayMs ?? 0,
      reset: injected.reset ?? false,
    };
  }

  /** Runs the emulated operation and checks its answer against the description. */
  #handle(where: string, call: Call): Reply {
    const key = `${call.match.method.toUpperCase()} ${call.match.template}`;
    const handler = this.#routes.get(key);
    if (!handler) return this.#violation(where, `not emulated (${key})`, error(501, `not emulated: ${key}`));
    if (!this.#isOurRepo(call.params)) return notFound();
    const reply = handler(call);
    if (reply.status >= 200 && reply.status < 300) {
      for (const problem of validateResponse(call.match, reply.status, reply.body)) {
        this.violations.push(`response: ${where} ${reply.status}: ${problem}`);
      }
    }
    return reply;
  }

  #isOurRepo(params: Record<string, string>): boolean {
    // GitHub matches owner and repository names case-insensitively.
    return (
      params.owner?.toLowerCase() === this.owner.toLowerCase() && params.repo?.toLowerCase() === this.repo.toLowerCase()
    );
  }

  // -------------------------------------------------------------------------
  // Routes
  // -------------------------------------------------------------------------

  /** Emulated operations, keyed by method and OpenAPI path template. */
  #buildRoutes(): Map<string, Handler> {
    const r = "/repos/{owner}/{repo}";
    // Handlers for routes naming an issue, comment or label: 404 when it does not exist.
    const onIssue =
      (then: (issue: EmulatedIssue, call: Call) => Reply): Handler =>
      (call) => {
        const issue = this.issue(Number(call.params.issue_number));
        return issue ? then(issue, call) : notFound();
      };
    const onComment =
      (then: (comment: EmulatedComment, call: Call) => Reply): Handler =>
      (call) => {
        const comment = this.comments.find((c) => c.id === Number(call.params.comment_id));
        return comment ? then(comment, call) : notFound();
      };
    const onLabel =
      (then: (label: EmulatedLabel, call: Call) => Reply): Handler =>
      (call) => {
        const label = this.labels.get((call.params.name ?? "").toLowerCase());
        return label ? then(label, call) : notFound();
      };
    const routes: Array<[string, Handler]> = [
      [`GET ${r}`, () => ok(this.#repositoryJson())],
      [`GET ${r}/issues`, (c) => this.#listIssues(c)],
      [`POST ${r}/issues`, (c) => this.#createIssue(c)],
      [`GET ${r}/issues/{issue_number}`, onIssue((issue) => ok(this.#issueJson(issue)))],
      [`PATCH ${r}/issues/{issue_number}`, onIssue((issue, c) => this.#updateIssue(issue, c))],
      [`POST ${r}/issues/{issue_number}/assignees`, onIssue((issue, c) => this.#addAssignees(issue, c))],
      [`DELETE ${r}/issues/{issue_number}/assignees`, onIssue((issue, c) => this.#removeAssignees(issue, c))],
      [`GET ${r}/issues/{issue_number}/events`, onIssue((issue, c) => this.#page(c, this.issueEvents(issue.number), (e) => this.#eventJson(e)))],
      [`GET ${r}/issues/{issue_number}/comments`, onIssue((issue, c) => this.#listComments(issue, c))],
      [`POST ${r}/issues/{issue_number}/comments`, onIssue((issue, c) => this.#createComment(issue, c))],
      [`GET ${r}/issues/comments/{comment_id}`, onComment((comment) => ok(this.#commentJson(comment)))],
      [`PATCH ${r}/issues/comments/{comment_id}`, onComment((comment, c) => this.#updateComment(comment, c))],
      [`GET ${r}/issues/{issue_number}/labels`, onIssue((issue, c) => this.#page(c, this.#issueLabelsJson(issue)))],
      [`POST ${r}/issues/{issue_number}/labels`, onIssue((issue, c) => this.#addIssueLabels(issue, c, false))],
      [`PUT ${r}/issues/{issue_number}/labels`, onIssue((issue, c) => this.#addIssueLabels(issue, c, true))],
      [`DELETE ${r}/issues/{issue_number}/labels/{name}`, onIssue((issue, c) => this.#removeIssueLabel(issue, c))],
      [`GET ${r}/labels`, (c) => this.#page(c, [...this.labels.values()], (label) => this.#labelJson(label))],
      [`POST ${r}/labels`, (c) => this.#createLabel(c)],
      [`GET ${r}/labels/{name}`, onLabel((label) => ok(this.#labelJson(label)))],
      [`PATCH ${r}/labels/{name}`, onLabel((label, c) => this.#updateLabel(label, c))],
      [`DELETE ${r}/labels/{name}`, onLabel((label) => this.#deleteLabel(label))],
      [`GET ${r}/collaborators/{username}/permission`, (c) => ok(this.#permissionJson(c.params.username ?? ""))],
    ];
    return new Map(routes);
  }

  // ----- issues -----

  #listIssues(call: Call): Reply {
    const q = call.query;
    const unsupported = ["mentioned", "type", "issue_field_values"].find((name) => q.has(name));
    if (unsupported) {
      const problem = `not emulated: query parameter ${unsupported}`;
      return this.#violation(`GET ${call.url.pathname}`, problem, error(501, problem));
    }
    const state = q.get("state") ?? "open";
    const wanted = splitList(q.get("labels"));
    const since = q.has("since") ? Date.parse(q.get("since") ?? "") : undefined;
    const creator = q.get("creator")?.toLowerCase();
    const assignee = q.get("assignee");
    const milestone = q.get("milestone");
    const selected = this.issues.filter(
      (issue) =>
        (state === "all" || issue.state === state) &&
        wanted.every((name) => hasLabel(issue, name)) &&
        (since === undefined || Date.parse(issue.updated_at) >= since) &&
        (creator === undefined || issue.user.toLowerCase() === creator) &&
        matchesAssignee(issue, assignee) &&
        // no milestones are emulated: only "none" (or no filter) matches
        (milestone === null || milestone === "none"),
    );
    const sorted = this.#sortIssues(selected, q.get("sort") ?? "created", q.get("direction") ?? "desc");
    return this.#page(call, sorted, (issue) => this.#issueJson(issue));
  }

  #sortIssues(issues: EmulatedIssue[], sort: string, direction: string): EmulatedIssue[] {
    const key = (issue: EmulatedIssue): number =>
      sort === "updated"
        ? Date.parse(issue.updated_at)
        : sort === "comments"
          ? this.#commentCount(issue)
          : Date.parse(issue.created_at);
    const sign = direction === "asc" ? 1 : -1;
    // ties (same second) fall back to the number, in the same direction
    return [...issues].sort((a, b) => sign * (key(a) - key(b) || a.number - b.number));
  }

  #createIssue(call: Call): Reply {
    const body = call.body as IssueWrite;
    if (String(body.title ?? "").trim() === "") return missingField("Issue", "title");
    const refused = this.#refuseIssueWrite(body, call);
    if (refused) return refused;
    if (body.milestone !== undefined && body.milestone !== null) return invalidField("Issue", "milestone");
    const now = this.#now();
    const issue: EmulatedIssue = {
      number: this.#nextIssueNumber(),
      title: String(body.title),
      body: body.body ?? null,
      state: "open",
      state_reason: null,
      labels: this.#labelNamesCreatingMissing(body.labels ?? []),
      assignees: uniqueCaseInsensitive(assigneesOf(body) ?? []),
      user: this.botLogin,
      created_at: now,
      updated_at: now,
      closed_at: null,
    };
    this.issues.push(issue);
    // GitHub records the labels and assignees an issue is opened with as events.
    this.#recordEvents(issue, { ...snapshot(issue), labels: [], assignees: [] }, this.#actor(), now);
    const json = this.#issueJson(issue);
    return { status: 201, body: json, headers: { location: json.url } };
  }

  #updateIssue(issue: EmulatedIssue, call: Call): Reply {
    const body = call.body as IssueWrite;
    const refused = this.#refuseIssueWrite(body, call);
    if (refused) return refused;
    if (body.milestone !== undefined && body.milestone !== null) return invalidField("Issue", "milestone");
    const now = this.#now();
    const before = snapshot(issue);
    if (body.title !== undefined && body.title !== null) issue.title = String(body.title);
    if (body.body !== undefined) issue.body = body.body;
    if (body.labels !== undefined) issue.labels = this.#labelNamesCreatingMissing(body.labels);
    const assignees = assigneesOf(body);
    if (assignees !== undefined) issue.assignees = keepSpelling(issue.assignees, assignees);
    applyState(issue, body, now);
    this.#recordEvents(issue, before, this.#actor(), now);
    issue.updated_at = now;
    return ok(this.#issueJson(issue));
  }

  /** GitHub's limits on an issue's title, body and assignees, and on the labels it would create. */
  #refuseIssueWrite(body: IssueWrite, call: Call): Reply | undefined {
    const docs = call.match.documentationUrl;
    if (body.title !== undefined && body.title !== null && charCount(String(body.title)) > MAX_TITLE) {
      return tooLong("Issue", "title", MAX_TITLE, docs);
    }
    if (typeof body.body === "string" && charCount(body.body) > MAX_BODY) return tooLong("Issue", "body", MAX_BODY, docs);
    const assignees = assigneesOf(body);
    if (assignees !== undefined && uniqueCaseInsensitive(assignees).length > MAX_ASSIGNEES) {
      return invalidField("Issue", "assignees", docs);
    }
    return this.#refuseNewLabels((body.labels ?? []).map(labelItemName), docs);
  }

  /** A label an issue names is created if missing, so it must be a name GitHub would accept. */
  #refuseNewLabels(names: string[], docs: string): Reply | undefined {
    const created = names.filter((name) => !this.labels.has(name.toLowerCase()));
    if (created.some((name) => charCount(name) > MAX_LABEL_NAME)) return tooLong("Label", "name", MAX_LABEL_NAME, docs);
    return undefined;
  }

  #addAssignees(issue: EmulatedIssue, call: Call): Reply {
    const items = Array.isArray(call.body.assignees) ? (call.body.assignees as Array<string | { login?: string }>) : [];
    const added = items.map((item) => (typeof item === "string" ? item : (item.login ?? "")));
    const assignees = uniqueCaseInsensitive([...issue.assignees, ...added]);
    if (assignees.length > MAX_ASSIGNEES) return invalidField("Issue", "assignees", call.match.documentationUrl);
    const before = snapshot(issue);
    const now = this.#now();
    issue.assignees = assignees;
    this.#recordEvents(issue, before, this.#actor(), now);
    issue.updated_at = now;
    const json = this.#issueJson(issue);
    return { status: 201, body: json };
  }

  #removeAssignees(issue: EmulatedIssue, call: Call): Reply {
    const items = Array.isArray(call.body.assignees) ? (call.body.assignees as string[]) : [];
    const removed = new Set(items.map((login) => login.toLowerCase()));
    const before = snapshot(issue);
    const now = this.#now();
    issue.assignees = issue.assignees.filter((login) => !removed.has(login.toLowerCase()));
    this.#recordEvents(issue, before, this.#actor(), now);
    issue.updated_at = now;
    return ok(this.#issueJson(issue));
  }

  /**
   * Every accepted token acts as botLogin (the emulator has one identity per repository, as a
   * workflow's GITHUB_TOKEN does); writes made through the API are recorded as its doing.
   */
  #actor(): string {
    return this.botLogin;
  }

  /** Records the events GitHub raises for the difference between `before` and the issue now. */
  #recordEvents(issue: EmulatedIssue, before: IssueSnapshot, actor: string, at: string): void {
    const record = (event: Omit<EmulatedIssueEvent, "id" | "issue_number" | "actor" | "created_at">): void => {
      this.events.push({ id: this.#nextEventId++, issue_number: issue.number, actor, created_at: at, ...event });
    };
    const lower = (names: string[]): Set<string> => new Set(names.map((name) => name.toLowerCase()));
    if (issue.title !== before.title) record({ event: "renamed", rename: { from: before.title, to: issue.title } });
    const hadLabels = lower(before.labels);
    const hasLabels = lower(issue.labels);
    for (const name of issue.labels.filter((n) => !hadLabels.has(n.toLowerCase()))) {
      record({ event: "labeled", label: this.#eventLabel(name) });
    }
    for (const name of before.labels.filter((n) => !hasLabels.has(n.toLowerCase()))) {
      record({ event: "unlabeled", label: this.#eventLabel(name) });
    }
    const hadAssignees = lower(before.assignees);
    const hasAssignees = lower(issue.assignees);
    for (const login of issue.assignees.filter((l) => !hadAssignees.has(l.toLowerCase()))) {
      record({ event: "assigned", assignee: login });
    }
    for (const login of before.assignees.filter((l) => !hasAssignees.has(l.toLowerCase()))) {
      record({ event: "unassigned", assignee: login });
    }
    if (issue.state !== before.state) {
      record({ event: issue.state === "closed" ? "closed" : "reopened", state_reason: issue.state_reason });
      if (issue.state === "closed") this.#closedBy.set(issue.number, actor);
    }
  }

  #eventLabel(name: string): { name: string; color: string } {
    const label = this.labels.get(name.toLowerCase());
    return { name: label?.name ?? name, color: label?.color ?? DEFAULT_LABEL_COLOR };
  }

  // ----- comments -----

  #listComments(issue: EmulatedIssue, call: Call): Reply {
    const since = call.query.has("since") ? Date.parse(call.query.get("since") ?? "") : undefined;
    const selected = this.comments
      .filter((c) => c.issue_number === issue.number)
      .filter((c) => since === undefined || Date.parse(c.updated_at) >= since)
      .sort((a, b) => a.id - b.id);
    return this.#page(call, selected, (comment) => this.#commentJson(comment));
  }

  #createComment(issue: EmulatedIssue, call: Call): Reply {
    const text = String(call.body.body);
    if (charCount(text) > MAX_BODY) return tooLong("IssueComment", "body", MAX_BODY, call.match.documentationUrl);
    const now = this.#now();
    const comment = this.addComment({ issue_number: issue.number, body: String(call.body.body), created_at: now });
    // a new comment bumps the issue's updated_at on GitHub too
    issue.updated_at = now;
    const json = this.#commentJson(comment);
    return { status: 201, body: json, headers: { location: json.url } };
  }

  #updateComment(comment: EmulatedComment, call: Call): Reply {
    const text = String(call.body.body);
    if (charCount(text) > MAX_BODY) return tooLong("IssueComment", "body", MAX_BODY, call.match.documentationUrl);
    comment.body = String(call.body.body);
    comment.updated_at = this.#now();
    return ok(this.#commentJson(comment));
  }

  // ----- labels -----

  #addIssueLabels(issue: EmulatedIssue, call: Call, replace: boolean): Reply {
    const items = labelsOfLabelsBody(call.rawBody);
    const refused = this.#refuseNewLabels(items.map(labelItemName), call.match.documentationUrl);
    if (refused) return refused;
    const names = this.#labelNamesCreatingMissing(items);
    const kept = replace ? [] : issue.labels;
    const before = snapshot(issue);
    const now = this.#now();
    issue.labels = uniqueCaseInsensitive([...kept, ...names]);
    this.#recordEvents(issue, before, this.#actor(), now);
    issue.updated_at = now;
    return ok(this.#issueLabelsJson(issue));
  }

  #removeIssueLabel(issue: EmulatedIssue, call: Call): Reply {
    const name = (call.params.name ?? "").toLowerCase();
    if (!issue.labels.some((label) => label.toLowerCase() === name)) return error(404, "Label does not exist");
    const before = snapshot(issue);
    const now = this.#now();
    issue.labels = issue.labels.filter((label) => label.toLowerCase() !== name);
    this.#recordEvents(issue, before, this.#actor(), now);
    issue.updated_at = now;
    return ok(this.#issueLabelsJson(issue));
  }

  #createLabel(call: Call): Reply {
    const body = call.body as { name: string; color?: string; description?: string };
    if (body.name.trim() === "") return missingField("Label", "name");
    const refused = refuseLabelFields(body.name, body.color, body.description, call.match.documentationUrl);
    if (refused) return refused;
    if (this.labels.has(body.name.toLowerCase())) return alreadyExists(call.match.documentationUrl);
    const label = this.addLabel(body.name, normalizeColor(body.color), body.description ?? null);
    const json = this.#labelJson(label);
    return { status: 201, body: json, headers: { location: json.url } };
  }

  #updateLabel(label: EmulatedLabel, call: Call): Reply {
    const body = call.body as { new_name?: string; color?: string; description?: string };
    const oldKey = label.name.toLowerCase();
    const refused = refuseLabelFields(body.new_name, body.color, body.description, call.match.documentationUrl);
    if (refused) return refused;
    if (body.new_name !== undefined && body.new_name.toLowerCase() !== oldKey) {
      if (this.labels.has(body.new_name.toLowerCase())) return alreadyExists(call.match.documentationUrl);
      this.#renameLabel(label, body.new_name);
    } else if (body.new_name !== undefined) {
      label.name = body.new_name; // a change of case only
    }
    if (body.color !== undefined) label.color = normalizeColor(body.color);
    if (body.description !== undefined) label.description = body.description;
    return ok(this.#labelJson(label));
  }

  #renameLabel(label: EmulatedLabel, newName: string): void {
    const oldKey = label.name.toLowerCase();
    for (const issue of this.issues) {
      issue.labels = issue.labels.map((name) => (name.toLowerCase() === oldKey ? newName : name));
    }
    const id = this.#labelId(label.name);
    this.labels.delete(oldKey);
    label.name = newName;
    this.labels.set(newName.toLowerCase(), label);
    this.#labelIds.set(newName.toLowerCase(), id);
  }

  #deleteLabel(label: EmulatedLabel): Reply {
    const key = label.name.toLowerCase();
    this.labels.delete(key);
    for (const issue of this.issues) issue.labels = issue.labels.filter((name) => name.toLowerCase() !== key);
    return { status: 204 };
  }

  /** Like GitHub, naming a label that does not exist creates it. Returns canonical names. */
  #labelNamesCreatingMissing(items: LabelItem[]): string[] {
    return uniqueCaseInsensitive(items.map(labelItemName).map((name) => this.#ensureLabel(name).name));
  }

  #ensureLabel(name: string): EmulatedLabel {
    return this.labels.get(name.toLowerCase()) ?? this.addLabel(name);
  }

  // -------------------------------------------------------------------------
  // Paging
  // -------------------------------------------------------------------------

  /** One page of `items` as JSON, with GitHub's Link header when there is more than one page. */
  #page<T>(call: Call, items: T[], json: (item: T) => unknown = (item) => item): Reply {
    const perPageAsked = Number(call.query.get("per_page") ?? 30);
    const perPage = perPageAsked >= 1 ? Math.min(100, Math.floor(perPageAsked)) : 30;
    const page = Math.max(1, Math.floor(Number(call.query.get("page") ?? 1)) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const body = items.slice((page - 1) * perPage, page * perPage).map(json);
    const link = this.#linkHeader(call.url, page, last);
    return { status: 200, body, headers: link ? { link } : {} };
  }

  /** GitHub's order: prev, next, last, first. */
  #linkHeader(url: URL, page: number, last: number): string | undefined {
    const links: string[] = [];
    const add = (target: number, rel: string): void => {
      links.push(`<${this.url}${url.pathname}?${withPage(url.search, target)}>; rel="${rel}"`);
    };
    if (page > 1) add(page - 1, "prev");
    if (page < last) add(page + 1, "next");
    if (page < last) add(last, "last");
    if (page > 1) add(1, "first");
    return links.length > 0 ? links.join(", ") : undefined;
  }

  // -------------------------------------------------------------------------
  // GitHub-shaped JSON
  // -------------------------------------------------------------------------

  get #apiRepo(): string {
    return `${this.url}/repos/${this.owner}/${this.repo}`;
  }

  get #htmlRepo(): string {
    return `https://github.com/${this.owner}/${this.repo}`;
  }

  #issueJson(issue: EmulatedIssue) {
    const url = `${this.#apiRepo}/issues/${issue.number}`;
    const assignees = issue.assignees.map((login) => this.#userJson(login));
    const htmlKind = issue.pull_request ? "pull" : "issues";
    return {
      url,
      repository_url: this.#apiRepo,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.#htmlRepo}/${htmlKind}/${issue.number}`,
      id: ISSUE_ID_BASE + issue.number,
      node_id: `I_kwDOEmu${issue.number}`,
      number: issue.number,
      title: issue.title,
      user: this.#userJson(issue.user),
      labels: issue.labels.map((name) => this.#labelJson(this.#ensureLabel(name))),
      state: issue.state,
      locked: issue.locked ?? false,
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      comments: this.#commentCount(issue),
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      author_association: this.#association(issue.user),
      active_lock_reason: null,
      body: issue.body,
      closed_by: issue.state === "closed" ? this.#userJson(this.#closedBy.get(issue.number) ?? this.botLogin) : null,
      reactions: reactionsJson(url),
      timeline_url: `${url}/timeline`,
      performed_via_github_app: null,
      state_reason: issue.state_reason,
      ...(issue.pull_request ? this.#pullRequestLinks(issue.number) : {}),
    };
  }

  #pullRequestLinks(number: number) {
    return {
      draft: false,
      pull_request: {
        url: `${this.#apiRepo}/pulls/${number}`,
        html_url: `${this.#htmlRepo}/pull/${number}`,
        diff_url: `${this.#htmlRepo}/pull/${number}.diff`,
        patch_url: `${this.#htmlRepo}/pull/${number}.patch`,
        merged_at: null,
      },
    };
  }

  #commentJson(comment: EmulatedComment) {
    const url = `${this.#apiRepo}/issues/comments/${comment.id}`;
    return {
      url,
      html_url: `${this.#htmlRepo}/issues/${comment.issue_number}#issuecomment-${comment.id}`,
      issue_url: `${this.#apiRepo}/issues/${comment.issue_number}`,
      id: comment.id,
      node_id: `IC_kwDOEmu${comment.id}`,
      user: this.#userJson(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      author_association: this.#association(comment.user),
      body: comment.body,
      reactions: reactionsJson(url),
      performed_via_github_app: null,
    };
  }

  /** One event as GitHub's issue-event-for-issue. */
  #eventJson(event: EmulatedIssueEvent) {
    const json: Record<string, unknown> = {
      id: EVENT_ID_BASE + event.id,
      node_id: `${EVENT_NODE_PREFIX[event.event]}_kwDOEmu${event.id}`,
      url: `${this.#apiRepo}/issues/events/${EVENT_ID_BASE + event.id}`,
      actor: this.#userJson(event.actor),
      event: event.event,
      commit_id: null,
      commit_url: null,
      created_at: event.created_at,
      performed_via_github_app: null,
    };
    if (event.label) json.label = { ...event.label };
    if (event.assignee !== undefined) {
      json.assignee = this.#userJson(event.assignee);
      json.assigner = this.#userJson(event.actor);
    }
    if (event.rename) json.rename = { ...event.rename };
    if (event.event === "closed" || event.event === "reopened") json.state_reason = event.state_reason ?? null;
    return json;
  }

  #labelJson(label: EmulatedLabel) {
    const id = this.#labelId(label.name);
    return {
      id,
      node_id: `LA_kwDOEmu${id}`,
      url: `${this.#apiRepo}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      color: label.color,
      default: false,
      description: label.description,
    };
  }

  #issueLabelsJson(issue: EmulatedIssue) {
    return issue.labels.map((name) => this.#labelJson(this.#ensureLabel(name)));
  }

  #userJson(login: string) {
    const api = `${this.url}/users/${encodeURIComponent(login)}`;
    const id = this.#userId(login);
    return {
      login,
      id,
      node_id: `MDQ6VXNlcj${id}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: "",
      url: api,
      // a bot's page is its app's page
      html_url: `https://github.com/${login.endsWith("[bot]") ? `apps/${login.slice(0, -"[bot]".length)}` : login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: login.endsWith("[bot]") ? "Bot" : "User",
      user_view_type: "public",
      site_admin: false,
    };
  }

  /** GitHub's answer for a public repository: anyone without a role reads. */
  #permissionJson(login: string) {
    const role = this.#roleOf(login) ?? "read";
    const permission = { admin: "admin", maintain: "write", write: "write", triage: "read", read: "read" }[role];
    return {
      permission,
      role_name: role,
      user: {
        ...this.#userJson(login),
        permissions: {
          admin: role === "admin",
          maintain: role === "admin" || role === "maintain",
          push: permission !== "read",
          triage: role !== "read",
          pull: true,
        },
        role_name: role,
      },
    };
  }

  #roleOf(login: string): Role | undefined {
    for (const [name, role] of this.collaborators) {
      if (name.toLowerCase() === login.toLowerCase() && isRole(role)) return role;
    }
    return undefined;
  }

  #association(login: string): string {
    if (login.toLowerCase() === this.owner.toLowerCase()) return "OWNER";
    return this.#roleOf(login) ? "COLLABORATOR" : "NONE";
  }

  #repositoryJson() {
    const api = this.#apiRepo;
    const html = this.#htmlRepo;
    const created = "2024-01-02T03:04:05Z";
    const open = this.issues.filter((issue) => issue.state === "open").length;
    return {
      id: REPO_ID,
      node_id: "R_kgDOEmulat",
      name: this.repo,
      full_name: `${this.owner}/${this.repo}`,
      private: false,
      owner: { ...this.#userJson(this.owner), type: "Organization" },
      html_url: html,
      description: "Emulated repository",
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://github.com/${this.owner}/${this.repo}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@github.com:${this.owner}/${this.repo}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: "TypeScript",
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 100,
      default_branch: "main",
      open_issues_count: open,
      open_issues: open,
      is_template: false,
      topics: [],
      has_issues: this.hasIssues,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: "public",
      pushed_at: created,
      created_at: created,
      updated_at: created,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
      allow_forking: true,
      web_commit_signoff_required: false,
      license: null,
      network_count: 0,
      subscribers_count: 0,
    };
  }

  // -------------------------------------------------------------------------
  // Ids and counters
  // -------------------------------------------------------------------------

  #nextIssueNumber(): number {
    return this.issues.reduce((max, issue) => Math.max(max, issue.number), 0) + 1;
  }

  #commentCount(issue: EmulatedIssue): number {
    return this.comments.filter((comment) => comment.issue_number === issue.number).length;
  }

  #labelId(name: string): number {
    const key = name.toLowerCase();
    let id = this.#labelIds.get(key);
    if (id === undefined) {
      id = LABEL_ID_BASE + this.#labelIds.size + 1;
      this.#labelIds.set(key, id);
    }
    return id;
  }

  #userId(login: string): number {
    let id = KNOWN_USER_IDS[login] ?? this.#userIds.get(login.toLowerCase());
    if (id === undefined) {
      id = 10_000 + this.#userIds.size + 1;
      this.#userIds.set(login.toLowerCase(), id);
    }
    return id;
  }
}

// ---------------------------------------------------------------------------
// Request body shapes (already validated against the description)
// ---------------------------------------------------------------------------

type LabelItem = string | { name?: string };

interface IssueWrite {
  title?: string | number | null;
  body?: string | null;
  state?: "open" | "closed";
  state_reason?: EmulatedIssue["state_reason"];
  labels?: LabelItem[];
  assignee?: string | null;
  assignees?: Array<string | { login?: string }>;
  milestone?: string | number | null;
}

function labelItemName(item: LabelItem): string {
  return typeof item === "string" ? item : (item.name ?? "");
}

/** The add/set-labels body: `{labels: [...]}`, a bare array, or `{labels: [{name}]}`. */
function labelsOfLabelsBody(body: unknown): LabelItem[] {
  if (Array.isArray(body)) return body as LabelItem[];
  if (isObject(body) && Array.isArray(body.labels)) return body.labels as LabelItem[];
  return [];
}

function assigneesOf(body: IssueWrite): string[] | undefined {
  if (body.assignees !== undefined) {
    return body.assignees.map((item) => (typeof item === "string" ? item : (item.login ?? "")));
  }
  if (body.assignee !== undefined) return body.assignee === null ? [] : [body.assignee];
  return undefined;
}

interface IssueSnapshot {
  title: string;
  labels: string[];
  assignees: string[];
  state: EmulatedIssue["state"];
}

function snapshot(issue: EmulatedIssue): IssueSnapshot {
  return { title: issue.title, labels: [...issue.labels], assignees: [...issue.assignees], state: issue.state };
}

/** State transitions as GitHub records them. `state_reason` is ignored unless `state` changes. */
function applyState(issue: EmulatedIssue, body: IssueWrite, now: string): void {
  if (body.state === "closed" && issue.state === "open") {
    issue.state = "closed";
    issue.closed_at = now;
    issue.state_reason = body.state_reason ?? "completed";
  } else if (body.state === "open" && issue.state === "closed") {
    issue.state = "open";
    issue.closed_at = null;
    issue.state_reason = "reopened";
  }
}

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function error(status: number, message: string, documentationUrl = DOCS): Reply {
  return { status, body: { message, documentation_url: documentationUrl, status: String(status) } };
}

function notFound(): Reply {
  return error(404, "Not Found");
}

/** GitHub's 422 for a request it understood but will not carry out. */
function validationFailed(error: Record<string, string>, documentationUrl = DOCS): Reply {
  return {
    status: 422,
    body: { message: "Validation Failed", errors: [error], documentation_url: documentationUrl, status: "422" },
  };
}

function alreadyExists(documentationUrl = "https://docs.github.com/rest/issues/labels#create-a-label"): Reply {
  return validationFailed({ resource: "Label", code: "already_exists", field: "name" }, documentationUrl);
}

function missingField(resource: string, field: string): Reply {
  return validationFailed({ resource, code: "missing_field", field });
}

function invalidField(resource: string, field: string, documentationUrl = DOCS): Reply {
  return validationFailed({ resource, code: "invalid", field }, documentationUrl);
}

/** e.g. `description is too long (maximum is 100 characters)`, GitHub's wording. */
function tooLong(resource: string, field: string, max: number, documentationUrl = DOCS): Reply {
  const message = `${field} is too long (maximum is ${max} characters)`;
  return validationFailed({ resource, code: "custom", field, message }, documentationUrl);
}

/** A label's name (or new name), colour and description as GitHub checks them on create and update. */
function refuseLabelFields(
  name: string | undefined,
  color: string | undefined,
  description: string | undefined,
  documentationUrl: string,
): Reply | undefined {
  if (name !== undefined && charCount(name) > MAX_LABEL_NAME) return tooLong("Label", "name", MAX_LABEL_NAME, documentationUrl);
  if (color !== undefined && !/^[0-9a-f]{6}$/i.test(normalizeColor(color))) return invalidField("Label", "color", documentationUrl);
  if (description !== undefined && description !== null && charCount(description) > MAX_LABEL_DESCRIPTION) {
    return tooLong("Label", "description", MAX_LABEL_DESCRIPTION, documentationUrl);
  }
  return undefined;
}

/** Characters as GitHub counts them: Unicode code points (see MAX_LABEL_NAME). */
function charCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

function reactionsJson(url: string) {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}

function hasLabel(issue: EmulatedIssue, name: string): boolean {
  return issue.labels.some((label) => label.toLowerCase() === name.toLowerCase());
}

function matchesAssignee(issue: EmulatedIssue, assignee: string | null): boolean {
  if (assignee === null) return true;
  if (assignee === "none") return issue.assignees.length === 0;
  if (assignee === "*") return issue.assignees.length > 0;
  return issue.assignees.some((login) => login.toLowerCase() === assignee.toLowerCase());
}

function splitList(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** `wanted`, deduplicated, with logins already in `current` kept as spelled there (logins ignore case). */
function keepSpelling(current: string[], wanted: string[]): string[] {
  const known = new Map(current.map((login) => [login.toLowerCase(), login]));
  return uniqueCaseInsensitive(wanted.map((login) => known.get(login.toLowerCase()) ?? login));
}

function uniqueCaseInsensitive(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** GitHub documents the colour without `#`; the emulator also takes one leading `#`, then wants six hex digits. */
function normalizeColor(color: string | undefined): string {
  return color === undefined ? DEFAULT_LABEL_COLOR : color.replace(/^#/, "").toLowerCase();
}

function isRole(value: string): value is Role {
  return ["admin", "maintain", "write", "triage", "read"].includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The request's own query string with `page` set, everything else byte-for-byte. */
function withPage(search: string, page: number): string {
  const parts = search.replace(/^\?/, "").split("&").filter((part) => part !== "");
  const index = parts.findIndex((part) => part.startsWith("page="));
  if (index === -1) parts.push(`page=${page}`);
  else parts[index] = `page=${page}`;
  return parts.join("&");
}

function parseBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** For the request log: JSON when it parses, the raw text otherwise. */
function parseJsonOrText(text: string): unknown {
  const parsed = parseBody(text);
  return parsed.ok ? parsed.value : text;
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

async function readText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
