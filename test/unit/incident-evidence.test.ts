import { describe, expect, it } from "vitest";
import { gatherEvidence } from "../../src/issue/incident-evidence.ts";
import type { Alert, Evidence } from "../../src/source/alert.ts";
import { incidentAlertOf } from "../../src/source/incident.ts";
import { endpointAlerts, graphIncident } from "../support/incidents.ts";

const base = endpointAlerts()[0]!;

function alert(evidence: Array<Partial<Evidence> & Pick<Evidence, "kind">>, fields: Partial<Alert> = {}): Alert {
  return { ...base, device: null, user: null, evidence: evidence.map((item) => ({ type: null, entity: null, details: [], ...item })), ...fields };
}

describe("gatherEvidence", () => {
  it("names each device, user, mailbox and file once, with how many alerts name it", () => {
    const alerts = [
      alert([{ kind: "file", entity: "C:\\x.exe" }, { kind: "device", entity: "ws-1" }]),
      alert([{ kind: "device", entity: "ws-1" }, { kind: "user", entity: "CORP\\jdoe" }, { kind: "mailbox", entity: "jdoe@contoso.com" }]),
      alert([{ kind: "device", entity: "ws-2" }, { kind: "device", entity: "ws-1" }]),
    ];
    expect(gatherEvidence(alerts.map((alert) => incidentAlertOf(alert)))).toEqual([
      { kind: "device", entity: "ws-1", alerts: 3 },
      { kind: "device", entity: "ws-2", alerts: 1 },
      { kind: "user", entity: "CORP\\jdoe", alerts: 1 },
      { kind: "mailbox", entity: "jdoe@contoso.com", alerts: 1 },
      { kind: "file", entity: "C:\\x.exe", alerts: 1 },
    ]);
  });

  it("counts an alert once however often it names an entity, and compares names without regard to case or invisible characters", () => {
    const alerts = [alert([{ kind: "user", entity: "CORP\\JDoe" }, { kind: "user", entity: "corp\\jdoe" }]), alert([{ kind: "user", entity: "corp\\jd\u200boe " }])];
    expect(gatherEvidence(alerts.map((alert) => incidentAlertOf(alert)))).toEqual([{ kind: "user", entity: "CORP\\JDoe", alerts: 2 }]);
  });

  it("keeps the same name of two kinds apart", () => {
    expect(gatherEvidence([incidentAlertOf(alert([{ kind: "user", entity: "jdoe@contoso.com" }, { kind: "mailbox", entity: "jdoe@contoso.com" }]))]).map((e) => e.kind)).toEqual(["user", "mailbox"]);
  });

  it("leaves out other kinds and entities without a name", () => {
    expect(gatherEvidence([incidentAlertOf(alert([{ kind: "other", entity: "cmd.exe" }, { kind: "file", entity: null }, { kind: "device", entity: " \u200b" }]))])).toEqual([]);
  });

  it("takes an alert's device and user when its evidence names none (the Endpoint API's machine and related user)", () => {
    const alerts = [
      alert([], { device: { name: "ws-1.corp", id: "f".repeat(40) }, user: "CORP\\jdoe" }),
      alert([], { device: { name: null, id: "a".repeat(40) }, user: null }),
      alert([{ kind: "device", entity: "ws-9" }, { kind: "user", entity: "CORP\\x" }], { device: { name: "ws-1.corp", id: null }, user: "CORP\\jdoe" }),
    ];
    expect(gatherEvidence(alerts.map((alert) => incidentAlertOf(alert)))).toEqual([
      { kind: "device", entity: "ws-1.corp", alerts: 1 },
      { kind: "device", entity: "a".repeat(40), alerts: 1 },
      { kind: "device", entity: "ws-9", alerts: 1 },
      { kind: "user", entity: "CORP\\jdoe", alerts: 1 },
      { kind: "user", entity: "CORP\\x", alerts: 1 },
    ]);
  });

  it("puts first, within each kind, what most alerts name; then what was named first", () => {
    const alerts = [alert([{ kind: "file", entity: "a" }, { kind: "file", entity: "b" }]), alert([{ kind: "file", entity: "c" }, { kind: "file", entity: "b" }]), alert([{ kind: "file", entity: "c" }])];
    expect(gatherEvidence(alerts.map((alert) => incidentAlertOf(alert))).map((e) => `${e.entity}${e.alerts}`)).toEqual(["b2", "c2", "a1"]);
  });

  it("reads Graph alerts of several products the same way", () => {
    expect(gatherEvidence(graphIncident().alerts).map((e) => [e.kind, e.entity, e.alerts])).toEqual([
      ["device", "fin-ws-042.contoso.com", 1],
      ["device", "dc01.contoso.com", 1],
      ["user", "CONTOSO\\jdoe", 2],
      ["mailbox", "jdoe@contoso.com", 1],
      ["file", "C:\\Users\\jdoe\\AppData\\Local\\Temp\\mimikatz.exe", 1],
    ]);
  });
});
