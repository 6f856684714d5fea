/** The few pieces of node:http plumbing both mocks share. */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RunningMock {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

const MAX_BODY_BYTES = 64 * 1024;
/** A merchant endpoint gets this long to take a callback; providers do not wait forever either. */
const CALLBACK_TIMEOUT_MS = 5_000;

/**
 * What a mock does after answering: approvals that land later and callbacks to merchants.
 * Stopping it cancels both, so a closed mock leaves no timer or socket behind.
 */
export class Background {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly stopping = new AbortController();

  after(delayMs: number, task: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    this.timers.add(timer);
  }

  /** Fire and forget, like the providers: delivery errors are ignored and never retried. */
  postJson(url: string, body: unknown): void {
    fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.any([this.stopping.signal, AbortSignal.timeout(CALLBACK_TIMEOUT_MS)]),
    })
      .then((response) => response.body?.cancel())
      .catch(() => undefined);
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.stopping.abort();
  }
}

/** Listens on 127.0.0.1 (port 0: a free one). Unexpected handler errors answer 500. */
export async function serve(port: number, handle: Handler, background: Background): Promise<RunningMock> {
  const server = createServer((req, res) => {
    // The Host the client used, so links the mock hands out (Orange's payment_url) reach it back.
    const host = req.headers.host ?? `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const url = new URL(req.url ?? "/", `http://${host}`);
    handle(req, res, url).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: `Mock failure: ${String(error)}` });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port: actualPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => {
      background.stop();
      // Clients keep connections alive; close() alone would wait for them.
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** The request body as text; null when it is larger than any real request would be. */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** JSON.parse that answers undefined for text that is not JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A header's value, trimmed; undefined when absent or blank. */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  const first = (Array.isArray(value) ? value[0] : value)?.trim();
  return first ? first : undefined;
}

/** user:password from "Authorization: Basic ...", when both parts are present. */
export function basicCredentials(req: IncomingMessage): { user: string; password: string } | null {
  const match = /^Basic\s+(\S+)$/i.exec(header(req, "authorization") ?? "");
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function bearerToken(req: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)$/i.exec(header(req, "authorization") ?? "")?.[1] ?? null;
}

/** Issued access tokens and their expiry, as an OAuth server keeps them. */
export class TokenStore {
  private readonly tokens = new Map<string, number>();

  constructor(readonly lifetimeSeconds: number) {}

  issue(): string {
    const token = randomBytes(24).toString("base64url");
    this.tokens.set(token, Date.now() + this.lifetimeSeconds * 1000);
    return token;
  }

  /** True when the request carries a Bearer token issued here and not expired. */
  accepts(req: IncomingMessage): boolean {
    const token = bearerToken(req);
    const expiresAt = token === null ? undefined : this.tokens.get(token);
    return expiresAt !== undefined && Date.now() < expiresAt;
  }
}

export function sendJson(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { "Content-Length": "0" }).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) }).end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(html) }).end(html);
}

/** 303: the browser follows with a GET, whatever the method of the form it submitted. */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { Location: location, "Content-Length": "0" }).end();
}
