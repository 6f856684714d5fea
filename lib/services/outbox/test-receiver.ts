/**
 * Tests only: a real HTTP receiver on 127.0.0.1 that records every request it gets and answers
 * as the test says (status, delay, or never). Webhook tests verify what it recorded with the
 * `standardwebhooks` package, as a merchant's receiver would.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Order of arrival, from 1. */
  seq: number;
}

/** What to answer: a status (and body), after an optional delay; "hang" never answers. */
export type Answer = { status: number; body?: string; delayMs?: number } | "hang";

export interface Receiver {
  url: string;
  port: number;
  requests: ReceivedRequest[];
  /** Sets how the next requests are answered (default: 200). */
  answer(fn: (request: ReceivedRequest) => Answer): void;
  close(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let decide: (request: ReceivedRequest) => Answer = () => ({ status: 200, body: "ok" });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request: ReceivedRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        seq: requests.length + 1,
      };
      requests.push(request);
      const answer = decide(request);
      if (answer === "hang") return;
      const reply = () => {
        if (!res.destroyed) res.writeHead(answer.status, { "content-type": "text/plain" }).end(answer.body ?? "");
      };
      if (answer.delayMs) setTimeout(reply, answer.delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    answer: (fn) => {
      decide = fn;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
