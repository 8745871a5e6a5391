/** The lines that tie an issue to its Defender alert, or to its Defender incident. */

export const ALERT_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

// Both markers' lines, so that a body holding one of each is seen as holding two.
const MARKER_LINE = /^<!-- defender-(alert|incident)-id: ([^\s]*) -->$/gm;
// The names of the alert marker and of the incident marker, as search (and any regex) would find them.
const MARKER_NAME = /(defender)-((?:alert|incident)-id)/gi;

export function isAlertId(value: string): boolean {
  return ALERT_ID_PATTERN.test(value);
}

/** An incident ID has the alert ID's shape (SPEC.md: "ID as the alert marker's pattern"). */
export function isIncidentId(value: string): boolean {
  return ALERT_ID_PATTERN.test(value);
}

export function markerFor(alertId: string): string {
  if (!isAlertId(alertId)) throw new Error(`Not a Defender alert ID: ${JSON.stringify(alertId)}`);
  return `<!-- defender-alert-id: ${alertId} -->`;
}

export function incidentMarkerFor(incidentId: string): string {
  if (!isIncidentId(incidentId)) throw new Error(`Not a Defender incident ID: ${JSON.stringify(incidentId)}`);
  return `<!-- defender-incident-id: ${incidentId} -->`;
}

/**
 * Alert text that names a marker (a command line echoing one, a file named after one) is altered so
 * that the body's own marker line is the only place the name appears: `defender[-]alert-id`, in the
 * style of the defanged URLs beside it. Visible, and stable when applied twice.
 */
export function breakMarkerNames(text: string): string {
  return text.replace(MARKER_NAME, "$1[-]$2");
}

/**
 * The same for a link we build from an ID (`/alerts/<id>`): its `-` percent-encoded, which a URL
 * reads as the same path.
 */
export function breakMarkerNamesInUrl(url: string): string {
  return url.replace(MARKER_NAME, "$1%2D$2");
}

export type IssueMarkerReading =
  | { kind: "none" }
  | { kind: "alert"; alertId: string }
  | { kind: "incident"; incidentId: string }
  | { kind: "invalid"; reason: string };

/**
 * What an issue body says it is: an alert issue, an incident issue, or neither. A body with two
 * marker lines (of either kind, so an alert marker and an incident marker too), or one whose ID
 * does not have the shape of an ID, is invalid: nothing the action writes looks like that.
 */
export function readIssueMarker(body: string | null | undefined): IssueMarkerReading {
  if (!body) return { kind: "none" };
  // Bodies edited on GitHub end lines with \r\n; most (the ones pull writes) do not, and are not copied.
  const text = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
  const found = [...text.matchAll(MARKER_LINE)];
  if (found.length === 0) return { kind: "none" };
  if (found.length > 1) return { kind: "invalid", reason: `the body has ${found.length} marker lines` };
  const kind = found[0]?.[1] === "incident" ? "incident" : "alert";
  const id = found[0]?.[2] ?? "";
  if (!ALERT_ID_PATTERN.test(id)) return { kind: "invalid", reason: `the marker's ${kind} ID is malformed` };
  // A match is a slice of the body and keeps all of it alive: the ID (ASCII only) is copied out,
  // so that a listing of thousands of issues holds their IDs, not their bodies.
  const copied = Buffer.from(id, "latin1").toString("latin1");
  return kind === "incident" ? { kind, incidentId: copied } : { kind, alertId: copied };
}

export type MarkerReading =
  | { kind: "none" }
  | { kind: "one"; alertId: string }
  | { kind: "invalid"; reason: string };

/**
 * The alert marker of an alert issue. An incident issue is not an alert issue, so its marker reads
 * as no alert marker; a body with an alert marker and an incident marker is invalid.
 */
export function readMarker(body: string | null | undefined): MarkerReading {
  const reading = readIssueMarker(body);
  switch (reading.kind) {
    case "alert":
      return { kind: "one", alertId: reading.alertId };
    case "incident":
      return { kind: "none" };
    default:
      return reading;
  }
}
