/**
 * One request to Microsoft Graph, as every Graph call makes it: the bearer token, the minute's
 * pace, retries, and a refusal translated into what the user should do.
 */
import type { Dispatcher } from "undici";
import type { TokenSource } from "../entra/auth.js";
import { describeError, type HttpTuning, isTransientError, isTransientStatus, open, type OpenResponse, retryAfterMs, withRetries } from "../http.js";
import { forbiddenFix, GraphApiError, type GraphRoles, readGraphError, unauthorizedFix } from "./errors.js";
import type { RequestPace } from "./pace.js";

// Without it, alerts of newer products (Sentinel, Defender for Cloud…) arrive as `unknownFutureValue`.
const PREFER = "include-unknown-enum-members";

export interface Exchange<T> {
  method: "GET" | "PATCH" | "POST";
  url: string;
  body?: unknown;
  what: string;
  /** Reads a successful GET's body. */
  read: (body: OpenResponse["body"]) => Promise<T>;
  /** For a write whose reply was lost: whether it took effect anyway. */
  landed?: () => Promise<boolean>;
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

/**
 * One request with retries: 429 (after Retry-After), 5xx, resets and timeouts, and a reply that
 * is not valid JSON. Each attempt waits for its turn in the minute's budget. A 401 gets one
 * fresh token. A write whose reply was lost is asked, through `landed`, whether it took effect.
 */
export async function exchange<T>(options: ExchangeOptions, request: Exchange<T>): Promise<T> {
  const { tokens, dispatcher, tuning, pace, retrying } = options;
  const { method, url, what, landed } = request;
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  let refreshed = false;
  let lostReply = false;
  // Writes read nothing (T is undefined), and only writes are asked whether they landed.
  const done = undefined as T;
  return withRetries<T>(what, tuning, async () => {
    if (lostReply && landed && (await landed())) return { done };
    const token = await tokens.token();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json", prefer: PREFER };
    if (body !== undefined) headers["content-type"] = "application/json";
    const replied = await pace.take();
    let reply: OpenResponse;
    try {
      reply = await open(dispatcher, { method, url, headers, body });
    } catch (error) {
      if (!isTransientError(error)) throw error;
      lostReply = method !== "GET";
      return { retry: describeError(error) };
    } finally {
      replied();
    }
    if (reply.status >= 200 && reply.status < 300 && method !== "GET") {
      // The write happened; what the body says does not matter.
      await reply.body.dump().catch(() => undefined);
      return { done };
    }
    try {
      if (reply.status >= 200 && reply.status < 300) return { done: await request.read(reply.body) };
      const text = await reply.body.text();
      if (reply.status === 401 && !refreshed) {
        // A token can expire between MSAL's check and the request: ask Entra once for a new one.
        refreshed = true;
        await tokens.token({ refresh: true });
        return { retry: "HTTP 401, with a fresh token", afterMs: 0 };
      }
      if (isTransientStatus(reply.status)) {
        lostReply = method !== "GET" && reply.status !== 429;
        return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
      }
      throw new GraphApiError(reply.status, readGraphError(text, reply.headers["request-id"]), what, fixFor(reply.status, tokens, request));
    } catch (error) {
      if (error instanceof SyntaxError) return { retry: "the reply is not valid JSON" };
      if (!isTransientError(error)) throw error;
      lostReply = method !== "GET";
      return { retry: describeError(error) };
    }
  }, retrying);
}

/** A write's reader: its reply's body is not read. */
export async function nothing(): Promise<undefined> {
  return undefined;
}

export async function readJson(body: OpenResponse["body"]): Promise<unknown> {
  return JSON.parse(await body.text()) as unknown;
}

function fixFor(status: number, tokens: TokenSource, request: Exchange<unknown>): string | undefined {
  if (status === 401) return unauthorizedFix(tokens.claims().aud);
  if (status === 403) return forbiddenFix(tokens.claims().roles, request.method !== "GET", request.roles);
  if (status === 404) return request.notFound;
  return undefined;
}

