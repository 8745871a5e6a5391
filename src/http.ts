/** HTTP for the Microsoft clients: one proxy-aware dispatcher and one retry policy. */
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
