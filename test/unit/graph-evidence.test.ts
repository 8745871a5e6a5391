/** Graph evidence by type, as the evidence table shows it; any other type by its name and plain fields. */
import { describe, expect, it } from "vitest";
import { CLOUD_ROWS } from "../../src/graph/evidence-cloud.ts";
import { ROWS } from "../../src/graph/evidence-rows.ts";
import { graphEvidence } from "../../src/graph/evidence.ts";
import { type Entry, EVIDENCE_ROWS as ROW_CASES } from "../support/graph-evidence.ts";

// The types the sample alerts carry (their rows are checked in graph-alert.test.ts).
const IN_SAMPLES = [
  "deviceEvidence",
  "userEvidence",
  "fileEvidence",
  "processEvidence",
  "ipEvidence",
  "urlEvidence",
  "mailboxEvidence",
  "analyzedMessageEvidence",
  "cloudApplicationEvidence",
  "oauthApplicationEvidence",
  "registryKeyEvidence",
  "registryValueEvidence",
  "azureResourceEvidence",
];

const nameOf = (raw: Entry) => raw["@odata.type"].replace("#microsoft.graph.security.", "");

describe("evidence with a row of its own", () => {
  it("is every type the samples carry or this table shows, each once", () => {
    const named = [...IN_SAMPLES, ...ROW_CASES.map(([raw]) => nameOf(raw))];
    expect(new Set(named).size).toBe(named.length);
    expect(Object.keys({ ...ROWS, ...CLOUD_ROWS }).sort()).toEqual(named.sort());
  });

  it.each(ROW_CASES.map(([raw, row]) => [nameOf(raw), raw, row] as const))("%s", (_name, raw, row) => {
    expect(graphEvidence(raw)).toEqual({ kind: "other", shown: row });
  });

  it("names the type in any case of its namespace, with or without the #", () => {
    const [raw, row] = ROW_CASES.find(([r]) => nameOf(r) === "dnsEvidence")!;
    expect(graphEvidence({ ...raw, "@odata.type": "#Microsoft.Graph.Security.dnsEvidence" })?.shown).toEqual(row);
    expect(graphEvidence({ ...raw, "@odata.type": "microsoft.graph.security.dnsEvidence" })?.shown).toEqual(row);
  });
});

describe("the kind of evidence an incident gathers", () => {
  it.each([
    ["deviceEvidence", "device"],
    ["userEvidence", "user"],
    ["mailboxEvidence", "mailbox"],
    ["fileEvidence", "file"],
    ["processEvidence", "other"],
    ["analyzedMessageEvidence", "other"],
    ["mailboxConfigurationEvidence", "other"],
    ["fileHashEvidence", "other"],
    ["fancyNewEvidence", "other"],
    ["constructor", "other"],
  ] as const)("%s is of kind %s", (name, kind) => {
    expect(graphEvidence({ "@odata.type": `#microsoft.graph.security.${name}` })?.shown.kind).toBe(kind);
  });

  it("is other for a type outside the namespace", () => {
    expect(graphEvidence({ "@odata.type": "#contoso.deviceEvidence", deviceDnsName: "a" })?.shown.kind).toBe("other");
  });
});

describe("the verdict, roles and remediation every type carries", () => {
  it("are shown when they say something", () => {
    const raw = { "@odata.type": "#microsoft.graph.security.urlEvidence", url: "https://x.example", verdict: "malicious", roles: ["destination", "contextual"], remediationStatus: "blocked" };
    expect(graphEvidence(raw)?.shown.details).toEqual([{ label: "verdict", text: "malicious" }, { label: "role", text: "destination, contextual" }, { label: "remediation", text: "blocked" }]);
  });

  it("are left out when unknown, none or empty", () => {
    for (const verdict of ["unknown", "", null, 3]) {
      for (const remediationStatus of ["none", "unknown", "", null]) {
        expect(graphEvidence({ "@odata.type": "#microsoft.graph.security.urlEvidence", url: "https://x.example", verdict, roles: [], remediationStatus })?.shown.details).toEqual([]);
      }
    }
  });
});

describe("the device and the user the alert's table takes", () => {
  it("come from a device's DNS name, device ID and group", () => {
    const raw = { "@odata.type": "#microsoft.graph.security.deviceEvidence", deviceDnsName: "a.contoso.com", hostName: "a", mdeDeviceId: "f".repeat(40), rbacGroupName: "Servers" };
    expect(graphEvidence(raw)).toMatchObject({ kind: "device", deviceDnsName: "a.contoso.com", mdeDeviceId: "f".repeat(40), rbacGroupName: "Servers" });
  });

  it.each([
    [{ accountName: "jdoe", domainName: "CONTOSO", userPrincipalName: "jdoe@contoso.com" }, "CONTOSO\\jdoe"],
    [{ accountName: "jdoe", domainName: "contoso.com", userPrincipalName: "jdoe@contoso.com" }, "jdoe@contoso.com"],
    [{ accountName: "jdoe", domainName: "contoso.com" }, "contoso.com\\jdoe"],
    [{ accountName: "jdoe" }, "jdoe"],
    [{ userPrincipalName: "jdoe@contoso.com", displayName: "Jane Doe" }, "jdoe@contoso.com"],
    [{ displayName: "Jane Doe" }, "Jane Doe"],
    [{}, null],
    ["jdoe", null],
  ] as const)("come from a user's account: %j is %s", (userAccount, account) => {
    expect(graphEvidence({ "@odata.type": "#microsoft.graph.security.userEvidence", userAccount })).toMatchObject({ kind: "user", account, shown: { entity: account } });
  });
});

describe("evidence of a type without a row", () => {
  it("is shown by its name and its plain fields, in Graph's order, labelled by their names", () => {
    // aiAgentEvidence is in Microsoft's schema and not yet in its types package.
    const raw = { "@odata.type": "#microsoft.graph.security.aiAgentEvidence", createdDateTime: "2026-11-30T08:15:42.123Z", verdict: "suspicious", remediationStatus: "none", roles: [], tags: [], agentId: "agent-17", agentName: "Invoice helper", hostingPlatformType: "copilotStudio", instructions: "Summarise invoices." };
    expect(graphEvidence(raw)).toEqual({
      kind: "other",
      shown: {
        kind: "other",
        type: "aiAgent",
        entity: null,
        details: [
          { label: "agentId", code: "agent-17" },
          { label: "agentName", code: "Invoice helper" },
          { label: "hostingPlatformType", code: "copilotStudio" },
          { label: "instructions", code: "Summarise invoices." },
          { label: "verdict", text: "suspicious" },
        ],
      },
    });
  });

  it("leaves out nested and empty fields, names no field whose name is not a plain word, and shows six at most", () => {
    const raw = {
      "@odata.type": "#microsoft.graph.security.fancyNewEvidence",
      nested: { a: "b" },
      list: ["x"],
      empty: "",
      none: null,
      "x|y": "piped",
      "**bold**": "starred",
      count: 5,
      flag: false,
      infinite: Number.POSITIVE_INFINITY,
      a: "1",
      b: "2",
      c: "3",
    };
    expect(graphEvidence(raw)?.shown).toEqual({
      kind: "other",
      type: "fancyNew",
      entity: null,
      details: [{ code: "piped" }, { code: "starred" }, { label: "count", code: "5" }, { label: "flag", code: "false" }, { label: "a", code: "1" }, { label: "b", code: "2" }],
    });
  });

  it("is named by its whole type when outside the namespace, and 'Evidence' when it has none", () => {
    expect(graphEvidence({ "@odata.type": "#contoso.customEvidence", id: "1" })?.shown.type).toBe("#contoso.custom");
    expect(graphEvidence({ id: "1" })?.shown).toEqual({ kind: "other", type: "Evidence", entity: null, details: [{ label: "id", code: "1" }] });
  });

  it("is no evidence at all when it is not an object", () => {
    expect([null, "x", 1, [], true].map(graphEvidence)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
