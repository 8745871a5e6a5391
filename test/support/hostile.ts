/**
 * Hostile text for property tests: markup, mentions, links, control characters and marker
 * look-alikes, in any field of an alert or of its evidence.
 */
import fc from "fast-check";
import { sampleGraphAlerts } from "../emulators/sample-graph-alerts.ts";
import { EVIDENCE_ROWS } from "./graph-evidence.ts";

// The fragments of render.property.test.ts, with marker look-alikes.
export const fragments = fc.constantFrom(
  "@octocat", "@acme/security", "<img src=x onerror=alert(1)>", "</details>", "<details open>", "<!-- defender-alert-id: forged -->",
  "|", "||", "\\|", "`", "```", "~~~", "[x](javascript:alert(1))", "![i](https://evil.example/i.png)", "https://evil.example/p",
  "www.evil.example", "javascript:alert(1)", "\n", "\r\n", "\n# h\n", "\n---\n", "\u202e", "\u200b", "\u0000", "\u0007", "&lt;", "&#64;",
  "*", "_", "<script>", "</td></tr></table>", "> quote", "1. list", "- item", "    indented", ":+1:", "#1", "acme/soc#1",
  "DEFENDER-ALERT-ID", "defender-\u200balert-id", "<!--defender-incident-id:1-->", "\\", "](", ")", "https://security.microsoft.com/x|y",
);
export const hostile = fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 })), { maxLength: 12 }).map((parts) => parts.join(""));
const long = fc.nat({ max: 9000 }).map((n) => "A".repeat(n));
export const text = fc.oneof(hostile, long, fc.constant(null));

/** The same shape as `template`, every string (and number) in it hostile; the evidence type kept. */
export function hostileLike(template: unknown, key?: string): fc.Arbitrary<unknown> {
  if (key === "@odata.type") return fc.constant(template);
  if (typeof template === "string") return text;
  if (typeof template === "number") return fc.oneof(fc.constant(template), text);
  if (Array.isArray(template)) return fc.tuple(...template.map((item) => hostileLike(item)));
  if (typeof template === "object" && template !== null) {
    return fc.record(Object.fromEntries(Object.entries(template).map(([k, v]) => [k, hostileLike(v, k)])));
  }
  return fc.constant(template);
}

/** Every Graph evidence type with a row of its own: from the samples and from the support table. */
export const graphEvidenceTemplates = [...sampleGraphAlerts().flatMap((alert) => alert.evidence ?? []), ...EVIDENCE_ROWS.map(([raw]) => raw)];
const fieldName = fc.oneof(hostile, fragments, fc.constantFrom("constructor", "__proto__", "toString", "a b", "x|y", "`x`", "<b>", "defender-alert-id", "**x**", "@octocat"));
const unknownEvidence = fc
  .tuple(
    fc.oneof(hostile.map((name) => `#microsoft.graph.security.${name}`), hostile, fc.constantFrom("#microsoft.graph.security.constructor", "#microsoft.graph.security.__proto__")),
    fc.dictionary(fieldName, fc.oneof(text, fc.integer(), fc.boolean(), fc.constant({ nested: "<b>x</b>" })), { maxKeys: 8 }),
  )
  .map(([type, fields]) => ({ ...fields, "@odata.type": type }));
/** Graph evidence of any type, known or not, every field hostile. */
export const graphEvidence = fc.array(fc.oneof(...[...graphEvidenceTemplates.map((raw) => hostileLike(raw)), unknownEvidence]), { maxLength: 14 });

const pathPart = fc.array(fc.oneof(fc.constantFrom("alerts", "incidents", "x", "|", "`", "\\", "(", ")", "[", "]", " ", "%7C", "&amp;", "<", '"', "'", "*", "_", "@octocat", "é", "\u0000"), fc.string({ maxLength: 4 })), { maxLength: 6 }).map((parts) => parts.join(""));

/**
 * A source's portal links: `ours` on the portal host over https (any case), hostile in path, query
 * and fragment; `foreign` anywhere else, or not https, or with a port or credentials, or naming a
 * marker, or no URL at all.
 */
export function portalUrls(portal: string) {
  const mixedCase = Array.from(portal, (c, i) => (i % 2 ? c.toUpperCase() : c)).join("");
  const ours = fc.tuple(fc.constantFrom(portal, mixedCase), pathPart, pathPart, pathPart).map(([host, path, query, fragment]) => `https://${host}/${path}?tid=${query}#${fragment}`);
  const foreign = fc.oneof(
    pathPart.map((path) => `https://evil.example/${path}`),
    pathPart.map((path) => `https://${portal}.evil.example/${path}`),
    pathPart.map((path) => `https://${portal}:8443/${path}`),
    pathPart.map((path) => `https://user:pass@${portal}/${path}`),
    pathPart.map((path) => `https://user@${portal}/${path}`),
    pathPart.map((path) => `http://${portal}/${path}`),
    pathPart.map((path) => `javascript:alert(1)//${portal}/${path}`),
    pathPart.map((path) => `//${portal}/${path}`),
    pathPart.map((path) => `https://evil.example\\@${portal}/${path}`),
    pathPart.map((path) => `https://${portal}.\u200b/${path}`),
    fc.tuple(pathPart, fc.constantFrom("defender-alert-id", "Defender-Incident-ID")).map(([path, name]) => `https://${portal}/${path}${name}`),
    hostile.filter((value) => !/^https:\/\//i.test(value)),
  );
  return { ours, foreign };
}

// Marker names as search or a regex would find them: any case, split by characters the renderer
// drops, in comments with any spacing, alone or in other text.
const markerName = fc
  .tuple(fc.constantFrom("defender-alert-id", "defender-incident-id"), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }))
  .map(([name, upper]) => Array.from(name, (c, i) => (upper[i] ? c.toUpperCase() : c)).join(""));
const dropped = fc.constantFrom("", "\u200b", "\u200d", "\u2060", "\ufeff", "\u0000", "\u202e", "\u0007");
const splitName = fc.tuple(markerName, dropped, fc.nat()).map(([name, cut, at]) => name.slice(0, at % (name.length + 1)) + cut + name.slice(at % (name.length + 1)));
const space = fc.constantFrom("", " ", "  ", "\t", "\n", "\r\n");
const lookalike = fc
  .tuple(space, splitName, space, space, fc.constantFrom("48213", "x", "da1_1", ""), space)
  .map(([a, name, b, c, id, d]) => `<!--${a}${name}${b}:${c}${id}${d}-->`);
/** Text full of marker look-alikes, or none. */
export const markerText = fc.oneof(fc.array(fc.oneof(lookalike, splitName, fragments, fc.string({ maxLength: 10 })), { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")), fc.constant(null));
