/** Any string in any input yields a value or one line naming the input: never a crash. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError, readConfig } from "../../src/config.ts";

const BASE: Record<string, string> = {
  mode: "pull",
  "tenant-id": "8d3c1f0e-2b4a-4c6d-9e8f-0a1b2c3d4e5f",
  "client-id": "0b5c7f1e-8c2a-4e8d-9a51-3f6d2c7e4a10",
  "client-secret": "secret-value",
  "github-token": "ghs_token",
};

const INPUTS = [
  "mode", "tenant-id", "client-id", "client-secret", "client-certificate", "cloud", "api-url", "authority-host", "api-scope",
  "oidc-audience", "github-token", "lookback", "min-severity", "statuses", "filter", "max-issues", "labels", "assignees",
  "title-template", "assignee-map", "sync-comments", "trusted-authors", "dry-run",
];

// Plain, unicode and hostile strings: newlines, workflow commands, YAML and JSON fragments.
const anyText = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\n::error::forged", "{\"a\": [1, {\"b\": null}]}", "a: &x [*x]", "- - -", "P", "PT", "0", "-1", "1e3", "https://", "http://[::1", "${{ secrets.X }}", "\u202e", "%0A", " "),
  fc.stringMatching(/^[\w:\-/.,{}[\]'"() \n@]{0,60}$/),
);

describe.each(INPUTS)("input %s", (name) => {
  it("gives a Config or one InputError line that names the input", async () => {
    await fc.assert(
      fc.asyncProperty(anyText, async (value) => {
        try {
          const config = await readConfig((input) => (input === name ? value : (BASE[input] ?? "")));
          expect(config.mode).toMatch(/^(pull|sync|check)$/);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          const message = (error as Error).message;
          expect(message.startsWith(`Input '${name}'`) || (name === "client-secret" && message.startsWith("Input 'client-certificate'"))).toBe(true);
          expect(message).not.toMatch(/[\r\n]/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
