/** HTTP for the Microsoft clients: one proxy-aware dispatcher, one retry policy, and the exchange every API request goes through. */
import { setTimeout as sleep } from "node:timers/promises";
import { EnvHttpProxyAgent, errors, request, type Dispatcher } from "undici";
import { DEFAULT_TIMEOUT_MS } from "./config.js";

export interface HttpTuning {
  /** Longest wait for response headers, and between body chunks. */
  timeoutMs: number;
  /** Longest total time spent waiting between retries of one request. */
  retryBudgetMs: number;
  /** Most attempts of one request. */
  maxAttempts: number;
}

export const DEFAULT_TUNING: HttpTuning = { timeoutMs: DEFAULT_TIMEOUT_MS, retryBudgetMs: 300_000, maxAttempts: 6 };

/** Honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY, as the runner's own tools do. */
export function createDispatcher(tuning: HttpTuning): Dispatcher {
  return new EnvHttpProxyAgent({
    headersTimeout: tuning.timeoutMs,
    bodyTimeout: tuning.timeoutMs,
    connect: { timeout: Math.min(tuning.timeoutMs, 30_000) },
  });
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PATCH";
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

/** A response whose body has not been read: read it (`text()`, or iterate its chunks) or `dump()` it. */
export interface OpenResponse {
  status: number;
  headers: Record<string, string>;
  body: AsyncIterable<Uint8Array> & { text(): Promise<string>; dump(): Promise<void> };
}

/** Sends a request and returns once the headers are in; the body is the caller's to read. */
export async function open(dispatcher: Dispatcher, req: HttpRequest): Promise<OpenResponse> {
  const response = await request(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body,
    dispatcher,
  });
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return { status: response.statusCode, headers, body: response.body };
}

/** One exchange, the whole body read: a reset mid-body fails the exchange, so it can be retried. */
export async function send(dispatcher: Dispatcher, req: HttpRequest): Promise<HttpResponse> {
  const response = await open(dispatcher, req);
  return { status: response.status, headers: response.headers, text: await response.body.text() };
}

/** Seconds or an HTTP date, as Retry-After may be; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.ceil(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function isTransientStatus(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status !== 501);
}

const TRANSIENT_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EAI_AGAIN", "ENETUNREACH", "EHOSTUNREACH"]);

export function isTransientError(error: unknown): boolean {
  if (error instanceof errors.UndiciError) {
    return !(error instanceof errors.InvalidArgumentError) && !(error instanceof errors.NotSupportedError);
  }
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && TRANSIENT_CODES.has(code);
}

export type Attempt<T> = { done: T } | { retry: string; afterMs?: number };

/**
 * Runs `attempt` until it is done, waiting between tries: the server's Retry-After when it gives
 * one, else 1, 2, 4, 8… seconds. Gives up when the attempts or the total wait budget run out.
 */
export async function withRetries<T>(
  what: string,
  tuning: HttpTuning,
  attempt: (n: number) => Promise<Attempt<T>>,
  onRetry: (message: string) => void,
): Promise<T> {
  let waited = 0;
  for (let n = 1; ; n++) {
    const outcome = await attempt(n);
    if ("done" in outcome) return outcome.done;
    const backoff = Math.min(1000 * 2 ** (n - 1), 30_000);
    const wait = outcome.afterMs ?? backoff;
    if (n >= tuning.maxAttempts || waited + wait > tuning.retryBudgetMs) {
      throw new RetriesExhaustedError(`${what} failed after ${n} attempt${n === 1 ? "" : "s"}: ${outcome.retry}`);
    }
    onRetry(`${what}: ${outcome.retry}; retrying in ${Math.ceil(wait / 1000)} s (attempt ${n + 1} of ${tuning.maxAttempts})`);
    waited += wait;
    await sleep(wait);
  }
}

export class RetriesExhaustedError extends Error {
  override name = "RetriesExhaustedError";
}

/** A network error in one line, its code (ECONNRESET, UND_ERR_…) named when the message does not. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}

/**
 * What an API client brings to each of its requests: where its tokens come from, its connection
 * and retry tuning, its pace, and how a refusal reads in its API's words.
 */
export interface ApiConnection {
  tokens: { token(options?: { refresh?: boolean }): Promise<string> };
  dispatcher: Dispatcher;
  tuning: HttpTuning;
  retrying: (message: string) => void;
  /** Sent with every request, beside the token. */
  headers?: Record<string, string>;
  /** Waits for a request's turn; what it returns is called once the reply (or the failure) is in. */
  pace?: { take(): Promise<() => void> };
  /** The error a refused request throws: an error status that is not retried. */
  refusal(status: number, text: string, headers: OpenResponse["headers"], request: ApiRequest<unknown>): Error;
}

export interface ApiRequest<T> {
  method: "GET" | "PATCH" | "POST";
  url: string;
  /** JSON text. */
  body?: string;
  what: string;
  /** Reads a successful GET's body. */
  read: (body: OpenResponse["body"]) => Promise<T>;
  /** For a write whose reply was lost: whether it took effect anyway. */
  landed?: () => Promise<boolean>;
}

/**
 * One API request with retries: 429 (after Retry-After), 5xx, resets and timeouts, and a reply
 * that is not valid JSON. Each attempt waits for its turn in the pace. A 401 gets one fresh token.
 * A write whose reply was lost is asked, through `landed`, whether it took effect before it is
 * sent again.
 */
export async function exchange<T>(api: ApiConnection, request: ApiRequest<T>): Promise<T> {
  const { tokens, dispatcher, tuning, pace, retrying } = api;
  const { method, url, body, what, landed } = request;
  const write = method !== "GET";
  let refreshed = false;
  let lostReply = false;
  // Writes read nothing (T is undefined), and only writes are asked whether they landed.
  const done = undefined as T;
  return withRetries<T>(what, tuning, async () => {
    if (lostReply && landed && (await landed())) return { done };
    const token = await tokens.token();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json", ...api.headers };
    if (body !== undefined) headers["content-type"] = "application/json";
    const replied = (await pace?.take()) ?? (() => undefined);
    let reply: OpenResponse;
    try {
      reply = await open(dispatcher, { method, url, headers, body });
    } catch (error) {
      if (!isTransientError(error)) throw error;
      lostReply = write;
      return { retry: describeError(error) };
    } finally {
      replied();
    }
    if (reply.status >= 200 && reply.status < 300 && write) {
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
        // A 429 was refused before it was carried out; another status may have been after.
        lostReply = write && reply.status !== 429;
        return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
      }
      throw api.refusal(reply.status, text, reply.headers, request);
    } catch (error) {
      if (error instanceof SyntaxError) return { retry: "the reply is not valid JSON" };
      if (!isTransientError(error)) throw error;
      lostReply = write;
      return { retry: describeError(error) };
    }
  }, retrying);
}

/** A write's reader: its reply's body is not read. */
export async function nothing(): Promise<undefined> {
  return undefined;
}

/** A body's bytes, whole. */
export async function readBytes(body: OpenResponse["body"]): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function readJson(body: OpenResponse["body"]): Promise<unknown> {
  return JSON.parse(await body.text()) as unknown;
}
