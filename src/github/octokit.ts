/** The GitHub client: @actions/github's Octokit (proxy-aware, GHES-aware) with throttling and retries. */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling, type ThrottlingOptions } from "@octokit/plugin-throttling";

export type GitHub = ReturnType<typeof getOctokit>;

export interface OctokitHooks {
  warning(message: string): void;
}

/** Waits longer than this are not worth a runner's time: the next scheduled run picks up the rest. */
const LONGEST_WAIT_SECONDS = 300;
const MOST_LIMIT_RETRIES = 3;

export function createGitHub(token: string, hooks: OctokitHooks): GitHub {
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const request = `${options.method} ${options.url}`;
    if (retryCount < MOST_LIMIT_RETRIES && retryAfter <= LONGEST_WAIT_SECONDS) {
      hooks.warning(`GitHub ${kind} rate limit on ${request}; retrying in ${retryAfter} s`);
      return true;
    }
    hooks.warning(`GitHub ${kind} rate limit on ${request}; not waiting ${retryAfter} s, giving up on this request`);
    return false;
  };
  const throttle: ThrottlingOptions = {
    onRateLimit: onLimit("primary"),
    onSecondaryRateLimit: onLimit("secondary"),
  };
  // 429 is the throttling plugin's to handle; without this the retry plugin would retry it too.
  return getOctokit(token, { throttle, retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451] } }, throttling, retry);
}
