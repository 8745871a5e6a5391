import { describe, expect, it } from "vitest";
import { breakMarkerNames, isAlertId, markerFor, readMarker } from "../../src/issue/marker.ts";

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
});
