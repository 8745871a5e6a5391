/** Reading claims from a JWT we were given (an access token or a GitHub ID token), without verifying it. */

export interface TokenClaims {
  roles: string[];
  aud?: string;
  sub?: string;
  iss?: string;
}

export function readClaims(jwt: string): TokenClaims {
  const payload = jwt.split(".")[1];
  if (!payload) return { roles: [] };
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === "string" ? value : undefined);
    return {
      roles: Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [],
      aud: text(claims.aud),
      sub: text(claims.sub),
      iss: text(claims.iss),
    };
  } catch {
    return { roles: [] };
  }
}
