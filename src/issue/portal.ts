/**
 * Links to the Defender portal of the chosen cloud: the source's own link when it points there,
 * else one built from an ID. Pure.
 */
import { breakMarkerNames, breakMarkerNamesInUrl } from "./marker.js";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Longer than any link Defender writes: a source's link beyond it is not taken (a body has room for few).
const LINK_MAX = 2_048;

// What may stay as it is in a link destination that sits in a table cell: anything else (a pipe
// that would end the cell, a backtick that would open a code span, a backslash or parenthesis that
// would end the link) is percent-encoded. URL.href is ASCII already.
const LINK_UNSAFE = /[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/g;

/** The tenant for portal links (`tid=`): the source's own when it has the shape of one, the tenant-id input otherwise. */
export function portalTenant(given: string | null | undefined, configured: string | undefined): string | undefined {
  return given && GUID.test(given) ? given : configured;
}

/** Our link to `path` on the portal host; an ID in it that names a marker is kept from naming it in the body. */
export function portalUrl(host: string, path: string, tenantId: string | undefined): string {
  const query = tenantId ? `?tid=${encodeURIComponent(tenantId)}` : "";
  return breakMarkerNamesInUrl(`https://${host}/${path}${query}`);
}

/**
 * The source's own portal link when it is on the cloud's portal host (https, no port, no
 * credentials), names no marker and is of a sane length; ours otherwise.
 */
export function portalLink(given: string | null, host: string, path: string, tenantId: string | undefined): string {
  if (given && given.length <= LINK_MAX && /^https:\/\//i.test(given)) {
    try {
      const url = new URL(given);
      const href = url.href.replace(LINK_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
      if (url.hostname.toLowerCase() === host.toLowerCase() && !url.port && !url.username && !url.password && breakMarkerNames(href) === href && href.length <= LINK_MAX) return href;
    } catch {
      // Not a URL: ours instead.
    }
  }
  return portalUrl(host, path, tenantId);
}
