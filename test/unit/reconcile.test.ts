import { describe, expect, it } from "vitest";
import type { AlertIssue } from "../../src/github/store.ts";
import { noneUpdatedBefore } from "../../src/modes/reconcile.ts";

const issue = (number: number, createdAt: string): AlertIssue => ({
  number,
  alertId: `A${number}`,
  url: "",
  author: "github-actions[bot]",
  state: "open",
  stateReason: null,
  createdAt: new Date(createdAt),
  labels: [],
  assignees: [],
  comments: 0,
  record: undefined,
});

describe("noneUpdatedBefore", () => {
  it("is 31 days before the oldest issue: its alert was created within pull's longest lookback before it", () => {
    expect(noneUpdatedBefore([issue(1, "2026-12-01T10:00:00Z"), issue(2, "2026-11-20T06:30:00Z"), issue(3, "2026-11-28T00:00:00Z")])?.toISOString()).toBe("2026-10-20T06:30:00.000Z");
  });

  it("is undefined for no issues", () => {
    expect(noneUpdatedBefore([])).toBeUndefined();
  });
});
