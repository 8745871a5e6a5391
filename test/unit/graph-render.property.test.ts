/**
 * Generated hostile Graph alerts: whatever an attacker puts in any text field or any field of any
 * evidence type (its field names too), the issue stays inert, and portal links are ours unless
 * Graph's own point at the cloud's portal.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readGraphAlert } from "../../src/graph/alert.ts";
import { CLOUD_ROWS } from "../../src/graph/evidence-cloud.ts";
import { ROWS } from "../../src/graph/evidence-rows.ts";
import { readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, type IssueDraft, renderIssue, TITLE_MAX } from "../../src/issue/render.ts";
import { cellsPerRow, hrefsIn, mentionsIn, renderGfm, rowsOutOfShape, tagsIn } from "../support/gfm.ts";
import { graphEvidence as evidence, graphEvidenceTemplates as templates, hostile, portalUrls, text } from "../support/hostile.ts";

const PORTAL = "security.microsoft.com";
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: PORTAL, extraLabels: [] };
const ALERT_ID = "da638412345678901234_-1402987561";
const TENANT = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
const OUR_ALERT_LINK = `https://${PORTAL}/alerts/${ALERT_ID}?tid=${TENANT}`;

// Every evidence type with a row of its own: from the samples and from the support table.
const TYPES = new Set(templates.map((raw) => raw["@odata.type"]));

const ALLOWED_TAGS = new Set(["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "blockquote", "code", "details", "summary", "ul", "li"]);

function count(html: string, tag: string): number {
  return html.match(new RegExp(`<${tag}>`, "g"))?.length ?? 0;
}

// The body's own structure, from its raw lines: alert text never starts a raw line (it sits after
// "| " in a row or "> " in a quote), so these are the action's.
function ownStructure(body: string) {
  const lines = body.split("\n");
  return {
    headings: lines.filter((line) => line.startsWith("### ")).length,
    quotes: lines.filter((line, i) => line.startsWith(">") && !(lines[i - 1] ?? "").startsWith(">")).length,
    tables: lines.filter((line) => line.startsWith("|---")).length,
    items: lines.filter((line) => line.startsWith("- ")).length,
  };
}

function expectInert(draft: IssueDraft): string {
  expect(Array.from(draft.title).length).toBeLessThanOrEqual(TITLE_MAX);
  expect(draft.title).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  expect(draft.title).not.toMatch(/defender-(?:alert|incident)-id/i);
  expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
  expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: ALERT_ID });
  expect(draft.body.split("\n")[0]).toBe(`<!-- defender-alert-id: ${ALERT_ID} -->`);
  expect(draft.body.match(/defender-alert-id/gi)).toEqual(["defender-alert-id"]);
  expect(draft.body).not.toMatch(/defender-incident-id/i);
  expect(rowsOutOfShape(draft.body)).toEqual([]);
  const html = renderGfm(draft.body);
  expect([...tagsIn(html)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  expect(hrefsIn(html).filter((href) => !href.startsWith(`https://${PORTAL}/`) && !href.startsWith("https://attack.mitre.org/"))).toEqual([]);
  expect(mentionsIn(html)).toEqual([]);
  expect(new Set(cellsPerRow(html)).size).toBeLessThanOrEqual(2);
  expect(html.match(/<details>/g)?.length).toBe(1);
  // No markup of the allowed kinds came from alert text either: no bold, heading, quote, list or table of its own.
  const own = ownStructure(draft.body);
  expect(count(html, "strong")).toBe(1);
  expect(count(html, "h3")).toBe(own.headings);
  expect(count(html, "blockquote")).toBe(own.quotes);
  expect(count(html, "table")).toBe(own.tables);
  expect(count(html, "li")).toBe(own.items);
  return html;
}

function render(raw: Record<string, unknown>): IssueDraft {
  const reading = readGraphAlert({ id: ALERT_ID, createdDateTime: "2026-11-25T10:00:00Z", tenantId: TENANT, ...raw });
  if (!reading.ok) throw new Error(reading.problem);
  return renderIssue(reading.alert, options);
}

const TEXT_FIELDS = [
  "title", "description", "recommendedActions", "category", "detectionSource", "serviceSource", "productName", "threatDisplayName",
  "threatFamilyName", "actorDisplayName", "assignedTo", "status", "severity", "classification", "determination", "providerAlertId",
] as const;

it("covers every evidence type with a row of its own", () => {
  expect([...TYPES].map((type) => type.replace("#microsoft.graph.security.", "")).sort()).toEqual(Object.keys({ ...ROWS, ...CLOUD_ROWS }).sort());
});

it("renders any alert text and any evidence inert and within GitHub's limits", () => {
  fc.assert(
    fc.property(
      fc.record(Object.fromEntries(TEXT_FIELDS.map((name) => [name, text])) as Record<(typeof TEXT_FIELDS)[number], fc.Arbitrary<string | null>>),
      fc.record({ incidentId: fc.oneof(text, fc.constant("48213")), alertWebUrl: text, incidentWebUrl: text, tenantId: fc.oneof(text, fc.constant(TENANT)) }),
      fc.array(hostile, { maxLength: 5 }),
      evidence,
      (fields, links, mitreTechniques, evidence) => {
        expectInert(render({ ...fields, ...links, mitreTechniques, evidence }));
      },
    ),
    { numRuns: 400 },
  );
});

// Portal links: Graph's own, when it is on the cloud's portal host over https (no port, no
// credentials); the one built from the ID otherwise.
const { ours, foreign } = portalUrls(PORTAL);

/** What a link's href means: the URL parsed, percent-escapes read, so that `|` and `%7C` are one. */
function meaning(href: string): string {
  const url = new URL(href.replace(/&amp;/g, "&").replace(/&quot;/g, '"'));
  return `${url.protocol}//${url.host}${url.pathname}${url.search}${url.hash}`.replace(/%([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("portal links", () => {
  it("follow Graph's own link on the portal host, and stay one link in their cell", () => {
    fc.assert(
      fc.property(ours, ours, (alertWebUrl, incidentWebUrl) => {
        const html = expectInert(render({ alertWebUrl, incidentWebUrl, incidentId: "48213" }));
        const hrefs = hrefsIn(html);
        expect(hrefs).toHaveLength(2);
        expect(hrefs.map(meaning)).toEqual([meaning(new URL(alertWebUrl).href), meaning(new URL(incidentWebUrl).href)]);
      }),
      { numRuns: 300 },
    );
  });

  it("are built from the IDs when Graph's link is elsewhere, not https, carries credentials or a port, names a marker, or is no URL", () => {
    fc.assert(
      fc.property(foreign, foreign, (alertWebUrl, incidentWebUrl) => {
        const html = expectInert(render({ alertWebUrl, incidentWebUrl, incidentId: "48213" }));
        expect(hrefsIn(html)).toEqual([OUR_ALERT_LINK, `https://${PORTAL}/incidents/48213?tid=${TENANT}`]);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["Graph's link", `https://${PORTAL}/alerts/${ALERT_ID}?tid=${TENANT}`, `https://${PORTAL}/alerts/${ALERT_ID}?tid=${TENANT}`],
    ["the host in capitals", `https://SECURITY.MICROSOFT.COM/alerts/${ALERT_ID}`, `https://${PORTAL}/alerts/${ALERT_ID}`],
    ["a pipe in the query", `https://${PORTAL}/alerts/x?a|b`, `https://${PORTAL}/alerts/x?a%7Cb`],
    ["a backtick and a backslash at the end", `https://${PORTAL}/alerts/x?a=\`\\`, `https://${PORTAL}/alerts/x?a=%60%5C`],
    ["parentheses", `https://${PORTAL}/alerts/(x)`, `https://${PORTAL}/alerts/%28x%29`],
    ["another host", `https://evil.example/alerts/${ALERT_ID}`, OUR_ALERT_LINK],
    ["a look-alike host", `https://${PORTAL}.evil.example/alerts/${ALERT_ID}`, OUR_ALERT_LINK],
    ["javascript:", "javascript:alert(1)", OUR_ALERT_LINK],
    ["http:", `http://${PORTAL}/alerts/${ALERT_ID}`, OUR_ALERT_LINK],
    ["credentials", `https://user:pass@${PORTAL}/alerts/${ALERT_ID}`, OUR_ALERT_LINK],
    ["a port", `https://${PORTAL}:8443/alerts/${ALERT_ID}`, OUR_ALERT_LINK],
    ["a marker's name", `https://${PORTAL}/alerts/x?<!-- defender-alert-id: 1 -->`, OUR_ALERT_LINK],
    ["a hostile string", "<img src=x onerror=alert(1)>](javascript:alert(1))", OUR_ALERT_LINK],
  ])("the alert's link, given %s", (_name, alertWebUrl, href) => {
    expect(hrefsIn(renderGfm(render({ alertWebUrl }).body))[0]).toBe(href);
  });

  it("uses the cloud's portal host, not the public one", () => {
    const reading = readGraphAlert({ id: ALERT_ID, createdDateTime: "2026-11-25T10:00:00Z", tenantId: TENANT, alertWebUrl: OUR_ALERT_LINK });
    if (!reading.ok) throw new Error(reading.problem);
    const body = renderIssue(reading.alert, { ...options, portalHost: "security.microsoft.us" }).body;
    expect(hrefsIn(renderGfm(body))[0]).toBe(`https://security.microsoft.us/alerts/${ALERT_ID}?tid=${TENANT}`);
  });
});
