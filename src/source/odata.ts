/** OData literals and clauses both sources' $filter use. Pure. */
import { SEVERITIES, type Severity } from "../issue/vocabulary.js";

/** OData datetime literal: unquoted ISO-8601 UTC, whole seconds. */
export function odataTime(time: Date): string {
  return new Date(Math.floor(time.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function anyOf(property: string, values: readonly string[]): string {
  const terms = values.map((value) => `${property} eq ${odataString(value)}`);
  return terms.length === 1 ? terms[0]! : `(${terms.join(" or ")})`;
}

/** Severities at or above the minimum; UnSpecified counts as the lowest, so it passes Informational only. */
export function severitiesFrom(minimum: Severity): Severity[] {
  return SEVERITIES.slice(Math.max(1, SEVERITIES.indexOf(minimum)));
}
