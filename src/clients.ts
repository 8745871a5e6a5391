/** Builds the clients a mode needs from the Config; each owns its HTTP set-up. */
import * as core from "@actions/core";
import type { Config, Tuning } from "./config.js";
import { createTokenSource } from "./defender/auth.js";
import { DefenderClient } from "./defender/client.js";
import { SignInError } from "./defender/errors.js";
import { type AccessCheck, checkGitHubAccess } from "./github/access.js";
import { AlertIssueStore, type Repo } from "./github/store.js";
import { createGitHub } from "./github/octokit.js";
import { createDispatcher, DEFAULT_TUNING, type HttpTuning } from "./http.js";

function httpTuning(tuning: Tuning): HttpTuning {
  return {
    ...DEFAULT_TUNING,
    ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
    ...(tuning.retryBudgetMs !== undefined ? { retryBudgetMs: tuning.retryBudgetMs } : {}),
  };
}

export function createDefender(config: Config, tuning: Tuning): DefenderClient {
  const http = httpTuning(tuning);
  const dispatcher = createDispatcher(http);
  const retrying = (message: string) => core.info(message);
  const tokens = createTokenSource(config, dispatcher, http, {
    mask: (value) => core.setSecret(value),
    idToken: async (audience) => {
      if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new SignInError("No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token: add `permissions: id-token: write` to the job (or give a secret or certificate).");
      }
      return core.getIDToken(audience);
    },
    debug: (message) => core.debug(message),
    retrying,
  });
  return new DefenderClient({ apiUrl: config.cloud.apiUrl, tokens, dispatcher, tuning: http, pageSize: tuning.pageSize, retrying });
}

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
    createTimeoutMs: httpTuning(tuning).timeoutMs,
    retrying: (message) => core.info(message),
  });
}
