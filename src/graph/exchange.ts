/**
 * One request to Microsoft Graph, as every Graph call makes it: the shared exchange (token,
 * retries, lost replies) with Graph's header, the minute's pace, and a refusal translated into what
 * the user should do.
 */
import type { Dispatcher } from "undici";
import type { TokenSource } from "../entra/auth.js";
import { type ApiRequest, exchange as exchangeWith, type HttpTuning } from "../http.js";
import { forbiddenFix, GraphApiError, type GraphRoles, readGraphError, unauthorizedFix } from "./errors.js";
import type { RequestPace } from "./pace.js";

// Without it, alerts of newer products (Sentinel, Defender for Cloud…) arrive as `unknownFutureValue`.
const PREFER = "include-unknown-enum-members";

export interface Exchange<T> extends Omit<ApiRequest<T>, "body"> {
  /** Sent as JSON. */
  body?: unknown;
  /** What a 404 means here. */
  notFound?: string;
  /** The roles the request needs, which a 403's fix names; the alerts' unless said. */
  roles?: GraphRoles;
}

export interface ExchangeOptions {
  tokens: TokenSource;
  dispatcher: Dispatcher;
  tuning: HttpTuning;
  pace: RequestPace;
  retrying: (message: string) => void;
}

/** One Graph request (`exchange` in src/http.ts), each attempt waiting for its turn in the minute's budget. */
export async function exchange<T>(options: ExchangeOptions, request: Exchange<T>): Promise<T> {
  const { tokens } = options;
  const refusal = (status: number, text: string, headers: Record<string, string>) =>
    new GraphApiError(status, readGraphError(text, headers["request-id"]), request.what, fixFor(status, tokens, request));
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  return exchangeWith({ ...options, headers: { prefer: PREFER }, refusal }, { ...request, body });
}

function fixFor(status: number, tokens: TokenSource, request: Exchange<unknown>): string | undefined {
  if (status === 401) return unauthorizedFix(tokens.claims().aud);
  if (status === 403) return forbiddenFix(tokens.claims().roles, request.method !== "GET", request.roles);
  if (status === 404) return request.notFound;
  return undefined;
}
