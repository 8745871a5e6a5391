/** Check: the set-up, item by item, each failure with its fix. Changes nothing. */
import type { Config } from "../config.js";
import type { AlertSource, SourcePermissions } from "../source/source.js";
import { partsOf } from "../errors.js";
import type { AccessCheck } from "../github/access.js";

/** Passed; passed, but something later will need more; or failed. */
export type CheckStatus = "passed" | "warning" | "failed";

/**
 * One line of the checklist. `name`, `detail` and `fix` are our words, where a `…` span is a value
 * (a host, a scope, a role) shown as code; `reply` is what a service answered, quoted, and is
 * never ours: it is shown inert.
 */
export interface CheckItem {
  name: string;
  status: CheckStatus;
  detail: string;
  reply?: string;
  fix?: string;
}

export interface CheckDeps {
  source: AlertSource;
  github: () => Promise<AccessCheck[]>;
}

/** A value inside our words: a code span (a backtick in it could not end the span, so it goes). */
function code(value: string): string {
  return `\`${value.replace(/`/g, "'")}\``;
}

function failed(name: string, error: unknown): CheckItem {
  const { problem, reply, fix } = partsOf(error);
  return { name, status: "failed", detail: problem ?? "failed", ...(reply ? { reply } : {}), ...(fix ? { fix } : {}) };
}

function signInName(config: Config): string {
  const how = config.credential.kind === "oidc" ? `GitHub OIDC federation, audience ${code(config.cloud.oidcAudience)}` : `client ${config.credential.kind}`;
  return `Sign in to ${code(config.cloud.authorityHost)} (${how})`;
}

/** What the token's roles allow: pull reads alerts, sync also updates them. */
export function permissionItem(roles: readonly string[], permissions: SourcePermissions, subject = "alerts"): CheckItem {
  const { api, read, write } = permissions;
  const name = `${api === "Microsoft Graph" ? "Microsoft Graph" : "Defender"} permission${subject === "alerts" ? "" : ` for ${subject}`} (the token's roles)`;
  const detail = roles.length > 0 ? roles.map(code).join(", ") : "no roles";
  if (roles.includes(write)) return { name, status: "passed", detail };
  if (roles.some((role) => read.includes(role))) {
    return {
      name,
      status: "warning",
      detail: `${detail}: pull can read ${subject}, but sync will need ${code(write)} to update them`,
      fix: `Before using sync, add the ${api} application permission ${code(write)} to the app registration and grant admin consent.`,
    };
  }
  const readOnly = read.find((role) => role !== write) ?? write;
  return {
    name,
    status: "failed",
    detail,
    fix: `Add the ${api} application permission ${code(write)} (or ${code(readOnly)} for pull alone) to the app registration and grant admin consent.`,
  };
}

export async function runCheck(config: Config, deps: CheckDeps): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  const signIn = signInName(config);
  let roles: string[] | undefined;
  try {
    const claims = await deps.source.signIn();
    roles = claims.roles;
    items.push({ name: signIn, status: "passed", detail: `token for ${code(claims.aud ?? config.cloud.apiScope)}` });
  } catch (error) {
    items.push(failed(signIn, error));
  }
  if (roles) {
    items.push(permissionItem(roles, deps.source.permissions));
    // Incident issues are triaged on the incident, which Graph guards with permissions of its own.
    if (config.groupBy === "incident" && deps.source.incidentPermissions.write !== deps.source.permissions.write) {
      items.push(permissionItem(roles, deps.source.incidentPermissions, "incidents"));
    }
    const listing = `List alerts at ${code(config.cloud.apiUrl)}`;
    try {
      const count = await deps.source.probeAlerts();
      items.push({ name: listing, status: "passed", detail: `allowed (${count} alert${count === 1 ? "" : "s"} in the last day, first page)` });
    } catch (error) {
      items.push(failed(listing, error));
    }
  }
  for (const { ok, ...access } of await deps.github()) items.push({ ...access, status: ok ? "passed" : "failed" });
  return items;
}
