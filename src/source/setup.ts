/** The source of alerts the Config names: MSAL sign-in and its API, over one proxy-aware dispatcher. */
import * as core from "@actions/core";
import type { Config, Tuning } from "../config.js";
import { createDispatcher, DEFAULT_TUNING, type HttpTuning } from "../http.js";
import { createTokenSource } from "../entra/auth.js";
import type { AlertSource } from "./source.js";
import { SignInError } from "../entra/errors.js";

function httpTuning(tuning: Tuning): HttpTuning {
  return {
    ...DEFAULT_TUNING,
    ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
    ...(tuning.retryBudgetMs !== undefined ? { retryBudgetMs: tuning.retryBudgetMs } : {}),
  };
}

export async function createSource(config: Config, tuning: Tuning): Promise<AlertSource> {
  const http = httpTuning(tuning);
  const dispatcher = createDispatcher(http);
  const retrying = (message: string) => core.info(message);
  const tokens = createTokenSource(config, dispatcher, http, {
    mask: (value) => core.setSecret(value),
    idToken: async (audience) => {
      if (!process.env.ACTIONS_ID_TOKEN_REQUEST_URL || !process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new SignInError({
          problem: "No client-secret or client-certificate was given, so the action signs in with GitHub OIDC federation, which needs the job's ID token",
          fix: "Add `permissions: id-token: write` to the job (or give a secret or certificate).",
        });
      }
      return core.getIDToken(audience);
    },
    debug: (message) => core.debug(message),
    retrying,
  });
  const options = { apiUrl: config.cloud.apiUrl, tokens, dispatcher, tuning: http, pageSize: tuning.pageSize, retrying };
  // Each source loads only when chosen.
  if (config.source === "graph") return new (await import("../graph/client.js")).GraphClient(options);
  return new (await import("../endpoint/client.js")).DefenderClient(options);
}
