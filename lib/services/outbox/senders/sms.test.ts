import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { httpGateway, keepGateway, smsSender, smsSenderWith } from "./sms";

function message(payload: unknown): OutboxMessage {
  return {
    id: "00000000-0000-4000-8000-000000000001",
    merchantId: "00000000-0000-4000-8000-000000000002",
    eventId: null,
    endpointId: null,
    kind: "sms.link",
    channel: "SMS",
    destination: "+237670000001",
    payload: payload as OutboxMessage["payload"],
    status: "SENDING",
    attempts: 0,
    nextAttemptAt: new Date(),
    lockedUntil: null,
    lastError: null,
    lastStatusCode: null,
    lastLatencyMs: null,
    lastRequest: null,
    lastResponse: null,
    sentAt: null,
    createdAt: new Date(),
  } as OutboxMessage;
}

const SMS = { to: "+237670000001", text: "Boutique Akwa : paiement de 5 000 FCFA. Payez ici : https://pay.example.cm/p/abc" };

interface Hit {
  method: string;
  headers: IncomingMessage["headers"];
  body: unknown;
}

/** A local SMS gateway answering `status` (or never answering when status is 0). */
async function startGateway(status: number, answer = '{"id":"sms-1"}'): Promise<{ url: string; hits: Hit[]; server: Server }> {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      hits.push({ method: req.method!, headers: req.headers, body: JSON.parse(body) });
      if (status === 0) return; // never answers
      res.writeHead(status, { "content-type": "application/json" }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`, hits, server };
}

const servers: Server[] = [];
const saved = { url: process.env.SMS_GATEWAY_URL, token: process.env.SMS_GATEWAY_TOKEN };

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  if (saved.url === undefined) delete process.env.SMS_GATEWAY_URL;
  else process.env.SMS_GATEWAY_URL = saved.url;
  if (saved.token === undefined) delete process.env.SMS_GATEWAY_TOKEN;
  else process.env.SMS_GATEWAY_TOKEN = saved.token;
});

describe("smsSender", () => {
  it("keeps the message by default (no SMS_GATEWAY_URL)", async () => {
    delete process.env.SMS_GATEWAY_URL;
    expect(await smsSender([message(SMS)])).toEqual({ ok: true, kept: true, response: "kept: SMS_GATEWAY_URL is not set" });
    expect(await keepGateway.send(SMS)).toMatchObject({ ok: true, kept: true });
  });

  it("POSTs {to, text} as JSON to SMS_GATEWAY_URL with the token as Bearer, and a 2xx is sent", async () => {
    const gateway = await startGateway(202);
    servers.push(gateway.server);
    process.env.SMS_GATEWAY_URL = gateway.url;
    process.env.SMS_GATEWAY_TOKEN = "tok_123";
    const result = await smsSender([message(SMS)]);
    expect(result).toMatchObject({ ok: true, statusCode: 202, response: '{"id":"sms-1"}', request: { method: "POST", url: gateway.url, body: SMS } });
    expect(result.ok && result.kept).toBeFalsy();
    expect(gateway.hits).toHaveLength(1);
    expect(gateway.hits[0]).toMatchObject({ method: "POST", body: SMS });
    expect(gateway.hits[0]!.headers["content-type"]).toBe("application/json");
    expect(gateway.hits[0]!.headers.authorization).toBe("Bearer tok_123");
  });

  it("sends no Authorization header without a token", async () => {
    const gateway = await startGateway(200);
    servers.push(gateway.server);
    process.env.SMS_GATEWAY_URL = gateway.url;
    delete process.env.SMS_GATEWAY_TOKEN;
    expect(await smsSender([message(SMS)])).toMatchObject({ ok: true, statusCode: 200 });
    expect(gateway.hits[0]!.headers.authorization).toBeUndefined();
  });

  it("asks for a retry when the gateway answers 500, cannot be reached, or does not answer in time", async () => {
    const failing = await startGateway(500, "gateway down");
    servers.push(failing.server);
    process.env.SMS_GATEWAY_URL = failing.url;
    expect(await smsSender([message(SMS)])).toMatchObject({
      ok: false,
      retry: true,
      statusCode: 500,
      response: "gateway down",
      error: "the SMS gateway answered 500",
    });

    const silent = await startGateway(0);
    servers.push(silent.server);
    expect(await httpGateway(silent.url, undefined, 200).send(SMS)).toMatchObject({
      ok: false,
      retry: true,
      error: "the SMS gateway did not answer within 200 ms",
    });

    const unreachable = await smsSenderWith(() => httpGateway("http://127.0.0.1:1/send"))([message(SMS)]);
    expect(unreachable).toMatchObject({ ok: false, retry: true, error: expect.stringMatching(/could not be reached/) });
  });

  it("refuses for good a message without {to, text}", async () => {
    expect(await smsSender([message({ text: "no number" })])).toMatchObject({ ok: false, retry: false });
  });
});
