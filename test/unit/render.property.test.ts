/** Generated hostile alerts: whatever an attacker puts in any text field, the issue stays inert. */
import fc from "fast-check";
import { expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, renderIssue, TITLE_MAX } from "../../src/issue/render.ts";
import { cellsPerRow, hrefsIn, mentionsIn, renderGfm, rowsOutOfShape, tagsIn } from "../support/gfm.ts";

const fragments = fc.constantFrom(
  "@octocat", "@acme/security", "<img src=x onerror=alert(1)>", "</details>", "<details open>", "<!-- defender-alert-id: forged -->",
  "|", "||", "\\|", "`", "```", "~~~", "[x](javascript:alert(1))", "![i](https://evil.example/i.png)", "https://evil.example/p",
  "www.evil.example", "javascript:alert(1)", "\n", "\r\n", "\n# h\n", "\n---\n", "\u202e", "\u200b", "\u0000", "\u0007", "&lt;", "&#64;",
  "*", "_", "<script>", "</td></tr></table>", "> quote", "1. list", "- item", "    indented", ":+1:", "#1", "acme/soc#1",
);
const hostile = fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 })), { maxLength: 12 }).map((parts) => parts.join(""));
const long = fc.nat({ max: 9000 }).map((n) => "A".repeat(n));
const text = fc.oneof(hostile, long, fc.constant(null));

const ALLOWED_TAGS = new Set(["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "blockquote", "code", "details", "summary", "ul", "li"]);
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: [] };
const ALERT_ID = "da638412345678901234_-1402987561";

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

it("renders any alert text inert and within GitHub's limits", () => {
  fc.assert(
    fc.property(
      fc.record({ title: text, description: text, recommendedAction: text, computerDnsName: text, category: text, detectionSource: text, threatFamilyName: text, assignedTo: text, rbacGroupName: text }),
      fc.array(fc.record({ entityType: text, fileName: text, filePath: text, processCommandLine: text, url: text, ipAddress: text, registryKey: text, accountName: text, sha256: text }), { maxLength: 30 }),
      fc.array(hostile, { maxLength: 5 }),
      (fields, evidence, mitreTechniques) => {
        const alert = alertSchema.parse({ id: ALERT_ID, alertCreationTime: "2026-11-25T10:00:00Z", severity: "High", ...fields, evidence, mitreTechniques });
        const draft = renderIssue(toAlert(alert), options);
        expect(Array.from(draft.title).length).toBeLessThanOrEqual(TITLE_MAX);
        expect(draft.title).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
        expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
        expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: alert.id });
        const html = renderGfm(draft.body);
        expect([...tagsIn(html)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
        expect(hrefsIn(html).every((href) => href.startsWith("https://security.microsoft.com/") || href.startsWith("https://attack.mitre.org/"))).toBe(true);
        expect(mentionsIn(html)).toEqual([]);
        // GFM drops a row's excess cells, so the raw rows are counted too.
        expect(rowsOutOfShape(draft.body)).toEqual([]);
        expect(new Set(cellsPerRow(html)).size).toBeLessThanOrEqual(2);
        expect(html.match(/<details>/g)?.length).toBe(1);
        // No markup of the allowed kinds came from alert text either: no bold, heading, quote, list or table of its own.
        const own = ownStructure(draft.body);
        expect(count(html, "strong")).toBe(1);
        expect(count(html, "h3")).toBe(own.headings);
        expect(count(html, "blockquote")).toBe(own.quotes);
        expect(count(html, "table")).toBe(own.tables);
        expect(count(html, "li")).toBe(own.items);
      },
    ),
    { numRuns: 400 },
  );
});

// Marker names as search or a regex would find them: any case, split by characters the renderer
// drops, in comments with any spacing, alone or in other text.
const markerName = fc
  .tuple(fc.constantFrom("defender-alert-id", "defender-incident-id"), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
  .map(([name, upper]) => Array.from(name, (c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
const dropped = fc.constantFrom("", "\u200b", "\u200d", "\u2060", "\ufeff", "\u0000", "\u202e", "\u0007");
const splitName = fc.tuple(markerName, dropped, fc.nat()).map(([name, cut, at]) => name.slice(0, at % (name.length + 1)) + cut + name.slice(at % (name.length + 1)));
const space = fc.constantFrom("", " ", "  ", "\t", "\n", "\r\n");
const lookalike = fc
  .tuple(space, splitName, space, space, fc.constantFrom(ALERT_ID, "x", "da1_1", ""), space)
  .map(([a, name, b, c, id, d]) => `<!--${a}${name}${b}:${c}${id}${d}-->`);
const withMarkers = fc.array(fc.oneof(lookalike, splitName, fragments, fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(""));
const markerText = fc.oneof(withMarkers, fc.constant(null));

it("names the marker only in the marker line, whatever the alert text holds", () => {
  const fieldNames = ["title", "description", "recommendedAction", "computerDnsName", "machineId", "aadTenantId", "category", "detectionSource", "threatFamilyName", "threatName", "assignedTo", "rbacGroupName", "investigationState", "status", "investigationId"] as const;
  const evidenceNames = ["entityType", "fileName", "filePath", "processCommandLine", "parentProcessFileName", "url", "ipAddress", "registryKey", "registryHive", "registryValue", "accountName", "domainName", "userPrincipalName", "sha1", "sha256", "detectionStatus"] as const;
  fc.assert(
    fc.property(
      fc.record(Object.fromEntries(fieldNames.map((name) => [name, markerText])) as Record<(typeof fieldNames)[number], fc.Arbitrary<string | null>>),
      fc.array(fc.record(Object.fromEntries(evidenceNames.map((name) => [name, markerText])) as Record<(typeof evidenceNames)[number], fc.Arbitrary<string | null>>), { maxLength: 4 }),
      fc.record({ userName: markerText, domainName: markerText }),
      fc.array(withMarkers, { maxLength: 3 }),
      (fields, evidence, relatedUser, mitreTechniques) => {
        const alert = alertSchema.parse({ id: ALERT_ID, alertCreationTime: "2026-11-25T10:00:00Z", severity: "High", ...fields, evidence, relatedUser, mitreTechniques });
        const draft = renderIssue(toAlert(alert), { ...options, titleTemplate: "{title}{computerDnsName}{threatName}" });
        expect(draft.body.match(/defender-alert-id/gi)).toEqual(["defender-alert-id"]);
        expect(draft.body.split("\n")[0]).toBe(`<!-- defender-alert-id: ${ALERT_ID} -->`);
        expect(draft.body).not.toMatch(/defender-incident-id/i);
        expect(draft.title).not.toMatch(/defender-(?:alert|incident)-id/i);
        expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: ALERT_ID });
      },
    ),
    { numRuns: 300 },
  );
});
