/** Graph's enum spellings and ours: what Graph says reads in our words, what we send is in Graph's. */
import type { SecurityNamespace } from "@microsoft/microsoft-graph-types";
import { describe, expect, it } from "vitest";
import {
  classificationFromGraph,
  determinationFromGraph,
  severityFromGraph,
  severityToGraph,
  statusFromGraph,
  statusToGraph,
  toGraphChanges,
  toGraphIncidentChanges,
} from "../../src/graph/vocabulary.ts";
import { CLASSIFICATIONS, DETERMINATION_ALIASES, DETERMINATIONS, SEVERITIES, STATUSES } from "../../src/issue/vocabulary.ts";

// Every member of Microsoft's schema before `unknownFutureValue`, typed so that a value the schema
// does not have fails to compile.
const SEVERITY: Record<Exclude<SecurityNamespace.AlertSeverity, "unknownFutureValue">, string> = {
  unknown: "UnSpecified",
  informational: "Informational",
  low: "Low",
  medium: "Medium",
  high: "High",
};
const STATUS: Record<Exclude<SecurityNamespace.AlertStatus, "unknownFutureValue">, string> = {
  unknown: "Unknown",
  new: "New",
  inProgress: "InProgress",
  resolved: "Resolved",
};
const CLASSIFICATION: Record<Exclude<SecurityNamespace.AlertClassification, "unknownFutureValue">, string | null> = {
  unknown: null,
  falsePositive: "FalsePositive",
  truePositive: "TruePositive",
  informationalExpectedActivity: "InformationalExpectedActivity",
};
const DETERMINATION: Record<Exclude<SecurityNamespace.AlertDetermination, "unknownFutureValue">, string | null> = {
  unknown: null,
  apt: "Apt",
  malware: "Malware",
  securityPersonnel: "SecurityPersonnel",
  securityTesting: "SecurityTesting",
  unwantedSoftware: "UnwantedSoftware",
  other: "Other",
  multiStagedAttack: "MultiStagedAttack",
  compromisedAccount: "CompromisedUser",
  phishing: "Phishing",
  maliciousUserActivity: "MaliciousUserActivity",
  notMalicious: "NotMalicious",
  notEnoughDataToValidate: "InsufficientData",
  confirmedActivity: "ConfirmedActivity",
  lineOfBusinessApplication: "LineOfBusinessApplication",
};

const pascal = (value: string) => value[0]!.toUpperCase() + value.slice(1);

describe("reading Graph's values", () => {
  it.each(Object.entries(SEVERITY))("severity %s is %s", (graph, ours) => {
    expect(severityFromGraph(graph)).toBe(ours);
    expect(severityFromGraph(pascal(graph))).toBe(ours);
    expect(severityFromGraph(graph.toUpperCase())).toBe(ours);
  });

  it.each(Object.entries(STATUS))("status %s is %s", (graph, ours) => {
    expect(statusFromGraph(graph)).toBe(ours);
    expect(statusFromGraph(pascal(graph))).toBe(ours);
    expect(statusFromGraph(graph.toLowerCase())).toBe(ours);
  });

  it.each(Object.entries(CLASSIFICATION))("classification %s is %s", (graph, ours) => {
    expect(classificationFromGraph(graph)).toBe(ours);
    expect(classificationFromGraph(pascal(graph))).toBe(ours);
  });

  it.each(Object.entries(DETERMINATION))("determination %s is %s", (graph, ours) => {
    expect(determinationFromGraph(graph)).toBe(ours);
    expect(determinationFromGraph(pascal(graph))).toBe(ours);
  });

  it.each([
    ["compromisedUser", "CompromisedUser"],
    ["clean", "NotMalicious"],
    ["insufficientData", "InsufficientData"],
    ["confirmedUserActivity", "ConfirmedActivity"],
  ])("reads the documented spelling %s as %s", (graph, ours) => {
    expect(determinationFromGraph(graph)).toBe(ours);
  });

  it("reads every value of our vocabulary from some Graph value", () => {
    expect(SEVERITIES.filter((s) => !Object.values(SEVERITY).includes(s))).toEqual([]);
    expect(STATUSES.filter((s) => !Object.values(STATUS).includes(s))).toEqual([]);
    expect(CLASSIFICATIONS.filter((c) => !Object.values(CLASSIFICATION).includes(c))).toEqual([]);
    expect(DETERMINATIONS.filter((d) => !Object.values(DETERMINATION).includes(d))).toEqual([]);
  });

  it("reads nothing as none, and keeps a value it does not know as Graph wrote it", () => {
    for (const read of [severityFromGraph, statusFromGraph, classificationFromGraph, determinationFromGraph]) {
      expect([read(null), read(undefined), read("")]).toEqual([null, null, null]);
      expect(read("unknownFutureValue")).toBe("unknownFutureValue");
      expect(read("critical")).toBe("critical");
    }
  });

  it("does not take an inherited property for a value", () => {
    for (const read of [severityFromGraph, statusFromGraph, classificationFromGraph, determinationFromGraph]) {
      expect([read("constructor"), read("__proto__"), read("toString")]).toEqual(["constructor", "__proto__", "toString"]);
    }
  });
});

describe("writing in Graph's spelling", () => {
  it.each(Object.entries(SEVERITY))("severity %s is sent for %s", (graph, ours) => {
    expect(severityToGraph(ours as (typeof SEVERITIES)[number])).toBe(graph);
  });

  it.each(Object.entries(STATUS))("status %s is sent for %s", (graph, ours) => {
    expect(statusToGraph(ours)).toBe(graph);
    expect(toGraphChanges({ status: ours as (typeof STATUSES)[number] })).toEqual({ status: graph });
  });

  it.each(Object.entries(CLASSIFICATION).filter(([, ours]) => ours !== null))("classification %s is sent for %s", (graph, ours) => {
    expect(toGraphChanges({ classification: ours as (typeof CLASSIFICATIONS)[number] })).toEqual({ classification: graph });
  });

  it.each(Object.entries(DETERMINATION).filter(([, ours]) => ours !== null))("determination %s is sent for %s", (graph, ours) => {
    expect(toGraphChanges({ determination: ours! })).toEqual({ determination: graph });
  });

  // Our canonical spelling goes first, as the schema has it; our alias is the one fallback, as
  // Microsoft's update page spells it.
  it.each([
    ["CompromisedUser", "compromisedAccount"],
    ["CompromisedAccount", "compromisedUser"],
    ["InsufficientData", "notEnoughDataToValidate"],
    ["NoEnoughDataToValidate", "insufficientData"],
    ["NotMalicious", "notMalicious"],
    ["Clean", "clean"],
    ["ConfirmedActivity", "confirmedActivity"],
    ["ConfirmedUserActivity", "confirmedUserActivity"],
  ])("sends the disputed determination %s as %s", (ours, graph) => {
    expect(toGraphChanges({ determination: ours })).toEqual({ determination: graph });
  });

  it("has a fallback spelling for every alias of ours, and only for those", () => {
    expect(Object.values(DETERMINATION_ALIASES).sort()).toEqual(["Clean", "CompromisedAccount", "ConfirmedUserActivity", "NoEnoughDataToValidate"]);
    const schema = new Set(Object.keys(DETERMINATION));
    const fallbacks = Object.values(DETERMINATION_ALIASES).map((alias) => toGraphChanges({ determination: alias }).determination!);
    expect(fallbacks.filter((value) => schema.has(value))).toEqual([]);
  });

  it("sends every determination of our vocabulary as a member of the schema", () => {
    const schema = new Set(Object.keys(DETERMINATION));
    expect(DETERMINATIONS.map((d) => toGraphChanges({ determination: d }).determination).filter((value) => !schema.has(value!))).toEqual([]);
  });

  it("sends the owner and the comment as they are, and nothing for an empty change", () => {
    const comment = "octocat on GitHub: Contained. (https://github.com/acme/soc/issues/1#issuecomment-1)";
    expect(toGraphChanges({ status: "Resolved", classification: "TruePositive", determination: "Malware", assignedTo: "Jane.Doe@Contoso.com", comment })).toEqual({
      status: "resolved",
      classification: "truePositive",
      determination: "malware",
      assignedTo: "Jane.Doe@Contoso.com",
      comment,
    });
    expect(toGraphChanges({})).toEqual({});
  });

  it("sends a determination it has no spelling for as it is", () => {
    expect(toGraphChanges({ determination: "SomethingNew" })).toEqual({ determination: "SomethingNew" });
  });
});

describe("writing an incident change in Graph's spelling", () => {
  it("spells the statuses as the incident's (New is active), the rest as an alert's", () => {
    const comment = "octocat on GitHub: Contained. (https://github.com/acme/soc/issues/1#issuecomment-1)";
    expect(toGraphIncidentChanges({ status: "New" })).toEqual({ status: "active" });
    expect(toGraphIncidentChanges({ status: "InProgress" })).toEqual({ status: "inProgress" });
    expect(toGraphIncidentChanges({ status: "Resolved", classification: "FalsePositive", determination: "InsufficientData", assignedTo: "ana@contoso.com", comment })).toEqual({
      status: "resolved",
      classification: "falsePositive",
      determination: "notEnoughDataToValidate",
      assignedTo: "ana@contoso.com",
      comment,
    });
    expect(toGraphIncidentChanges({})).toEqual({});
  });
});
