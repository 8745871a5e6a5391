/**
 * A Graph page (`{"value": [...], "@odata.nextLink": ...}`) of alerts or of incidents, read as it
 * streams in: each element of `value` is validated on its own as soon as it has arrived.
 */
import { z } from "zod";
import { type OnBytes, parseBytes, streamMemberBytes } from "../json-stream.js";
import type { Incident } from "../source/incident.js";
import type { ListedAlert, MalformedAlert } from "../source/source.js";
import { readListedGraphAlert } from "./alert.js";
import { readGraphIncidentBytes } from "./incident.js";

const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().nullish(),
});

/** What paging by time steps on: a row's creation and last update. */
export interface Timed {
  createdAt: Date;
  updatedAt: Date | null;
}

/** A listed alert with its last update, which paging by `lastUpdateDateTime` steps on. */
export interface PagedAlert extends ListedAlert, Timed {}

export interface GraphPage<T extends Timed = PagedAlert> {
  items: T[];
  malformed: MalformedAlert[];
  /** Every element of `value`, malformed ones included: a page as full as was asked for may have more after it. */
  size: number;
  nextLink: string | undefined;
}

/** A page of alerts; a malformed alert is reported, not thrown. */
export function readGraphPage(body: AsyncIterable<Uint8Array>): Promise<GraphPage<PagedAlert>> {
  return readPage(body, "alerts", (page) => (bytes) => {
    const reading = readListedGraphAlert(parseBytes(bytes), bytes);
    if (reading.ok) page.items.push({ ...reading.alert, updatedAt: reading.updatedAt ?? null });
    else page.malformed.push({ id: reading.id, problem: reading.problem });
  });
}

/**
 * A page of incidents with their alerts (`$expand=alerts`); a malformed incident is reported as
 * such (its problem begins `incident:`), and so is a malformed alert, its incident kept without it.
 * Each incident's alerts are parsed apart from their evidence, kept as bytes (readGraphIncidentBytes).
 */
export function readGraphIncidentPage(body: AsyncIterable<Uint8Array>): Promise<GraphPage<Incident>> {
  return readPage(body, "incidents", (page) => (bytes) => {
    const reading = readGraphIncidentBytes(bytes);
    if (reading.ok) {
      page.items.push(reading.incident);
      page.malformed.push(...reading.malformed);
    } else {
      page.malformed.push({ id: reading.id, problem: `incident: ${reading.problem}` });
    }
  });
}

async function readPage<T extends Timed>(body: AsyncIterable<Uint8Array>, rows: string, reader: (page: GraphPage<T>) => OnBytes): Promise<GraphPage<T>> {
  const page: GraphPage<T> = { items: [], malformed: [], size: 0, nextLink: undefined };
  const read = reader(page);
  const take: OnBytes = (bytes) => {
    page.size++;
    read(bytes);
  };
  const rest = pageSchema.safeParse(await streamMemberBytes(body, "value", take));
  if (!rest.success) throw new Error(`Listing Microsoft Graph ${rows}: the reply has no 'value' array of ${rows}`);
  // Left in place only when the member's name was spelt with escapes.
  for (const raw of rest.data.value) take(Buffer.from(JSON.stringify(raw)));
  page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
  return page;
}
