/** A Defender page of alerts (`{"value": [...], "@odata.nextLink": ...}`), read as it streams in. */
import { z } from "zod";
import { readStreamingMember } from "../json-stream.js";
import type { ListedAlert, MalformedAlert } from "../source/source.js";
import { readListedAlert } from "./alert.js";

const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().nullish(),
});

export interface AlertPage {
  alerts: ListedAlert[];
  malformed: MalformedAlert[];
  nextLink: string | undefined;
}

/** A page of alerts, validated one by one as they stream in; a malformed alert is reported, not thrown. */
export async function readAlertPage(body: AsyncIterable<Uint8Array>): Promise<AlertPage> {
  const page: AlertPage = { alerts: [], malformed: [], nextLink: undefined };
  const take = (raw: unknown, bytes: Uint8Array) => {
    const reading = readListedAlert(raw, bytes);
    if (reading.ok) page.alerts.push(reading.alert);
    else page.malformed.push({ id: reading.id, problem: reading.problem });
  };
  const rest = pageSchema.safeParse(await readStreamingMember(body, "value", take));
  if (!rest.success) throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
  // Left in place only when the member's name was spelt with escapes.
  for (const raw of rest.data.value) take(raw, Buffer.from(JSON.stringify(raw)));
  page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
  return page;
}
