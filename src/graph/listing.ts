/**
 * Every alert (or incident) of a Graph query, however many it holds. Past some `$skip` Graph stops
 * paging without an error (Elastic's integration met it in production), so pages are asked for by
 * time boundaries: ordered by a time field, oldest first, and after a page with more behind it the
 * next asks for `field ge <the page's last value>`, the rows of that instant coming again (the
 * caller drops them by ID). `ge`, not `gt`: alerts and incidents share timestamps.
 *
 * An instant that fills a whole page cannot be stepped past that way. Its rows are read on their
 * own, ordered by the other time field; and should that instant fill a page too, by following next
 * links, the one place `$skip` may grow, and a next link that leads to an empty page is an error
 * rather than rows silently missing.
 */
import type { GraphPage, Timed } from "./page.js";

export type TimeField = "createdDateTime" | "lastUpdateDateTime";

const OTHER_FIELD: Record<TimeField, TimeField> = { createdDateTime: "lastUpdateDateTime", lastUpdateDateTime: "createdDateTime" };

export interface PageRequests<T extends Timed> {
  /** The first page of the rows matching `filter`, ordered by `field`, oldest first. */
  first(filter: string, field: TimeField): Promise<GraphPage<T>>;
  /** The page a next link points to. */
  next(link: string): Promise<GraphPage<T>>;
}

export interface ListingLimits {
  pageSize: number;
  /** A listing that would take more requests than this is stopped with an error: a runaway guard. */
  maxPages: number;
  /** What is listed, as messages name it; default `alerts`. */
  rows?: "alerts" | "incidents";
}

/** Reads every page of `filter`'s rows by time boundaries, handing each page to `take`; returns the requests made. */
export async function readByTime<T extends Timed>(filter: string, field: TimeField, limits: ListingLimits, requests: PageRequests<T>, take: (page: GraphPage<T>) => void): Promise<number> {
  const reader = new TimeBoundaryReader(limits, requests, take);
  await reader.read(filter, field, 0);
  return reader.pages;
}

class TimeBoundaryReader<T extends Timed> {
  pages = 0;
  readonly #limits: ListingLimits;
  readonly #requests: PageRequests<T>;
  readonly #take: (page: GraphPage<T>) => void;
  readonly #rows: string;

  constructor(limits: ListingLimits, requests: PageRequests<T>, take: (page: GraphPage<T>) => void) {
    this.#limits = limits;
    this.#requests = requests;
    this.#take = take;
    this.#rows = limits.rows ?? "alerts";
  }

  async read(filter: string, field: TimeField, depth: number): Promise<void> {
    // Milliseconds: a Date keeps no finer time, and truncates Graph's seven digits, so `ge` on it never skips a row.
    let from: number | undefined;
    for (;;) {
      const query = from === undefined ? filter : `${filter} and ${field} ge ${odataInstant(from)}`;
      const page = await this.#fetch(() => this.#requests.first(query, field));
      if (!this.#hasMore(page)) return;
      const times = this.#timesOf(page, field);
      const first = times[0];
      const last = times.at(-1);
      if (first !== undefined && last !== undefined && last > first) {
        from = last;
        continue;
      }
      if (first !== undefined && depth === 0) {
        // One instant fills the page: read it alone, by the other time field, then step past it.
        const instant = `${field} ge ${odataInstant(first)} and ${field} lt ${odataInstant(first + 1)}`;
        await this.read(`${filter} and ${instant}`, OTHER_FIELD[field], depth + 1);
        from = first + 1;
        continue;
      }
      const resume = await this.#follow(page, field, first);
      if (resume === undefined) return;
      from = resume;
    }
  }

  /**
   * Follows next links from a page that time cannot step past, until a page reaches a later time
   * (returned, to go on from by time) or the links end (undefined: the query is read).
   */
  async #follow(page: GraphPage<T>, field: TimeField, stuckAt: number | undefined): Promise<number | undefined> {
    let current = page;
    while (current.nextLink !== undefined) {
      const link = current.nextLink;
      current = await this.#fetch(() => this.#requests.next(link));
      if (current.size === 0) {
        const where = stuckAt === undefined ? "" : ` at ${field} ${odataInstant(stuckAt)}`;
        throw new Error(`Listing Microsoft Graph ${this.#rows}: Microsoft Graph stopped paging (its next link led to an empty page) while more than ${this.#limits.pageSize} ${this.#rows} share one time${where}; some ${this.#rows} could not be read`);
      }
      const last = this.#timesOf(current, field).at(-1);
      if (last !== undefined && (stuckAt === undefined || last > stuckAt)) return last;
    }
    return undefined;
  }

  // A full page may have more behind it even without a next link; a next link always says so.
  #hasMore(page: GraphPage<T>): boolean {
    return page.nextLink !== undefined || page.size >= this.#limits.pageSize;
  }

  async #fetch(request: () => Promise<GraphPage<T>>): Promise<GraphPage<T>> {
    if (this.pages >= this.#limits.maxPages) {
      throw new Error(`Listing Microsoft Graph ${this.#rows}: stopped after ${this.#limits.maxPages} requests without reaching the end; narrow the window or the filter`);
    }
    this.pages++;
    const page = await request();
    this.#take(page);
    return page;
  }

  /** The page's times in `field`, in its order, which must be oldest first: stepping by time relies on it. */
  #timesOf(page: GraphPage<T>, field: TimeField): number[] {
    const times = page.items.map((row) => timeOf(row, field)).filter((time): time is number => time !== undefined);
    for (let i = 1; i < times.length; i++) {
      if (times[i]! < times[i - 1]!) throw new Error(`Listing Microsoft Graph ${this.#rows}: Microsoft Graph did not order the page by ${field} as asked ($orderby), so it cannot be paged by time`);
    }
    return times;
  }
}

function timeOf(row: Timed, field: TimeField): number | undefined {
  const time = field === "createdDateTime" ? row.createdAt : row.updatedAt;
  return time ? time.getTime() : undefined;
}

/** An OData datetime literal to the millisecond, unquoted. */
function odataInstant(ms: number): string {
  return new Date(ms).toISOString();
}
