import { describe, expect, it } from "vitest";
import { commentText, desiredAlert, difference, planIssueEvent } from "../../src/issue/changes.ts";
import { impliedClassification, readTriageLabels, sameDetermination } from "../../src/issue/triage.ts";

describe("readTriageLabels", () => {
  it("matches case-insensitively, ignoring spaces, - and _", () => {
    expect(readTriageLabels(["Classification: true-positive", "DETERMINATION:multi_staged attack", "status: in progress", "bug"])).toEqual({
      ok: true,
      fields: { status: "InProgress", classification: "TruePositive", determination: "MultiStagedAttack" },
    });
  });

  it("reads both spellings of a disputed determination as the first", () => {
    expect(readTriageLabels(["classification:FalsePositive", "determination:NoEnoughDataToValidate"])).toEqual({ ok: true, fields: { classification: "FalsePositive", determination: "InsufficientData" } });
    expect(readTriageLabels(["determination:CompromisedAccount"])).toEqual({ ok: true, fields: { classification: "TruePositive", determination: "CompromisedUser" } });
  });

  it("treats the same value twice as one label", () => {
    expect(readTriageLabels(["classification:TruePositive", "classification:true positive"])).toEqual({ ok: true, fields: { classification: "TruePositive" } });
  });

  it("reports two values for one field, unknown values and pairs outside the table", () => {
    expect(readTriageLabels(["classification:TruePositive", "classification:FalsePositive"])).toEqual({ ok: false, problems: ["two classification labels: TruePositive and FalsePositive"] });
    expect(readTriageLabels(["status:Closed"])).toEqual({ ok: false, problems: ["`status:Closed` is not a status sync knows"] });
    expect(readTriageLabels(["classification:FalsePositive", "determination:Phishing"])).toEqual({ ok: false, problems: ["determination Phishing does not go with classification FalsePositive"] });
  });

  it("does not read a look-alike label (Cyrillic о) as the real one", () => {
    expect(readTriageLabels(["classification:TruePоsitive"])).toEqual({ ok: false, problems: ["`classification:TruePоsitive` is not a classification sync knows"] });
  });

  it("implies the classification only when one fits", () => {
    expect(impliedClassification("Malware")).toBe("TruePositive");
    expect(impliedClassification("SecurityTesting")).toBe("InformationalExpectedActivity");
    expect(impliedClassification("Other")).toBeUndefined();
  });

  it("compares determinations across spellings", () => {
    expect(sameDetermination("NotMalicious", "Clean")).toBe(true);
    expect(sameDetermination("Malware", "Phishing")).toBe(false);
    expect(sameDetermination(null, undefined)).toBe(false);
  });
});

describe("planIssueEvent", () => {
  const open = { state: "open" as const, labels: [] as string[], assignees: [] as string[] };

  it("resolves on close, whatever the status label says", () => {
    expect(planIssueEvent("closed", { ...open, state: "closed", labels: ["status:New"] }, undefined, {})).toEqual({ kind: "send", changes: { status: "Resolved" } });
  });

  it("sets InProgress on reopen unless a status label says otherwise (but not Resolved)", () => {
    expect(planIssueEvent("reopened", open, undefined, {})).toEqual({ kind: "send", changes: { status: "InProgress" } });
    expect(planIssueEvent("reopened", { ...open, labels: ["status:New"] }, undefined, {})).toEqual({ kind: "send", changes: { status: "New" } });
    expect(planIssueEvent("reopened", { ...open, labels: ["status:Resolved"] }, undefined, {})).toEqual({ kind: "send", changes: { status: "InProgress" } });
  });

  it("maps an assignee, login case-insensitively", () => {
    expect(planIssueEvent("assigned", open, "OctoCat", { octocat: "octo@contoso.com" })).toEqual({ kind: "send", changes: { assignedTo: "octo@contoso.com" } });
  });

  it("sends nothing for unassigned or a label set that names no field", () => {
    expect(planIssueEvent("unassigned", open, "octocat", {}).kind).toBe("nothing");
    expect(planIssueEvent("labeled", { ...open, labels: ["bug"] }, undefined, {}).kind).toBe("nothing");
  });

  it("sends nothing when the label added or removed is not one sync reads, and the labels when it is", () => {
    const classified = { ...open, labels: ["classification:TruePositive", "needs-review"] };
    expect(planIssueEvent("labeled", classified, undefined, {}, "needs-review")).toEqual({ kind: "nothing", reason: 'the label "needs-review" is not one sync reads' });
    expect(planIssueEvent("unlabeled", { ...open, labels: ["classification:TruePositive"] }, undefined, {}, "needs-review").kind).toBe("nothing");
    expect(planIssueEvent("labeled", classified, undefined, {}, "Classification: true-positive")).toEqual({ kind: "send", changes: { classification: "TruePositive" } });
    expect(planIssueEvent("unlabeled", classified, undefined, {}, "determination:Malware")).toEqual({ kind: "send", changes: { classification: "TruePositive" } });
    // An edit re-sends what the labels say, as the table in SPEC.md has it.
    expect(planIssueEvent("edited", classified, undefined, {}, undefined)).toEqual({ kind: "send", changes: { classification: "TruePositive" } });
  });
});

describe("desiredAlert and difference", () => {
  it("describes a closed, classified, assigned issue", () => {
    expect(desiredAlert({ state: "closed", labels: ["determination:Phishing"], assignees: ["a", "b"] }, {})).toEqual({
      kind: "send",
      changes: { status: "Resolved", classification: "TruePositive", determination: "Phishing", assignedTo: "a" },
    });
  });

  it("keeps only what the alert lacks, across determination spellings and assignee case", () => {
    const wanted = { status: "Resolved" as const, classification: "FalsePositive" as const, determination: "NotMalicious", assignedTo: "Octo@contoso.com" };
    expect(difference(wanted, { status: "Resolved", classification: "FalsePositive", determination: "Clean", assignedTo: "octo@contoso.com" })).toEqual({});
    expect(difference(wanted, { status: "New", classification: "FalsePositive", determination: "Malware", assignedTo: null })).toEqual({
      status: "Resolved",
      classification: "FalsePositive",
      determination: "NotMalicious",
      assignedTo: "Octo@contoso.com",
    });
  });
});

describe("commentText", () => {
  it("names the author and links the comment", () => {
    expect(commentText("octocat", "  looks benign \n", "https://github.com/acme/soc/issues/1#issuecomment-1")).toBe("octocat on GitHub: looks benign (https://github.com/acme/soc/issues/1#issuecomment-1)");
  });
});
