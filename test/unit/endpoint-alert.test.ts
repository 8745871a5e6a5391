/** The Endpoint API's evidence in our model: each entity type's kind, whatever its case. */
import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";

function evidenceOf(entries: unknown[]) {
  return toAlert(alertSchema.parse({ id: "da1_1", alertCreationTime: "2026-11-25T10:00:00Z", evidence: entries })).evidence;
}

describe("evidence kinds", () => {
  it.each([
    ["File", "file"],
    ["file", "file"],
    ["User", "user"],
    ["MailBox", "mailbox"],
    ["Machine", "device"],
    ["Process", "other"],
    ["Ip", "other"],
    ["Url", "other"],
    ["Registry", "other"],
    ["constructor", "other"],
    ["__proto__", "other"],
    [null, "other"],
  ] as const)("an entity of type %s is of kind %s", (entityType, kind) => {
    expect(evidenceOf([{ entityType, fileName: "x" }]).map((item) => item.kind)).toEqual([kind]);
  });

  it("keeps the row the evidence table shows", () => {
    expect(evidenceOf([{ entityType: "User", accountName: "jdoe", domainName: "CORP", userPrincipalName: "jdoe@contoso.com" }])).toEqual([
      { kind: "user", type: "User", entity: "CORP\\jdoe", details: [{ code: "jdoe@contoso.com" }] },
    ]);
  });
});
