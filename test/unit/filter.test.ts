import { describe, expect, it } from "vitest";
import { alertFilter, incidentsFilter, odataString, odataTime, severitiesFrom, updatedAlertFilter } from "../../src/endpoint/filter.ts";
import { parseFilter } from "../emulators/defender.ts";

const since = new Date("2026-11-24T18:00:00.123Z");
const until = new Date("2026-11-25T18:00:00.987Z");

describe("alertFilter", () => {
  it("bounds the window on both sides with unquoted whole-second UTC times", () => {
    expect(alertFilter({ since, until, minSeverity: "Informational", statuses: [] })).toBe(
      "alertCreationTime ge 2026-11-24T18:00:00Z and alertCreationTime lt 2026-11-25T18:00:00Z",
    );
  });

  it("adds no severity clause for Informational, which admits UnSpecified too", () => {
    expect(alertFilter({ since, until, minSeverity: "Informational", statuses: ["New"] })).not.toContain("severity");
  });

  it("lists the severities at or above the minimum as an or-chain", () => {
    expect(alertFilter({ since, until, minSeverity: "Medium", statuses: [] })).toBe(
      "alertCreationTime ge 2026-11-24T18:00:00Z and alertCreationTime lt 2026-11-25T18:00:00Z and (severity eq 'Medium' or severity eq 'High')",
    );
  });

  it("uses a bare comparison for a single value", () => {
    expect(alertFilter({ since, until, minSeverity: "High", statuses: ["New"] })).toBe(
      "alertCreationTime ge 2026-11-24T18:00:00Z and alertCreationTime lt 2026-11-25T18:00:00Z and severity eq 'High' and status eq 'New'",
    );
  });

  it("parenthesises the user's clause so its or cannot widen ours", () => {
    const filter = alertFilter({ since, until, minSeverity: "Low", statuses: ["New", "InProgress"], extra: "category eq 'Malware' or category eq 'Ransomware'" });
    expect(filter).toBe(
      "alertCreationTime ge 2026-11-24T18:00:00Z and alertCreationTime lt 2026-11-25T18:00:00Z and (severity eq 'Low' or severity eq 'Medium' or severity eq 'High') and (status eq 'New' or status eq 'InProgress') and (category eq 'Malware' or category eq 'Ransomware')",
    );
  });
});

describe("updatedAlertFilter", () => {
  it("bounds the window on lastUpdateTime, with the same filters and the user's clause in alert field names", () => {
    const filter = updatedAlertFilter({ since, until, minSeverity: "High", statuses: ["New"], extra: "category eq 'Malware'" });
    expect(filter).toBe("lastUpdateTime ge 2026-11-24T18:00:00Z and lastUpdateTime lt 2026-11-25T18:00:00Z and severity eq 'High' and status eq 'New' and (category eq 'Malware')");
    expect(() => parseFilter(filter)).not.toThrow();
  });
});

describe("incidentsFilter", () => {
  it("or-chains the incidents, their IDs as the numbers the API's incidentId holds", () => {
    const filter = incidentsFilter(["48213", "7"]);
    expect(filter).toBe("incidentId eq 48213 or incidentId eq 7");
    expect(() => parseFilter(filter)).not.toThrow();
  });

  it("quotes an ID that is not a number rather than write it into the query as it is", () => {
    expect(incidentsFilter(["7 or id ne 'x'"])).toBe("incidentId eq '7 or id ne ''x'''");
  });
});

describe("OData literals", () => {
  it("doubles single quotes in strings", () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
  });
  it("drops milliseconds from times", () => {
    expect(odataTime(new Date("2026-01-02T03:04:05.999Z"))).toBe("2026-01-02T03:04:05Z");
  });
  it("orders severities with UnSpecified below Informational", () => {
    expect(severitiesFrom("Informational")).toEqual(["Informational", "Low", "Medium", "High"]);
    expect(severitiesFrom("High")).toEqual(["High"]);
  });
});
