import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { cellCode, inlineText, quoteBlock } from "../../src/issue/markdown.ts";
import { readMarker } from "../../src/issue/marker.ts";
import { BODY_MAX, renderIssue, renderTitle, TITLE_MAX } from "../../src/issue/render.ts";
import { CLASSIFICATIONS, DETERMINATIONS_BY_CLASSIFICATION, STATUSES } from "../../src/issue/vocabulary.ts";
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
  return toAlert(alertSchema.parse({ ...base, ...overrides }));
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

  it("breaks marker names in alert text, code spans too, so the body names the marker once", () => {
    const commandLine = "cmd.exe /c echo <!-- defender-alert-id: x -->";
    const evidence = [{ ...base.evidence[0], processCommandLine: commandLine, fileName: "<!-- DEFENDER-INCIDENT-ID: 7 -->" }];
    const draft = renderIssue(alert({ title: commandLine, description: commandLine, category: "defender-alert-id", evidence }), options);
    expect(draft.body.match(/defender-alert-id/gi)).toEqual(["defender-alert-id"]);
    expect(draft.body).not.toMatch(/defender-incident-id/i);
    expect(draft.body).toContain("` cmd.exe /c echo <!-- defender[-]alert-id: x --> `");
    expect(draft.body).toContain("> cmd.exe /c echo \\<!-- defender[-]alert-id: x -->");
    expect(draft.title).toBe("[Medium] cmd.exe /c echo <!-- defender[-]alert-id: x --> on ws-finance-07.corp.contoso.com");
    expect(readMarker(draft.body)).toEqual({ kind: "one", alertId: base.id });
  });

  it("takes the tenant for portal links from the alert only when it is a tenant ID", () => {
    const draft = renderIssue(alert({ aadTenantId: "defender-alert-id" }), { ...options, tenantId: "contoso.onmicrosoft.com" });
    expect(hrefsIn(renderGfm(draft.body))[0]).toBe(`https://security.microsoft.com/alerts/${base.id}?tid=contoso.onmicrosoft.com`);
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

describe("the triage section", () => {
  const body = renderIssue(alert(), options).body;
  const section = body.slice(body.indexOf("<details>"));

  it("ends the body, collapsed", () => {
    expect(section).toMatch(/^<details><summary>Triage from this issue \(when sync is set up\)<\/summary>\n\n[\s\S]*\n\n<\/details>\n$/);
  });

  it("names every status label", () => {
    expect(section).toContain(`Or label it ${STATUSES.map((status) => `\`status:${status}\``).join(", ").replace(/, (?=[^,]*$)/, " or ")}.`);
  });

  it("lists the determinations each classification accepts, one row per classification", () => {
    const html = renderGfm(section);
    const rows = Array.from(html.matchAll(/<tr>([\s\S]*?)<\/tr>/g), (row) => Array.from(row[1]!.matchAll(/<t[dh]>([\s\S]*?)<\/t[dh]>/g), (cell) => cell[1]!.replace(/<[^>]*>/g, "")));
    expect(rows).toEqual([
      ["classification:", "determination:"],
      ...CLASSIFICATIONS.map((classification) => [classification, DETERMINATIONS_BY_CLASSIFICATION[classification].join(", ")]),
    ]);
  });

  it("costs the body little", () => {
    expect(section.length).toBeLessThan(1_200);
  });
});

describe("renderTitle", () => {
  it("fills fields, joins arrays and leaves missing ones empty", () => {
    expect(renderTitle("{title} [{mitreTechniques}] {nope}{relatedUser}", alert())).toBe("Suspicious access to LSASS service [T1003, T1003.001]");
  });

  it("leaves out ` on {field}` when the field is empty, and only then", () => {
    expect(renderTitle(options.titleTemplate, alert({ computerDnsName: null }))).toBe("[Medium] Suspicious access to LSASS service");
    expect(renderTitle(options.titleTemplate, alert({ computerDnsName: " \u200b " }))).toBe("[Medium] Suspicious access to LSASS service");
    expect(renderTitle("{title} on {computerDnsName} on {rbacGroupName}", alert({ computerDnsName: null }))).toBe("Suspicious access to LSASS service on Finance");
    expect(renderTitle("{title} on{computerDnsName}", alert({ computerDnsName: null }))).toBe("Suspicious access to LSASS service on");
    expect(renderTitle("{title} on {nope} for {category}", alert())).toBe("Suspicious access to LSASS service for CredentialAccess");
  });

  it("cuts at 256 characters without splitting a surrogate pair", () => {
    const title = renderTitle("{title}", alert({ title: "😀".repeat(300) }));
    expect(Array.from(title)).toHaveLength(256);
    expect(title.endsWith("…")).toBe(true);
    expect(title).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("names only the alert's own fields, not what every object inherits", () => {
    expect(renderTitle("{title}{constructor}{toString}{hasOwnProperty}", alert())).toBe("Suspicious access to LSASS service");
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
    expect(quoteBlock("# not a heading\n---\n\n\n\nlast")).toBe("> \\# not a heading\n> \\---\n>\n> last");
  });

  it.each([
    ["a host name", "ws-finance-07.corp.contoso.com"],
    ["a time", "2026-12-01 01:53:46 UTC"],
    ["a Windows path", "C:\\Users\\jdoe\\AppData\\Local\\Temp\\out.dmp"],
    ["an account", "CORP\\svc-backup"],
    ["a hash", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"],
    ["a threat name", "Ransom:Win32/LockBit.RPA!MTB"],
    ["an IPv6 address", "fe80::1ff:fe23:4567:890a"],
    ["a sentence", "Reset the password (it's \"weak\"): 50% = 1/2 + 0; why? snake_case_name, 3 * 4 and a < b > c & d."],
  ])("leaves %s as it is", (_name, text) => {
    expect(inlineText(text)).toBe(text);
    expect(quoteBlock(text)).toBe(`> ${text}`);
  });

  it.each([
    ["a pipe, in a cell", "a|b", "a\\|b"],
    ["emphasis", "**bold** _em_ ~del~", "\\*\\*bold\\*\\* \\_em\\_ \\~del\\~"],
    ["a tag", "<img src=x>", "\\<img src=x>"],
    ["an HTML comment", "<!-- x -->", "\\<!-- x -->"],
    ["a character reference", "&amp; &#64; R&D", "\\&amp; \\&#64; R&D"],
    ["an inline link", "[a](b) ![i](j)", "[a\\](b) ![i\\](j)"],
    ["an e-mail address GFM would link", "soc@contoso.com", "soc\\@contoso.com"],
    ["a backslash before punctuation", "C:\\Users\\_x\\", "C:\\Users\\\\\\_x\\\\"],
    ["a code span", "`x`", "\\`x\\`"],
    ["math", "$x$", "\\$x\\$"],
    ["an emoji shortcode", ":rocket: at 10:00:00", "\\:rocket: at 10:00:00"],
  ])("escapes %s", (_name, text, escaped) => {
    expect(inlineText(text)).toBe(escaped);
  });

  it.each([
    ["# h", "\\# h"],
    ["> q", "\\> q"],
    ["- item", "\\- item"],
    ["* item", "\\* item"],
    ["1. item", "1\\. item"],
    ["---", "\\---"],
    ["~~~ js", "\\~~~ js"],
    ["[x]: https://e.x", "\\[x]: hxxps[:]//e.x"],
    ["[^1]: note", "\\[^1]: note"],
    ["[!NOTE]", "\\[!NOTE]"],
    ["| --- |", "\\| --- |"],
    ["#12 is fine", "#12 is fine"],
    ["[Test Alert] is fine", "[Test Alert] is fine"],
  ])("keeps a quote line from starting a block: %s", (line, quoted) => {
    expect(quoteBlock(line)).toBe(`> ${quoted}`);
  });

  it("escapes a line that would interrupt a paragraph, and only such a line", () => {
    expect(quoteBlock("text\n2. not a list\n1. a list\n===\n- a list")).toBe("> text\n> 2. not a list\n> 1\\. a list\n> \\===\n> \\- a list");
  });
});
