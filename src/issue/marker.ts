/** The line that ties an issue to its Defender alert. */

export const ALERT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

const MARKER_LINE = /^<!-- defender-alert-id: ([^\s]*) -->$/gm;
// The names of the alert marker and of the incident marker, as search (and any regex) would find them.
const MARKER_NAME = /(defender)-((?:alert|incident)-id)/gi;

export function isAlertId(value: string): boolean {
  return ALERT_ID_PATTERN.test(value);
}

export function markerFor(alertId: string): string {
  if (!isAlertId(alertId)) throw new Error(`Not a Defender alert ID: ${JSON.stringify(alertId)}`);
  return `<!-- defender-alert-id: ${alertId} -->`;
}

/**
 * Alert text that names a marker (a command line echoing one, a file named after one) is altered so
 * that the body's own marker line is the only place the name appears: `defender[-]alert-id`, in the
 * style of the defanged URLs beside it. Visible, and stable when applied twice.
 */
export function breakMarkerNames(text: string): string {
  return text.replace(MARKER_NAME, "$1[-]$2");
}

export type MarkerReading =
  | { kind: "none" }
  | { kind: "one"; alertId: string }
  | { kind: "invalid"; reason: string };

/**
 * Finds the marker in an issue body. A body with two marker lines, or one whose ID does not have
 * the shape of an alert ID, is not an alert issue: nothing the action writes looks like that.
 */
export function readMarker(body: string | null | undefined): MarkerReading {
  if (!body) return { kind: "none" };
  // Bodies edited on GitHub end lines with \r\n; most (the ones pull writes) do not, and are not copied.
  const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  const ids = [...text.matchAll(MARKER_LINE)].map((m) => m[1] ?? "");
  if (ids.length === 0) return { kind: "none" };
  if (ids.length > 1) return { kind: "invalid", reason: `the body has ${ids.length} marker lines` };
  const found = ids[0] ?? "";
  if (!isAlertId(found)) return { kind: "invalid", reason: "the marker's alert ID is malformed" };
  // A match is a slice of the body and keeps all of it alive: the ID (ASCII only) is copied out,
  // so that a listing of thousands of issues holds their IDs, not their bodies.
  return { kind: "one", alertId: Buffer.from(found, "latin1").toString("latin1") };
}
