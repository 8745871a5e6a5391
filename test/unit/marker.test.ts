import { describe, expect, it } from "vitest";
import { breakMarkerNames, breakMarkerNamesInUrl, incidentMarkerFor, isAlertId, isIncidentId, markerFor, readIssueMarker, readMarker } from "../../src/issue/marker.ts";

describe("marker", () => {
  it("round-trips an alert ID", () => {
    const id = "da638412345678901234_-1402987561";
    expect(markerFor(id)).toBe(`<!-- defender-alert-id: ${id} -->`);
    expect(readMarker(`intro\n${markerFor(id)}\nrest`)).toEqual({ kind: "one", alertId: id });
  });

  it("reads a marker in a body with Windows line endings", () => {
    expect(readMarker("a\r\n<!-- defender-alert-id: abc_1 -->\r\nb")).toEqual({ kind: "one", alertId: "abc_1" });
  });

  it("finds nothing in an empty or marker-less body", () => {
    expect(readMarker(null)).toEqual({ kind: "none" });
    expect(readMarker("just text <!-- defender-alert-id: abc --> inline")).toEqual({ kind: "none" });
  });

  it("refuses a body with two markers", () => {
    expect(readMarker("<!-- defender-alert-id: a1 -->\n<!-- defender-alert-id: a2 -->")).toEqual({ kind: "invalid", reason: "the body has 2 marker lines" });
  });

  it("refuses a marker whose ID is path-like or too long", () => {
    expect(readMarker("<!-- defender-alert-id: ../../machines -->").kind).toBe("invalid");
    expect(readMarker(`<!-- defender-alert-id: ${"a".repeat(129)} -->`).kind).toBe("invalid");
  });

  it("accepts the ID shapes Defender uses", () => {
    for (const id of ["da637472900382838869_1364969609", "636210704265059241_673569822", "faf8edc936-85f8-a603-b800-08d8525cf099", "caD70CFEE2-1F54-32DB-9988-3A868A1EBFAC"]) {
      expect(isAlertId(id)).toBe(true);
    }
    expect(isAlertId("a/b")).toBe(false);
    expect(() => markerFor("x y")).toThrow(/Not a Defender alert ID/);
  });

  it("breaks the alert and incident marker names in alert text, in any case, visibly", () => {
    expect(breakMarkerNames("cmd.exe /c echo <!-- defender-alert-id: x -->")).toBe("cmd.exe /c echo <!-- defender[-]alert-id: x -->");
    expect(breakMarkerNames("<!--DEFENDER-Incident-ID:7-->")).toBe("<!--DEFENDER[-]Incident-ID:7-->");
    expect(breakMarkerNames("defender-alert defender alert id")).toBe("defender-alert defender alert id");
  });

  it("breaks a name once, however often it is applied", () => {
    const once = breakMarkerNames("defender-alert-iddefender-alert-id");
    expect(once).toBe("defender[-]alert-iddefender[-]alert-id");
    expect(breakMarkerNames(once)).toBe(once);
  });

  it("reads the marker of a body whose alert text held broken marker names", () => {
    const body = `${markerFor("abc_1")}\n| x | \` <!-- defender[-]alert-id: evil --> \` |`;
    expect(readMarker(body)).toEqual({ kind: "one", alertId: "abc_1" });
  });

  it("reads an incident issue as no alert marker, so it is never taken for an alert issue", () => {
    expect(readMarker(`intro\n${incidentMarkerFor("48213")}\nrest`)).toEqual({ kind: "none" });
  });

  it("refuses a body with an alert marker and an incident marker", () => {
    expect(readMarker(`${markerFor("abc_1")}\n${incidentMarkerFor("48213")}`)).toEqual({ kind: "invalid", reason: "the body has 2 marker lines" });
  });

  it("refuses a body whose only marker is a malformed incident marker", () => {
    expect(readMarker("<!-- defender-incident-id: ../1 -->")).toEqual({ kind: "invalid", reason: "the marker's incident ID is malformed" });
  });
});

describe("incident marker", () => {
  it("round-trips an incident ID", () => {
    expect(incidentMarkerFor("48213")).toBe("<!-- defender-incident-id: 48213 -->");
    expect(readIssueMarker(`intro\n${incidentMarkerFor("48213")}\nrest`)).toEqual({ kind: "incident", incidentId: "48213" });
  });

  it("takes IDs of the alert ID's shape and refuses others", () => {
    for (const id of ["48213", "2972395", "faf8edc936-85f8-a603-b800-08d8525cf099", "a_b-C"]) expect(isIncidentId(id)).toBe(true);
    for (const id of ["", "a/b", "1 2", "x".repeat(129), "<b>"]) expect(isIncidentId(id)).toBe(false);
    expect(() => incidentMarkerFor("1 -->")).toThrow(/Not a Defender incident ID/);
  });
});

describe("readIssueMarker", () => {
  const alert = markerFor("abc_1");
  const incident = incidentMarkerFor("48213");

  it.each([
    ["an empty body", null, { kind: "none" }],
    ["a body without a marker", "just text", { kind: "none" }],
    ["a marker inside a line", `text ${incident} inline`, { kind: "none" }],
    ["a broken marker name", "<!-- defender[-]incident-id: 48213 -->", { kind: "none" }],
    ["an alert marker", `a\n${alert}\nb`, { kind: "alert", alertId: "abc_1" }],
    ["an incident marker", `a\n${incident}\nb`, { kind: "incident", incidentId: "48213" }],
    ["an incident marker with Windows line endings", `a\r\n${incident}\r\nb`, { kind: "incident", incidentId: "48213" }],
    ["two alert markers", `${alert}\n${markerFor("abc_2")}`, { kind: "invalid", reason: "the body has 2 marker lines" }],
    ["two incident markers", `${incident}\n${incidentMarkerFor("48214")}`, { kind: "invalid", reason: "the body has 2 marker lines" }],
    ["the same incident marker twice", `${incident}\n${incident}`, { kind: "invalid", reason: "the body has 2 marker lines" }],
    ["an alert marker and an incident marker", `${incident}\ntext\n${alert}`, { kind: "invalid", reason: "the body has 2 marker lines" }],
    ["a malformed alert ID", "<!-- defender-alert-id: ../../machines -->", { kind: "invalid", reason: "the marker's alert ID is malformed" }],
    ["a malformed incident ID", "<!-- defender-incident-id: ../incidents -->", { kind: "invalid", reason: "the marker's incident ID is malformed" }],
    ["an empty incident ID", "<!-- defender-incident-id:  -->", { kind: "invalid", reason: "the marker's incident ID is malformed" }],
    ["an incident ID too long", `<!-- defender-incident-id: ${"1".repeat(129)} -->`, { kind: "invalid", reason: "the marker's incident ID is malformed" }],
  ] as const)("reads %s", (_name, body, reading) => {
    expect(readIssueMarker(body)).toEqual(reading);
  });

  it("agrees with readMarker on every alert issue", () => {
    for (const body of [null, "x", `a\n${alert}`, `${alert}\n${alert}`, "<!-- defender-alert-id: a/b -->"]) {
      const reading = readIssueMarker(body);
      expect(readMarker(body)).toEqual(reading.kind === "alert" ? { kind: "one", alertId: reading.alertId } : reading);
    }
  });
});

describe("breakMarkerNamesInUrl", () => {
  it("percent-encodes the hyphen of a marker name in a link, in any case, once", () => {
    const once = breakMarkerNamesInUrl("https://security.microsoft.com/alerts/x-Defender-Alert-ID-defender-incident-id");
    expect(once).toBe("https://security.microsoft.com/alerts/x-Defender%2DAlert-ID-defender%2Dincident-id");
    expect(breakMarkerNamesInUrl(once)).toBe(once);
  });
});
