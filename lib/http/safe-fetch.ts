/**
 * The one way the server calls a URL a merchant gave it (webhook endpoints, callback URLs).
 *
 * - The address is checked when the socket connects: the lookup that feeds the connection
 *   refuses any non-public address (lib/http/safe-url.ts), so a name that resolved to a public
 *   address when it was saved and to 10.0.0.5 now (or a DNS rebinding trick) is refused, and the
 *   address checked is the one connected to. IP literals are checked before connecting.
 * - Redirects are not followed (a 3xx is an answer like any other).
 * - One deadline covers connecting, sending and reading the answer; only the start of the
 *   answer is kept.
 * - No proxy from the environment, no credentials in URLs.
 * ALLOW_PRIVATE_URLS=1 lifts the address rule (local development and tests).
 * Also here (server only, it needs DNS): assertDeliverableUrlResolves, the save-time check with
 * the addresses a name resolves to now.
 */
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import net from "node:net";
import { validationError } from "@/lib/errors";
import { assertDeliverableUrl, deliverableUrlProblem, hostOf, nonPublicAddressKind, privateUrlsAllowed, type DeliverableUrlOptions } from "./safe-url";

export interface SafeRequest {
  url: string;
  method?: "POST" | "GET";
  headers?: Record<string, string>;
  body?: string;
  /** Deadline of the whole exchange. */
  timeoutMs: number;
  /** Resolves host names (tests pass their own); dns.lookup by default. */
  lookup?: LookupFunction;
  /** Default: ALLOW_PRIVATE_URLS=1. */
  allowPrivate?: boolean;
  /** Most bytes of the answer read (the rest is dropped); 64 kB by default. */
  maxResponseBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The start of the answer, as text. */
  body: string;
  latencyMs: number;
}

export type SafeFetchErrorKind = "refused" | "timeout" | "transport";

/** Why a request got no answer: refused by our rules (never retry), timed out, or the network failed. */
export class SafeFetchError extends Error {
  override name = "SafeFetchError";
  constructor(
    readonly kind: SafeFetchErrorKind,
    message: string,
    readonly latencyMs: number,
  ) {
    super(message);
  }
}

const REFUSED = "ERR_PAYLINKS_REFUSED_DESTINATION";

export async function safeRequest(request: SafeRequest): Promise<SafeResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const allowPrivate = request.allowPrivate ?? privateUrlsAllowed();

  const problem = deliverableUrlProblem(request.url, { allowPrivate });
  if (problem) throw new SafeFetchError("refused", `refused: the URL ${problem}`, 0);
  const url = new URL(request.url.trim());
  const host = hostOf(url);
  // Non-IP names that are internal by their form were refused above; everything else is
  // checked on the address the connection uses.
  const lookup = allowPrivate ? request.lookup : guardedLookup(host, request.lookup ?? (dns.lookup as LookupFunction));

  const maxBytes = request.maxResponseBytes ?? 64 * 1024;
  const transport = url.protocol === "https:" ? https : http;

  return new Promise<SafeResponse>((resolve, reject) => {
    let settled = false;
    const finish = (error: SafeFetchError | null, response?: SafeResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve(response!);
    };

    const req = transport.request(url, {
      method: request.method ?? "POST",
      headers: {
        ...request.headers,
        ...(request.body !== undefined && { "content-length": String(Buffer.byteLength(request.body)) }),
      },
      agent: false,
      ...(lookup && { lookup }),
      ...(url.protocol === "https:" && !net.isIP(host) && { servername: host }),
    });

    const timer = setTimeout(() => {
      finish(new SafeFetchError("timeout", `no answer within ${request.timeoutMs} ms`, elapsed()));
      req.destroy();
    }, request.timeoutMs);

    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === REFUSED) finish(new SafeFetchError("refused", `refused: ${error.message}`, elapsed()));
      else finish(new SafeFetchError("transport", `could not reach ${url.host} (${error.code ?? error.message})`, elapsed()));
    });

    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size >= maxBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        // Enough read: the status is what matters, the body is for people.
        if (size >= maxBytes) done();
      });
      const done = () => {
        finish(null, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8"),
          latencyMs: elapsed(),
        });
        res.destroy();
      };
      res.on("end", done);
      res.on("error", () => done());
      res.on("aborted", () => done());
    });

    req.end(request.body);
  });
}

/**
 * A lookup for net.connect that refuses the connection when any address of the name is not
 * public (all of them: with happy eyeballs the connection may use any).
 */
export function guardedLookup(host: string, inner: LookupFunction): LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    inner(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const list = (Array.isArray(addresses) ? addresses : [{ address: addresses, family: net.isIP(String(addresses)) }]) as dns.LookupAddress[];
      if (list.length === 0) return callback(Object.assign(new Error(`${host} resolves to no address`), { code: "ENOTFOUND" }));
      for (const { address } of list) {
        const kind = nonPublicAddressKind(address);
        if (kind) {
          const refused = Object.assign(new Error(`${host} resolves to ${address}, a ${kind} address the server does not call`), { code: REFUSED });
          return callback(refused);
        }
      }
      if (options.all) return callback(null, list);
      const first = list[0]!;
      callback(null, first.address, first.family);
    });
  }) as LookupFunction;
}

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

const defaultLookupAll: LookupAll = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * For saving a URL on the server: assertDeliverableUrl (lib/http/safe-url.ts), then the
 * addresses the name resolves to now: any one that is not public refuses the URL, naming
 * `field`. A name that does not resolve (yet) is accepted: every delivery checks again.
 */
export async function assertDeliverableUrlResolves(
  raw: string,
  field: string,
  options: DeliverableUrlOptions & { lookup?: LookupAll } = {},
): Promise<URL> {
  const url = assertDeliverableUrl(raw, field, options);
  if (options.allowPrivate ?? privateUrlsAllowed()) return url;
  const host = hostOf(url);
  if (net.isIP(host)) return url;
  let addresses: { address: string }[];
  try {
    addresses = await (options.lookup ?? defaultLookupAll)(host);
  } catch {
    return url;
  }
  for (const { address } of addresses) {
    const kind = nonPublicAddressKind(address);
    if (kind) throw validationError(field, `${field} points at ${host}, which resolves to ${address}, a ${kind} address the server does not call`);
  }
  return url;
}
