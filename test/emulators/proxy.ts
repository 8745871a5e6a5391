// A forwarding HTTP proxy on loopback that records what passes through it.
//
// It speaks the two forms clients use: a request line with an absolute URI for plain HTTP (forwarded
// with hop-by-hop headers dropped, bodies streamed both ways) and `CONNECT host:port` for HTTPS (a raw
// TCP tunnel; the proxy never sees inside). Host names are resolved by the `resolve` option rather than
// DNS, so tests can address emulators as `api.github.test:PORT`: names that only the proxy can reach,
// which proves a request really went through it.
import http from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

export interface ForwardProxyOptions {
  /** Where to send a request for a host name that is not an IP; default 127.0.0.1. */
  resolve?: (host: string) => string;
}

export interface ProxiedRequest {
  /** `http`: an absolute-URI request, target `METHOD URL`; `connect`: a tunnel, target `host:port`. */
  kind: "http" | "connect";
  target: string;
}

// RFC 9110 §7.6.1 connection-specific headers, plus the de-facto Proxy-Connection.
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

export class ForwardProxy {
  passed: ProxiedRequest[] = [];

  private readonly resolve: (host: string) => string;
  private readonly server: http.Server;
  // CONNECT sockets leave the HTTP server's bookkeeping, so stop() must destroy them itself.
  private readonly tunnels = new Set<Duplex>();
  private port = 0;

  constructor(options: ForwardProxyOptions = {}) {
    this.resolve = options.resolve ?? (() => "127.0.0.1");
    this.server = http.createServer((req, res) => this.forward(req, res));
    this.server.on("connect", (req: IncomingMessage, socket: Duplex, head: Buffer) => this.tunnel(req, socket, head));
  }

  /** `http://127.0.0.1:PORT`, valid after start(). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const socket of this.tunnels) socket.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** The address to dial for a URL host name (IPv6 literals arrive bracketed). */
  private address(hostname: string): string {
    const bare = hostname.replace(/^\[(.*)\]$/, "$1");
    return net.isIP(bare) ? bare : this.resolve(bare);
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const target = absoluteHttpUrl(req.url);
    if (!target) {
      // An origin-form request means the client talked to us as if we were the server: not a proxy request.
      sendText(res, 400, `Not a proxy request: ${req.method} ${req.url}`);
      return;
    }
    const method = req.method ?? "GET";
    this.passed.push({ kind: "http", target: `${method} ${target.href}` });
    const upstream = http.request(
      {
        host: this.address(target.hostname),
        port: Number(target.port || 80),
        method,
        path: `${target.pathname}${target.search}`,
        headers: endToEndHeaders(req.headers),
        // A fresh connection per request: nothing pooled outlives stop().
        agent: false,
      },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.statusMessage, endToEndHeaders(response.headers));
        response.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) sendText(res, 502, `Proxy could not reach ${target.host}: ${error.message}`);
      else res.destroy();
    });
    req.pipe(upstream);
  }

  private tunnel(req: IncomingMessage, client: Duplex, head: Buffer): void {
    const authority = req.url ?? "";
    this.passed.push({ kind: "connect", target: authority });
    const target = parseAuthority(authority);
    if (!target) {
      client.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
      return;
    }
    const upstream = net.connect({ host: this.address(target.hostname), port: target.port });
    this.tunnels.add(client).add(upstream);
    let established = false;
    upstream.once("connect", () => {
      established = true;
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on("error", () => {
      if (!established) client.end("HTTP/1.1 502 Bad Gateway\r\nConnection: close\r\n\r\n");
      else client.destroy();
    });
    client.on("error", () => upstream.destroy());
    // Either side going away ends the tunnel; forget both so stop() only touches live sockets.
    const close = (): void => {
      upstream.destroy();
      client.destroy();
      this.tunnels.delete(upstream);
      this.tunnels.delete(client);
    };
    upstream.once("close", close);
    client.once("close", close);
  }
}

/** The request target as a URL when it is an absolute `http:` URI (what a client sends a proxy). */
function absoluteHttpUrl(target: string | undefined): URL | undefined {
  if (!target || !/^http:\/\//i.test(target)) return undefined;
  try {
    return new URL(target);
  } catch {
    return undefined;
  }
}

/** `host:port` from a CONNECT request line; the port is mandatory there. */
function parseAuthority(authority: string): { hostname: string; port: number } | undefined {
  try {
    const url = new URL(`http://${authority}`);
    // URL drops the scheme's default port, so take it from the text when URL reports none.
    const port = Number(url.port || /:(\d+)$/.exec(authority)?.[1]);
    if (!url.hostname || !Number.isInteger(port) || port <= 0 || url.pathname !== "/") return undefined;
    return { hostname: url.hostname, port };
  } catch {
    return undefined;
  }
}

/** Headers minus the hop-by-hop ones, including any the Connection header names. */
function endToEndHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const named = String(headers.connection ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const drop = new Set([...HOP_BY_HOP, ...named]);
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(name)) kept[name] = value;
  }
  return kept;
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "content-length": String(Buffer.byteLength(text)) });
  res.end(text);
}
