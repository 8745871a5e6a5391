/** Portal links: the source's own when it points at the cloud's portal, ours from the ID otherwise. */
import { describe, expect, it } from "vitest";
import { portalLink, portalTenant, portalUrl } from "../../src/issue/portal.ts";

const HOST = "security.microsoft.com";
const TENANT = "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f";

describe("portalUrl", () => {
  it("links a path on the portal host, with the tenant", () => {
    expect(portalUrl(HOST, "incidents/48213", TENANT)).toBe(`https://${HOST}/incidents/48213?tid=${TENANT}`);
    expect(portalUrl(HOST, "incidents/48213", undefined)).toBe(`https://${HOST}/incidents/48213`);
    expect(portalUrl(HOST, "incidents/1", "contoso.onmicrosoft.com")).toBe(`https://${HOST}/incidents/1?tid=contoso.onmicrosoft.com`);
  });

  it("keeps an ID or a tenant that names a marker from naming it in the body", () => {
    expect(portalUrl(HOST, "alerts/x-defender-alert-id", "defender-incident-id.example")).toBe(`https://${HOST}/alerts/x-defender%2Dalert-id?tid=defender%2Dincident-id.example`);
  });
});

describe("portalLink", () => {
  const ours = `https://${HOST}/incidents/48213?tid=${TENANT}`;

  it("takes the source's link on the portal host", () => {
    expect(portalLink(`https://${HOST}/incidents/48213?tid=x`, HOST, "incidents/48213", TENANT)).toBe(`https://${HOST}/incidents/48213?tid=x`);
  });

  it.each([
    ["none", null],
    ["another host", "https://evil.example/incidents/48213"],
    ["http", `http://${HOST}/incidents/48213`],
    ["a port", `https://${HOST}:8443/incidents/48213`],
    ["credentials", `https://u:p@${HOST}/incidents/48213`],
    ["a marker's name", `https://${HOST}/incidents/48213#defender-incident-id`],
    ["a link longer than any Defender writes", `https://${HOST}/incidents/48213?x=${"a".repeat(2_100)}`],
    ["no URL", "https://"],
  ])("builds ours when the source's link has %s", (_name, given) => {
    expect(portalLink(given, HOST, "incidents/48213", TENANT)).toBe(ours);
  });
});

describe("portalTenant", () => {
  it("is the source's tenant when it is a tenant ID, the configured one otherwise", () => {
    expect(portalTenant(TENANT, "contoso.onmicrosoft.com")).toBe(TENANT);
    expect(portalTenant("defender-alert-id", "contoso.onmicrosoft.com")).toBe("contoso.onmicrosoft.com");
    expect(portalTenant(null, undefined)).toBeUndefined();
  });
});
