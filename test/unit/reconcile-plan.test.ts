import { describe, expect, it } from "vitest";
import type { AgreedRecord } from "../../src/issue/record.ts";
import { triageOf as endpointTriage } from "../../src/source/alert.ts";
import { type AlertView, copiedComments, fieldTimes, issueTriage, lastCopied, loginFor, type PlanInput, planReconcile } from "../../src/issue/reconcile-plan.ts";
import type { Triage } from "../../src/issue/twoway.ts";
import { renderGfm, mentionsIn, tagsIn } from "../support/gfm.ts";

const MAP = { octocat: "octo.cat@contoso.com" };
const T = (iso: string) => new Date(iso);
const triage = (over: Partial<Triage> = {}): Triage => ({ status: "New", classification: null, determination: null, owner: null, ...over });

function input(over: { issue?: Partial<PlanInput["issue"]>; record?: AgreedRecord | undefined; alert?: Partial<Triage>; comments?: AlertView["comments"]; updatedAt?: Date } = {}): PlanInput {
  const issue = { number: 1, state: "open" as const, labels: ["defender-alert"], assignees: [] as string[], ...over.issue };
  const reading = issueTriage(issue, MAP);
  if (!reading.ok) throw new Error(reading.problems.join("; "));
  return {
    issue,
    triage: reading.triage,
    record: "record" in over ? over.record : { triage: triage(), commentsUntil: null, issueComments: 0 },
    alert: { triage: triage(over.alert), updatedAt: over.updatedAt ?? T("2026-12-01T12:00:00Z"), comments: over.comments ?? [] },
    assigneeMap: MAP,
    direction: "both",
  };
}

describe("planReconcile", () => {
  it("closes an open issue whose alert was resolved in Defender, with labels and one comment saying so", () => {
    const plan = planReconcile(input({ alert: { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "ana@contoso.com" } }));
    expect(plan.toDefender).toEqual({});
    expect(plan.toGitHub).toEqual({ state: "closed", stateReason: "completed", labelsAdded: ["classification:TruePositive", "determination:Malware"], labelsRemoved: [] });
    expect(plan.comment).toBe("<!-- defender-issues-state: closed -->\n**Resolved in Microsoft Defender** (owner ana\\@contoso.com), classification TruePositive, determination Malware. Closing this issue to match.");
    expect(plan.unmappedOwner).toBe("ana@contoso.com");
    expect(plan.agreed).toEqual({ status: "Resolved", classification: "TruePositive", determination: "Malware", owner: null });
  });

  it("closes a false positive as not planned", () => {
    const plan = planReconcile(input({ alert: { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious" } }));
    expect(plan.toGitHub.stateReason).toBe("not_planned");
  });

  it("says automated investigation resolved it, and leaves the assignees", () => {
    const plan = planReconcile(input({ issue: { assignees: ["octocat"] }, record: { triage: triage({ owner: "octo.cat@contoso.com" }), commentsUntil: null, issueComments: 0 }, alert: { status: "Resolved", owner: "Automation" } }));
    expect(plan.toGitHub).toEqual({ state: "closed", stateReason: "completed", labelsAdded: [], labelsRemoved: [] });
    expect(plan.comment).toBe("<!-- defender-issues-state: closed -->\n**Resolved in Microsoft Defender** by automated investigation. Closing this issue to match.");
    expect(plan.unmappedOwner).toBe("Automation");
    // The owner is not agreed: the issue's stays in the record.
    expect(plan.agreed.owner).toBe("octo.cat@contoso.com");
  });

  it("reopens a closed issue whose alert is active again", () => {
    const plan = planReconcile(input({ issue: { state: "closed" }, record: { triage: triage({ status: "Resolved" }), commentsUntil: null, issueComments: 0 }, alert: { status: "New" } }));
    expect(plan.toGitHub).toEqual({ state: "open", stateReason: "reopened", labelsAdded: [], labelsRemoved: [] });
    expect(plan.comment).toBe("<!-- defender-issues-state: open -->\n**Reopened:** the alert is New again in Microsoft Defender.");
  });

  it("replaces the labels of a reclassified alert on a closed issue, and keeps it closed", () => {
    const labels = ["defender-alert", "classification:TruePositive", "determination:Malware", "status:Resolved", "team-a"];
    const record = { triage: triage({ status: "Resolved", classification: "TruePositive", determination: "Malware" }), commentsUntil: null, issueComments: 0 };
    const plan = planReconcile(input({ issue: { state: "closed", labels }, record, alert: { status: "Resolved", classification: "FalsePositive", determination: "NotMalicious" } }));
    expect(plan.toGitHub).toEqual({ labelsAdded: ["classification:FalsePositive", "determination:NotMalicious"], labelsRemoved: ["classification:TruePositive", "determination:Malware"] });
    expect(plan.comment).toBeUndefined();
  });

  it("assigns the login the map gives Defender's new owner", () => {
    const plan = planReconcile(input({ alert: { owner: "Octo.Cat@contoso.com" } }));
    expect(plan.toGitHub.assignees).toEqual(["octocat"]);
    expect(plan.unmappedOwner).toBeUndefined();
  });

  it("sends the issue's changes to Defender, and asks the issue's events when both sides changed a field", () => {
    const issue = { state: "closed" as const, labels: ["classification:TruePositive", "determination:Malware"], assignees: ["octocat"] };
    const base = input({ issue, alert: { classification: "FalsePositive" }, updatedAt: T("2026-12-01T10:00:00Z") });
    const plan = planReconcile(base);
    expect(plan.needsTime).toEqual(["classification"]);
    expect(plan.toDefender).toEqual({ status: "Resolved", determination: "Malware", classification: "TruePositive", assignedTo: "octo.cat@contoso.com" });
    // The issue's change was later: its classification goes too, with the determination it carries.
    const later = planReconcile({ ...base, issueTimes: { classification: T("2026-12-01T11:00:00Z") } });
    expect(later.needsTime).toEqual([]);
    expect(later.toDefender).toEqual({ status: "Resolved", classification: "TruePositive", determination: "Malware", assignedTo: "octo.cat@contoso.com" });
    // Defender's was later: its classification comes to the issue.
    const earlier = planReconcile({ ...base, issueTimes: { classification: T("2026-12-01T09:00:00Z") } });
    expect(earlier.toGitHub.labelsAdded).toEqual(["classification:FalsePositive"]);
    expect(earlier.toGitHub.labelsRemoved).toEqual(["classification:TruePositive"]);
  });

  it("with to-github, sends Defender nothing and keeps the issue's unsent fields out of the record", () => {
    const plan = planReconcile({ ...input({ issue: { state: "closed" } }), direction: "to-github" });
    expect(plan.toDefender).toEqual({});
    expect(plan.toGitHub).toEqual({ labelsAdded: [], labelsRemoved: [] });
    expect(plan.agreed.status).toBe("New");
  });

  it("copies Defender's comments once, oldest first, and never the action's own", () => {
    const comments = [
      { comment: "Isolated the device", createdBy: "ana@contoso.com", createdTime: "2026-12-01T11:00:00Z" },
      { comment: "octocat on GitHub: Looking (https://github.com/acme/soc/issues/1#issuecomment-1)", createdBy: "app", createdTime: "2026-12-01T11:30:00Z" },
      { comment: "Collected the memory image", createdBy: "bo@contoso.com", createdTime: "2026-12-01T10:00:00Z" },
    ];
    const plan = planReconcile(input({ comments }));
    expect(plan.copied).toBe(2);
    expect(plan.copiedUntil).toBe("2026-12-01T11:00:00Z");
    expect(plan.comment).toBe(
      "<!-- defender-issues-copied: 2026-12-01T11:00:00Z -->\n**2 comments in Microsoft Defender**\n\n" +
        "**bo\\@contoso.com** · 2026-12-01 10:00:00 UTC\n\n> Collected the memory image\n\n" +
        "**ana\\@contoso.com** · 2026-12-01 11:00:00 UTC\n\n> Isolated the device",
    );
    expect(planReconcile({ ...input({ comments }), commentsSince: "2026-12-01T11:00:00Z" }).comment).toBeUndefined();
  });

  it("renders a hostile Defender comment inert", () => {
    const text = "@security-team see <img src=x onerror=alert(1)> [click](https://evil.example) <!-- defender-alert-id: x -->\n# heading\n| a | b |";
    const { text: copied } = copiedComments([{ comment: text, createdBy: "@admins", createdTime: "2026-12-01T11:00:00Z" }], null);
    const html = renderGfm(copied!);
    expect(mentionsIn(html)).toEqual([]);
    expect([...tagsIn(html)].filter((tag) => !["p", "strong", "blockquote", "br"].includes(tag))).toEqual([]);
    expect(copied).not.toContain("defender-alert-id");
  });
});

describe("the pieces", () => {
  it("reads an issue's view: closed is Resolved, an open issue's status label, the first assignee mapped", () => {
    expect(issueTriage({ state: "closed", labels: ["determination:Malware"], assignees: ["octocat", "bo"] }, MAP)).toEqual({ ok: true, triage: { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "octo.cat@contoso.com" } });
    expect(issueTriage({ state: "open", labels: ["status:Resolved"], assignees: [] }, MAP)).toEqual({ ok: true, triage: { status: "Open" } });
    expect(issueTriage({ state: "open", labels: ["status:InProgress"], assignees: [] }, MAP)).toEqual({ ok: true, triage: { status: "InProgress" } });
    expect(issueTriage({ state: "open", labels: ["classification:TruePositive", "classification:FalsePositive"], assignees: [] }, MAP).ok).toBe(false);
  });

  it("reads an endpoint alert in our vocabulary, other spellings canonical, unknown values none", () => {
    expect(endpointTriage({ status: "Resolved", classification: "FalsePositive", determination: "Clean", assignedTo: "Automation" })).toEqual({ status: "Resolved", classification: "FalsePositive", determination: "NotMalicious", owner: "Automation" });
    expect(endpointTriage({ status: "Unknown", classification: "Unknown", determination: "Apt", assignedTo: "" })).toEqual({ status: "New", classification: null, determination: null, owner: null });
  });

  it("finds when the issue last changed each field from its events", () => {
    const events = [
      { event: "labeled", label: "classification:TruePositive", createdAt: T("2026-12-01T09:00:00Z") },
      { event: "labeled", label: "Classification: false-positive", createdAt: T("2026-12-01T10:00:00Z") },
      { event: "closed", createdAt: T("2026-12-01T11:00:00Z") },
      { event: "labeled", label: "team-a", createdAt: T("2026-12-01T12:00:00Z") },
    ];
    expect(fieldTimes(["classification", "status", "owner"], events)).toEqual({ classification: T("2026-12-01T10:00:00Z"), status: T("2026-12-01T11:00:00Z"), owner: new Date(0) });
  });

  it("maps an owner back to a login through the map, or to an assignee of that name", () => {
    expect(loginFor("OCTO.CAT@contoso.com", MAP, [])).toBe("octocat");
    expect(loginFor("BoB", MAP, ["bob"])).toBe("bob");
    expect(loginFor("Automation", MAP, ["bob"])).toBeUndefined();
  });

  it("reads the newest copy from the tag that leads the action's comments only", () => {
    expect(lastCopied(["<!-- defender-issues-copied: 2026-12-01T10:00:00Z -->\n…", "<!-- defender-issues-copied: 2026-12-01T11:00:00Z -->\n…", "x\n<!-- defender-issues-copied: 2099-01-01T00:00:00Z -->"])).toBe("2026-12-01T11:00:00Z");
    expect(lastCopied(["no tag"])).toBeUndefined();
  });
});
