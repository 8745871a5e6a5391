/**
 * Generated hostile incidents: whatever an attacker puts in the incident's fields, or in any field of
 * the alerts it holds (of either source, evidence of any type), the incident issue stays inert,
 * names only its own marker, links only the portal, and stays within GitHub's limits.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { readIncidentGraphAlert } from "../../src/graph/alert.ts";
import { isIncidentId, readIssueMarker, readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, TITLE_MAX } from "../../src/issue/render.ts";
import { type IncidentIssueDraft, renderIncidentIssue } from "../../src/issue/render-incident.ts";
import { type Incident, type IncidentAlert, incidentAlertOf } from "../../src/source/incident.ts";
import { hrefsIn, mentionsIn, renderGfm, rowsOutOfShape, tagsIn } from "../support/gfm.ts";
import { graphEvidence, markerText, portalUrls, text } from "../support/hostile.ts";

const PORTAL = "security.microsoft.com";
const TENANT = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: PORTAL, extraLabels: [] };
const { ours, foreign } = portalUrls(PORTAL);
const link = fc.oneof(text, ours, foreign);

// IDs of the marker's shape, some of them naming a marker (which an ID may: it is letters, digits, '_' and '-').
const alertId = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  fc.constantFrom("da638412345678901234_-1402987561", "x-defender-alert-id", "DEFENDER-INCIDENT-ID-7", "defender-alert-id"),
);
const time = fc.integer({ min: 0, max: 100_000 }).map((minutes) => new Date(Date.UTC(2026, 10, 1) + minutes * 60_000).toISOString());

const ENDPOINT_TEXT = ["title", "description", "recommendedAction", "computerDnsName", "machineId", "category", "detectionSource", "threatFamilyName", "assignedTo", "status", "severity", "rbacGroupName", "aadTenantId"] as const;
const ENDPOINT_EVIDENCE = ["fileName", "filePath", "processCommandLine", "url", "ipAddress", "accountName", "domainName", "userPrincipalName", "sha256"] as const;
const entityType = fc.oneof(fc.constantFrom("File", "User", "Machine", "MailBox", "Process", "Ip"), text);

const endpointAlert: fc.Arbitrary<IncidentAlert> = fc
  .record({
    id: alertId,
    alertCreationTime: time,
    firstEventTime: fc.oneof(time, fc.constant(null)),
    fields: fc.record(Object.fromEntries(ENDPOINT_TEXT.map((name) => [name, text])) as Record<(typeof ENDPOINT_TEXT)[number], fc.Arbitrary<string | null>>),
    relatedUser: fc.record({ userName: text, domainName: text }),
    evidence: fc.array(fc.record({ entityType, ...Object.fromEntries(ENDPOINT_EVIDENCE.map((name) => [name, text])) }), { maxLength: 6 }),
  })
  .map(({ fields, ...rest }) => incidentAlertOf(toAlert(alertSchema.parse({ ...fields, ...rest }))));

const GRAPH_TEXT = ["title", "category", "detectionSource", "serviceSource", "productName", "assignedTo", "status", "severity", "tenantId"] as const;

// As a page of Graph incidents gives them: read from their bytes, whole only when rendered.
const graphAlert: fc.Arbitrary<IncidentAlert> = fc
  .record({
    id: alertId,
    createdDateTime: time,
    firstActivityDateTime: fc.oneof(time, fc.constant(null)),
    fields: fc.record(Object.fromEntries(GRAPH_TEXT.map((name) => [name, text])) as Record<(typeof GRAPH_TEXT)[number], fc.Arbitrary<string | null>>),
    alertWebUrl: link,
    evidence: graphEvidence,
  })
  .map(({ fields, ...rest }) => {
    const raw = { ...fields, ...rest };
    const evidence = Buffer.from(JSON.stringify(rest.evidence));
    const reading = readIncidentGraphAlert(raw, { buffer: evidence, start: 0, end: evidence.length });
    if (!reading.ok) throw new Error(reading.problem);
    return reading.alert;
  });

const alerts = (max: number) => fc.array(fc.oneof(endpointAlert, graphAlert), { maxLength: max });
/** Many alerts, each ID once. */
const manyAlerts = (min: number, max: number) => fc.uniqueArray(fc.oneof(endpointAlert, graphAlert), { selector: (alert) => alert.id, minLength: min, maxLength: max });

const incident = (alertList: fc.Arbitrary<IncidentAlert[]>): fc.Arbitrary<Incident> =>
  fc.record({
    id: fc.oneof(fc.nat().map(String), fc.constantFrom("48213", "a_b-C")),
    name: text,
    severity: fc.oneof(text, fc.constantFrom("High", "Low", "UnSpecified")),
    status: text,
    classification: text,
    determination: text,
    assignedTo: text,
    createdAt: time.map((t) => new Date(t)),
    updatedAt: fc.oneof(time.map((t) => new Date(t)), fc.constant(null)),
    webUrl: link,
    redirectedTo: fc.oneof(text, fc.nat().map(String)),
    tenantId: fc.oneof(text, fc.constant(TENANT)),
    alerts: alertList,
    comments: fc.constant([]),
  });

const ALLOWED_TAGS = new Set(["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "code", "details", "summary", "ul", "li"]);

function count(html: string, tag: string): number {
  return html.match(new RegExp(`<${tag}>`, "g"))?.length ?? 0;
}

// The body's own structure, from its raw lines: untrusted text never starts a raw line (it sits
// after "| " in a row), so these are the action's.
function ownStructure(body: string) {
  const lines = body.split("\n");
  return {
    headings: lines.filter((line) => line.startsWith("### ")).length,
    tables: lines.filter((line) => line.startsWith("|---")).length,
    items: lines.filter((line) => line.startsWith("- ")).length,
  };
}

function expectWithinLimits(draft: IncidentIssueDraft, subject: Incident): void {
  expect(Array.from(draft.title).length).toBeLessThanOrEqual(TITLE_MAX);
  expect(draft.title).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
  expect(draft.title).not.toMatch(/defender-(?:alert|incident)-id/i);
  expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
  expect(draft.body).toMatch(/<\/details>\n\n<!-- defender-issues-alerts:(?: [0-9a-f]{8})*(?: since=\S+)? -->\n$/);
  // The incident marker, on the first line and nowhere else; no alert marker anywhere.
  expect(draft.body.split("\n")[0]).toBe(`<!-- defender-incident-id: ${subject.id} -->`);
  expect(draft.body.match(/defender-(?:alert|incident)-id/gi)).toEqual(["defender-incident-id"]);
  expect(readIssueMarker(draft.body)).toEqual({ kind: "incident", incidentId: subject.id });
  expect(readMarker(draft.body)).toEqual({ kind: "none" });
  expect(rowsOutOfShape(draft.body)).toEqual([]);
}

function expectInert(draft: IncidentIssueDraft, subject: Incident): void {
  expectWithinLimits(draft, subject);
  const html = renderGfm(draft.body);
  expect([...tagsIn(html)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
  expect(hrefsIn(html).filter((href) => !href.startsWith(`https://${PORTAL}/`))).toEqual([]);
  expect(hrefsIn(html).filter((href) => /defender-(?:alert|incident)-id/i.test(href))).toEqual([]);
  expect(mentionsIn(html)).toEqual([]);
  expect(html.match(/<details>/g)?.length).toBe(1);
  // No markup of the allowed kinds came from untrusted text: no bold, heading, table or list of its own.
  const own = ownStructure(draft.body);
  expect(count(html, "strong")).toBe(1);
  expect(count(html, "h3")).toBe(own.headings);
  expect(count(html, "table")).toBe(own.tables);
  expect(count(html, "li")).toBe(own.items);
  // A link for the incident, for the incident it was merged into, for each alert shown, and in each note of what is not shown.
  const merged = subject.redirectedTo !== null && isIncidentId(subject.redirectedTo) ? 1 : 0;
  const notes = draft.body.split("\n").filter((line) => / not shown here: \[see the incident in Microsoft Defender\]\(/.test(line)).length;
  expect(hrefsIn(html)).toHaveLength(1 + merged + alertRowsIn(draft.body) + notes);
}

/** How many rows the alerts table has. */
function alertRowsIn(body: string): number {
  const lines = body.split("\n");
  const start = lines.findIndex((line) => line.startsWith("### Alerts ("));
  if (start < 0) return 0;
  const end = lines.findIndex((line, i) => i > start + 3 && !line.startsWith("|"));
  return end - (start + 4);
}

describe("an incident issue", () => {
  it("renders any incident, and any alerts of either source in it, inert", () => {
    fc.assert(
      fc.property(incident(alerts(6)), (subject) => {
        expectInert(renderIncidentIssue(subject, options), subject);
      }),
      { numRuns: 300 },
    );
  });

  it("stays within GitHub's limits however many hostile alerts it holds", () => {
    fc.assert(
      fc.property(incident(manyAlerts(150, 500)), (subject) => {
        const draft = renderIncidentIssue(subject, options);
        expectWithinLimits(draft, subject);
        const listed = new Set(subject.alerts.map((alert) => alert.id)).size;
        const shown = alertRowsIn(draft.body);
        expect(shown).toBeGreaterThan(0);
        expect(shown).toBeLessThanOrEqual(listed);
        if (shown < listed) expect(draft.body).toContain(`\n\n${listed - shown} more ${listed - shown === 1 ? "alert is" : "alerts are"} not shown here: [see the incident in Microsoft Defender](https://${PORTAL}/`);
      }),
      { numRuns: 8 },
    );
  });

  it("renders hostile text inert in a body as large as GitHub takes", () => {
    fc.assert(
      fc.property(incident(manyAlerts(200, 300)), (subject) => {
        expectInert(renderIncidentIssue(subject, options), subject);
      }),
      { numRuns: 4 },
    );
  });

  it("names only its own marker, on its first line, whatever marker look-alikes the incident and its alerts hold", () => {
    const lookalikeAlert = fc
      .record({ id: alertId, title: markerText, computerDnsName: markerText, machineId: markerText, detectionSource: markerText, status: markerText, fileName: markerText, accountName: markerText })
      .map(({ id, fileName, accountName, ...fields }) =>
        incidentAlertOf(toAlert(alertSchema.parse({ id, alertCreationTime: "2026-11-25T10:00:00Z", ...fields, evidence: [{ entityType: "File", fileName }, { entityType: "User", accountName }] }))),
      );
    const lookalikes = fc
      .record({ name: markerText, status: markerText, classification: markerText, determination: markerText, assignedTo: markerText, redirectedTo: markerText, webUrl: markerText })
      .chain((fields) => incident(fc.array(lookalikeAlert, { maxLength: 5 })).map((subject) => ({ ...subject, ...fields })));
    fc.assert(
      fc.property(lookalikes, (subject) => {
        const draft = renderIncidentIssue(subject, { ...options, titleTemplate: "{title}{status}{classification}{determination}{assignedTo}" });
        expectWithinLimits(draft, subject);
      }),
      { numRuns: 300 },
    );
  });
});
