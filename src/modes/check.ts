/** Check: the set-up, item by item, each failure with its fix. Changes nothing. */
import type { Config } from "../config.js";
import type { DefenderClient } from "../defender/client.js";
import type { AccessCheck } from "../github/access.js";

export type CheckItem = AccessCheck;

export interface CheckDeps {
  defender: DefenderClient;
  github: () => Promise<AccessCheck[]>;
}

const READ_ROLES = ["Alert.Read.All", "Alert.ReadWrite.All"];

function failure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runCheck(config: Config, deps: CheckDeps): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  const signIn = `Sign in to ${config.cloud.authorityHost} (${config.credential.kind === "oidc" ? "GitHub OIDC federation" : `client ${config.credential.kind}`})`;
  let roles: string[] | undefined;
  try {
    const claims = await deps.defender.signIn();
    roles = claims.roles;
    items.push({ name: signIn, ok: true, detail: `token for ${claims.aud ?? config.cloud.apiScope}` });
  } catch (error) {
    items.push({ name: signIn, ok: false, detail: failure(error) });
  }
  if (roles) {
    const readable = roles.some((role) => READ_ROLES.includes(role));
    const writable = roles.includes("Alert.ReadWrite.All");
    items.push({
      name: "Defender permission (the token's roles)",
      ok: readable && (writable || config.mode !== "sync"),
      detail: roles.length > 0 ? roles.join(", ") : "no roles",
      ...(writable
        ? {}
        : { fix: `Add the WindowsDefenderATP application permission Alert.ReadWrite.All${readable ? " (sync needs it; pull works with Alert.Read.All)" : ""} to the app registration and grant admin consent.` }),
    });
    try {
      const count = await deps.defender.probeAlerts();
      items.push({ name: `List alerts at ${config.cloud.apiUrl}`, ok: true, detail: `allowed (${count} alert${count === 1 ? "" : "s"} in the last day, first page)` });
    } catch (error) {
      items.push({ name: `List alerts at ${config.cloud.apiUrl}`, ok: false, detail: failure(error) });
    }
  }
  items.push(...(await deps.github()));
  return items;
}
