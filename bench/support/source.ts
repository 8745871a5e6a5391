/**
 * The action's own modules, for a benchmark that seeds what the action itself writes (a record of
 * agreement, an incident issue) rather than a copy of it. src/ imports its siblings as `.js`, the names tsc emits; run from source by
 * plain `node`, those names are found as the `.ts` files they are.
 */
import { registerHooks } from "node:module";

const SOURCE = new URL("../../src/", import.meta.url).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (context.parentURL?.startsWith(SOURCE) && specifier.startsWith(".") && specifier.endsWith(".js")) {
      return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
    }
    return nextResolve(specifier, context);
  },
});

/** The record of agreement's hidden line, as the action writes it. */
export const { recordLine } = await import("../../src/issue/record.ts");
/** An endpoint alert's state as the action reads it. */
export const { triageOf: endpointTriage } = await import("../../src/source/alert.ts");
/** A Graph incident (`$expand=alerts`) as the action reads it. */
export const { readGraphIncident } = await import("../../src/graph/incident.ts");
/** An incident issue as pull opens it. */
export const { renderIncidentIssue } = await import("../../src/issue/render-incident.ts");
/** A Defender alert as a listing reads it. */
export const { readListedAlert } = await import("../../src/endpoint/alert.ts");
/** Defender alerts grouped into the incidents they name, and the incidents a window's alerts name, as the Endpoint client reads them. */
export const { groupByIncident, namedInWindow } = await import("../../src/endpoint/incident.ts");
