/**
 * Markdown for untrusted text. Everything an alert carries (titles, command lines, file names)
 * can be chosen by an attacker, so it is rendered inert: no HTML, no mentions, no links, and
 * nothing that leaves the table cell, quote or code span it sits in.
 */

// C0/C1 controls, zero-width and bidirectional formatting characters (RTL overrides hide text).
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
// A mention is an @ that does not follow a word character (so e-mail addresses stay intact). The
// look-behind sees the character before each @, so "@@name" is broken twice, not once.
const MENTION_AT = /(?<![A-Za-z0-9_])@/g;
const ZERO_WIDTH_SPACE = "\u200b";

/** Removes invisible and control characters; keeps newlines and tabs. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** One line of plain text: controls removed, whitespace runs folded. */
export function singleLine(text: string): string {
  return stripInvisible(text).replace(/\s+/g, " ").trim();
}

/** Cuts to at most `max` characters without splitting a surrogate pair, marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join("") + "…";
}

/** Breaks URLs so GitHub does not turn them into links (the usual "defang" of SOC tooling). */
export function defang(text: string): string {
  return text
    .replace(/\bhttp(s?):\/\//gi, "hxxp$1[:]//")
    .replace(/\b(ftp|file|javascript|data|vbscript):/gi, "$1[:]")
    .replace(/\bwww\./gi, "www[.]");
}

/** Inline text: every ASCII punctuation character backslash-escaped, mentions and links broken. */
export function inlineText(text: string): string {
  // GitHub finds mentions in the rendered text, where "\@name" reads "@name" again: a zero-width
  // space after the @ is what stops it.
  const unmentioned = defang(singleLine(text)).replace(MENTION_AT, `@${ZERO_WIDTH_SPACE}`);
  return unmentioned.replace(ASCII_PUNCTUATION, "\\$&");
}

/** A code span for a table cell: long enough a fence for any backtick run, pipes escaped. */
export function cellCode(text: string): string {
  const body = singleLine(text);
  if (body === "") return "";
  const longestRun = Math.max(0, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longestRun + 1);
  // GFM splits table rows on "|" before it parses code spans, so pipes are escaped even here; a
  // backslash already before a pipe would pair with ours, so a zero-width space parts them.
  const escaped = body.replace(/\\(?=\|)/g, `\\${ZERO_WIDTH_SPACE}`).replace(/\|/g, "\\|");
  return `${fence} ${escaped} ${fence}`;
}

/** A block of text as a quote: one escaped line per source line, blank lines kept. */
export function quoteBlock(text: string): string {
  return stripInvisible(text)
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => {
      const escaped = inlineText(line);
      return escaped === "" ? ">" : `> ${escaped}`;
    })
    .join("\n")
    .replace(/(>\n){2,}/g, ">\n");
}

/** A time as issues and summaries show it: `2026-03-01 10:00:00 UTC`. */
export function formatTime(time: Date | null | undefined): string {
  return time ? time.toISOString().replace(/\.\d+Z$/, "Z").replace("T", " ").replace("Z", " UTC") : "";
}
