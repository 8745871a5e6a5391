/**
 * Markdown for untrusted text. Everything an alert carries (titles, command lines, file names)
 * can be chosen by an attacker, so it is rendered inert: no HTML, no mentions, no links, no
 * emphasis, and nothing that leaves the table cell, quote or code span it sits in. Only what would
 * change meaning where the text sits is escaped: the raw body (the issue editor, an e-mail
 * notification, another tool) shows host names, paths, times and sentences as they are.
 */
import { breakMarkerNames } from "./marker.js";

// C0/C1 controls, zero-width and bidirectional formatting characters (RTL overrides hide text).
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// A mention is an @ that does not follow a word character (so e-mail addresses stay intact). The
// look-behind sees the character before each @, so "@@name" is broken twice, not once.
const MENTION_AT = /(?<![A-Za-z0-9_])@/g;
const ZERO_WIDTH_SPACE = "\u200b";
// What follows the @ of an address GFM would link as mailto: a domain with a dot.
const EMAIL_DOMAIN = /^[A-Za-z0-9_.-]*\.[A-Za-z0-9_-]/;
const CHARACTER_REFERENCE = /^(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{0,31});/;
const EMOJI_SHORTCODE = /^:([A-Za-z0-9_+-]+):/;

/** Alert text fit to show anywhere: invisible and control characters removed (newlines and tabs kept), marker names broken. */
export function plainText(text: string): string {
  return breakMarkerNames(text.replace(INVISIBLE, ""));
}

// Whitespace that folding changes: a run of two or more, or one that is not a space.
const UNFOLDED_SPACE = / \s+|[^\S ]\s*/g;

/** One line of plain text: whitespace runs folded. */
export function singleLine(text: string): string {
  return plainText(text).replace(UNFOLDED_SPACE, " ").trim();
}

/** Cuts to at most `max` characters without splitting a surrogate pair, marking the cut. */
export function truncate(text: string, max: number): string {
  // A string has at least as many code units as characters.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}

/** Breaks URLs so GitHub does not turn them into links (the usual "defang" of SOC tooling). */
export function defang(text: string): string {
  // GFM links "http://" and "www." even after "_" or a digit, so those are broken wherever they are.
  return text
    .replace(/http(s?):\/\//gi, "hxxp$1[:]//")
    .replace(/(?<![A-Za-z])(ftp|file|javascript|data|vbscript):/gi, "$1[:]")
    .replace(/www\./gi, "www[.]");
}

/** What a reader sees of a line of alert text: links defanged, mentions broken. */
export function displayText(text: string): string {
  // GitHub finds mentions in the rendered text, where "\@name" reads "@name" again: a zero-width
  // space after the @ is what stops it.
  return defang(singleLine(text)).replace(MENTION_AT, `@${ZERO_WIDTH_SPACE}`);
}

/** Inline text for a table cell, or anywhere inside a line. */
export function inlineText(text: string): string {
  return escapeInline(displayText(text), true);
}

/**
 * Our own words around our own configuration (a host, a scope), for a table cell: escaped as alert
 * text is and kept from mentioning anyone, but not defanged, since these links are ours.
 */
export function ownInlineText(text: string): string {
  // Not trimmed: it may be a piece of a line, between code spans. A URL reads as itself but is not
  // made a link: a summary links nothing it was not built to link.
  const escaped = escapeInline(plainText(text).replace(/\s+/g, " ").replace(MENTION_AT, `@${ZERO_WIDTH_SPACE}`), true);
  return escaped.replace(/(https?|ftp):\/\//gi, "$1\\://").replace(/www\./gi, "www\\.");
}

/**
 * A line of text where a block may begin (a quote line, a list item), so nothing it starts with
 * makes a heading, list, fence, rule or definition. A line that continues a paragraph can only
 * do what interrupts one; `paragraphStart: false` says the line before it was text.
 */
export function lineText(text: string, paragraphStart = true): string {
  return guardLineStart(escapeInline(displayText(text), false), paragraphStart);
}

/**
 * Backslash-escapes what GFM would read as markup inside a line. The text is assumed to follow
 * whitespace (a cell's "| ", a quote's "> "); what follows it is not known.
 */
function escapeInline(text: string, inTable: boolean): string {
  // Most text has little or nothing to escape: it is copied in slices between what needs it.
  let out = "";
  let copied = 0;
  const put = (at: number, to: number, escaped: string) => {
    out += text.slice(copied, at) + escaped;
    copied = to;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const next = text[i + 1];
    switch (c) {
      case "\\":
        // "\U" in C:\Users stays; a backslash before punctuation (or before what follows the text) would be eaten.
        if (next === undefined || ASCII_PUNCTUATION.test(next)) put(i, i + 1, "\\\\");
        break;
      case "`": // code spans
      case "$": // GitHub's math
        put(i, i + 1, `\\${c}`);
        break;
      case "*":
      case "_":
      case "~": {
        let end = i + 1;
        while (text[end] === c) end++;
        if (!delimiterRunIsInert(c, text[i - 1] ?? " ", text[end])) put(i, end, `\\${c}`.repeat(end - i));
        i = end - 1;
        break;
      }
      case "<": // raw HTML, comments and autolinks all begin "<" and a printable character
        if (next !== undefined && /[!-~]/.test(next)) put(i, i + 1, "\\<");
        break;
      case "&":
        if (CHARACTER_REFERENCE.test(text.slice(i + 1, i + 34))) put(i, i + 1, "\\&");
        break;
      case "]": // an inline link or image needs "](": without a definition nothing else links
        if (next === "(") put(i, i + 1, "\\]");
        break;
      case "|":
        if (inTable) put(i, i + 1, "\\|");
        break;
      case "@": // after a word character (others carry the zero-width space): an e-mail address
        if (EMAIL_DOMAIN.test(text.slice(i + 1, i + 256))) put(i, i + 1, "\\@");
        break;
      case ":":
        if (isEmojiShortcode(text, i)) put(i, i + 1, "\\:");
        break;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A run of `*`, `_` or `~` can neither open nor close emphasis or strikethrough between two spaces,
 * and a `_` run cannot within a word (snake_case). What follows the text is not known: a run at its
 * end is escaped.
 */
function delimiterRunIsInert(c: string, before: string, after: string | undefined): boolean {
  if (after === undefined) return false;
  if (/\s/.test(before) && /\s/.test(after)) return true;
  return c === "_" && /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after);
}

/** `:rocket:` becomes an emoji on GitHub; times (01:53:46), IPv6 and MAC addresses do not. */
function isEmojiShortcode(text: string, at: number): boolean {
  const name = EMOJI_SHORTCODE.exec(text.slice(at, at + 64))?.[1];
  if (name === undefined) return false;
  if (/^\d+$/.test(name)) return name === "100" || name === "1234";
  return !(/^[\da-f]+$/i.test(name) && /[\dA-Za-z:]/.test(text[at - 1] ?? ""));
}

/** Escapes the first character of a line that would otherwise begin a block. */
function guardLineStart(line: string, paragraphStart: boolean): string {
  const escaped = `\\${line}`;
  // Block quotes, ATX headings and ~~~ fences (backtick fences are escaped inline).
  if (/^(?:>|#{1,6}(?:\s|$)|~{3})/.test(line)) return escaped;
  // Thematic breaks, setext underlines and table delimiter rows.
  if (/^([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(line) || (/^[-|:][-|: \t]*$/.test(line) && line.includes("-"))) return escaped;
  // A link reference or footnote definition ("[label]:", the label maybe closed on a later line), or
  // one of GitHub's alerts ("[!NOTE]"), or a task list item's box. Only a footnote definition
  // interrupts a paragraph.
  const definition = line.startsWith("[") && (/^\[(?:!|[ \txX]\])/.test(line) || !/^\[[^[\]\\]*\](?!:)/.test(line));
  if (definition && (paragraphStart || line.startsWith("[^"))) return escaped;
  if (paragraphStart) {
    if (/^[-+*](?:\s|$)/.test(line)) return escaped;
    return line.replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
  }
  if (/^=+[ \t]*$/.test(line) || /^[-+*][ \t]+\S/.test(line)) return escaped;
  return line.replace(/^1([.)])(?=[ \t]+\S)/, "1\\$1");
}

/** A code span for a table cell: long enough a fence for any backtick run, pipes escaped. */
export function cellCode(text: string): string {
  const body = singleLine(text);
  if (body === "") return "";
  const longestRun = body.includes("`") ? Math.max(...Array.from(body.matchAll(/`+/g), (m) => m[0].length)) : 0;
  const fence = "`".repeat(longestRun + 1);
  // GFM splits table rows on "|" before it parses code spans, so pipes are escaped even here; a
  // backslash already before a pipe would pair with ours, so a zero-width space parts them.
  const escaped = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
  return `${fence} ${escaped} ${fence}`;
}

/** A block of text as a quote: one line per source line, paragraphs kept, blank runs folded. */
export function quoteBlock(text: string): string {
  const lines: string[] = [];
  let paragraphStart = true;
  for (const source of plainText(text).split(/\r\n?|\n/)) {
    const line = lineText(source, paragraphStart);
    if (line !== "") lines.push(`> ${line}`);
    else if (!paragraphStart) lines.push(">");
    paragraphStart = line === "";
  }
  if (lines.at(-1) === ">") lines.pop();
  return lines.length > 0 ? lines.join("\n") : ">";
}

/** A time as issues and summaries show it: `2026-03-01 10:00:00 UTC`. */
export function formatTime(time: Date | null | undefined): string {
  return time ? time.toISOString().replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC") : "";
}
