/** A Graph page of alerts (`{"value": [...], "@odata.nextLink": ...}`), read as it streams in. */
import { z } from "zod";
import { readStreamingMember } from "../json-stream.js";
import type { ListedAlert, MalformedAlert } from "../source/source.js";
import { readListedGraphAlert } from "./alert.js";

const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().nullish(),
});

/** A listed alert with its last update, which paging by `lastUpdateDateTime` steps on. */
export interface PagedAlert extends ListedAlert {
  updatedAt: Date | null;
}

export interface GraphPage {
  alerts: PagedAlert[];
  malformed: MalformedAlert[];
  /** Every element of `value`, malformed ones included: a page as full as was asked for may have more after it. */
  size: number;
  nextLink: string | undefined;
}

/** A page of alerts, validated one by one as they stream in; a malformed alert is reported, not thrown. */
export async function readGraphPage(body: AsyncIterable<Uint8Array>): Promise<GraphPage> {
  const page: GraphPage = { alerts: [], malformed: [], size: 0, nextLink: undefined };
  const take = (raw: unknown, bytes: Uint8Array) => {
    page.size++;
    const reading = readListedGraphAlert(raw, bytes);
    if (reading.ok) page.alerts.push({ ...reading.alert, updatedAt: reading.updatedAt ?? null });
    else page.malformed.push({ id: reading.id, problem: reading.problem });
  };
  const rest = pageSchema.safeParse(await readStreamingMember(body, "value", take));
  if (!rest.success) throw new Error("Listing Microsoft Graph alerts: the reply has no 'value' array of alerts");
  // Left in place only when the member's name was spelt with escapes.
  for (const raw of rest.data.value) take(raw, Buffer.from(JSON.stringify(raw)));
  page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
  return page;
}
