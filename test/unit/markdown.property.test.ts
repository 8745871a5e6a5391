/**
 * Generated hostile text in each place the issue body puts alert text: what GitHub renders is
 * exactly the text (no markup of any kind came from it), for any input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellCode, displayText, inlineText, lineText, plainText, quoteBlock, singleLine } from "../../src/issue/markdown.ts";
import { mentionsIn, renderGfm, tagsIn } from "../support/gfm.ts";

const pieces = fc.constantFrom(
  "\\", "`", "*", "_", "~", "<", ">", "&", "[", "]", "(", ")", "!", "|", "@", ":", "#", "-", "+", "=", "$", ".", "/", "^", "'", '"',
  "1", "a", "Z", "é", "日", "😀", " ", "  ", "\t", "\n", "\r\n", "\u200b", "\u2028",
  "http://", "https://e.x/p", "www.", "WWW.e.x", "_www.e.x", "a@b.co", "mailto:x@y.z", "<x@y.z>", "<http://e.x>", "&amp;", "&#64;", "&#x40;", "&copy",
  "<b>", "<!--", "-->", "<?x?>", "<![CDATA[", "1.", "1)", "12.", ":+1:", ":rocket:", "10:00:00", "fe80::ab:1", "[!NOTE]", "---", "***", "___", "===",
  "```", "~~~", "    ", "x_y", "_x_", "*x*", "~~x~~", "[^1]", "[^1]: n", "[x]: /u", "[x]", "[x][]", "](", "![", "- [ ] ", "javascript:", "@octocat", "@a/b",
  "C:\\Users\\_x\\", "\\|", "\\\\", "defender-alert-id", "<!-- defender-alert-id: x -->", "$x$", "$$",
);
const markdownish = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(""));
const text = fc.oneof(markdownish, fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 15 }));

/** Text of rendered HTML without tags, as micromark encodes it. */
function decoded(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function onlyTags(html: string, allowed: readonly string[]): string[] {
  return [...tagsIn(html)].filter((tag) => !allowed.includes(tag));
}

const TABLE = ["table", "thead", "tbody", "tr", "th", "td"];
const RUNS = { numRuns: Number(process.env.RUNS ?? 1500) };

describe("singleLine", () => {
  it("folds every run of whitespace into one space and trims the ends, whatever the run is made of", () => {
    const spaces = fc.array(fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "\u3000", "a", "b c", "é"), { maxLength: 20 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.oneof(spaces, text), (input) => {
        expect(singleLine(input)).toBe(plainText(input).replace(/\s+/g, " ").trim());
      }),
      RUNS,
    );
  });
});

describe("alert text in a table cell", () => {
  it("renders exactly as the text, in its one cell", () => {
    fc.assert(
      fc.property(text, (input) => {
        const html = renderGfm(`| h |\n|---|\n| ${inlineText(input)} |`);
        expect(onlyTags(html, TABLE)).toEqual([]);
        const cells = Array.from(html.matchAll(/<td>([\s\S]*?)<\/td>/g), (m) => decoded(m[1]!));
        expect(cells).toEqual([displayText(input)]);
        expect(mentionsIn(html)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("alert text in a code span in a table cell", () => {
  it("renders exactly as the text, in one code span in its one cell", () => {
    fc.assert(
      fc.property(text, (input) => {
        const html = renderGfm(`| h |\n|---|\n| ${cellCode(input)} |`);
        expect(onlyTags(html, [...TABLE, "code"])).toEqual([]);
        const cells = Array.from(html.matchAll(/<td>([\s\S]*?)<\/td>/g), (m) => m[1]!);
        const shown = singleLine(input);
        if (shown === "") expect(cells).toEqual([""]);
        else expect(cells.map((cell) => /^<code>([\s\S]*)<\/code>$/.exec(cell)?.[1]).map((code) => code && decoded(code))).toEqual([
          // A backslash before a pipe is parted from it by a zero-width space (see cellCode).
          shown.replace(/\\(?=\|)/g, "\\\u200b"),
        ]);
      }),
      RUNS,
    );
  });
});

describe("alert text as a quote", () => {
  it("renders as the text's paragraphs, in one quote, with nothing else", () => {
    fc.assert(
      fc.property(text, (input) => {
        const html = renderGfm(`### Before\n\n${quoteBlock(input)}\n\n### After\n`);
        expect(onlyTags(html, ["h3", "blockquote", "p"])).toEqual([]);
        expect(html.match(/<h3>/g)).toHaveLength(2);
        expect(html.match(/<blockquote>/g)).toHaveLength(1);
        const paragraphs = Array.from(html.matchAll(/<p>([\s\S]*?)<\/p>/g), (m) => decoded(m[1]!));
        const expected = plainText(input)
          .split(/\r\n?|\n/)
          .map(displayText)
          .join("\n")
          .split(/\n{2,}/)
          .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, ""))
          .filter(Boolean);
        expect(paragraphs).toEqual(expected);
        expect(mentionsIn(html)).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("alert text as a list item", () => {
  it("renders as the text, in one list item", () => {
    fc.assert(
      fc.property(text, (input) => {
        const line = lineText(input);
        fc.pre(line !== "");
        const html = renderGfm(`- ${line}\n`);
        expect(onlyTags(html, ["ul", "li"])).toEqual([]);
        expect(Array.from(html.matchAll(/<li>([\s\S]*?)<\/li>/g), (m) => decoded(m[1]!))).toEqual([displayText(input)]);
      }),
      RUNS,
    );
  });
});
