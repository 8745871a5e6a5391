import { describe, expect, it } from "vitest";
import { graphAlertFilter, serviceSourceToGraph, SERVICE_SOURCES, updatedSinceFilter } from "../../src/graph/filter.ts";
import { parseFilter } from "../emulators/graph.ts";

const since = new Date("2026-11-24T18:00:00.123Z");
const until = new Date("2026-11-25T18:00:00.987Z");
const WINDOW = "createdDateTime ge 2026-11-24T18:00:00Z and createdDateTime lt 2026-11-25T18:00:00Z";

describe("graphAlertFilter", () => {
  it("bounds the window on createdDateTime with unquoted whole-second UTC times", () => {
    expect(graphAlertFilter({ since, until, minSeverity: "Informational", statuses: [] })).toBe(WINDOW);
  });

  it("adds no severity clause for Informational or UnSpecified, which admit Graph's unknown severity", () => {
    expect(graphAlertFilter({ since, until, minSeverity: "Informational", statuses: [] })).toBe(WINDOW);
    expect(graphAlertFilter({ since, until, minSeverity: "UnSpecified", statuses: [] })).toBe(WINDOW);
  });

  it("lists the severities at or above the minimum in Graph's spelling", () => {
    expect(graphAlertFilter({ since, until, minSeverity: "Low", statuses: [] })).toBe(
      `${WINDOW} and (severity eq 'low' or severity eq 'medium' or severity eq 'high')`,
    );
    expect(graphAlertFilter({ since, until, minSeverity: "High", statuses: [] })).toBe(`${WINDOW} and severity eq 'high'`);
  });

  it("spells our statuses as Graph does", () => {
    expect(graphAlertFilter({ since, until, minSeverity: "Informational", statuses: ["New", "InProgress", "Resolved", "Unknown"] })).toBe(
      `${WINDOW} and (status eq 'new' or status eq 'inProgress' or status eq 'resolved' or status eq 'unknown')`,
    );
  });

  it("takes service sources case-insensitively as the schema's members, and keeps an unknown one as given", () => {
    const window = { since, until, minSeverity: "Informational" as const, statuses: [], serviceSources: ["MicrosoftDefenderForOffice365", "MICROSOFTSENTINEL", "microsoftFutureThing"] };
    expect(graphAlertFilter(window)).toBe(
      `${WINDOW} and (serviceSource eq 'microsoftDefenderForOffice365' or serviceSource eq 'microsoftSentinel' or serviceSource eq 'microsoftFutureThing')`,
    );
    expect(graphAlertFilter({ ...window, serviceSources: [] })).toBe(WINDOW);
  });

  it("parenthesises the user's clause so its or cannot widen ours", () => {
    const filter = graphAlertFilter({
      since,
      until,
      minSeverity: "Medium",
      statuses: ["New"],
      serviceSources: ["microsoftDefenderForEndpoint"],
      extra: "assignedTo eq 'a@contoso.com' or assignedTo eq null",
    });
    expect(filter).toBe(
      `${WINDOW} and (severity eq 'medium' or severity eq 'high') and status eq 'new' and serviceSource eq 'microsoftDefenderForEndpoint' and (assignedTo eq 'a@contoso.com' or assignedTo eq null)`,
    );
  });

  it("writes filters that Graph's grammar accepts (the emulator's parser)", () => {
    const filter = graphAlertFilter({ since, until, minSeverity: "Low", statuses: ["New", "InProgress", "Resolved", "Unknown"], serviceSources: [...SERVICE_SOURCES] });
    expect(() => parseFilter(filter)).not.toThrow();
    expect(() => parseFilter(updatedSinceFilter(since))).not.toThrow();
  });
});

describe("serviceSourceToGraph", () => {
  it("matches every member of the schema whatever its case", () => {
    for (const member of SERVICE_SOURCES) expect(serviceSourceToGraph(member.toUpperCase())).toBe(member);
  });
});

describe("updatedSinceFilter", () => {
  it("reads alerts changed since a whole second at or before the time", () => {
    expect(updatedSinceFilter(since)).toBe("lastUpdateDateTime ge 2026-11-24T18:00:00Z");
  });
});
