import { describe, expect, it } from "vitest";
import { alertHash, lists, listedLine, RECORD_MAX, readListedAlerts, listedAlerts, withoutAlerts } from "../../src/issue/incident-record.ts";
import type { Alert } from "../../src/source/alert.ts";

const alert = (id: string, minute = 0): Alert => ({ id, createdAt: new Date(Date.UTC(2026, 11, 1, 10, minute)) } as Alert);

describe("the record of listed alerts", () => {
  it("round-trips: every alert written is listed, another is not", () => {
    const alerts = [alert("da1"), alert("fa9b8e3a1c-7d2f-4b6e-a1c0-3f5e7d9b2a41"), alert("sn6e7f8a9b")];
    const record = readListedAlerts(`body\n\n${listedLine(alerts)}\n`)!;
    expect(alerts.every((a) => lists(record, a))).toBe(true);
    expect(lists(record, alert("da2"))).toBe(false);
    expect(record.since).toBeNull();
  });

  it("is a hidden line of sorted eight-digit hashes", () => {
    expect(listedLine([alert("b"), alert("a")])).toBe(`<!-- defender-issues-alerts: ${[alertHash("a"), alertHash("b")].sort().join(" ")} -->`);
    expect(alertHash("da637551227677560813_-961444813")).toMatch(/^[0-9a-f]{8}$/);
  });

  it("keeps each record's own hashes when thousands are read together, short and long", () => {
    const idsOf = (n: number) => Array.from({ length: 1 + ((n * 7) % 9) + (n % 500 === 0 ? 1_500 : 0) }, (_, i) => `da${n}_${i}`);
    const records = Array.from({ length: 5_000 }, (_, n) => readListedAlerts(listedLine(idsOf(n).map((id) => alert(id))))!);
    for (const [n, record] of records.entries()) expect(Array.from(record.hashes)).toEqual(Array.from(listedAlerts(idsOf(n)).hashes));
  });

  it("keeps the newest alerts within its room, and counts older ones as listed", () => {
    const many = Array.from({ length: 3_000 }, (_, i) => alert(`da${i}`, i));
    const line = listedLine(many);
    expect(line.length).toBeLessThanOrEqual(RECORD_MAX);
    const record = readListedAlerts(line)!;
    expect(record.since).not.toBeNull();
    expect(many.every((a) => lists(record, a))).toBe(true);
    expect(lists(record, alert("late", 2_999))).toBe(false);
  });

  it("is none when missing, repeated or malformed", () => {
    const line = listedLine([alert("a")]);
    expect(readListedAlerts("no record")).toBeUndefined();
    expect(readListedAlerts(`${line}\n${line}`)).toBeUndefined();
    expect(readListedAlerts("<!-- defender-issues-alerts: xyz -->")).toBeUndefined();
    expect(readListedAlerts(`text ${line}`)).toBeUndefined();
    expect(readListedAlerts(`${line} trailing`)).toBeUndefined();
  });

  it("reads a body with CRLF or CR line ends, and a valid record beside a broken one", () => {
    const alerts = [alert("a1"), alert("a2")];
    const line = listedLine(alerts);
    for (const end of ["\r\n", "\r"]) {
      const record = readListedAlerts(`head${end}${end}${line}${end}`)!;
      expect(alerts.every((a) => lists(record, a))).toBe(true);
      expect(lists(record, alert("a3"))).toBe(false);
    }
    const record = readListedAlerts(`<!-- defender-issues-alerts: xyz -->\n${line}`)!;
    expect(alerts.every((a) => lists(record, a))).toBe(true);
  });

  it("reads every hash the line holds, whatever its digits", () => {
    const ids = Array.from({ length: 500 }, (_, i) => `fa${i.toString(36)}`);
    const record = readListedAlerts(listedLine(ids.map((id) => alert(id))))!;
    expect(record.hashes).toEqual(listedAlerts(ids).hashes);
    expect(Array.from(record.hashes, (hash) => hash.toString(16).padStart(8, "0"))).toEqual([...new Set(ids.map(alertHash))].sort());
  });
});

describe("withoutAlerts", () => {
  it("drops the alerts from the record and keeps the rest of the body and the record's time", () => {
    const body = `head\n\n${listedLine([alert("a1"), alert("a2"), alert("a3")])}\n`;
    const out = withoutAlerts(body, ["a2", "zz"]);
    expect(out.startsWith("head\n\n")).toBe(true);
    const record = readListedAlerts(out)!;
    expect(record.hashes).toEqual(listedAlerts(["a1", "a3"]).hashes);
    const cut = `<!-- defender-issues-alerts: ${alertHash("a1")} ${alertHash("a2")} since=2026-12-01T00:00:00.000Z -->`;
    expect(withoutAlerts(cut, ["a1"])).toBe(`<!-- defender-issues-alerts: ${alertHash("a2")} since=2026-12-01T00:00:00.000Z -->`);
  });

  it("leaves a body without a single record as it is", () => {
    expect(withoutAlerts("no record", ["a1"])).toBe("no record");
    const two = `${listedLine([alert("a1")])}\n${listedLine([alert("a1")])}`;
    expect(withoutAlerts(two, ["a1"])).toBe(two);
  });
});
