/** Renders markdown as GitHub does (CommonMark + GFM), raw HTML left in, to see what would be live. */
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

export function renderGfm(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** Tag names in rendered HTML. */
export function tagsIn(html: string): Set<string> {
  return new Set(Array.from(html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g), (m) => m[1]!.toLowerCase()));
}

export function hrefsIn(html: string): string[] {
  return Array.from(html.matchAll(/\bhref="([^"]*)"/g), (m) => m[1]!);
}

/** The text a reader sees: tags dropped, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** What GitHub would turn into a mention: @name after a non-word character, outside code. */
export function mentionsIn(html: string): string[] {
  const text = visibleText(html.replace(/<code>[\s\S]*?<\/code>/g, " "));
  return Array.from(text.matchAll(/(?:^|[^A-Za-z0-9_`])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_-]+)?)/g), (m) => m[1]!);
}

/** Cells per table row, to prove no text left its cell. */
export function cellsPerRow(html: string): number[] {
  return Array.from(html.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (m) => (m[1]!.match(/<t[dh][ >]/g) ?? []).length);
}

/** Cell separators in a raw table line, as GFM splits it: a backslash escapes the character after it. */
function separators(line: string): number {
  let found = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\") i++;
    else if (line[i] === "|") found++;
  }
  return found;
}

/**
 * Every raw row has as many cells as its table's header. GFM drops a row's excess cells, so the
 * rendered table cannot show a cell that alert text split off: the raw line can.
 */
export function rowsOutOfShape(body: string): string[] {
  const bad: string[] = [];
  let header: number | null = null;
  for (const line of body.split("\n")) {
    if (!line.startsWith("|")) header = null;
    else if (header === null) header = separators(line);
    else if (separators(line) !== header) bad.push(line);
  }
  return bad;
}
