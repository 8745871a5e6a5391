/** The check every end-to-end run goes through must itself be able to fail. */
import { describe, expect, it } from "vitest";
import { assertNothingSecret, type RunResult } from "../support/world.ts";

const clean: RunResult = { code: 0, stdout: "::add-mask::s3cret-value\nhello\n", stderr: "", outputs: { a: "1" }, summary: "ok", annotations: [] };
const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUvc29jIn0.c2lnbmF0dXJlLXZhbHVl";

describe("assertNothingSecret", () => {
  it("passes a run whose only mention of a secret is its mask command", () => {
    expect(() => assertNothingSecret(clean, ["s3cret-value"])).not.toThrow();
  });

  it.each([
    ["stdout", { stdout: "token s3cret-value" }],
    ["stderr", { stderr: "s3cret-value" }],
    ["outputs", { outputs: { x: "s3cret-value" } }],
    ["summary", { summary: "| s3cret-value |" }],
  ])("fails a secret in %s", (where, leak) => {
    expect(() => assertNothingSecret({ ...clean, ...leak }, ["s3cret-value"])).toThrow(`the run printed a secret in ${where}`);
  });

  it("fails any JWT, known or not", () => {
    expect(() => assertNothingSecret({ ...clean, summary: jwt }, [])).toThrow("the run printed a token in summary");
  });
});
