import { afterEach, describe, expect, it, vi } from "vitest";
import { alertSchema, EndpointListedAlert, readListedAlert, toAlert } from "../../src/endpoint/alert.ts";
import { groupByIncident, incidentComments, incidentOf, namedInWindow } from "../../src/endpoint/incident.ts";
import { copiedComments } from "../../src/issue/reconcile-plan.ts";
import { makeAlert, sampleAlerts } from "../emulators/sample-alerts.ts";

const alert = (fields: Record<string, unknown>) => toAlert(alertSchema.parse(makeAlert(fields as never)));

/** The alert as a listing reads it from a page: its head, and its JSON's bytes. */
function listed(raw: Record<string, unknown>): EndpointListedAlert {
  const reading = readListedAlert(raw, Buffer.from(JSON.stringify(raw)));
  if (!reading.ok) throw new Error(reading.problem);
  return reading.alert;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("groupByIncident", () => {
  it("groups alerts by incidentId, oldest first within and across incidents, and leaves out alerts without one", () => {
    const alerts = [
      makeAlert({ id: "da3", incidentId: 7, alertCreationTime: "2026-12-01T10:03:00Z" }),
      makeAlert({ id: "da1", incidentId: 9, alertCreationTime: "2026-12-01T10:01:00Z" }),
      makeAlert({ id: "da2", incidentId: null, alertCreationTime: "2026-12-01T10:02:00Z" }),
      makeAlert({ id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z" }),
      makeAlert({ id: "da4", incidentId: 9, alertCreationTime: "2026-12-01T10:04:00Z" }),
    ];
    const incidents = groupByIncident(alerts.map(listed));
    expect(incidents.map((incident) => [incident.id, incident.alerts.map((a) => a.id)])).toEqual([
      ["7", ["da0", "da3"]],
      ["9", ["da1", "da4"]],
    ]);
  });

  it("reads no alert whole: each keeps what the incident shows, and its evidence gives what the whole alert's does", () => {
    const samples = sampleAlerts().map((sample, i) => ({ ...sample, incidentId: 7, alertCreationTime: `2026-12-01T10:0${i}:00Z` }));
    const readWhole = vi.spyOn(EndpointListedAlert.prototype, "read");
    const [incident] = groupByIncident(samples.map(listed));
    expect(incident!.alerts.map((a) => a.id)).toEqual(samples.map((sample) => sample.id));
    for (const [i, kept] of incident!.alerts.entries()) {
      const whole = toAlert(alertSchema.parse(samples[i]));
      expect(kept.evidence()).toEqual({ evidence: whole.evidence, device: whole.device, user: whole.user });
      expect(kept).toMatchObject({ title: whole.title, severity: whole.severity, status: whole.status, detectionSource: whole.detectionSource, tenantId: whole.tenantId, product: null, webUrl: null, serviceSource: null });
      expect([kept.createdAt, kept.firstActivity]).toEqual([whole.createdAt, whole.firstActivity]);
    }
    expect(samples.every((sample) => (sample as { evidence?: unknown[] }).evidence?.length)).toBe(true);
    expect(readWhole).not.toHaveBeenCalled();
  });

  it("reads an alert whose evidence is missing, null or not a list as having none", () => {
    const odd = [undefined, null, "none", { entityType: "File" }].map((evidence, i) => ({ ...makeAlert({ id: `da${i}`, incidentId: 7, alertCreationTime: `2026-12-01T10:0${i}:00Z` }), evidence }));
    const [incident] = groupByIncident(odd.map(listed));
    expect(incident!.alerts.map((a) => a.evidence().evidence)).toEqual([[], [], [], []]);
  });
});

describe("namedInWindow", () => {
  const since = new Date("2026-11-30T00:00:00.400Z");
  const until = new Date("2026-12-01T00:00:00.900Z");
  const head = (id: string, incidentId: string | null, created: string) => ({ id, createdAt: new Date(created), incidentId, read: () => { throw new Error("read"); } });

  it("names each incident once, shortest ID first, then in order, and keeps the alerts of none created within the window, to the second", () => {
    const names = namedInWindow({ since, until });
    for (const alert of [
      head("a", "10", "2026-11-30T01:00:00Z"),
      head("b", "9", "2026-11-30T01:00:00Z"),
      head("c", "10", "2026-11-20T01:00:00Z"),
      head("d", "100", "2026-11-30T01:00:00Z"),
      head("e", "11", "2026-11-30T01:00:00Z"),
      head("before", null, "2026-11-29T23:59:59.999Z"),
      head("first-second", null, "2026-11-30T00:00:00.000Z"),
      head("last-second", null, "2026-11-30T23:59:59.999Z"),
      head("until", null, "2026-12-01T00:00:00.000Z"),
    ]) names.take(alert);
    // An alert read twice (a page read again) counts once.
    names.take(head("first-second", null, "2026-11-30T00:00:00.000Z"));
    const { incidentIds, loose } = names.named();
    expect(incidentIds).toEqual(["9", "10", "11", "100"]);
    expect(loose.map((alert) => alert.id)).toEqual(["first-second", "last-second"]);
  });
});

describe("incidentOf", () => {
  const first = { id: "da0", incidentId: 7, alertCreationTime: "2026-12-01T10:00:00Z", title: "Suspicious PowerShell", severity: "Low", status: "New", lastUpdateTime: "2026-12-01T11:00:00Z" };

  it("is named by its first alert, as severe as its most severe, last updated when its latest alert was", () => {
    const incident = incidentOf("7", [alert(first), alert({ ...first, id: "da1", title: "Ransomware", severity: "High", lastUpdateTime: "2026-12-01T12:30:00Z" })]);
    expect(incident).toMatchObject({ id: "7", name: "Suspicious PowerShell", severity: "High", status: "New", redirectedTo: null, comments: [] });
    expect(incident.createdAt.toISOString()).toBe("2026-12-01T10:00:00.000Z");
    expect(incident.updatedAt?.toISOString()).toBe("2026-12-01T12:30:00.000Z");
  });

  it.each([
    [["Resolved", "Resolved"], "Resolved"],
    [["Resolved", "New"], "InProgress"],
    [["InProgress", "New"], "InProgress"],
    [["New", "New"], "New"],
  ])("alerts %j: %s", (statuses, status) => {
    expect(incidentOf("7", statuses.map((s, i) => alert({ ...first, id: `da${i}`, status: s }))).status).toBe(status);
  });

  it("takes a classification, determination and owner only when every alert has the same", () => {
    const same = { classification: "TruePositive", determination: "Malware", assignedTo: "soc@contoso.com" };
    expect(incidentOf("7", [alert({ ...first, ...same }), alert({ ...first, id: "da1", ...same })])).toMatchObject(same);
    expect(incidentOf("7", [alert({ ...first, ...same }), alert({ ...first, id: "da1", ...same, determination: "Phishing", assignedTo: null })])).toMatchObject({ classification: "TruePositive", determination: null, assignedTo: null });
  });
});

describe("incidentComments", () => {
  const at = (minute: number) => `2026-12-01T10:${String(minute).padStart(2, "0")}:00Z`;
  const said = (comment: string, minute: number, createdBy: string | null = "ana@contoso.com") => ({ comment, createdBy, createdTime: at(minute) });
  const on = (id: string, comments: unknown[]) => alert({ id, incidentId: 7, alertCreationTime: "2026-12-01T09:00:00Z", comments });

  it("gathers the alerts' comments oldest first, one copy of a comment made on several alerts at its earliest time, naming the alerts of one on only some", () => {
    const comments = incidentComments([
      on("da0", [said("Isolated the device", 5), said("Checked the hash", 1)]),
      on("da1", [said("Isolated the device", 3), said("Not the user", 7, "bo@contoso.com")]),
      on("da2", [said("Isolated the device", 4)]),
    ]);
    expect(comments).toEqual([
      { ...said("Checked the hash", 1), alertIds: ["da0"] },
      said("Isolated the device", 3),
      { ...said("Not the user", 7, "bo@contoso.com"), alertIds: ["da1"] },
    ]);
  });

  it("names three alerts at most on the issue", () => {
    const text = (alertIds: string[]) => copiedComments([{ ...said("Isolated", 1), alertIds }], null).text;
    expect(text(["da0", "da1"])).toContain("· 2026-12-01 10:01:00 UTC · on alerts ` da0 ` and ` da1 `\n\n> Isolated");
    expect(text(["da0", "da1", "da2", "da3", "da4"])).toContain("· on alerts ` da0 `, ` da1 `, ` da2 ` and 2 more\n\n");
  });

  it("keeps the same text by another author, and a second such comment on one alert, as comments of their own", () => {
    const comments = incidentComments([
      on("da0", [said("Escalated", 1), said("Escalated", 5)]),
      on("da1", [said("Escalated", 2), said("Escalated", 2, "bo@contoso.com")]),
    ]);
    expect(comments).toEqual([
      said("Escalated", 1),
      { ...said("Escalated", 2, "bo@contoso.com"), alertIds: ["da1"] },
      { ...said("Escalated", 5), alertIds: ["da0"] },
    ]);
  });

  it("counts an alert listed twice once, and names no alert when the incident has one", () => {
    const only = on("da0", [said("Isolated the device", 1)]);
    expect(incidentComments([only, only])).toEqual([said("Isolated the device", 1)]);
    expect(incidentOf("7", [only]).comments).toEqual([said("Isolated the device", 1)]);
  });

  it("is what an incident holds: the action's comment on each alert is one, and stays in Defender; a second reconcile copies nothing", () => {
    const own = "octocat on GitHub: Contained. (https://github.com/acme/soc/issues/1#issuecomment-1)";
    const incident = incidentOf("7", [
      on("da0", [said(own, 1, "app"), said("Reimaged", 4)]),
      on("da1", [said(own, 2, "app"), said("Reimaged", 3), said("Not the user", 6)]),
    ]);
    expect(incident.comments).toEqual([said(own, 1, "app"), said("Reimaged", 3), { ...said("Not the user", 6), alertIds: ["da1"] }]);
    const first = copiedComments(incident.comments, null);
    expect(first).toEqual({
      text: "**2 comments in Microsoft Defender**\n\n**ana\\@contoso.com** · 2026-12-01 10:03:00 UTC\n\n> Reimaged\n\n**ana\\@contoso.com** · 2026-12-01 10:06:00 UTC · on alert ` da1 `\n\n> Not the user",
      until: at(6),
      count: 2,
    });
    expect(copiedComments(incident.comments, first.until!)).toEqual({ text: undefined, until: undefined, count: 0 });
  });
});
