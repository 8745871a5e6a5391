/** The Defender for Endpoint alerts API over undici: paging, retries, validation. */
import type { Dispatcher } from "undici";
import { z } from "zod";
import { type HttpTuning, isTransientError, isTransientStatus, retryAfterMs, send, withRetries } from "../http.js";
import { type Alert, readAlert } from "./alert.js";
import type { TokenSource } from "./auth.js";
import { DefenderApiError, readDefenderError } from "./errors.js";

/** Defender's documented largest page. */
export const MAX_PAGE_SIZE = 10_000;
// A runaway nextLink chain must end somewhere.
const MAX_PAGES = 1_000;

const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().nullish(),
});

export interface MalformedAlert {
  id: string;
  problem: string;
}

export interface AlertListing {
  alerts: Alert[];
  malformed: MalformedAlert[];
  /** Requests made to the list endpoint (for the request budget). */
  pages: number;
}

export interface DefenderClientOptions {
  apiUrl: string;
  tokens: TokenSource;
  dispatcher: Dispatcher;
  tuning: HttpTuning;
  pageSize?: number;
  retrying: (message: string) => void;
}

export class DefenderClient {
  readonly #options: DefenderClientOptions;
  readonly #pageSize: number;

  constructor(options: DefenderClientOptions) {
    this.#options = options;
    this.#pageSize = Math.min(Math.max(1, options.pageSize ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);
  }

  /**
   * Every alert matching `filter`, evidence included. Defender promises no nextLink, so pages are
   * asked for with $top/$skip until one comes back short; a nextLink, when sent, is followed.
   */
  async listAlerts(filter: string): Promise<AlertListing> {
    const byId = new Map<string, Alert>();
    const malformed: MalformedAlert[] = [];
    let url: string | undefined = this.#listUrl(filter, 0);
    let skip = 0;
    let pages = 0;
    while (url !== undefined && pages < MAX_PAGES) {
      const page = pageSchema.safeParse(await this.#getJson(url, "Listing Defender alerts"));
      pages++;
      if (!page.success) throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
      for (const raw of page.data.value) {
        const reading = readAlert(raw);
        if (reading.ok) byId.set(reading.alert.id, reading.alert);
        else malformed.push({ id: reading.id, problem: reading.problem });
      }
      skip += page.data.value.length;
      const nextLink = page.data["@odata.nextLink"];
      if (nextLink) url = this.#sameOrigin(nextLink);
      else url = page.data.value.length >= this.#pageSize ? this.#listUrl(filter, skip) : undefined;
    }
    return { alerts: [...byId.values()], malformed, pages };
  }

  #listUrl(filter: string, skip: number): string {
    const query = [`$filter=${encodeURIComponent(filter)}`, `$top=${this.#pageSize}`, "$expand=evidence"];
    if (skip > 0) query.push(`$skip=${skip}`);
    return `${this.#options.apiUrl}/api/alerts?${query.join("&")}`;
  }

  // The bearer token goes only to the API host the user configured.
  #sameOrigin(link: string): string {
    const next = new URL(link, this.#options.apiUrl);
    if (next.origin !== new URL(this.#options.apiUrl).origin) {
      throw new Error(`Listing Defender alerts: the next page link points to another host (${next.origin}); refusing to send the token there`);
    }
    return next.href;
  }

  async #getJson(url: string, what: string): Promise<unknown> {
    const { tokens, dispatcher, tuning, retrying } = this.#options;
    let refreshed = false;
    return withRetries(what, tuning, async () => {
      const token = await tokens.token();
      let reply;
      try {
        reply = await send(dispatcher, { method: "GET", url, headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
      } catch (error) {
        if (isTransientError(error)) return { retry: describeError(error) };
        throw error;
      }
      if (reply.status === 401 && !refreshed) {
        // A token can expire between MSAL's check and the request: ask Entra once for a new one.
        refreshed = true;
        await tokens.token({ refresh: true });
        return { retry: "HTTP 401, with a fresh token", afterMs: 0 };
      }
      if (isTransientStatus(reply.status)) {
        return { retry: `HTTP ${reply.status}`, afterMs: retryAfterMs(reply.headers["retry-after"]) };
      }
      if (reply.status < 200 || reply.status >= 300) throw new DefenderApiError(reply.status, readDefenderError(reply.text), what);
      try {
        return { done: JSON.parse(reply.text) as unknown };
      } catch {
        return { retry: "the reply is not valid JSON" };
      }
    }, retrying);
  }
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === "string" && !message.includes(code) ? `${message} (${code})` : message;
}
