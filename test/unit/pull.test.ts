import { describe, expect, it } from "vitest";
import { hourlyRoom } from "../../src/modes/pull.ts";

describe("hourlyRoom", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  it("leaves the budget less the issues opened within the last hour", () => {
    expect(hourlyRoom([], now, 400)).toBe(400);
    expect(hourlyRoom([ago(1), ago(59), ago(60), ago(61), ago(600)], now, 400)).toBe(398);
  });

  it("never goes below nothing", () => {
    expect(hourlyRoom([ago(1), ago(2), ago(3)], now, 2)).toBe(0);
    expect(hourlyRoom([ago(1)], now, 0)).toBe(0);
  });
});
