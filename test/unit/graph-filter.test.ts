import { describe, expect, it } from "vitest";
import { fromGraph, graphAlertSchema } from "../../src/graph/alert.ts";
import { graphAlertFilter, graphIncidentFilter, passesAlertFilters, serviceSourceToGraph, SERVICE_SOURCES, updatedSinceFilter } from "../../src/graph/filter.ts";
import { incidentAlertOf } from "../../src/source/incident.ts";
import type { AlertWindow } from "../../src/source/source.ts";
import { parseFilter } from "../emulators/graph.ts";
import { makeGraphAlert, type GraphAlert } from "../emulators/sample-graph-alerts.ts";

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

describe("graphIncidentFilter", () => {
  it("bounds the window on lastUpdateDateTime and ANDs the user's clause, in incident field names, with no alert filter", () => {
    const window: AlertWindow = { since, until, minSeverity: "High", statuses: ["New"], serviceSources: ["microsoftDefenderForEndpoint"], extra: "status eq 'active' or severity eq 'high'" };
    expect(graphIncidentFilter(window)).toBe("lastUpdateDateTime ge 2026-11-24T18:00:00Z and lastUpdateDateTime lt 2026-11-25T18:00:00Z and (status eq 'active' or severity eq 'high')");
  });
});

describe("passesAlertFilters", () => {
  const alert = (fields: Partial<GraphAlert>) => incidentAlertOf(fromGraph(graphAlertSchema.parse(makeGraphAlert({ id: "A", ...fields }))));
  const window: AlertWindow = { since, until, minSeverity: "Informational", statuses: [] };

  it("passes every alert when the window filters nothing, Graph's unknown severity included", () => {
    expect(passesAlertFilters(alert({ severity: "unknown", status: "resolved" }), window)).toBe(true);
  });

  it("holds the alert to the minimum severity, UnSpecified counting lowest", () => {
    const medium = { ...window, minSeverity: "Medium" as const };
    expect(["unknown", "informational", "low", "medium", "high"].map((severity) => passesAlertFilters(alert({ severity: severity as GraphAlert["severity"] }), medium))).toEqual([false, false, false, true, true]);
  });

  it("holds the alert to the statuses in our spelling, and to the service sources whatever their case", () => {
    const chosen = { ...window, statuses: ["New", "InProgress"], serviceSources: ["MICROSOFTSENTINEL"] };
    expect(passesAlertFilters(alert({ status: "inProgress", serviceSource: "microsoftSentinel" }), chosen)).toBe(true);
    expect(passesAlertFilters(alert({ status: "resolved", serviceSource: "microsoftSentinel" }), chosen)).toBe(false);
    expect(passesAlertFilters(alert({ status: "new", serviceSource: "microsoftDefenderForEndpoint" }), chosen)).toBe(false);
  });
});
