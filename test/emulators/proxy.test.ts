// Self-tests for the forwarding proxy, driven by undici (what fetch and Octokit use) and @actions/http-client.
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { HttpClient, getProxyUrl } from "@actions/http-client";
import { EnvHttpProxyAgent, ProxyAgent, fetch } from "undici";
import type { Dispatcher } from "undici";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ForwardProxy } from "./proxy.ts";
import { createTestTls } from "./tls.ts";
import type { TestTls } from "./tls.ts";

const PROXY_ENV = ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy"] as const;

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let dir: string;
let testTls: TestTls;
let proxy: ForwardProxy;
let plain: http.Server;
let secure: https.Server;
/** What the origin servers received, in order. */
let seen: Seen[];
let savedEnv: Record<string, string | undefined>;
let dispatchers: Dispatcher[];

/** Echoes the request as JSON so a test sees what arrived after the proxy. */
function echo(req: http.IncomingMessage, res: http.ServerResponse): void {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const entry = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
    seen.push(entry);
    const text = JSON.stringify({ method: entry.method, url: entry.url, host: req.headers.host, body: entry.body });
    res.writeHead(200, { "content-type": "application/json", "x-origin": "yes" });
    res.end(text);
  });
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return (server.address() as AddressInfo).port;
}

async function close(server: http.Server | https.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

function port(server: http.Server | https.Server): number {
  return (server.address() as AddressInfo).port;
}

/** Registers a dispatcher for closing after the test, so no pooled socket outlives the servers. */
function track<T extends Dispatcher>(dispatcher: T): T {
  dispatchers.push(dispatcher);
  return dispatcher;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "proxy-emulator-"));
  testTls = await createTestTls(dir);
  // undici connects with node's tls, which then trusts the test CA (as entra.test.ts does for MSAL).
  tls.setDefaultCACertificates([...tls.getCACertificates("default"), testTls.caPem]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  seen = [];
  dispatchers = [];
  savedEnv = Object.fromEntries(PROXY_ENV.map((name) => [name, process.env[name]]));
  for (const name of PROXY_ENV) delete process.env[name];
  plain = http.createServer(echo);
  secure = https.createServer({ key: testTls.key, cert: testTls.cert }, echo);
  await listen(plain);
  await listen(secure);
  proxy = new ForwardProxy();
  await proxy.start();
});

afterEach(async () => {
  await Promise.all(dispatchers.map((d) => d.close()));
  for (const name of PROXY_ENV) {
    const value = savedEnv[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await proxy.stop();
  await close(plain);
  await close(secure);
});

describe("undici ProxyAgent", () => {
  it("forwards plain HTTP for a name only the proxy resolves, streaming the body and dropping hop-by-hop headers", async () => {
    const dispatcher = track(new ProxyAgent({ uri: proxy.url, token: "Basic dXNlcjpwYXNz" }));
    const target = `http://svc.test:${port(plain)}/alerts?top=2`;
    const response = await fetch(target, { method: "POST", body: "ping", headers: { "x-keep": "1" }, dispatcher });

    expect(response.status).toBe(200);
    expect(response.headers.get("x-origin")).toBe("yes");
    expect(await response.json()).toEqual({ method: "POST", url: "/alerts?top=2", host: `svc.test:${port(plain)}`, body: "ping" });
    expect(proxy.passed).toEqual([{ kind: "http", target: `POST ${target}` }]);
    // The proxy credential is for the proxy alone; end-to-end headers go on.
    expect(seen[0]?.headers["proxy-authorization"]).toBeUndefined();
    expect(seen[0]?.headers["x-keep"]).toBe("1");
  });

  it("tunnels HTTPS with CONNECT", async () => {
    const dispatcher = track(new ProxyAgent({ uri: proxy.url }));
    const response = await fetch(`https://localhost:${port(secure)}/secure`, { dispatcher });

    expect(await response.json()).toEqual({ method: "GET", url: "/secure", host: `localhost:${port(secure)}`, body: "" });
    expect(proxy.passed).toEqual([{ kind: "connect", target: `localhost:${port(secure)}` }]);
  });

  it("answers 502 when the target cannot be reached", async () => {
    const dead = http.createServer();
    const deadPort = await listen(dead);
    await close(dead);
    const dispatcher = track(new ProxyAgent({ uri: proxy.url }));
    const response = await fetch(`http://svc.test:${deadPort}/`, { dispatcher });
    expect(response.status).toBe(502);
    expect(proxy.passed).toEqual([{ kind: "http", target: `GET http://svc.test:${deadPort}/` }]);
  });

  it("resolves names with the resolve option", async () => {
    const resolved: string[] = [];
    const picky = new ForwardProxy({ resolve: (host) => (resolved.push(host), host === "api.github.test" ? "127.0.0.1" : "192.0.2.1") });
    await picky.start();
    try {
      const dispatcher = track(new ProxyAgent({ uri: picky.url }));
      const response = await fetch(`http://api.github.test:${port(plain)}/x`, { dispatcher });
      expect(response.status).toBe(200);
      expect(resolved).toEqual(["api.github.test"]);
    } finally {
      await picky.stop();
    }
  });
});

describe("undici EnvHttpProxyAgent (NO_PROXY unset)", () => {
  it("proxies every host, loopback names and addresses included", async () => {
    const dispatcher = track(new EnvHttpProxyAgent({ httpProxy: proxy.url, httpsProxy: proxy.url }));
    const targets = [
      `http://svc.test:${port(plain)}/a`,
      `http://127.0.0.1:${port(plain)}/b`,
      `https://localhost:${port(secure)}/c`,
    ];
    for (const target of targets) expect((await fetch(target, { dispatcher })).status).toBe(200);

    expect(proxy.passed).toEqual([
      { kind: "http", target: `GET http://svc.test:${port(plain)}/a` },
      { kind: "http", target: `GET http://127.0.0.1:${port(plain)}/b` },
      { kind: "connect", target: `localhost:${port(secure)}` },
    ]);
  });

  it("goes direct only for what noProxy names", async () => {
    const dispatcher = track(new EnvHttpProxyAgent({ httpProxy: proxy.url, httpsProxy: proxy.url, noProxy: "localhost,127.0.0.1" }));
    expect((await fetch(`http://127.0.0.1:${port(plain)}/direct`, { dispatcher })).status).toBe(200);
    expect((await fetch(`https://localhost:${port(secure)}/direct`, { dispatcher })).status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(["/direct", "/direct"]);
    expect(proxy.passed).toEqual([]);
  });
});

describe("@actions/http-client proxy rules (HTTP_PROXY/HTTPS_PROXY set, NO_PROXY unset)", () => {
  beforeEach(() => {
    process.env["HTTP_PROXY"] = proxy.url;
    process.env["HTTPS_PROXY"] = proxy.url;
  });

  it("always bypasses loopback hosts, but proxies *.test names", () => {
    expect(getProxyUrl(`http://127.0.0.1:${port(plain)}`)).toBe("");
    expect(getProxyUrl(`https://localhost:${port(secure)}`)).toBe("");
    expect(getProxyUrl("http://[::1]:8080")).toBe("");
    expect(getProxyUrl("https://api.github.test:8443")).toBe(`${proxy.url}/`);
    expect(getProxyUrl("http://svc.test")).toBe(`${proxy.url}/`);
  });

  it("bypasses *.test names only when NO_PROXY lists them", () => {
    process.env["NO_PROXY"] = ".test";
    expect(getProxyUrl("https://api.github.test:8443")).toBe("");
  });

  it("reaches a plain-HTTP target through a CONNECT tunnel (the tunnel package), not an absolute URI", async () => {
    const client = new HttpClient("proxy-test");
    try {
      const response = await client.getJson<{ url: string; host: string }>(`http://svc.test:${port(plain)}/via-http-client`);
      expect(response.result).toMatchObject({ url: "/via-http-client", host: `svc.test:${port(plain)}` });
    } finally {
      client.dispose();
    }
    expect(proxy.passed).toEqual([{ kind: "connect", target: `svc.test:${port(plain)}` }]);
  });
});
