/**
 * HTTP servers for the provider tests: a merchant endpoint that records callbacks, providers
 * that hang, and an address where nothing listens. Test-only.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PaymentProviderClient, ProviderStatus, Result, StatusQuery } from "./interface";

export interface ReceivedCall {
  method: string;
  /** Path and query, as the provider called it. */
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface CallbackListener {
  url: string;
  calls: ReceivedCall[];
  /** The first call whose URL contains `fragment`, waiting for it up to `timeoutMs`. */
  waitForCall(fragment: string, timeoutMs?: number): Promise<ReceivedCall>;
  close(): Promise<void>;
}

export async function startCallbackListener(): Promise<CallbackListener> {
  const calls: ReceivedCall[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      calls.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: text ? JSON.parse(text) : null });
      res.writeHead(204).end();
    });
  });
  const url = await listen(server);
  return {
    url,
    calls,
    async waitForCall(fragment, timeoutMs = 2000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const call = calls.find((received) => received.url.includes(fragment));
        if (call) return call;
        if (Date.now() > deadline) throw new Error(`No callback to a URL containing ${fragment} within ${timeoutMs} ms`);
        await sleep(10);
      }
    },
    close: () => stop(server),
  };
}

/**
 * A provider that accepts connections, then never answers ("hang") or drops the connection
 * without answering ("cut"). With `answerTokens` it does hand out access tokens (on MTN's and
 * Orange's token paths), so that the failure hits the payment call itself.
 */
export async function startBrokenProvider(options: {
  answerTokens: boolean;
  failure: "hang" | "cut";
}): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (options.answerTokens && /\/(collection\/token\/?|oauth\/v3\/token)$/.test(req.url ?? "")) {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ access_token: "t", expires_in: 3600 }));
    } else if (options.failure === "cut") {
      req.socket.destroy();
    }
  });
  const url = await listen(server);
  return { url, close: () => stop(server) };
}

/** A loopback URL where nothing listens: connections are refused. */
export async function unusedUrl(): Promise<string> {
  const server = createServer();
  const url = await listen(server);
  await stop(server);
  return url;
}

/** Asks for the status until it is final (or an error), at most `timeoutMs`. */
export async function statusWhenFinal(
  client: PaymentProviderClient,
  query: StatusQuery,
  timeoutMs = 2000,
): Promise<Result<ProviderStatus>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await client.getStatus(query);
    if (!result.ok || result.value.status !== "PENDING" || Date.now() > deadline) return result;
    await sleep(20);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function stop(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
