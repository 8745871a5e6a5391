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

/** The ID of something that did not read, for the report: its `id` when it has a string one. */
export function idOf(raw: unknown): string {
  return typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : "(no id)";
}

/** Why it did not read, field by field (`createdDateTime: Invalid string`). */
export function problemsOf(error: z.ZodError, what = "alert"): string {
  return error.issues.map((issue) => `${issue.path.join(".") || what}: ${issue.message}`).join("; ");
}
