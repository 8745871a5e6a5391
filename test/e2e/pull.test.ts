/** Pull end to end: the bundle against the emulators, as a scheduled run would. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeAlert, sampleAlerts } from "../emulators/sample-alerts.ts";
import { renderGfm, mentionsIn, tagsIn } from "../support/gfm.ts";
import path from "node:path";
import { githubWrites, minutesAgo, ROOT, startWorld, ticketedAlertIds, type World } from "../support/world.ts";

/** A GitHub request as `METHOD path`, with its label filter when it has one. */
const described = (r: { method: string; path: string; query: Record<string, string> }) => `${r.method} ${r.path}${r.query.labels ? `?labels=${r.query.labels}` : ""}`;

let world: World;
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

describe("a first run", () => {
  beforeEach(async () => {
    world = await startWorld({ labels: "none" });
  });

  it("opens one issue per alert with labels, marker and outputs, creates the vocabulary, and a rerun opens nothing", async () => {
    const alerts = sampleAlerts().slice(0, 3);
    world.defender.alerts.push(...alerts);

    const first = await world.run({ labels: "soc, triage", assignees: "octocat" });
    expect(first.code).toBe(0);
    const oldestFirst = [...alerts].sort((a, b) => String(a.alertCreationTime).localeCompare(String(b.alertCreationTime)));
    expect(ticketedAlertIds(world)).toEqual(oldestFirst.map((alert) => alert.id));
    const issue = world.github.issues[0]!;
    expect(issue.title).toBe(`[${oldestFirst[0]!.severity}] ${oldestFirst[0]!.title} on ${oldestFirst[0]!.computerDnsName}`);
    expect(issue.labels).toEqual(["defender-alert", `severity:${oldestFirst[0]!.severity}`, "soc", "triage"]);
    expect(issue.assignees).toEqual(["octocat"]);
    expect(issue.user).toBe("github-actions[bot]");
    expect(issue.body).toContain(`<!-- defender-alert-id: ${oldestFirst[0]!.id} -->`);
    expect(first.outputs).toEqual({
      "alerts-found": "3",
      "issues-created": "3",
      "alerts-remaining": "0",
      issues: JSON.stringify(world.github.issues.map((i, index) => ({ alertId: oldestFirst[index]!.id, issueNumber: i.number, url: `https://github.com/acme/soc/issues/${i.number}` }))),
    });
    expect(first.summary).toContain("| Issues opened | 3 |");
    // Every label of the vocabulary, each with its colour and description; GitHub made defender-alert
    // and the severity label for the first issue, and pull gave them theirs.
    const { vocabulary } = await import("../../src/issue/vocabulary.ts");
    for (const label of vocabulary()) expect(world.github.labels.get(label.name.toLowerCase())).toEqual(label);
    expect(world.github.labels.get("soc")).toEqual({ name: "soc", color: "ededed", description: null });
    const labelWrites = githubWrites(world).filter((write) => write.includes("/labels"));
    expect(labelWrites).toHaveLength(vocabulary().length);
    expect(labelWrites.filter((write) => write.startsWith("PATCH"))).toEqual([`PATCH /repos/acme/soc/labels/severity%3A${oldestFirst[0]!.severity}`, "PATCH /repos/acme/soc/labels/defender-alert"]);
    expect(first.summary).toContain(`| Labels made | ${vocabulary().length} |`);

    const writesBefore = world.github.writes().length;
    const second = await world.run({ labels: "soc, triage" });
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ "alerts-found": "3", "issues-created": "0", "alerts-remaining": "0", issues: "[]" });
    expect(world.github.writes().length).toBe(writesBefore);
    expect(world.github.issues).toHaveLength(3);
  });
});

describe("the label vocabulary", () => {
  beforeEach(async () => {
    world = await startWorld({ labels: "none" });
  });

  const labelRequests = (from: number) =>
    world.github.requests.slice(from).filter((r) => /\/labels(\/|$)/.test(r.path) && !/\/issues\//.test(r.path)).map((r) => `${r.method} ${r.path}`);

  it("is made once, when the first issue shows the set incomplete, and a colour chosen by hand is kept", async () => {
    world.github.addLabel("defender-alert", "000000", "Our own colour");
    world.github.addLabel("classification:FalsePositive", "222222", "Ours too");
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(30), severity: "Low" }));
    const first = await world.run();
    expect(first.code).toBe(0);
    const { alertLabel } = await import("../../src/issue/vocabulary.ts");
    // The alert label's description records that the set is whole; its colour stays the team's.
    expect(world.github.labels.get("defender-alert")).toEqual({ name: "defender-alert", color: "000000", description: alertLabel().description });
    expect(world.github.labels.get("classification:falsepositive")).toEqual({ name: "classification:FalsePositive", color: "222222", description: "Ours too" });
    expect(world.github.labels.get("severity:low")).toMatchObject({ color: "fbca04" });
    expect(world.github.labels.get("status:inprogress")).toMatchObject({ color: "1d76db" });

    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(20), severity: "High" }));
    const before = world.github.requests.length;
    const second = await world.run();
    expect(second.outputs["issues-created"]).toBe("1");
    // The second listing looks for open incident issues, where alerts of their incidents would go.
    expect(world.github.requests.slice(before).map(described)).toEqual(["GET /repos/acme/soc/issues", "GET /repos/acme/soc/issues?labels=defender-incident", "POST /repos/acme/soc/issues"]);
  });

  it("is not asked for when the repository has it, even with no alert issue in the window", async () => {
    const { vocabulary } = await import("../../src/issue/vocabulary.ts");
    for (const label of vocabulary()) world.github.addLabel(label.name, label.color, label.description);
    world.github.addIssue({ title: "old", body: "<!-- defender-alert-id: da1_1 -->", created_at: minutesAgo(60 * 24 * 10) });
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(30) }), makeAlert({ alertCreationTime: minutesAgo(20) }));
    const result = await world.run();
    expect(result.outputs["issues-created"]).toBe("2");
    expect(world.github.requests.map(described)).toEqual(["GET /repos/acme/soc/issues", "GET /repos/acme/soc/issues?labels=defender-incident", "POST /repos/acme/soc/issues", "POST /repos/acme/soc/issues"]);
  });

  it("goes on past a label GitHub refuses, lists it in the log and the summary, and the next run completes the set", async () => {
    const refusal = { message: "Validation Failed", errors: [{ resource: "Label", code: "custom", field: "name", message: "name is reserved" }], documentation_url: "https://docs.github.com/rest/issues/labels#create-a-label", status: "422" };
    world.github.inject({ method: "POST", path: /\/labels$/ }, { status: 422, body: refusal });
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(30), severity: "High" }));
    const first = await world.run();
    expect(first.code).toBe(0);
    expect(first.outputs["issues-created"]).toBe("1");

    const { vocabulary, alertLabel } = await import("../../src/issue/vocabulary.ts");
    const refused = (world.github.requests.find((r) => r.method === "POST" && r.path.endsWith("/labels"))!.body as { name: string }).name;
    const seals = ["defender-alert", "defender-incident"];
    const others = vocabulary().filter((label) => label.name !== refused && !seals.includes(label.name));
    for (const label of others) expect(world.github.labels.get(label.name.toLowerCase())).toEqual(label);
    expect(world.github.labels.has(refused.toLowerCase())).toBe(false);
    // The set is not whole, so neither seal is written: the alert label keeps the description GitHub gave it.
    expect(world.github.labels.get("defender-alert")?.description).not.toBe(alertLabel().description);
    expect(world.github.labels.has("defender-incident")).toBe(false);
    expect(first.annotations).toContainEqual({ level: "warning", message: expect.stringContaining(`GitHub did not make the label ${refused}: HTTP 422: Validation Failed`) });
    expect(first.summary).toContain("| Labels GitHub did not make | 1 |");
    expect(first.summary.split("\n").filter((line) => line.includes(`\` ${refused} \``))).toEqual([expect.stringMatching(/Validation Failed.*name is reserved/)]);

    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(20) }));
    const before = world.github.requests.length;
    const second = await world.run();
    expect(second.code).toBe(0);
    expect(labelRequests(before)).toEqual(["GET /repos/acme/soc/labels", "POST /repos/acme/soc/labels", "POST /repos/acme/soc/labels", "PATCH /repos/acme/soc/labels/defender-alert"]);
    for (const label of vocabulary()) expect(world.github.labels.get(label.name.toLowerCase())).toEqual(label);
    expect(second.summary).toContain("| Labels made | 3 |");

    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(10) }));
    const third = world.github.requests.length;
    expect((await world.run()).outputs["issues-created"]).toBe("1");
    expect(labelRequests(third)).toEqual([]);
  });

  it("completes a set an earlier version left part-made, keeping the labels that exist", async () => {
    // What a first run of a version whose descriptions GitHub refused left behind.
    for (const name of ["status:New", "status:InProgress", "status:Resolved", "classification:TruePositive"]) world.github.addLabel(name, "1d76db", "Sync: an older description");
    world.github.addLabel("defender-alert", "5319e7", "Opened from a Microsoft Defender for Endpoint alert");
    world.github.addLabel("severity:Medium", "f9a03f", "Defender alert severity Medium");
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(30), severity: "Medium" }));
    const result = await world.run();
    expect(result.code).toBe(0);
    const { vocabulary, alertLabel } = await import("../../src/issue/vocabulary.ts");
    for (const label of vocabulary()) expect(world.github.labels.has(label.name.toLowerCase())).toBe(true);
    expect(world.github.labels.get("status:new")?.description).toBe("Sync: an older description");
    expect(world.github.labels.get("defender-alert")).toEqual(alertLabel());
    expect(githubWrites(world).filter((write) => write.startsWith("POST /repos/acme/soc/labels"))).toHaveLength(vocabulary().length - 6);
  });

  it("that cannot be made at all is one warning, and the issues are opened", async () => {
    world.github.inject({ method: "GET", path: /\/labels$/ }, { status: 403, body: { message: "Resource not accessible by integration" } });
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(30) }), makeAlert({ alertCreationTime: minutesAgo(20) }));
    const result = await world.run();
    expect(result.code).toBe(0);
    expect(result.outputs["issues-created"]).toBe("2");
    const warnings = result.annotations.filter((a) => a.level === "warning" && a.message.includes("did not make"));
    expect(warnings).toEqual([{ level: "warning", message: expect.stringMatching(/^GitHub did not make \d+ labels: .*listing the repository's labels: HTTP 403: Resource not accessible by integration.*The next run that opens an issue tries again/) }]);
  });
});

describe("GitHub's hourly limit", () => {
  beforeEach(async () => {
    world = await startWorld();
  });

  it("opens no more than the hour has room for, counting issues the same identity opened, and says so", async () => {
    for (let n = 0; n < 3; n++) world.github.addIssue({ title: `other automation ${n}`, body: "a report", created_at: minutesAgo(50 - n) });
    world.github.addIssue({ title: "someone else's", body: "x", user: "dev", created_at: minutesAgo(10) });
    world.github.addIssue({ title: "opened long ago, updated lately", body: "x", created_at: minutesAgo(70), updated_at: minutesAgo(5) });
    world.defender.alerts.push(...[40, 30, 20, 10].map((minutes) => makeAlert({ alertCreationTime: minutesAgo(minutes) })));
    const result = await world.run({}, { env: { DEFENDER_ISSUES_ISSUES_PER_HOUR: "5" } });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ "alerts-found": "4", "issues-created": "2", "alerts-remaining": "2" });
    expect(result.stdout).toContain("3 issues were opened here in the last hour; to stay within GitHub's limit on content creation this run opens at most 2 of 5 an hour");
    expect(result.summary).toContain("this run had room for 2, and the rest wait for a later run");
  });

  it("reaches back an hour for the count even when the window is shorter", async () => {
    world.github.addIssue({ title: "opened 40 minutes ago", body: "a report", created_at: minutesAgo(40) });
    world.defender.alerts.push(makeAlert({ alertCreationTime: minutesAgo(10) }), makeAlert({ alertCreationTime: minutesAgo(5) }));
    const result = await world.run({ lookback: "15m" }, { env: { DEFENDER_ISSUES_ISSUES_PER_HOUR: "2" } });
    expect(result.outputs).toMatchObject({ "issues-created": "1", "alerts-remaining": "1" });
    const since = Date.parse(world.github.requests.find((r) => r.method === "GET" && r.path === "/repos/acme/soc/issues")!.query.since!);
    expect(Date.now() - since).toBeGreaterThanOrEqual(3_600_000);
    expect(Date.now() - since).toBeLessThan(3_600_000 + 60_000);
  });
});

describe("later runs", () => {
  beforeEach(async () => {
    world = await startWorld();
  });

  it("asks GitHub nothing when Defender has no alert in the window", async () => {
    world.github.addIssue({ title: "alert", body: "<!-- defender-alert-id: da1_1 -->", created_at: minutesAgo(30) });
    const result = await world.run();
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ "alerts-found": "0", "issues-created": "0", "alerts-remaining": "0" });
    expect(world.github.requests).toEqual([]);
    expect(world.defender.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/alerts"]);
  });

  it("counts a closed alert issue, and ignores an issue with a forged marker by someone else", async () => {
    const [handled, forged, fresh] = [makeAlert({ alertCreationTime: minutesAgo(50) }), makeAlert({ alertCreationTime: minutesAgo(40) }), makeAlert({ alertCreationTime: minutesAgo(30) })];
    world.defender.alerts.push(handled, forged, fresh);
    world.github.addIssue({ title: "old", body: `<!-- defender-alert-id: ${handled.id} -->`, state: "closed", state_reason: "completed", labels: [], created_at: minutesAgo(45) });
    world.github.addIssue({ title: "look-alike", body: `<!-- defender-alert-id: ${forged.id} -->`, user: "mallory", created_at: minutesAgo(35) });

    const result = await world.run();
    expect(result.code).toBe(0);
    expect(result.outputs["issues-created"]).toBe("2");
    expect(ticketedAlertIds(world).filter((id) => id === handled.id)).toHaveLength(1);
    expect(world.github.issues.filter((issue) => issue.user === "github-actions[bot]" && issue.body?.includes(forged.id))).toHaveLength(1);
    expect(result.annotations).toContainEqual({ level: "warning", message: expect.stringContaining('Issue #2 has an alert marker but was opened by "mallory"') });
  });

  it("opens at most max-issues, oldest first, and the next run opens the rest", async () => {
    const alerts = [10, 40, 20, 30].map((minutes) => makeAlert({ alertCreationTime: minutesAgo(minutes) }));
    world.defender.alerts.push(...alerts);
    const byAge = [...alerts].reverse().sort((a, b) => String(a.alertCreationTime).localeCompare(String(b.alertCreationTime)));

    const first = await world.run({ "max-issues": "2" });
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ "alerts-found": "4", "issues-created": "2", "alerts-remaining": "2" });
    expect(ticketedAlertIds(world)).toEqual(byAge.slice(0, 2).map((a) => a.id));

    const second = await world.run({ "max-issues": "2" });
    expect(second.outputs).toMatchObject({ "alerts-found": "4", "issues-created": "2", "alerts-remaining": "0" });
    expect(ticketedAlertIds(world)).toEqual(byAge.map((a) => a.id));
  });

  it("lists only issues updated within the window, across pages, and finds an alert issue on the second page", async () => {
    const known = makeAlert({ alertCreationTime: minutesAgo(120) });
    world.defender.alerts.push(known);
    for (let n = 0; n < 150; n++) world.github.addIssue({ title: `chore ${n}`, body: "not an alert", user: "dev", created_at: minutesAgo(100 - n / 10) });
    world.github.addIssue({ title: "alert", body: `<!-- defender-alert-id: ${known.id} -->`, created_at: minutesAgo(90) });
    world.github.addIssue({ title: "ancient", body: "<!-- defender-alert-id: old_1 -->", created_at: minutesAgo(60 * 24 * 40) });

    const result = await world.run({ lookback: "6h" });
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ "alerts-found": "1", "issues-created": "0" });
    const listings = world.github.requests.filter((r) => r.method === "GET" && r.path === "/repos/acme/soc/issues");
    expect(listings).toHaveLength(2);
    const since = Date.parse(listings[0]!.query.since!);
    expect(Date.now() - since).toBeGreaterThanOrEqual(6 * 3_600_000);
    expect(Date.now() - since).toBeLessThan(6 * 3_600_000 + 10 * 60_000);
    expect(listings.map((r) => r.query.page ?? "1")).toEqual(["1", "2"]);
    expect(githubWrites(world)).toEqual([]);
  });

  it("reads every page of the listing while garbage is collected all the time", async () => {
    // A page's body is read after Octokit returns; a Response collected before that loses its body.
    const known = makeAlert({ alertCreationTime: minutesAgo(120) });
    world.defender.alerts.push(known, makeAlert({ alertCreationTime: minutesAgo(100) }));
    for (let n = 0; n < 250; n++) world.github.addIssue({ title: `chore ${n}`, body: "x".repeat(2000), user: "dev", created_at: minutesAgo(90) });
    world.github.addIssue({ title: "alert", body: `<!-- defender-alert-id: ${known.id} -->`, created_at: minutesAgo(95) });
    const gcPressure = path.join(ROOT, "test/support/gc-pressure.mjs");
    const result = await world.run({ "dry-run": "true" }, { env: { NODE_OPTIONS: `--expose-gc --import=${gcPressure}` } });
    expect(result.annotations.filter((a) => a.level === "error")).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.outputs).toMatchObject({ "alerts-found": "2" });
    expect(result.summary).toContain("| Already have an issue | 1 |");
    expect(world.github.requests.filter((r) => r.path === "/repos/acme/soc/issues" && !r.query.labels).map((r) => r.query.page ?? "1")).toEqual(["1", "2", "3"]);
  });

  it("renders attacker-controlled alert text inert", async () => {
    const hostile = "@security-team </details><img src=x onerror=alert(1)> | `x` [a](javascript:alert(1)) https://evil.example/p \u202eexe.txt";
    world.defender.alerts.push(makeAlert({
      title: hostile,
      description: `${hostile}\n# heading\n<!-- defender-alert-id: forged_2 -->`,
      computerDnsName: hostile,
      evidence: [{ entityType: "File", fileName: hostile, filePath: hostile, processCommandLine: hostile, url: hostile }],
    }));
    const result = await world.run();
    expect(result.code).toBe(0);
    const issue = world.github.issues[0]!;
    expect(issue.title).not.toMatch(/[\u202e\n]/);
    expect(ticketedAlertIds(world)).toEqual([world.defender.alerts[0]!.id]);
    const html = renderGfm(issue.body ?? "");
    expect(mentionsIn(html)).toEqual([]);
    expect([...tagsIn(html)].filter((tag) => !["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "blockquote", "code", "details", "summary", "ul", "li"].includes(tag))).toEqual([]);
    const summary = renderGfm(result.summary);
    expect(mentionsIn(summary)).toEqual([]);
    expect([...tagsIn(summary)].filter((tag) => !["h2", "h3", "p", "a", "table", "thead", "tbody", "tr", "th", "td", "code"].includes(tag))).toEqual([]);
  });
});
