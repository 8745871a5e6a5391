/** What pull asks Defender for, how it pages, and dry runs. */
import { afterEach, beforeEach, expect, it } from "vitest";
import { makeAlert } from "../emulators/sample-alerts.ts";
import { minutesAgo, startWorld, ticketedAlertIds, type World } from "../support/world.ts";

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  expect(world.github.violations).toEqual([]);
  await world.stop();
});

function listRequests() {
  return world.defender.requests.filter((r) => r.method === "GET" && r.path === "/api/alerts");
}

it("applies min-severity, statuses, the window and the extra filter in Defender's $filter", async () => {
  const wanted = makeAlert({ severity: "High", status: "New", category: "Malware", alertCreationTime: minutesAgo(30) });
  world.defender.alerts.push(
    wanted,
    makeAlert({ severity: "Medium", status: "New", category: "Malware", alertCreationTime: minutesAgo(31) }),
    makeAlert({ severity: "High", status: "Resolved", category: "Malware", alertCreationTime: minutesAgo(32) }),
    makeAlert({ severity: "High", status: "New", category: "Execution", alertCreationTime: minutesAgo(33) }),
    makeAlert({ severity: "High", status: "New", category: "Malware", alertCreationTime: minutesAgo(3 * 60) }),
    makeAlert({ severity: "UnSpecified", status: "New", category: "Malware", alertCreationTime: minutesAgo(34) }),
  );
  const result = await world.run({ "min-severity": "high", statuses: "New", filter: "category eq 'Malware'", lookback: "2h" });
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ "alerts-found": "1", "issues-created": "1" });
  expect(ticketedAlertIds(world)).toEqual([wanted.id]);
  const [request] = listRequests();
  expect(request!.query.$filter).toMatch(/^alertCreationTime ge \S+Z and alertCreationTime lt \S+Z and severity eq 'High' and status eq 'New' and \(category eq 'Malware'\)$/);
  expect(request!.query.$expand).toBe("evidence");
});

it("lets UnSpecified alerts through at the default Informational minimum only", async () => {
  world.defender.alerts.push(makeAlert({ severity: "UnSpecified", alertCreationTime: minutesAgo(5) }));
  const informational = await world.run({ "dry-run": "true" });
  expect(informational.outputs["alerts-found"]).toBe("1");
  const low = await world.run({ "dry-run": "true", "min-severity": "Low" });
  expect(low.outputs["alerts-found"]).toBe("0");
});

it("pages with $top/$skip until a short page, deduplicating by id", async () => {
  const alerts = Array.from({ length: 5 }, (_, n) => makeAlert({ alertCreationTime: minutesAgo(10 + n) }));
  world.defender.alerts.push(...alerts);
  const result = await world.run({ "dry-run": "true" }, { env: { DEFENDER_ISSUES_PAGE_SIZE: "2" } });
  expect(result.code).toBe(0);
  expect(result.outputs["alerts-found"]).toBe("5");
  expect(listRequests().map((r) => [r.query.$top, r.query.$skip])).toEqual([["2", undefined], ["2", "2"], ["2", "4"]]);
});

it("follows an @odata.nextLink on the API host", async () => {
  const [a, b] = [makeAlert({ alertCreationTime: minutesAgo(10) }), makeAlert({ alertCreationTime: minutesAgo(11) })];
  world.defender.alerts.push(a, b);
  world.defender.inject({ method: "GET", path: /^\/api\/alerts$/ }, {
    status: 200,
    body: { "@odata.context": `${world.defender.url}/api/$metadata#Alerts`, value: [a], "@odata.nextLink": `${world.defender.url}/api/alerts?$top=10000&$skip=0&$expand=evidence` },
  });
  const result = await world.run({ "dry-run": "true" });
  expect(result.outputs["alerts-found"]).toBe("2");
  expect(listRequests()).toHaveLength(2);
});

it("refuses a nextLink to another host rather than send it the token", async () => {
  world.defender.alerts.push(makeAlert());
  world.defender.inject({ method: "GET", path: /^\/api\/alerts$/ }, {
    status: 200,
    body: { value: [], "@odata.nextLink": "https://attacker.example/api/alerts?$skip=1" },
  });
  const result = await world.run({ "dry-run": "true" });
  expect(result.code).toBe(1);
  expect(result.annotations).toContainEqual({ level: "error", message: "Listing Defender alerts: the next page link points to another host (https://attacker.example); refusing to send the token there" });
});

it("in a dry run reads both APIs, writes nothing and says what it would open", async () => {
  const alerts = [makeAlert({ alertCreationTime: minutesAgo(20), title: "First" }), makeAlert({ alertCreationTime: minutesAgo(10), title: "Second" })];
  world.defender.alerts.push(...alerts);
  const result = await world.run({ "dry-run": "true", "max-issues": "1" });
  expect(result.code).toBe(0);
  expect(world.github.writes()).toEqual([]);
  expect(world.defender.requests.every((r) => r.method === "GET")).toBe(true);
  expect(result.outputs).toMatchObject({ "alerts-found": "2", "issues-created": "0", "alerts-remaining": "1", issues: "[]" });
  expect(result.summary).toContain("(dry run)");
  expect(result.summary).toContain("| Would open | 1 |");
  expect(result.summary).toContain("First on ws");
  expect(result.summary).not.toContain("Second on ws");
});

it("skips a malformed alert with a warning and opens the rest", async () => {
  const good = makeAlert({ alertCreationTime: minutesAgo(10) });
  world.defender.alerts.push(good, makeAlert({ id: "bad/../id", alertCreationTime: minutesAgo(11) }), makeAlert({ alertCreationTime: minutesAgo(12), severity: null }));
  const result = await world.run();
  expect(result.code).toBe(0);
  expect(result.outputs).toMatchObject({ "alerts-found": "3", "issues-created": "2" });
  expect(result.annotations).toContainEqual({ level: "warning", message: expect.stringMatching(/^Skipped malformed alert "bad\/\.\.\/id": id: /) });
  expect(result.summary).toContain("| Malformed, skipped | 1 |");
});
