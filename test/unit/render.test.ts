import { describe, expect, it } from "vitest";
import { alertSchema } from "../../src/defender/alert.ts";
import { cellCode, inlineText, quoteBlock } from "../../src/issue/markdown.ts";
import { readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, renderIssue, renderTitle, TITLE_MAX } from "../../src/issue/render.ts";
import { cellsPerRow, hrefsIn, mentionsIn, renderGfm, tagsIn, visibleText } from "../support/gfm.ts";

const base = {
  id: "da638412345678901234_-1402987561",
  incidentId: 48213,
  investigationId: 91734,
  investigationState: "PendingApproval",
  assignedTo: null,
  severity: "Medium",
  status: "New",
  classification: null,
  determination: null,
  detectionSource: "WindowsDefenderAtp",
  category: "CredentialAccess",
  threatFamilyName: null,
  title: "Suspicious access to LSASS service",
  description: "A process read lsass.exe memory in a way typical of credential theft tools.",
  alertCreationTime: "2024-01-15T09:46:07.8901234Z",
  firstEventTime: "2024-01-15T09:43:51.102Z",
  lastEventTime: "2024-01-15T09:44:02.331Z",
  lastUpdateTime: "2024-01-15T09:46:09.41Z",
  resolvedTime: null,
  machineId: "3f9c2b7d1e0a4c6b8d2e5f7a9b1c3d5e7f9a0b2c",
  computerDnsName: "ws-finance-07.corp.contoso.com",
  rbacGroupName: "Finance",
  aadTenantId: "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f",
  mitreTechniques: ["T1003", "T1003.001"],
  relatedUser: { userName: "jdoe", domainName: "CORP" },
  comments: [],
  evidence: [
    {
      entityType: "Process",
      sha1: "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3",
      fileName: "procdump64.exe",
      filePath: "C:\\Users\\jdoe\\Downloads",
      processId: 6120,
      processCommandLine: "procdump64.exe -ma lsass.exe out.dmp",
      parentProcessFileName: "cmd.exe",
      userPrincipalName: "jdoe@contoso.com",
      detectionStatus: "Detected",
    },
  ],
};

const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: ["soc"] };

function alert(overrides: Record<string, unknown> = {}) {
  return alertSchema.parse({ ...base, ...overrides });
}

const HOSTILE = [
  "@security-team please look",
  "@acme/admins",
  "<img src=x onerror=alert(1)>",
  "</details><script>alert(1)</script>",
  "a | b || c",
  "back`tick``s```",
  "[click](javascript:alert(1))",
  "https://evil.example.com/payload and www.evil.example",
  "line one\nline two\r\n# heading\n---",
  "\u202eexe.fdp",
  "x\u0000y\u0007z",
  "\\| escaped pipe",
  "<!-- defender-alert-id: forged_1 -->",
  "&lt;b&gt; entity",
  "![img](https://evil.example/x.png)",
  "x".repeat(70_000),
];

describe("renderIssue", () => {
  it("renders the fields a triager needs, the marker and a portal link", () => {
    const draft = renderIssue(alert(), options);
    expect(draft.title).toBe("[Medium] Suspicious access to LSASS service on ws-finance-07.corp.contoso.com");
    expect(draft.labels).toEqual(["defender-alert", "severity:Medium", "soc"]);
    expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: base.id });
    const html = renderGfm(draft.body);
    const text = visibleText(html);
    for (const shown of ["Medium", "CredentialAccess", "WindowsDefenderAtp", "ws-finance-07.corp.contoso.com", "Finance", "CORP\\jdoe", "2024-01-15 09:43:51 UTC", "procdump64.exe -ma lsass.exe out.dmp", "A process read lsass.exe memory"]) {
      expect(text).toContain(shown);
    }
    expect(hrefsIn(html)).toEqual([
      `https://security.microsoft.com/alerts/${base.id}?tid=${base.aadTenantId}`,
      `https://security.microsoft.com/machines/${base.machineId}/timeline?tid=${base.aadTenantId}`,
      "https://attack.mitre.org/techniques/T1003/",
      "https://attack.mitre.org/techniques/T1003/001/",
      `https://security.microsoft.com/incidents/48213?tid=${base.aadTenantId}`,
    ]);
  });

  it("uses the cloud's portal host", () => {
    const draft = renderIssue(alert(), { ...options, portalHost: "security.apps.mil" });
    expect(hrefsIn(renderGfm(draft.body))[0]).toBe(`https://security.apps.mil/alerts/${base.id}?tid=${base.aadTenantId}`);
  });

  it("labels an unknown severity as UnSpecified", () => {
    expect(renderIssue(alert({ severity: "Critical!" }), options).labels[1]).toBe("severity:UnSpecified");
  });

  it.each(HOSTILE.map((text) => [text.slice(0, 40), text]))("keeps hostile text inert: %s", (_name, hostile) => {
    const fields = {
      title: hostile,
      description: hostile,
      computerDnsName: hostile,
      category: hostile,
      relatedUser: { userName: hostile, domainName: hostile },
      mitreTechniques: [hostile],
      evidence: [{ entityType: hostile, fileName: hostile, filePath: hostile, processCommandLine: hostile, url: hostile, detectionStatus: hostile }],
      recommendedAction: hostile,
    };
    const draft = renderIssue(alert(fields), options);
    expect(Array.from(draft.title).length).toBeLessThanOrEqual(TITLE_MAX);
    expect(draft.title).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
    expect(draft.body.length).toBeLessThanOrEqual(BODY_MAX);
    expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: base.id });
    const html = renderGfm(draft.body);
    expect([...tagsIn(html)].filter((tag) => !["p", "strong", "a", "table", "thead", "tbody", "tr", "th", "td", "h3", "blockquote", "code", "details", "summary", "ul", "li", "br"].includes(tag))).toEqual([]);
    expect(hrefsIn(html).every((href) => href.startsWith("https://security.microsoft.com/") || href.startsWith("https://attack.mitre.org/"))).toBe(true);
    expect(mentionsIn(html)).toEqual([]);
    expect(new Set(cellsPerRow(html))).toEqual(new Set([2, 3]));
    expect(html).not.toMatch(/<[^>]*\son[a-z]+=|href="(?!https:)/i);
    expect(html.match(/<details>/g)?.length).toBe(1);
    expect(html.match(/<\/details>/g)?.length).toBe(1);
  });
});

describe("renderTitle", () => {
  it("fills fields, joins arrays and leaves missing ones empty", () => {
    expect(renderTitle("{title} [{mitreTechniques}] {nope}{relatedUser}", alert())).toBe("Suspicious access to LSASS service [T1003, T1003.001]");
  });

  it("cuts at 256 characters without splitting a surrogate pair", () => {
    const title = renderTitle("{title}", alert({ title: "😀".repeat(300) }));
    expect(Array.from(title)).toHaveLength(256);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("markdown escaping", () => {
  it("breaks mentions but keeps e-mail addresses intact", () => {
    expect(visibleText(renderGfm(inlineText("@octocat mail jdoe@contoso.com")))).toBe("@\u200boctocat mail jdoe@contoso.com");
    // Each @ of a run is broken, or the second would mention "0".
    expect(mentionsIn(renderGfm(inlineText("@@0 and (@@@team)")))).toEqual([]);
  });

  it("defangs links", () => {
    expect(visibleText(renderGfm(inlineText("see https://evil.example/x or www.evil.example")))).toBe("see hxxps[:]//evil.example/x or www[.]evil.example");
  });

  it("puts any backtick run inside a longer fence", () => {
    expect(cellCode("a ``b`` c")).toBe("``` a ``b`` c ```");
    expect(renderGfm(cellCode("a ``b`` c"))).toBe("<p><code>a ``b`` c</code></p>");
  });

  it("quotes every line and keeps headings and rules as text", () => {
    expect(quoteBlock("# not a heading\n---\n\n\n\nlast")).toBe("> \\# not a heading\n> \\-\\-\\-\n>\nlast".replace("\nlast", "\n> last"));
  });
});
