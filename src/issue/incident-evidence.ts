/**
 * The evidence that matters across an incident's alerts: the devices, users, mailboxes and files
 * they name, each once, with how many alerts name it. Pure, and the same for every source: it reads
 * only the neutral alert's evidence kinds, device and user.
 */
import type { AlertEvidence, EvidenceKind } from "../source/alert.js";
import type { IncidentAlert } from "../source/incident.js";
import { singleLine } from "./markdown.js";

export const GATHERED_KINDS = ["device", "user", "mailbox", "file"] as const satisfies readonly EvidenceKind[];
export type GatheredKind = (typeof GATHERED_KINDS)[number];

export interface GatheredEntity {
  kind: GatheredKind;
  /** As the first alert that names it spells it. */
  entity: string;
  /** How many of the incident's alerts name it. */
  alerts: number;
}

function isGathered(kind: EvidenceKind): kind is GatheredKind {
  return (GATHERED_KINDS as readonly EvidenceKind[]).includes(kind);
}

// Host names, accounts, addresses and Windows paths are compared without regard to case.
const keyOf = (kind: GatheredKind, entity: string) => `${kind}\n${singleLine(entity).toLowerCase()}`;

/** What one alert names: its evidence of the gathered kinds, and its device and user when its evidence names none. */
function namedBy(alert: AlertEvidence): Map<string, { kind: GatheredKind; entity: string }> {
  const named = new Map<string, { kind: GatheredKind; entity: string }>();
  const add = (kind: GatheredKind, entity: string | null | undefined) => {
    if (entity && singleLine(entity) && !named.has(keyOf(kind, entity))) named.set(keyOf(kind, entity), { kind, entity });
  };
  for (const item of alert.evidence) if (isGathered(item.kind)) add(item.kind, item.entity);
  // The Endpoint API names an alert's device and user beside its evidence; Graph's come from it.
  if (!alert.evidence.some((item) => item.kind === "device")) add("device", alert.device?.name ?? alert.device?.id);
  if (!alert.evidence.some((item) => item.kind === "user")) add("user", alert.user);
  return named;
}

/**
 * Each entity once, by kind (devices, users, mailboxes, files), those most alerts name first, then
 * in the order the alerts name them. Each alert is read whole here, one at a time: only an issue's
 * body needs the evidence.
 */
export function gatherEvidence(alerts: readonly IncidentAlert[]): GatheredEntity[] {
  const gathered = new Map<string, GatheredEntity>();
  for (const alert of alerts) {
    for (const [key, { kind, entity }] of namedBy(alert.evidence())) {
      const seen = gathered.get(key);
      if (seen) seen.alerts++;
      else gathered.set(key, { kind, entity, alerts: 1 });
    }
  }
  // Map order is first-seen order, and sort is stable.
  return [...gathered.values()].sort((a, b) => GATHERED_KINDS.indexOf(a.kind) - GATHERED_KINDS.indexOf(b.kind) || b.alerts - a.alerts);
}
