/** What every loopback emulator does on the wire: listen, close, read a body, page, read a token. */
import type { IncomingMessage, Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Listens on a free port of 127.0.0.1 and answers it. */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes the server and every connection still open (keep-alive clients would hold it open). */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A recorded body: JSON when it parses, else the text (an emulator records what it could not read). */
export function parseJsonLenient(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** A JWT's claims, unverified (the token emulator signed it); {} when it does not read. */
export function jwtClaims(token: string): Record<string, unknown> {
  try {
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as unknown;
    return typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** An OData next link: the request's own query with `$skip` moved on. */
export function nextLink(url: URL, base: string, skip: number): string {
  const parts: string[] = [];
  for (const [name, value] of url.searchParams) {
    if (name !== "$skip") parts.push(`${name}=${encodeURIComponent(value)}`);
  }
  parts.push(`$skip=${skip}`);
  return `${base}${url.pathname}?${parts.join("&")}`;
}

/** An ISO-8601 time in 100 ns ticks, as .NET services compare them; undefined when it does not read. */
export function isoToTicks(text: string): bigint | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/i.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3] ?? "Z"}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 10_000n + BigInt((m[2] ?? "").slice(0, 7).padEnd(7, "0"));
}
