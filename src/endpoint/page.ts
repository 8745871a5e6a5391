/** A Defender page of alerts (`{"value": [...], "@odata.nextLink": ...}`), read as it streams in. */
import { z } from "zod";
import { readStreamingMember } from "../json-stream.js";
import type { MalformedAlert } from "../source/source.js";
import { type EndpointListedAlert, readListedAlert } from "./alert.js";

const pageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().nullish(),
});

export interface AlertPage {
  alerts: EndpointListedAlert[];
  malformed: MalformedAlert[];
  nextLink: string | undefined;
}

/** A page of alerts, validated one by one as they stream in; a malformed alert is reported, not thrown. */
export async function readAlertPage(body: AsyncIterable<Uint8Array>): Promise<AlertPage> {
  const alerts: EndpointListedAlert[] = [];
  const page = await streamAlertPage(body, (alert) => alerts.push(alert));
  return { alerts, malformed: page.malformed, nextLink: page.nextLink };
}

/** A page of alerts as streamAlertPage reads it: how many alerts it handed over, and the rest. */
export interface AlertPageStreamed {
  listed: number;
  malformed: MalformedAlert[];
  nextLink: string | undefined;
}

/** A page of alerts, each handed to `take` as it streams in, so that a reader keeping only some of them never holds the page. */
export async function streamAlertPage(body: AsyncIterable<Uint8Array>, take: (alert: EndpointListedAlert) => void): Promise<AlertPageStreamed> {
  const page: AlertPageStreamed = { listed: 0, malformed: [], nextLink: undefined };
  const read = (raw: unknown, bytes: Uint8Array) => {
    const reading = readListedAlert(raw, bytes);
    if (!reading.ok) page.malformed.push({ id: reading.id, problem: reading.problem });
    else {
      page.listed++;
      take(reading.alert);
    }
  };
  const rest = pageSchema.safeParse(await readStreamingMember(body, "value", read));
  if (!rest.success) throw new Error("Listing Defender alerts: the reply has no 'value' array of alerts");
  // Left in place only when the member's name was spelt with escapes.
  for (const raw of rest.data.value) read(raw, Buffer.from(JSON.stringify(raw)));
  page.nextLink = rest.data["@odata.nextLink"] ?? undefined;
  return page;
}
