/** The sample Graph alerts as issue bodies: readable raw, every escape one that GFM needs. */
import { describe, expect, it } from "vitest";
import { fromGraph, graphAlertSchema } from "../../src/graph/alert.ts";
import { formatTime } from "../../src/issue/markdown.ts";
import { renderIssue } from "../../src/issue/render.ts";
import { phishingAlert, sampleGraphAlerts } from "../emulators/sample-graph-alerts.ts";
import { renderGfm, visibleText } from "../support/gfm.ts";

const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: [] };
const samples = sampleGraphAlerts();
const bodyOf = (raw: unknown) => renderIssue(fromGraph(graphAlertSchema.parse(raw)), options).body;

/** Positions of the backslashes that escape the character after them (a pair counts once). */
function escapes(body: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < body.length - 1; i++) {
    if (body[i] === "\\" && /[!-/:-@[-`{-~]/.test(body[i + 1]!)) found.push(i++);
  }
  return found;
}

// The evidence fields a triager reads in the body (URLs aside: they are defanged on purpose).
const SHOWN = new Set([
  "deviceDnsName", "mdeDeviceId", "osPlatform", "lastIpAddress", "lastExternalIpAddress", "accountName", "domainName", "userPrincipalName", "userSid",
  "displayName", "fileName", "filePath", "sha256", "processId", "ipAddress", "countryLetterCode", "registryHive", "registryKey", "registryValueName",
  "registryValue", "registryValueType", "subject", "internetMessageId", "networkMessageId", "senderIp", "emailAddress", "recipientEmailAddress",
  "deliveryAction", "deliveryLocation", "primaryAddress", "appId", "publisher", "resourceId", "resourceName", "resourceType",
]);

/** The values of those fields in an evidence entry, however deep. */
function shownValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(shownValues);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (SHOWN.has(key) && (typeof v === "string" || typeof v === "number") ? [String(v)] : shownValues(v)));
}

describe.each(samples.map((raw) => [raw.title, raw] as const))("the body of %s", (_title, raw) => {
  const body = bodyOf(raw);

  it("holds no escape that GFM does not need: removing any one changes the rendered issue", () => {
    const html = renderGfm(body);
    const unneeded = escapes(body)
      .filter((at) => renderGfm(body.slice(0, at) + body.slice(at + 1)) === html)
      .map((at) => body.slice(Math.max(0, at - 20), at + 20));
    expect(unneeded).toEqual([]);
  });

  it("shows host names, times, paths, hashes, addresses, subjects and plain sentences as they are", () => {
    const verbatim = [
      raw.productName,
      raw.category,
      raw.detectionSource,
      raw.threatDisplayName,
      raw.threatFamilyName,
      ...(raw.mitreTechniques ?? []),
      formatTime(new Date(raw.createdDateTime!)),
      formatTime(new Date(raw.firstActivityDateTime!)),
      formatTime(new Date(raw.lastActivityDateTime!)),
      ...shownValues(raw.evidence),
      // Alert text that carries no markup of its own is shown as written.
      ...[raw.description, raw.recommendedActions].flatMap((text) => (text ?? "").split("\n")).filter((line) => !/[@<[|]|^\d\./.test(line)),
    ].filter((value): value is string => Boolean(value));
    expect(verbatim.length).toBeGreaterThan(8);
    const missing = verbatim.filter((value) => !body.includes(value));
    expect(missing).toEqual([]);
  });
});

it("escapes only an e-mail address in a text cell (GFM would link it)", () => {
  const bodies = samples.map(bodyOf);
  expect(bodies.map((body) => escapes(body).map((at) => body.slice(at, at + 2)))).toEqual([[], ["\\@"], [], ["\\@"], []]);
  expect(bodies[1]).toContain("| Assigned to | soc\\@contoso.com |");
  expect(bodies[3]).toContain("| User | svc-mailsync\\@contoso.com |");
});

it("shows the phishing e-mail's sender, recipient, subject, message IDs and delivery", () => {
  const body = bodyOf(phishingAlert);
  const message = phishingAlert.evidence!.find((item) => item["@odata.type"] === "#microsoft.graph.security.analyzedMessageEvidence")!;
  if (message["@odata.type"] !== "#microsoft.graph.security.analyzedMessageEvidence") throw new Error("no analysed message");
  const row = body.split("\n").find((line) => line.startsWith("| E-mail |"));
  expect(row).toBe(
    [
      "| E-mail | ` Overdue invoice 2026-1187 – action required ` |",
      "from ` Fabrikam Billing <billing@fabrikam-invoices.example> ` ·",
      "to ` jdoe@contoso.com ` ·",
      "sender IP ` 198.51.100.77 ` ·",
      "Internet message ID ` <PH0PR11MB5176.namprd11.prod.outlook.com@fabrikam-invoices.example> ` ·",
      "network message ID ` 5b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d ` ·",
      "delivery Delivered → Inbox ·",
      "detected by urlDetonationReputation, zeroHourAutoPurge ·",
      "URL ` hxxps[:]//fabrikam-invoices.example/pay?ref=2026-1187 ` ·",
      "verdict malicious · remediation remediated |",
    ].join(" "),
  );
  const text = visibleText(renderGfm(body));
  for (const shown of [message.subject, message.p1Sender!.emailAddress, message.recipientEmailAddress, message.internetMessageId, message.networkMessageId, message.deliveryAction]) {
    expect(text).toContain(shown);
  }
});

it("shows the product, the incident's link and the alert's own portal link", () => {
  const [endpoint] = samples;
  const html = renderGfm(bodyOf(endpoint));
  expect(html).toContain("<tr>\n<td>Product</td>\n<td>Microsoft Defender for Endpoint</td>\n</tr>");
  expect(html).toContain(`<a href="${endpoint!.alertWebUrl}">Open the alert in Microsoft Defender</a>`);
  expect(html).toContain(`<a href="${endpoint!.incidentWebUrl}">48213</a>`);
});
