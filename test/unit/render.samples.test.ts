/** The sample alerts as issue bodies: readable raw, every escape one that GFM needs. */
import { describe, expect, it } from "vitest";
import { alertSchema, toAlert } from "../../src/endpoint/alert.ts";
import { formatTime } from "../../src/issue/markdown.ts";
import { renderIssue } from "../../src/issue/render.ts";
import { makeAlert, sampleAlerts } from "../emulators/sample-alerts.ts";
import { renderGfm } from "../support/gfm.ts";

const NOW = new Date("2026-12-01T20:00:00Z");
const options = { titleTemplate: "[{severity}] {title} on {computerDnsName}", portalHost: "security.microsoft.com", extraLabels: [] };
const alerts = [...sampleAlerts(NOW), makeAlert({ alertCreationTime: "2026-12-01T19:00:00.0000000Z" })].map((raw) => alertSchema.parse(raw));

/** Positions of the backslashes that escape the character after them (a pair counts once). */
function escapes(body: string): number[] {
  const found: number[] = [];
  for (let i = 0; i < body.length - 1; i++) {
    if (body[i] === "\\" && /[!-/:-@[-`{-~]/.test(body[i + 1]!)) found.push(i++);
  }
  return found;
}

describe.each(alerts.map((alert) => [alert.title, alert] as const))("the body of %s", (_title, alert) => {
  const body = renderIssue(toAlert(alert), options).body;

  it("holds no escape that GFM does not need: removing any one changes the rendered issue", () => {
    const html = renderGfm(body);
    const unneeded = escapes(body)
      .filter((at) => renderGfm(body.slice(0, at) + body.slice(at + 1)) === html)
      .map((at) => body.slice(Math.max(0, at - 20), at + 20));
    expect(unneeded).toEqual([]);
  });

  it("shows host names, times, paths, hashes and plain sentences as they are", () => {
    const verbatim = [
      alert.computerDnsName,
      alert.rbacGroupName,
      alert.category,
      alert.detectionSource,
      alert.threatName,
      formatTime(alert.firstEventTime),
      formatTime(alert.lastEventTime),
      formatTime(alert.alertCreationTime),
      alert.relatedUser ? `${alert.relatedUser.domainName}\\${alert.relatedUser.userName}` : null,
      ...alert.evidence.flatMap((item) => [item.filePath, item.sha256 ?? item.sha1, item.userPrincipalName, item.ipAddress]),
      // Alert text that carries no markup of its own is shown as written.
      ...[alert.description, alert.recommendedAction].flatMap((text) => (text ?? "").split("\n")).filter((line) => !/[@<[|]|^\d\./.test(line)),
    ].filter((value): value is string => Boolean(value));
    for (const value of verbatim) expect(body).toContain(value);
  });
});

it("escapes only the hostile sample's markup, an e-mail address in a cell and a numbered list", () => {
  const bodies = alerts.map((alert) => renderIssue(toAlert(alert), options).body);
  expect(bodies.map((body) => escapes(body).map((at) => body.slice(at, at + 2)))).toEqual([[], [], [], ["\\<", "\\]", "\\|", "\\|"], [], ["\\@"], ["\\."]]);
});
