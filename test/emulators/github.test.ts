import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubEmulator } from "./github.ts";
import { findOperation, validateResponse } from "./openapi.ts";

const TOKEN = "ghs_test_token";

let gh: GitHubEmulator;

beforeEach(async () => {
  gh = new GitHubEmulator();
  await gh.start();
});

afterEach(async () => {
  await gh.stop();
});

/** A plain fetch against the emulator, authenticated like the action. */
async function api(method: string, path: string, body?: unknown, token = TOKEN) {
  const response = await fetch(`${gh.url}${path}`, {
    method,
    headers: {
      authorization: `token ${token}`,
      accept: "application/vnd.github+json",
      ...(body === undefined ? {} : { "content-type": "application/json; charset=utf-8" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text === "" ? undefined : (JSON.parse(text) as unknown);
  return { status: response.status, headers: response.headers, json };
}

function numbers(json: unknown): number[] {
  return (json as Array<{ number: number }>).map((issue) => issue.number);
}

describe("paging", () => {
  it("pages issues with GitHub's Link header, built from the request URL", async () => {
    for (let i = 1; i <= 7; i++) gh.addIssue({ title: `issue ${i}`, created_at: `2026-01-0${i}T00:00:00Z` });
    const base = `${gh.url}/repos/acme/soc/issues?per_page=3`;

    const first = await api("GET", "/repos/acme/soc/issues?per_page=3");
    expect(first.status).toBe(200);
    expect(numbers(first.json)).toEqual([7, 6, 5]);
    expect(first.headers.get("link")).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);

    const second = await api("GET", "/repos/acme/soc/issues?per_page=3&page=2");
    expect(numbers(second.json)).toEqual([4, 3, 2]);
    expect(second.headers.get("link")).toBe(
      `<${base}&page=1>; rel="prev", <${base}&page=3>; rel="next", ` +
        `<${base}&page=3>; rel="last", <${base}&page=1>; rel="first"`,
    );

    const third = await api("GET", "/repos/acme/soc/issues?per_page=3&page=3");
    expect(numbers(third.json)).toEqual([1]);
    expect(third.headers.get("link")).toBe(`<${base}&page=2>; rel="prev", <${base}&page=1>; rel="first"`);

    const single = await api("GET", "/repos/acme/soc/issues");
    expect(numbers(single.json)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(single.headers.get("link")).toBeNull();
    expect(gh.violations).toEqual([]);
  });
});

describe("issue filters", () => {
  beforeEach(() => {
    gh.addIssue({ title: "a", labels: ["Defender", "sev:high"], updated_at: "2026-03-01T00:00:00Z" });
    gh.addIssue({ title: "b", labels: ["defender"], updated_at: "2026-03-05T00:00:00Z" });
    gh.addIssue({ title: "c", labels: ["defender", "SEV:HIGH"], state: "closed", updated_at: "2026-03-09T00:00:00Z" });
    gh.addIssue({ title: "d", pull_request: true, updated_at: "2026-03-10T00:00:00Z" });
  });

  it("filters by labels (all of them, any case) and by state", async () => {
    const open = await api("GET", "/repos/acme/soc/issues?labels=DEFENDER,Sev:High");
    expect(numbers(open.json)).toEqual([1]);
    const all = await api("GET", "/repos/acme/soc/issues?labels=defender,sev:high&state=all");
    expect(numbers(all.json)).toEqual([3, 1]);
    const closed = await api("GET", "/repos/acme/soc/issues?state=closed");
    expect(numbers(closed.json)).toEqual([3]);
    expect(gh.violations).toEqual([]);
  });

  it("filters by since on updated_at, and lists pull requests like GitHub", async () => {
    const since = await api("GET", "/repos/acme/soc/issues?state=all&since=2026-03-05T00:00:00Z");
    expect(numbers(since.json)).toEqual([4, 3, 2]);
    const pr = (since.json as Array<{ number: number; pull_request?: { url: string } }>)[0];
    expect(pr?.pull_request?.url).toBe(`${gh.url}/repos/acme/soc/pulls/4`);
    const plain = (since.json as Array<{ pull_request?: unknown }>)[1];
    expect(plain).not.toHaveProperty("pull_request");
    expect(gh.violations).toEqual([]);
  });
});

describe("OpenAPI validation", () => {
  it("rejects a body field GitHub does not define, with 422 and a violation", async () => {
    const response = await api("POST", "/repos/acme/soc/issues", { title: "x", severity: "High" });
    expect(response.status).toBe(422);
    const message = (response.json as { message: string }).message;
    expect(message).toBe('Invalid request.\n\n"severity" is not a permitted key.');
    expect(gh.violations).toEqual(['POST /repos/acme/soc/issues: "severity" is not a permitted key.']);
    expect(gh.issues).toEqual([]);
  });

  it("rejects a route GitHub does not have, with 404 and a violation", async () => {
    const response = await api("GET", "/repos/acme/soc/issuez");
    expect(response.status).toBe(404);
    expect((response.json as { message: string }).message).toBe("Not Found");
    expect(gh.violations).toEqual(["GET /repos/acme/soc/issuez: no such route in GitHub's REST API"]);
  });

  it("rejects a query parameter of the wrong type or unknown to GitHub", async () => {
    expect((await api("GET", "/repos/acme/soc/issues?state=bogus")).status).toBe(422);
    expect((await api("GET", "/repos/acme/soc/issues?severity=high")).status).toBe(422);
    expect(gh.violations).toEqual([
      'GET /repos/acme/soc/issues: query parameter state must be one of "open", "closed", "all".',
      'GET /repos/acme/soc/issues: "severity" is not a permitted query parameter.',
    ]);
  });

  it("answers 501 for a GitHub route the emulator does not implement", async () => {
    const response = await api("GET", "/repos/acme/soc/issues/comments");
    expect(response.status).toBe(501);
    expect(gh.violations).toEqual([
      "GET /repos/acme/soc/issues/comments: not emulated (GET /repos/{owner}/{repo}/issues/comments)",
    ]);
  });

  it("creates a valid issue with 201, auto-creating unknown labels, and no violation", async () => {
    gh.addLabel("Defender", "0052cc", "From Defender");
    const response = await api("POST", "/repos/acme/soc/issues", {
      title: "Alert: malware",
      body: "details",
      labels: ["defender", "sev:high"],
    });
    expect(response.status).toBe(201);
    const json = response.json as {
      number: number;
      html_url: string;
      user: { login: string; type: string };
      labels: Array<{ name: string; color: string }>;
    };
    expect(json.number).toBe(1);
    expect(json.html_url).toBe("https://github.com/acme/soc/issues/1");
    expect(json.user).toMatchObject({ login: "github-actions[bot]", type: "Bot" });
    expect(json.labels.map((label) => [label.name, label.color])).toEqual([
      ["Defender", "0052cc"],
      ["sev:high", "ededed"],
    ]);
    expect(response.headers.get("location")).toBe(`${gh.url}/repos/acme/soc/issues/1`);
    expect(gh.issues).toHaveLength(1);
    expect(gh.issues[0]).toMatchObject({ title: "Alert: malware", body: "details", labels: ["Defender", "sev:high"] });
    expect(gh.labels.get("sev:high")).toEqual({ name: "sev:high", color: "ededed", description: null });
    expect(gh.violations).toEqual([]);
  });

  it("checks its own responses too: a seeded bad date is a response violation", async () => {
    gh.addIssue({ title: "bad", created_at: "yesterday" });
    const response = await api("GET", "/repos/acme/soc/issues/1");
    expect(response.status).toBe(200);
    expect(gh.violations).toEqual([
      'response: GET /repos/acme/soc/issues/1 200: body/created_at must match format "date-time".',
    ]);
  });
});

describe("GitHub behaviour", () => {
  it("refuses unknown tokens with 401", async () => {
    const response = await api("GET", "/repos/acme/soc/issues", undefined, "ghs_wrong");
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ message: "Bad credentials" });
  });

  it("sends rate-limit headers that count down, then refuses with 403", async () => {
    await gh.stop();
    gh = new GitHubEmulator({ rateLimit: 2 });
    await gh.start();
    const first = await api("GET", "/repos/acme/soc/issues");
    const second = await api("GET", "/repos/acme/soc/issues");
    const third = await api("GET", "/repos/acme/soc/issues");
    expect([first.status, second.status, third.status]).toEqual([200, 200, 403]);
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect(first.headers.get("x-ratelimit-used")).toBe("1");
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(third.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(first.headers.get("x-ratelimit-resource")).toBe("core");
    expect(Number(first.headers.get("x-ratelimit-reset"))).toBe(gh.rateLimitReset);
    expect(first.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(third.json).toMatchObject({ message: "API rate limit exceeded for installation ID 1." });
  });

  it("starts the primary budget again when its hour ends, on the emulator's clock", async () => {
    let now = Date.parse("2026-03-01T10:00:00Z");
    await gh.stop();
    gh = new GitHubEmulator({ rateLimit: 1, now: () => new Date(now) });
    await gh.start();
    expect((await api("GET", "/repos/acme/soc/issues")).status).toBe(200);
    expect((await api("GET", "/repos/acme/soc/issues")).status).toBe(403);
    now += 3_600_000;
    const after = await api("GET", "/repos/acme/soc/issues");
    expect(after.status).toBe(200);
    expect(after.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(after.headers.get("x-ratelimit-reset"))).toBe(now / 1000 + 3600);
  });

  it("refuses content creation over the per-minute limit with a secondary-limit 403 and retry-after", async () => {
    let now = Date.parse("2026-03-01T10:00:00Z");
    await gh.stop();
    gh = new GitHubEmulator({ contentLimits: { perMinute: 3, perHour: 100 }, now: () => new Date(now) });
    await gh.start();
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await api("POST", "/repos/acme/soc/issues", { title: `t${i}` })).status);
      now += 10_000;
    }
    const refused = await api("POST", "/repos/acme/soc/issues", { title: "over" });
    expect(statuses).toEqual([201, 201, 201]);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ message: expect.stringMatching(/secondary rate limit/) });
    // The first write leaves the minute 60 s after it was made, 30 s from now.
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(gh.secondaryLimitHits.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/acme/soc/issues"]);
    expect((await api("GET", "/repos/acme/soc/issues")).status).toBe(200);
    now += 30_000;
    expect((await api("POST", "/repos/acme/soc/issues", { title: "later" })).status).toBe(201);
    expect(gh.issues.map((issue) => issue.title)).toEqual(["t0", "t1", "t2", "later"]);
  });

  it("refuses content creation over the hourly limit, counting every kind of write", async () => {
    let now = Date.parse("2026-03-01T10:00:00Z");
    await gh.stop();
    gh = new GitHubEmulator({ contentLimits: { perMinute: 100, perHour: 3 }, now: () => new Date(now) });
    await gh.start();
    gh.addIssue({ title: "seed" });
    expect((await api("POST", "/repos/acme/soc/issues/1/comments", { body: "a" })).status).toBe(201);
    now += 600_000;
    expect((await api("POST", "/repos/acme/soc/labels", { name: "x", color: "ffffff" })).status).toBe(201);
    expect((await api("PATCH", "/repos/acme/soc/issues/1", { state: "closed" })).status).toBe(200);
    const refused = await api("POST", "/repos/acme/soc/issues", { title: "over" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe(String(50 * 60));
    now += 50 * 60_000;
    expect((await api("POST", "/repos/acme/soc/issues", { title: "after" })).status).toBe(201);
    expect(gh.secondaryLimitHits).toHaveLength(1);
  });

  it("dates what it creates by its clock", async () => {
    await gh.stop();
    gh = new GitHubEmulator({ now: () => new Date("2031-05-06T07:08:09.500Z") });
    await gh.start();
    const created = await api("POST", "/repos/acme/soc/issues", { title: "x" });
    expect(created.json).toMatchObject({ created_at: "2031-05-06T07:08:09Z", updated_at: "2031-05-06T07:08:09Z" });
  });

  it("updates an issue: close as not planned, replace labels", async () => {
    gh.addIssue({ title: "x", labels: ["old"], updated_at: "2020-01-01T00:00:00Z" });
    const response = await api("PATCH", "/repos/acme/soc/issues/1", {
      state: "closed",
      state_reason: "not_planned",
      labels: ["new"],
    });
    expect(response.status).toBe(200);
    const issue = gh.issues[0];
    expect(issue).toMatchObject({ state: "closed", state_reason: "not_planned", labels: ["new"] });
    expect(issue?.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(issue?.updated_at).not.toBe("2020-01-01T00:00:00Z");
    expect(issue?.closed_at).toBe(issue?.updated_at);
    expect(gh.violations).toEqual([]);
  });

  it("refuses a duplicate label case-insensitively, like GitHub", async () => {
    gh.addLabel("Defender");
    const response = await api("POST", "/repos/acme/soc/labels", { name: "defender", color: "ff0000" });
    expect(response.status).toBe(422);
    expect(response.json).toMatchObject({
      message: "Validation Failed",
      errors: [{ resource: "Label", code: "already_exists", field: "name" }],
    });
    expect(gh.violations).toEqual([]);
  });

  it("maps collaborator roles to permissions; strangers read a public repo", async () => {
    gh.collaborators.set("alice", "maintain");
    const alice = await api("GET", "/repos/acme/soc/collaborators/alice/permission");
    expect(alice.json).toMatchObject({ permission: "write", role_name: "maintain", user: { login: "alice" } });
    const bob = await api("GET", "/repos/acme/soc/collaborators/bob/permission");
    expect(bob.json).toMatchObject({ permission: "read", role_name: "read", user: { login: "bob" } });
    expect(gh.violations).toEqual([]);
  });
});

describe("inject", () => {
  it("applies the effect of a ghost create yet answers 502, then behaves normally", async () => {
    gh.inject({ method: "POST", path: /\/issues$/ }, { status: 502, applyEffect: true });
    const ghost = await api("POST", "/repos/acme/soc/issues", { title: "ghost" });
    expect(ghost.status).toBe(502);
    expect(gh.issues.map((issue) => issue.title)).toEqual(["ghost"]);
    const normal = await api("POST", "/repos/acme/soc/issues", { title: "second" });
    expect(normal.status).toBe(201);
    expect(gh.issues.map((issue) => issue.title)).toEqual(["ghost", "second"]);
    expect(gh.writes().map((request) => request.status)).toEqual([502, 201]);
    expect(gh.violations).toEqual([]);
  });

  it("answers injected responses in order, without applying the effect by default", async () => {
    gh.inject(
      { method: "POST", path: /\/issues$/ },
      { status: 403, headers: { "retry-after": "1" }, body: { message: "You have exceeded a secondary rate limit." } },
      { status: 500 },
    );
    const first = await api("POST", "/repos/acme/soc/issues", { title: "x" });
    const second = await api("POST", "/repos/acme/soc/issues", { title: "x" });
    const third = await api("POST", "/repos/acme/soc/issues", { title: "x" });
    expect([first.status, second.status, third.status]).toEqual([403, 500, 201]);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.json).toEqual({ message: "You have exceeded a secondary rate limit." });
    expect(gh.issues).toHaveLength(1);
  });

  it("delays an answer, and resets a socket", async () => {
    gh.inject(
      { method: "GET", path: /\/issues$/ },
      { status: 200, body: [], delayMs: 300 },
      { status: 200, reset: true },
    );
    const started = performance.now();
    expect((await api("GET", "/repos/acme/soc/issues")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    await expect(api("GET", "/repos/acme/soc/issues")).rejects.toThrow();
    expect(gh.requests.map((request) => request.status)).toEqual([200, 0]);
  });
});

describe("GitHub's validation rules", () => {
  const LABELS_DOCS = "https://docs.github.com/rest/issues/labels";
  const ISSUES_DOCS = "https://docs.github.com/rest/issues/issues";
  const COMMENTS_DOCS = "https://docs.github.com/rest/issues/comments";

  function refusal(resource: string, code: string, field: string, documentationUrl: string, message?: string) {
    const error = { resource, code, field, ...(message === undefined ? {} : { message }) };
    return { message: "Validation Failed", errors: [error], documentation_url: documentationUrl, status: "422" };
  }

  function tooLong(resource: string, field: string, max: number, documentationUrl: string) {
    return refusal(resource, "custom", field, documentationUrl, `${field} is too long (maximum is ${max} characters)`);
  }

  it("refuses a label name over 50 characters on create and rename, and when an issue would create it", async () => {
    const created = await api("POST", "/repos/acme/soc/labels", { name: "n".repeat(50), color: "ffffff" });
    expect(created.status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/labels", { name: "m".repeat(51), color: "ffffff" });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(tooLong("Label", "name", 50, `${LABELS_DOCS}#create-a-label`));

    const renamed = await api("PATCH", `/repos/acme/soc/labels/${"n".repeat(50)}`, { new_name: "r".repeat(51) });
    expect(renamed.status).toBe(422);
    expect(renamed.json).toEqual(tooLong("Label", "name", 50, `${LABELS_DOCS}#update-a-label`));
    expect((await api("PATCH", `/repos/acme/soc/labels/${"n".repeat(50)}`, { new_name: "r".repeat(50) })).status).toBe(200);

    const issue = await api("POST", "/repos/acme/soc/issues", { title: "x", labels: ["q".repeat(51)] });
    expect(issue.status).toBe(422);
    expect(issue.json).toEqual(tooLong("Label", "name", 50, `${ISSUES_DOCS}#create-an-issue`));
    gh.addIssue({ title: "seed" });
    const added = await api("POST", "/repos/acme/soc/issues/1/labels", { labels: ["q".repeat(51)] });
    expect(added.status).toBe(422);
    expect([...gh.labels.values()].map((label) => label.name)).toEqual(["r".repeat(50)]);
    expect(gh.issues.map((i) => i.title)).toEqual(["seed"]);
    expect(gh.violations).toEqual([]);
  });

  it("refuses a label description over 100 characters on create and update", async () => {
    expect((await api("POST", "/repos/acme/soc/labels", { name: "a", color: "ffffff", description: "d".repeat(100) })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/labels", { name: "b", color: "ffffff", description: "d".repeat(101) });
    expect(over.status).toBe(422);
    expect(over.json).toEqual({
      message: "Validation Failed",
      errors: [{ resource: "Label", code: "custom", field: "description", message: "description is too long (maximum is 100 characters)" }],
      documentation_url: `${LABELS_DOCS}#create-a-label`,
      status: "422",
    });
    const update = await api("PATCH", "/repos/acme/soc/labels/a", { description: "e".repeat(101) });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(tooLong("Label", "description", 100, `${LABELS_DOCS}#update-a-label`));
    expect((await api("PATCH", "/repos/acme/soc/labels/a", { description: "e".repeat(100) })).status).toBe(200);
    expect(gh.labels.get("a")?.description).toBe("e".repeat(100));
    expect(gh.labels.has("b")).toBe(false);
    expect(gh.violations).toEqual([]);
  });

  it("counts characters as Unicode code points, not UTF-16 units", async () => {
    // 100 emoji are 200 UTF-16 units but 100 characters to GitHub.
    const emoji = "\u{1F6E1}".repeat(100);
    expect(emoji.length).toBe(200);
    expect((await api("POST", "/repos/acme/soc/labels", { name: "shield", color: "ffffff", description: emoji })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/labels", { name: "shields", color: "ffffff", description: `${emoji}!` });
    expect(over.status).toBe(422);
  });

  it("wants a colour of six hex digits (a leading # is taken off), else 422 invalid", async () => {
    for (const color of ["red", "12345", "ggg000", "1234567", "#fff", ""]) {
      const refused = await api("POST", "/repos/acme/soc/labels", { name: `c-${color}`, color });
      expect(refused.status, color).toBe(422);
      expect(refused.json).toEqual(refusal("Label", "invalid", "color", `${LABELS_DOCS}#create-a-label`));
    }
    expect((await api("POST", "/repos/acme/soc/labels", { name: "plain", color: "A1b2C3" })).status).toBe(201);
    expect((await api("POST", "/repos/acme/soc/labels", { name: "hash", color: "#0052cc" })).status).toBe(201);
    expect(gh.labels.get("plain")?.color).toBe("a1b2c3");
    expect(gh.labels.get("hash")?.color).toBe("0052cc");
    const update = await api("PATCH", "/repos/acme/soc/labels/plain", { color: "blue" });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(refusal("Label", "invalid", "color", `${LABELS_DOCS}#update-a-label`));
    expect(gh.labels.get("plain")?.color).toBe("a1b2c3");
    expect([...gh.labels.keys()]).toEqual(["plain", "hash"]);
    expect(gh.violations).toEqual([]);
  });

  it("refuses an issue title over 256 characters on create and update", async () => {
    expect((await api("POST", "/repos/acme/soc/issues", { title: "t".repeat(256) })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/issues", { title: "t".repeat(257) });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(tooLong("Issue", "title", 256, `${ISSUES_DOCS}#create-an-issue`));
    const update = await api("PATCH", "/repos/acme/soc/issues/1", { title: "u".repeat(257) });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(tooLong("Issue", "title", 256, `${ISSUES_DOCS}#update-an-issue`));
    expect((await api("PATCH", "/repos/acme/soc/issues/1", { title: "u".repeat(256) })).status).toBe(200);
    expect(gh.issues.map((issue) => issue.title)).toEqual(["u".repeat(256)]);
    expect(gh.violations).toEqual([]);
  });

  it("refuses an issue body over 65,536 characters on create and update", async () => {
    expect((await api("POST", "/repos/acme/soc/issues", { title: "x", body: "b".repeat(65_536) })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/issues", { title: "y", body: "b".repeat(65_537) });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(tooLong("Issue", "body", 65_536, `${ISSUES_DOCS}#create-an-issue`));
    const update = await api("PATCH", "/repos/acme/soc/issues/1", { body: "c".repeat(65_537) });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(tooLong("Issue", "body", 65_536, `${ISSUES_DOCS}#update-an-issue`));
    expect(gh.issues.map((issue) => issue.body)).toEqual(["b".repeat(65_536)]);
    expect(gh.violations).toEqual([]);
  });

  it("refuses a comment body over 65,536 characters on create and update", async () => {
    gh.addIssue({ title: "x" });
    expect((await api("POST", "/repos/acme/soc/issues/1/comments", { body: "b".repeat(65_536) })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/issues/1/comments", { body: "b".repeat(65_537) });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(tooLong("IssueComment", "body", 65_536, `${COMMENTS_DOCS}#create-an-issue-comment`));
    const id = gh.comments[0]?.id;
    const update = await api("PATCH", `/repos/acme/soc/issues/comments/${id}`, { body: "c".repeat(65_537) });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(tooLong("IssueComment", "body", 65_536, `${COMMENTS_DOCS}#update-an-issue-comment`));
    expect((await api("PATCH", `/repos/acme/soc/issues/comments/${id}`, { body: "c".repeat(65_536) })).status).toBe(200);
    expect(gh.comments.map((comment) => comment.body)).toEqual(["c".repeat(65_536)]);
    expect(gh.violations).toEqual([]);
  });

  it("refuses more than 10 assignees on create, update and add-assignees", async () => {
    const logins = (n: number, prefix = "user") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect((await api("POST", "/repos/acme/soc/issues", { title: "x", assignees: logins(10) })).status).toBe(201);
    const over = await api("POST", "/repos/acme/soc/issues", { title: "y", assignees: logins(11) });
    expect(over.status).toBe(422);
    expect(over.json).toEqual(refusal("Issue", "invalid", "assignees", `${ISSUES_DOCS}#create-an-issue`));
    const update = await api("PATCH", "/repos/acme/soc/issues/1", { assignees: logins(11, "other") });
    expect(update.status).toBe(422);
    expect(update.json).toEqual(refusal("Issue", "invalid", "assignees", `${ISSUES_DOCS}#update-an-issue`));

    gh.addIssue({ title: "z", assignees: logins(9) });
    const tenth = await api("POST", "/repos/acme/soc/issues/2/assignees", { assignees: ["USER0", "extra"] });
    expect(tenth.status).toBe(201);
    expect(gh.issue(2)?.assignees).toHaveLength(10);
    const eleventh = await api("POST", "/repos/acme/soc/issues/2/assignees", { assignees: ["one-too-many"] });
    expect(eleventh.status).toBe(422);
    expect(eleventh.json).toEqual(
      refusal("Issue", "invalid", "assignees", "https://docs.github.com/rest/issues/assignees#add-assignees-to-an-issue"),
    );
    expect(gh.issue(1)?.assignees).toEqual(logins(10));
    expect(gh.issue(2)?.assignees).toEqual([...logins(9), "extra"]);
    expect(gh.violations).toEqual([]);
  });

  it("keeps label names unique case-insensitively and matches labels named on issues in any case", async () => {
    gh.addLabel("Defender", "0052cc", "From Defender");
    gh.addLabel("sev:high", "b60205");
    const duplicate = await api("POST", "/repos/acme/soc/labels", { name: "DEFENDER", color: "ffffff" });
    expect(duplicate.status).toBe(422);
    expect(duplicate.json).toEqual(refusal("Label", "already_exists", "name", `${LABELS_DOCS}#create-a-label`));
    const rename = await api("PATCH", "/repos/acme/soc/labels/sev:high", { new_name: "defender" });
    expect(rename.status).toBe(422);
    expect(rename.json).toEqual(refusal("Label", "already_exists", "name", `${LABELS_DOCS}#update-a-label`));
    // A change of case only is a rename of the same label.
    expect((await api("PATCH", "/repos/acme/soc/labels/sev:high", { new_name: "SEV:HIGH" })).status).toBe(200);

    const created = await api("POST", "/repos/acme/soc/issues", { title: "x", labels: ["defender", "Sev:High", "New-One"] });
    expect(created.status).toBe(201);
    expect(gh.issue(1)?.labels).toEqual(["Defender", "SEV:HIGH", "New-One"]);
    await api("POST", "/repos/acme/soc/issues/1/labels", { labels: ["NEW-ONE", "DEFENDER"] });
    expect(gh.issue(1)?.labels).toEqual(["Defender", "SEV:HIGH", "New-One"]);
    // Only the missing one was created, with GitHub's colour and no description.
    expect([...gh.labels.values()]).toEqual([
      { name: "Defender", color: "0052cc", description: "From Defender" },
      { name: "SEV:HIGH", color: "b60205", description: null },
      { name: "New-One", color: "ededed", description: null },
    ]);
    expect((await api("DELETE", "/repos/acme/soc/issues/1/labels/new-one")).status).toBe(200);
    expect(gh.issue(1)?.labels).toEqual(["Defender", "SEV:HIGH"]);
    expect(gh.violations).toEqual([]);
  });

  it("ignores state_reason unless the state changes", async () => {
    gh.addIssue({ title: "x", state: "closed" });
    expect(gh.issue(1)?.state_reason).toBe("completed");
    expect((await api("PATCH", "/repos/acme/soc/issues/1", { state_reason: "not_planned" })).status).toBe(200);
    expect((await api("PATCH", "/repos/acme/soc/issues/1", { state: "closed", state_reason: "duplicate" })).status).toBe(200);
    expect(gh.issue(1)?.state_reason).toBe("completed");
    await api("PATCH", "/repos/acme/soc/issues/1", { state: "open", state_reason: "not_planned" });
    expect(gh.issue(1)).toMatchObject({ state: "open", state_reason: "reopened" });
    await api("PATCH", "/repos/acme/soc/issues/1", { state: "closed", state_reason: "not_planned" });
    expect(gh.issue(1)).toMatchObject({ state: "closed", state_reason: "not_planned" });
    expect(gh.violations).toEqual([]);
  });

  it("caps per_page at 100 on listForRepo", async () => {
    for (let i = 0; i < 101; i++) gh.addIssue({ title: `i${i}` });
    const page = await api("GET", "/repos/acme/soc/issues?per_page=101");
    expect(page.status).toBe(200);
    expect((page.json as unknown[]).length).toBe(100);
    expect(page.headers.get("link")).toContain('rel="next"');
  });
});

describe("issue events", () => {
  const T0 = Date.parse("2026-04-01T09:00:00Z");
  let now = T0;
  const at = (seconds: number): string => new Date(T0 + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");

  beforeEach(async () => {
    now = T0;
    await gh.stop();
    gh = new GitHubEmulator({ now: () => new Date(now) });
    await gh.start();
  });

  interface EventJson {
    id: number;
    node_id: string;
    url: string;
    event: string;
    actor: { login: string; type: string };
    created_at: string;
    commit_id: null;
    commit_url: null;
    label?: { name: string; color: string };
    assignee?: { login: string };
    assigner?: { login: string };
    rename?: { from: string; to: string };
    state_reason?: string | null;
  }

  async function events(number: number, query = ""): Promise<EventJson[]> {
    const response = await api("GET", `/repos/acme/soc/issues/${number}/events${query}`);
    expect(response.status).toBe(200);
    return response.json as EventJson[];
  }

  /** event, then what it is about, compactly */
  function brief(list: EventJson[]): string[] {
    return list.map((e) => {
      const about =
        e.label?.name ?? e.assignee?.login ?? (e.rename ? `${e.rename.from} -> ${e.rename.to}` : undefined) ?? e.state_reason ?? "";
      return `${e.event} ${about} by ${e.actor.login} at ${e.created_at}`.replace(/ {2}/g, " ");
    });
  }

  it("records the labels and assignees an issue is opened with, as the token's identity", async () => {
    gh.addLabel("Defender", "0052cc");
    const created = await api("POST", "/repos/acme/soc/issues", { title: "x", labels: ["defender", "severity:High"], assignees: ["alice", "bob"] });
    expect(created.status).toBe(201);
    const list = await events(1);
    expect(brief(list)).toEqual([
      `labeled Defender by github-actions[bot] at ${at(0)}`,
      `labeled severity:High by github-actions[bot] at ${at(0)}`,
      `assigned alice by github-actions[bot] at ${at(0)}`,
      `assigned bob by github-actions[bot] at ${at(0)}`,
    ]);
    expect(list[0]).toMatchObject({
      event: "labeled",
      label: { name: "Defender", color: "0052cc" },
      commit_id: null,
      commit_url: null,
      actor: { login: "github-actions[bot]", type: "Bot" },
    });
    expect(list[2]).toMatchObject({ assignee: { login: "alice", type: "User" }, assigner: { login: "github-actions[bot]" } });
    expect(list[0]?.url).toBe(`${gh.url}/repos/acme/soc/issues/events/${list[0]?.id}`);
    expect(new Set(list.map((e) => e.id)).size).toBe(4);
    expect(list.map((e) => e.node_id.slice(0, 3))).toEqual(["LE_", "LE_", "AE_", "AE_"]);
    expect(gh.violations).toEqual([]);
  });

  it("records a PATCH as the difference it makes: rename, labels, assignees, close and reopen", async () => {
    gh.addIssue({ title: "old title", labels: ["keep", "drop"], assignees: ["alice"] });
    now = T0 + 10_000;
    await api("PATCH", "/repos/acme/soc/issues/1", {
      title: "new title",
      labels: ["KEEP", "add"],
      assignees: ["ALICE", "bob"],
      state: "closed",
      state_reason: "not_planned",
    });
    expect(gh.issue(1)?.updated_at).toBe(at(10));
    now = T0 + 20_000;
    await api("PATCH", "/repos/acme/soc/issues/1", { state: "open", assignees: [] });
    now = T0 + 30_000;
    // nothing changes: no event, but the issue is still updated
    await api("PATCH", "/repos/acme/soc/issues/1", { title: "new title", labels: ["keep", "add"], state: "open", state_reason: "completed" });
    expect(gh.issue(1)?.updated_at).toBe(at(30));
    const list = await events(1);
    expect(brief(list)).toEqual([
      `renamed old title -> new title by github-actions[bot] at ${at(10)}`,
      `labeled add by github-actions[bot] at ${at(10)}`,
      `unlabeled drop by github-actions[bot] at ${at(10)}`,
      `assigned bob by github-actions[bot] at ${at(10)}`,
      `closed not_planned by github-actions[bot] at ${at(10)}`,
      `unassigned alice by github-actions[bot] at ${at(20)}`,
      `unassigned bob by github-actions[bot] at ${at(20)}`,
      `reopened reopened by github-actions[bot] at ${at(20)}`,
    ]);
    expect(list[0]?.rename).toEqual({ from: "old title", to: "new title" });
    expect(list[4]).toMatchObject({ event: "closed", state_reason: "not_planned" });
    expect(gh.violations).toEqual([]);
  });

  it("records the label and assignee endpoints, and moves updated_at on each change and comment", async () => {
    gh.addIssue({ title: "x", labels: ["a"], updated_at: at(0) });
    const step = async (seconds: number, method: string, path: string, body?: unknown): Promise<void> => {
      now = T0 + seconds * 1000;
      const response = await api(method, `/repos/acme/soc/issues/1${path}`, body);
      expect(response.status).toBeLessThan(300);
      expect(gh.issue(1)?.updated_at).toBe(at(seconds));
    };
    await step(1, "POST", "/labels", { labels: ["a", "b"] });
    await step(2, "PUT", "/labels", { labels: ["b", "c"] });
    await step(3, "DELETE", "/labels/B");
    await step(4, "POST", "/assignees", { assignees: ["alice", "bob"] });
    await step(5, "DELETE", "/assignees", { assignees: ["BOB", "nobody"] });
    await step(6, "POST", "/comments", { body: "hello" });
    expect(brief(await events(1))).toEqual([
      `labeled b by github-actions[bot] at ${at(1)}`,
      `labeled c by github-actions[bot] at ${at(2)}`,
      `unlabeled a by github-actions[bot] at ${at(2)}`,
      `unlabeled b by github-actions[bot] at ${at(3)}`,
      `assigned alice by github-actions[bot] at ${at(4)}`,
      `assigned bob by github-actions[bot] at ${at(4)}`,
      `unassigned bob by github-actions[bot] at ${at(5)}`,
    ]);
    expect(gh.issue(1)).toMatchObject({ labels: ["c"], assignees: ["alice"] });
    expect(gh.violations).toEqual([]);
  });

  it("pages the listing oldest first with a Link header, at most 100 a page", async () => {
    gh.addIssue({ title: "x" });
    const labels = Array.from({ length: 105 }, (_, i) => `l${String(i).padStart(3, "0")}`);
    for (const [i, name] of labels.entries()) gh.act("alice", 1, { labels: { add: [name] }, at: new Date(T0 + i * 1000) });
    const base = `${gh.url}/repos/acme/soc/issues/1/events?per_page=40`;
    const first = await api("GET", "/repos/acme/soc/issues/1/events?per_page=40");
    expect((first.json as EventJson[]).map((e) => e.label?.name)).toEqual(labels.slice(0, 40));
    expect(first.headers.get("link")).toBe(`<${base}&page=2>; rel="next", <${base}&page=3>; rel="last"`);
    expect((await events(1, "?per_page=40&page=3")).map((e) => e.label?.name)).toEqual(labels.slice(80));
    expect(await events(1, "?per_page=500")).toHaveLength(100);
    expect(await events(1)).toHaveLength(30);
    const created = (await events(1, "?per_page=100&page=2")).map((e) => e.created_at);
    expect(created).toEqual([...created].sort());
    expect((await api("GET", "/repos/acme/soc/issues/2/events")).status).toBe(404);
    expect(gh.violations).toEqual([]);
  });

  it("answers a reply that validates against GitHub's issue-event-for-issue schema", async () => {
    await api("POST", "/repos/acme/soc/issues", { title: "x", labels: ["l"], assignees: ["alice"] });
    await api("PATCH", "/repos/acme/soc/issues/1", { title: "y", labels: [], assignees: [], state: "closed" });
    await api("PATCH", "/repos/acme/soc/issues/1", { state: "open" });
    const list = await events(1);
    expect(list.map((e) => e.event).sort()).toEqual(
      ["assigned", "closed", "labeled", "renamed", "reopened", "unassigned", "unlabeled"].sort(),
    );
    const lookup = findOperation("GET", "/repos/acme/soc/issues/1/events");
    if (lookup.kind !== "ok") throw new Error("no such operation");
    expect(lookup.match.operationId).toBe("issues/list-events");
    expect(validateResponse(lookup.match, 200, list)).toEqual([]);
    // the check has teeth: an event without its time fails it
    const broken = list.map((e, i) => (i === 0 ? { ...e, created_at: undefined } : e));
    expect(validateResponse(lookup.match, 200, JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
    expect(gh.violations).toEqual([]);
  });

  it("act(): a person's change, recorded as theirs at the given time, with their comment", async () => {
    gh.addIssue({ title: "x", labels: ["status:New"], updated_at: at(0) });
    gh.act("alice", 1, {
      labels: { add: ["classification:TruePositive"], remove: ["STATUS:new", "absent"] },
      assignees: ["alice"],
      comment: "malware, confirmed",
      at: new Date(T0 + 60_000),
    });
    now = T0 + 120_000;
    gh.act("bob", 1, { state: "closed", stateReason: "completed" });
    const issue = gh.issue(1);
    expect(issue).toMatchObject({ labels: ["classification:TruePositive"], assignees: ["alice"], state: "closed", state_reason: "completed", updated_at: at(120), closed_at: at(120) });
    expect(gh.comments).toMatchObject([{ issue_number: 1, body: "malware, confirmed", user: "alice", created_at: at(60) }]);
    expect(brief(await events(1))).toEqual([
      `labeled classification:TruePositive by alice at ${at(60)}`,
      `unlabeled status:New by alice at ${at(60)}`,
      `assigned alice by alice at ${at(60)}`,
      `closed completed by bob at ${at(120)}`,
    ]);
    const json = (await api("GET", "/repos/acme/soc/issues/1")).json as { closed_by: { login: string }; updated_at: string };
    expect(json.closed_by.login).toBe("bob");
    // reopening (and a backdated change) are recorded too, oldest first in the listing
    gh.act("carol", 1, { state: "open", at: new Date(T0 + 180_000) });
    gh.act("dave", 1, { title: "renamed", at: new Date(T0 + 30_000) });
    expect(brief(await events(1)).map((line) => line.split(" by ")[0])).toEqual([
      "renamed x -> renamed",
      "labeled classification:TruePositive",
      "unlabeled status:New",
      "assigned alice",
      "closed completed",
      "reopened reopened",
    ]);
    expect(gh.labels.get("classification:truepositive")?.name).toBe("classification:TruePositive");
    expect(() => gh.act("alice", 99, { state: "closed" })).toThrow(/#99/);
    expect(() => gh.act("alice", 1, { stateReason: "not_planned" })).toThrow(/stateReason/);
    expect(gh.violations).toEqual([]);
  });

  it("act() with only a comment moves updated_at and records no event", async () => {
    gh.addIssue({ title: "x", updated_at: at(0) });
    gh.act("alice", 1, { comment: "looking", at: new Date(T0 + 5_000) });
    expect(gh.issue(1)?.updated_at).toBe(at(5));
    expect(gh.events).toEqual([]);
    const since = await api("GET", `/repos/acme/soc/issues?since=${at(5)}`);
    expect(numbers(since.json)).toEqual([1]);
  });
});
