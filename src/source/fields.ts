/**
 * How both sources read the fields of an alert or incident: strict where the action relies on a
 * value (a time it orders by), lenient elsewhere (a field of the wrong type reads as none).
 */
import { z } from "zod";

// Defender and Graph write 0 to 7 fractional digits; anything else is not a time we can order by.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export const time = z
  .string()
  .regex(ISO_TIME)
  .transform((value) => new Date(value));

export const optionalTime = time.nullish().catch(null);
export const text = z.string().nullish().catch(null);
