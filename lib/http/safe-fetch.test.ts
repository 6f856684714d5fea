import http from "node:http";
import type { AddressInfo, LookupFunction } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { rejection } from "@/lib/testing/rejection";
import { assertDeliverableUrlResolves, guardedLookup, safeRequest, SafeFetchError } from "./safe-fetch";

/** A local receiver: /ok answers, /slow never does, /redirect redirects, /big answers 200 kB. */
let server: http.Server;
let port: number;
let hits: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? "");
    req.resume();
    req.on("end", () => {
      if (req.url === "/slow") return; // never answers
      if (req.url === "/redirect") return void res.writeHead(302, { location: "http://169.254.169.254/" }).end();
      if (req.url === "/big") return void res.end("x".repeat(200_000));
      res.writeHead(201, { "content-type": "text/plain" }).end(`got ${req.method} ${req.headers["content-type"]}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  hits = [];
  delete process.env.ALLOW_PRIVATE_URLS;
});

/** Resolves every name to one address, as DNS under someone else's control might. */
const resolvesTo = (address: string): LookupFunction =>
  ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    const family = address.includes(":") ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;

async function refused(request: Parameters<typeof safeRequest>[0]): Promise<SafeFetchError> {
  const error = await safeRequest(request).then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SafeFetchError);
  expect((error as SafeFetchError).kind).toBe("refused");
  return error as SafeFetchError;
}

describe("safeRequest", () => {
  it("POSTs to a local receiver when private URLs are allowed, and reads its answer", async () => {
    const reply = await safeRequest({
      url: `http://127.0.0.1:${port}/ok`,
      headers: { "content-type": "application/json" },
      body: "{}",
      timeoutMs: 2000,
      allowPrivate: true,
    });
    expect(reply).toMatchObject({ status: 201, body: "got POST application/json" });
    expect(reply.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("refuses loopback, link-local and internal destinations when they are not allowed, before connecting", async () => {
    for (const url of [
      `http://127.0.0.1:${port}/ok`,
      "http://169.254.169.254/latest/meta-data/",
      `http://[::1]:${port}/ok`,
      `http://localhost:${port}/ok`,
      "file:///etc/passwd",
      "gopher://127.0.0.1:70/_x",
    ]) {
      const error = await refused({ url, body: "{}", timeoutMs: 2000 });
      expect(error.message).toMatch(/^refused: the URL /);
    }
    expect(hits).toEqual([]);
  });

  it("checks the address the connection uses: a public-looking name that resolves to a private address is refused", async () => {
    const error = await refused({ url: `http://hooks.rebind.example:${port}/ok`, body: "{}", timeoutMs: 2000, lookup: resolvesTo("127.0.0.1") });
    expect(error.message).toBe("refused: hooks.rebind.example resolves to 127.0.0.1, a loopback address the server does not call");
    const metadata = await refused({ url: "http://meta.rebind.example/", timeoutMs: 2000, lookup: resolvesTo("169.254.169.254") });
    expect(metadata.message).toContain("169.254.169.254, a link-local (cloud metadata) address");
    expect(hits).toEqual([]);
  });

  it("does not follow redirects", async () => {
    const reply = await safeRequest({ url: `http://127.0.0.1:${port}/redirect`, body: "{}", timeoutMs: 2000, allowPrivate: true });
    expect(reply.status).toBe(302);
    expect(hits).toEqual(["/redirect"]);
  });

  it("gives up at the deadline", async () => {
    const started = Date.now();
    const error = await safeRequest({ url: `http://127.0.0.1:${port}/slow`, body: "{}", timeoutMs: 300, allowPrivate: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafeFetchError);
    expect(error).toMatchObject({ kind: "timeout", message: "no answer within 300 ms" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reads only the start of a large answer", async () => {
    const reply = await safeRequest({ url: `http://127.0.0.1:${port}/big`, timeoutMs: 2000, allowPrivate: true, maxResponseBytes: 1000 });
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBeLessThanOrEqual(70_000);
    expect(reply.body.length).toBeGreaterThanOrEqual(1000);
  });

  it("reports a closed port as a transport failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await safeRequest({ url: `http://127.0.0.1:${closedPort}/`, timeoutMs: 2000, allowPrivate: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "transport", message: expect.stringContaining("ECONNREFUSED") });
  });
});

describe("guardedLookup", () => {
  const lookupOnce = (lookup: LookupFunction, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; result: unknown }>((resolve) =>
      lookup("hooks.example.com", { all }, (error, address, family) => resolve({ error, result: all ? address : { address, family } })),
    );

  it("passes public addresses through, in both of net's calling conventions", async () => {
    const lookup = guardedLookup("hooks.example.com", resolvesTo("93.184.216.34"));
    expect(await lookupOnce(lookup, true)).toEqual({ error: null, result: [{ address: "93.184.216.34", family: 4 }] });
    expect(await lookupOnce(lookup, false)).toEqual({ error: null, result: { address: "93.184.216.34", family: 4 } });
  });

  it("refuses when any address is not public", async () => {
    const inner = ((_h: string, _o: unknown, callback: (...args: unknown[]) => void) =>
      callback(null, [
        { address: "93.184.216.34", family: 4 },
        { address: "fd00::1", family: 6 },
      ])) as unknown as LookupFunction;
    const { error } = await lookupOnce(guardedLookup("hooks.example.com", inner), false);
    expect(error?.message).toBe("hooks.example.com resolves to fd00::1, a private (unique local) address the server does not call");
  });
});

describe("assertDeliverableUrlResolves (when a URL is saved, with DNS)", () => {
  const lookup = (answers: Record<string, string[]>) => async (host: string) => {
    const list = answers[host];
    if (!list) throw Object.assign(new Error("not found"), { code: "ENOTFOUND" });
    return list.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

  it("refuses a name that resolves to a private address, naming the field and the address", async () => {
    const error = await rejection(
      assertDeliverableUrlResolves("https://hooks.attacker.example/x", "webhook_url", { lookup: lookup({ "hooks.attacker.example": ["93.184.216.34", "10.0.0.7"] }) }),
    );
    expect(error.details.field).toBe("webhook_url");
    expect(error.message).toBe("webhook_url points at hooks.attacker.example, which resolves to 10.0.0.7, a private address the server does not call");
  });

  it("accepts a name that resolves to public addresses only, or that does not resolve yet (checked again at delivery)", async () => {
    const answers = lookup({ "hooks.example.com": ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"] });
    await expect(assertDeliverableUrlResolves("https://hooks.example.com/x", "webhook_url", { lookup: answers })).resolves.toBeInstanceOf(URL);
    await expect(assertDeliverableUrlResolves("https://not-yet.example.com/x", "webhook_url", { lookup: answers })).resolves.toBeInstanceOf(URL);
  });

  it("refuses localhost by its name, before any lookup", async () => {
    expect((await rejection(assertDeliverableUrlResolves("http://localhost:3000/", "callback_url"))).details.field).toBe("callback_url");
  });
});
