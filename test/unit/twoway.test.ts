import { describe, expect, it } from "vitest";
import { decideField, decideTwoWay, type IssueTriage, type Triage } from "../../src/issue/twoway.ts";
import { readRecord, recordLine, withRecord } from "../../src/issue/record.ts";

const T0 = new Date("2026-12-01T10:00:00Z");
const T1 = new Date("2026-12-01T11:00:00Z");
const T2 = new Date("2026-12-01T12:00:00Z");

type Row = [name: string, field: keyof Triage, agreed: unknown, issue: unknown, alert: unknown, times: { issueChangedAt?: Date; alertChangedAt: Date | null }, expected: unknown];

// Each row: what was agreed (undefined: no record), what the issue expresses (undefined: nothing),
// what the alert holds now, and the decision.
const rows: Row[] = [
  ["equal values are agreement", "classification", "TruePositive", "TruePositive", "TruePositive", { alertChangedAt: T1 }, { kind: "agreed", value: "TruePositive" }],
  ["equal values without a record are agreement too", "classification", undefined, "FalsePositive", "FalsePositive", { alertChangedAt: T1 }, { kind: "agreed", value: "FalsePositive" }],
  ["changed on GitHub only: goes to Defender", "classification", "TruePositive", "FalsePositive", "TruePositive", { alertChangedAt: T1 }, { kind: "to-defender", value: "FalsePositive" }],
  ["changed in Defender only: comes to the issue", "classification", "TruePositive", "TruePositive", "FalsePositive", { alertChangedAt: T1 }, { kind: "to-github", value: "FalsePositive" }],
  ["changed on both, GitHub later: GitHub's wins", "classification", null, "FalsePositive", "TruePositive", { issueChangedAt: T2, alertChangedAt: T1 }, { kind: "to-defender", value: "FalsePositive" }],
  ["changed on both, Defender later: Defender's wins", "classification", null, "FalsePositive", "TruePositive", { issueChangedAt: T0, alertChangedAt: T1 }, { kind: "to-github", value: "TruePositive" }],
  ["changed on both at the same time: GitHub's stands", "classification", null, "FalsePositive", "TruePositive", { issueChangedAt: T1, alertChangedAt: T1 }, { kind: "to-defender", value: "FalsePositive" }],
  ["changed on both, the issue's time unknown: asks for it", "classification", null, "FalsePositive", "TruePositive", { alertChangedAt: T1 }, { kind: "needs-time" }],
  ["no record: what the issue expresses goes to Defender", "classification", undefined, "FalsePositive", "TruePositive", { alertChangedAt: T1 }, { kind: "to-defender", value: "FalsePositive" }],
  ["no record: what the issue does not express comes from Defender", "classification", undefined, undefined, "TruePositive", { alertChangedAt: T1 }, { kind: "to-github", value: "TruePositive" }],
  ["nothing on either side is agreement on none", "classification", undefined, undefined, null, { alertChangedAt: T1 }, { kind: "agreed", value: null }],
  ["a label the triager removed, Defender unchanged: nothing either way", "classification", "TruePositive", undefined, "TruePositive", { alertChangedAt: T1 }, { kind: "unchanged" }],
  ["a label the triager removed, then Defender changed: Defender's comes back", "classification", "TruePositive", undefined, "FalsePositive", { alertChangedAt: T1 }, { kind: "to-github", value: "FalsePositive" }],
  ["an open issue agrees with New and InProgress", "status", "New", "Open", "InProgress", { alertChangedAt: T1 }, { kind: "agreed", value: "InProgress" }],
  ["resolved in Defender, issue open: comes to the issue", "status", "InProgress", "Open", "Resolved", { alertChangedAt: T1 }, { kind: "to-github", value: "Resolved" }],
  ["closed on GitHub: Resolved goes to Defender", "status", "New", "Resolved", "New", { alertChangedAt: T1 }, { kind: "to-defender", value: "Resolved" }],
  ["reopened on GitHub without a status label: InProgress goes to Defender", "status", "Resolved", "Open", "Resolved", { alertChangedAt: T1 }, { kind: "to-defender", value: "InProgress" }],
  ["reactivated in Defender, issue closed: comes to the issue", "status", "Resolved", "Resolved", "New", { alertChangedAt: T1 }, { kind: "to-github", value: "New" }],
  ["a status label and Defender moved apart: Defender's comes to the label", "status", "New", "New", "InProgress", { alertChangedAt: T1 }, { kind: "to-github", value: "InProgress" }],
  ["no record, open issue without a status label, resolved alert: the issue is closed", "status", undefined, "Open", "Resolved", { alertChangedAt: T1 }, { kind: "to-github", value: "Resolved" }],
  ["no record, open issue with a status label, resolved alert: the label goes to Defender", "status", undefined, "InProgress", "Resolved", { alertChangedAt: T1 }, { kind: "to-defender", value: "InProgress" }],
  ["no record, closed issue, open alert: Resolved goes to Defender", "status", undefined, "Resolved", "New", { alertChangedAt: T1 }, { kind: "to-defender", value: "Resolved" }],
  ["determinations compare across spellings", "determination", "NotMalicious", "NotMalicious", "Clean", { alertChangedAt: T1 }, { kind: "agreed", value: "Clean" }],
  ["owners compare case-insensitively", "owner", "Ana@Contoso.com", "ana@contoso.com", "ANA@contoso.com", { alertChangedAt: T1 }, { kind: "agreed", value: "ANA@contoso.com" }],
  ["reassigned in Defender: comes to the issue", "owner", "ana@contoso.com", "ana@contoso.com", "Automation", { alertChangedAt: T1 }, { kind: "to-github", value: "Automation" }],
  ["assigned on GitHub: goes to Defender", "owner", null, "ana@contoso.com", null, { alertChangedAt: T1 }, { kind: "to-defender", value: "ana@contoso.com" }],
];

describe("decideField", () => {
  it.each(rows)("%s", (_name, field, agreed, issue, alert, times, expected) => {
    expect(decideField(field, agreed as never, issue as never, alert as never, times)).toEqual({ field, ...(expected as object) });
  });
});

describe("no agreed state, an open issue without a status label, a resolved alert", () => {
  it("takes Defender's status: the issue is closed", () => {
    const issue: IssueTriage = { status: "Open" };
    const alert: Triage = { status: "Resolved", classification: "FalsePositive", determination: null, owner: null };
    const decision = decideTwoWay(undefined, issue, alert, { alertChangedAt: T1 });
    expect(decision.fields.find((f) => f.field === "status")).toEqual({ field: "status", kind: "to-github", value: "Resolved" });
  });
});

describe("decideTwoWay", () => {
  it("decides each field on its own and says what both sides then agree on", () => {
    const agreed: Triage = { status: "New", classification: null, determination: null, owner: "ana@contoso.com" };
    const issue: IssueTriage = { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "ana@contoso.com" };
    const alert: Triage = { status: "New", classification: null, determination: null, owner: "bo@contoso.com" };
    const decision = decideTwoWay(agreed, issue, alert, { alertChangedAt: T1 });
    expect(decision.fields).toEqual([
      { field: "status", kind: "to-defender", value: "Resolved" },
      { field: "classification", kind: "to-defender", value: "TruePositive" },
      { field: "determination", kind: "to-defender", value: "Malware" },
      { field: "owner", kind: "to-github", value: "bo@contoso.com" },
    ]);
    expect(decision.agreed).toEqual({ status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "bo@contoso.com" });
  });

  it("keeps the agreed value of a field nobody changed the issue's way back", () => {
    const agreed: Triage = { status: "New", classification: "TruePositive", determination: null, owner: null };
    const decision = decideTwoWay(agreed, { status: "Open" }, agreed, { alertChangedAt: T1 });
    expect(decision.agreed).toEqual(agreed);
  });
});

describe("the record of agreement", () => {
  const record = { triage: { status: "Resolved", classification: "TruePositive", determination: "Malware", owner: "ana@contoso.com" } as Triage, commentsUntil: "2026-12-01T10:00:00.5Z", issueComments: 2 };

  it("is one hidden line that reads back as written", () => {
    const line = recordLine(record);
    expect(line).toMatch(/^<!-- defender-issues-agreed: \{.*\} -->$/);
    expect(readRecord(`body\n\n${line}\n`)).toEqual(record);
  });

  it("replaces the body's record, or is added as its last line, keeping every other line", () => {
    const body = "<!-- defender-alert-id: da1 -->\r\nEdited by a triager\r\n";
    const once = withRecord(body, record);
    expect(once).toBe(`<!-- defender-alert-id: da1 -->\nEdited by a triager\n\n${recordLine(record)}\n`);
    const next = { ...record, commentsUntil: null };
    expect(withRecord(once, next)).toBe(`<!-- defender-alert-id: da1 -->\nEdited by a triager\n\n${recordLine(next)}\n`);
  });

  it("cannot end its comment early, whatever the owner holds", () => {
    const hostile = { ...record, triage: { ...record.triage, owner: "x --> <img src=x> <!--" } };
    const line = recordLine(hostile);
    expect(line.indexOf("-->")).toBe(line.length - 3);
    expect(readRecord(line)).toEqual(hostile);
  });

  it.each([
    ["no record", "body"],
    ["two records", `${recordLine(record)}\n${recordLine(record)}`],
    ["not JSON", "<!-- defender-issues-agreed: {status: Resolved} -->"],
    ["an unknown status", recordLine({ ...record, triage: { ...record.triage, status: "Closed" as never } })],
    ["an unknown classification", recordLine({ ...record, triage: { ...record.triage, classification: "Benign" as never } })],
    ["an unknown determination", recordLine({ ...record, triage: { ...record.triage, determination: "Apt" } })],
    ["a malformed time", recordLine({ ...record, commentsUntil: "yesterday" })],
    ["a negative comment count", recordLine({ ...record, issueComments: -1 })],
    ["an array", "<!-- defender-issues-agreed: [] -->"],
  ])("is none when the body holds %s", (_name, body) => {
    expect(readRecord(body)).toBeUndefined();
  });
});
