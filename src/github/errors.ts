/** GitHub's failures, turned into one line that says what happened and, for a set-up error, what to do. */

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/** The first line of the error, without the documentation link Octokit appends. */
export function messageOf(error: unknown): string {
  return ((error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0] ?? "").replace(/ - https:\/\/docs\.github\.com\S*$/, "");
}

const GITHUB_FIXES: Record<number, string> = {
  401: "The GitHub token is not valid: check the github-token input.",
  403: "The GitHub token may not write issues here: give the job `permissions: issues: write` (or the token the Issues write permission).",
  404: "The repository was not found with this token: check GITHUB_REPOSITORY and the token's access.",
  410: "Issues are disabled in this repository: enable them under Settings → General → Features.",
};

/** A failure that every request of the run would meet alike: a bad token, no permission, no repository, no issues. */
export function isFinal(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status in GITHUB_FIXES;
}

export function describe(error: unknown): string {
  const status = statusOf(error);
  const message = messageOf(error);
  if (!status) return message;
  const fix = GITHUB_FIXES[status] && !/secondary rate limit|rate limit exceeded/i.test(message) ? ` ${GITHUB_FIXES[status]}` : "";
  return `HTTP ${status}: ${message}${fix}`;
}

/** Runs a GitHub call, turning its failure into one line that says what to do. */
export async function explained<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new Error(`${what} failed: ${describe(error)}`, { cause: error });
  }
}
