/** What the GitHub token may do in the repository, found without changing anything. */
import type { Repo } from "./store.js";
import { messageOf, statusOf } from "./errors.js";
import type { GitHub } from "./octokit.js";

export interface AccessCheck {
  name: string;
  ok: boolean;
  /** What was found, in our words. */
  detail: string;
  /** GitHub's message, quoted: not ours, so shown inert. */
  reply?: string;
  fix?: string;
}

const WRITE_FIX = "Give the job `permissions: issues: write` (or the token the Issues read and write permission).";

/**
 * Writes are probed with requests GitHub refuses as invalid (a blank title or label name): it
 * checks permission first, so 422 means the token may write, and nothing is created.
 */
async function probeWrite(name: string, write: () => Promise<unknown>): Promise<AccessCheck> {
  try {
    await write();
    return { name, ok: false, detail: "GitHub accepted a blank request, which it should refuse", fix: "Report this: the probe created something." };
  } catch (error) {
    const status = statusOf(error);
    if (status === 422) return { name, ok: true, detail: "allowed" };
    if (status === 410) return { name, ok: false, detail: "issues are disabled (HTTP 410)", fix: "Enable issues under Settings → General → Features." };
    if (status === 403 || status === 404) return { name, ok: false, detail: `refused (HTTP ${status})`, reply: messageOf(error), fix: WRITE_FIX };
    return { name, ok: false, detail: `HTTP ${status ?? "error"}`, reply: messageOf(error) };
  }
}

export async function checkGitHubAccess(github: GitHub, repo: Repo): Promise<AccessCheck[]> {
  const checks: AccessCheck[] = [];
  const where = `\`${repo.owner}/${repo.repo}\``;
  try {
    const { data } = await github.rest.repos.get({ ...repo });
    checks.push(data.has_issues
      ? { name: `GitHub repository ${where}`, ok: true, detail: "found, issues enabled" }
      : { name: `GitHub repository ${where}`, ok: false, detail: "issues are disabled", fix: "Enable issues under Settings → General → Features." });
  } catch (error) {
    const status = statusOf(error);
    checks.push({
      name: `GitHub repository ${where}`,
      ok: false,
      detail: `HTTP ${status ?? "error"}`,
      reply: messageOf(error),
      fix: status === 401 ? "The github-token is not valid." : "Check GITHUB_REPOSITORY and that github-token can see the repository (`permissions: contents: read`).",
    });
    return checks;
  }
  try {
    await github.rest.issues.listForRepo({ ...repo, state: "all", per_page: 1 });
    checks.push({ name: "Read issues", ok: true, detail: "allowed" });
  } catch (error) {
    checks.push({ name: "Read issues", ok: false, detail: `HTTP ${statusOf(error) ?? "error"}`, reply: messageOf(error), fix: "Give the job `permissions: issues: read` or more." });
  }
  checks.push(await probeWrite("Write issues", () => github.rest.issues.create({ ...repo, title: "", request: { retries: 0 } })));
  checks.push(await probeWrite("Write labels", () => github.rest.issues.createLabel({ ...repo, name: "", color: "ededed", request: { retries: 0 } })));
  return checks;
}
