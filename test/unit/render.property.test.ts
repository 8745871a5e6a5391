/** Generated hostile alerts: whatever an attacker puts in any text field, the issue stays inert. */
import fc from "fast-check";
import { expect, it } from "vitest";
import { alertSchema } from "../../src/defender/alert.ts";
import { readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, renderIssue, TITLE_MAX } from "../../src/issue/render.ts";
import { cellsPerRow, hrefsIn, mentionsIn, renderGfm, tagsIn } from "../support/gfm.ts";

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

it("renders any alert text inert and within GitHub's limits", () => {
  fc.assert(
    fc.property(
      fc.record({ title: text, description: text, recommendedAction: text, computerDnsName: text, category: text, detectionSource: text, threatFamilyName: text, assignedTo: text, rbacGroupName: text }),
      fc.array(fc.record({ entityType: text, fileName: text, filePath: text, processCommandLine: text, url: text, ipAddress: text, registryKey: text, accountName: text, sha256: text }), { maxLength: 30 }),
      fc.array(hostile, { maxLength: 5 }),
      (fields, evidence, mitreTechniques) => {
        const alert = alertSchema.parse({ id: "da638412345678901234_-1402987561", alertCreationTime: "2026-11-25T10:00:00Z", severity: "High", ...fields, evidence, mitreTechniques });
        const draft = renderIssue(alert, { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: [] });
        expect(Array.from(draft.title).length).toBeLessThanOrEqual(TITLE_MAX);
        expect(draft.title).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e]/);
        expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
        expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: alert.id });
        const html = renderGfm(draft.body);
        expect([...tagsIn(html)].filter((tag) => !ALLOWED_TAGS.has(tag))).toEqual([]);
        expect(hrefsIn(html).every((href) => href.startsWith("https://security.microsoft.com/") || href.startsWith("https://attack.mitre.org/"))).toBe(true);
        expect(mentionsIn(html)).toEqual([]);
        expect(new Set(cellsPerRow(html)).size).toBeLessThanOrEqual(2);
        expect(html.match(/<details>/g)?.length).toBe(1);
      },
    ),
    { numRuns: 400 },
  );
});
