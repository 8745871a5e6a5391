/** The GitHub side from the Config: the alert-issue store, and what check asks of the token. */
import * as core from "@actions/core";
import { type Config, DEFAULT_TIMEOUT_MS, type Tuning } from "../config.js";
import { type AccessCheck, checkGitHubAccess } from "./access.js";
import { createGitHub } from "./octokit.js";
import { AlertIssueStore, type Repo } from "./store.js";

export function repository(env: NodeJS.ProcessEnv): Repo {
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || rest.length > 0) throw new Error("GITHUB_REPOSITORY is not set to owner/name: run the action inside a GitHub Actions workflow");
  return { owner, repo };
}

/** For check: what the GitHub token may do in the repository. */
export async function checkGitHub(config: Config, env: NodeJS.ProcessEnv): Promise<AccessCheck[]> {
  const github = createGitHub(config.githubToken, { warning: (message) => core.warning(message) });
  let repo: Repo;
  try {
    repo = repository(env);
  } catch (error) {
    return [{ name: "GitHub repository", ok: false, detail: (error as Error).message }];
  }
  return checkGitHubAccess(github, repo);
}

export function createStore(config: Config, tuning: Tuning, env: NodeJS.ProcessEnv): AlertIssueStore {
  const github = createGitHub(config.githubToken, { warning: (message) => core.warning(message) });
  return new AlertIssueStore(github, repository(env), config.trustedAuthors, {
    createTimeoutMs: tuning.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retrying: (message) => core.info(message),
  });
}
