/**
 * The outbox worker against the real database and a real HTTP receiver on 127.0.0.1
 * (ALLOW_PRIVATE_URLS=1 in this file, except where refused destinations are tested). Every
 * test has a merchant of its own and delivers only that merchant's messages: other test files
 * write to the same database at the same time.
 */
import { randomBytes } from "node:crypto";
import type { LookupFunction } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { claimMessages } from "./claim-messages";
import { backoffMs } from "./config";
import { deliverDueMessages, type DeliverOptions, type DeliverySummary } from "./deliver-messages";
import { enqueueMessage, type OutboxChannel } from "./enqueue-message";
import { senderFor } from "./senders";
import type { Sender } from "./senders/types";
import { createWebhookSender, signWebhook } from "./senders/webhook";
import { startReceiver, type Receiver } from "./test-receiver";
import { startWorker } from "./worker-loop";

const quiet = { log: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A `whsec_` secret as the Standard Webhooks libraries read it (base64 of 24 random bytes). */
const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

let receiver: Receiver;
let merchantId: string;
let secret: string;
let endpointId: string;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  process.env.ALLOW_PRIVATE_URLS = "1";
  receiver.requests.length = 0;
  receiver.answer(() => ({ status: 200, body: "ok" }));
  secret = newSecret();
  const merchant = await getDb().merchant.create({ data: { name: "Outbox test", webhookSecret: secret } });
  merchantId = merchant.id;
  const endpoint = await getDb().webhookEndpoint.create({ data: { merchantId, url: `${receiver.url}/hooks`, events: [] } });
  endpointId = endpoint.id;
});
afterEach(() => {
  delete process.env.ALLOW_PRIVATE_URLS;
});

/** A webhook message as the webhook engineer's code enqueues it: `{type, timestamp, data}` to the endpoint. */
async function enqueueWebhook(overrides: { destination?: string; endpointId?: string | null; data?: Record<string, string | number> } = {}) {
  const type = "payment.succeeded";
  await enqueueMessage(getDb(), {
    merchantId,
    channel: "WEBHOOK",
    destination: overrides.destination ?? `${receiver.url}/hooks`,
    ...(overrides.endpointId !== null && { endpointId: overrides.endpointId ?? endpointId }),
    kind: type,
    payload: { type, timestamp: new Date().toISOString(), data: { payment_id: randomBytes(4).toString("hex"), amount: 5000, ...overrides.data } },
  });
  return (await getDb().outboxMessage.findFirstOrThrow({ where: { merchantId }, orderBy: { createdAt: "desc" } })).id;
}

const deliver = (options: DeliverOptions = {}) => deliverDueMessages({ merchantId, log: quiet, ...options });
const row = (id: string) => getDb().outboxMessage.findUniqueOrThrow({ where: { id } });
const rows = () => getDb().outboxMessage.findMany({ where: { merchantId }, orderBy: { createdAt: "asc" } });

function summary(counts: Partial<DeliverySummary>): DeliverySummary {
  return { claimed: 0, sent: 0, kept: 0, retrying: 0, failed: 0, deferred: 0, lost: 0, errors: 0, ...counts };
}

/** What a merchant's receiver does: verify with the standardwebhooks package (throws when it does not verify). */
function verify(request: { body: string; headers: Record<string, unknown> }, key = secret) {
  return new Webhook(key).verify(request.body, request.headers as Record<string, string>);
}

describe("signed webhooks (Standard Webhooks)", () => {
  it("sends each message once, signed so that the standardwebhooks package verifies it, and records the attempt", async () => {
    const ids = [await enqueueWebhook(), await enqueueWebhook(), await enqueueWebhook()];
    expect(await deliver()).toEqual(summary({ claimed: 3, sent: 3 }));

    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests.map((r) => r.headers["webhook-id"]).sort()).toEqual([...ids].sort());
    for (const request of receiver.requests) {
      expect(request.method).toBe("POST");
      expect(request.path).toBe("/hooks");
      expect(request.headers["content-type"]).toBe("application/json");
      const message = (await row(String(request.headers["webhook-id"]))) as OutboxMessage;
      // The body is the payload as enqueued, type, timestamp and data first.
      expect(verify(request)).toEqual(message.payload);
      expect(Object.keys(JSON.parse(request.body))).toEqual(["type", "timestamp", "data"]);
      const timestamp = Number(request.headers["webhook-timestamp"]);
      expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(10);
      expect(request.headers["webhook-signature"]).toBe(signWebhook(secret, message.id, timestamp, request.body));
      expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
    // Another key does not verify.
    expect(() => verify(receiver.requests[0]!, newSecret())).toThrow(/No matching signature/);

    for (const message of await rows()) {
      expect(message).toMatchObject({ status: "SENT", attempts: 1, lastStatusCode: 200, lastResponse: "ok", lastError: null, lockedUntil: null });
      expect(message.sentAt).toBeInstanceOf(Date);
      expect(message.lastLatencyMs).toBeGreaterThanOrEqual(0);
      const lastRequest = message.lastRequest as { method: string; url: string; headers: Record<string, string>; body: string };
      expect(lastRequest).toMatchObject({ method: "POST", url: `${receiver.url}/hooks` });
      expect(lastRequest.headers["webhook-id"]).toBe(message.id);
      expect(JSON.parse(lastRequest.body)).toEqual(message.payload);
      // The secret itself is never kept.
      expect(JSON.stringify(message)).not.toContain(secret.slice("whsec_".length));
    }
    // Nothing more to send.
    expect(await deliver()).toEqual(summary({}));
    expect(receiver.requests).toHaveLength(3);
  });

  it("signs with both secrets for 24 hours after a rotation, space-separated, then with the new one only", async () => {
    const previous = secret;
    const current = newSecret();
    await getDb().merchant.update({
      where: { id: merchantId },
      data: { webhookSecret: current, previousWebhookSecret: previous, previousWebhookSecretExpiresAt: new Date(Date.now() + 24 * 3_600_000) },
    });
    await enqueueWebhook();
    await deliver();
    const during = receiver.requests[0]!;
    expect(String(during.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    expect(verify(during, current)).toBeTruthy();
    expect(verify(during, previous)).toBeTruthy();

    await getDb().merchant.update({ where: { id: merchantId }, data: { previousWebhookSecretExpiresAt: new Date(Date.now() - 1000) } });
    await enqueueWebhook();
    await deliver();
    const after = receiver.requests[1]!;
    expect(String(after.headers["webhook-signature"]).split(" ")).toHaveLength(1);
    expect(verify(after, current)).toBeTruthy();
    expect(() => verify(after, previous)).toThrow(/No matching signature/);
  });

  it("retries a receiver that fails twice, which then gets the message exactly once more (3 attempts, one webhook-id)", async () => {
    receiver.answer((request) => (request.seq <= 2 ? { status: 500, body: "boom" } : { status: 204 }));
    const id = await enqueueWebhook();
    const fast = { backoffBaseMs: 20, backoffMaxMs: 50 };

    expect(await deliver(fast)).toEqual(summary({ claimed: 1, retrying: 1 }));
    const afterFirst = await row(id);
    expect(afterFirst).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: 500, lastResponse: "boom", lastError: "answered HTTP 500", lockedUntil: null });
    expect(afterFirst.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now() + 50);

    const deadline = Date.now() + 10_000;
    while ((await row(id)).status !== "SENT" && Date.now() < deadline) {
      await sleep(30);
      await deliver(fast);
    }
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3, lastStatusCode: 204, lastError: null });
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.headers["webhook-id"]))).toEqual(new Set([id]));
    for (const request of receiver.requests) expect(verify(request)).toBeTruthy();

    // Delivered: never again.
    await sleep(60);
    expect(await deliver(fast)).toEqual(summary({}));
    expect(receiver.requests).toHaveLength(3);
  });

  it("disables an endpoint that answers 410 Gone, and sends it nothing more", async () => {
    receiver.answer(() => ({ status: 410, body: "gone" }));
    const first = await enqueueWebhook();
    expect(await deliver()).toEqual(summary({ claimed: 1, failed: 1 }));
    expect(await row(first)).toMatchObject({ status: "FAILED", attempts: 1, lastStatusCode: 410, lastError: "answered HTTP 410 Gone: the endpoint is disabled" });
    const endpoint = await getDb().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
    expect(endpoint.disabledAt).toBeInstanceOf(Date);
    expect(endpoint.disabledReason).toBe("answered HTTP 410 Gone: the endpoint is disabled");

    const second = await enqueueWebhook();
    expect(await deliver()).toEqual(summary({ claimed: 1, failed: 1 }));
    expect(await row(second)).toMatchObject({ status: "FAILED", lastError: "the endpoint is disabled (answered HTTP 410 Gone: the endpoint is disabled)" });
    expect(receiver.requests).toHaveLength(1);
  });

  it("gives up on a receiver that does not answer within the timeout, and tries again later", async () => {
    receiver.answer(() => "hang");
    const id = await enqueueWebhook();
    const started = Date.now();
    const timeouts = (channel: OutboxChannel) => (channel === "WEBHOOK" ? createWebhookSender({ timeoutMs: 300 }) : senderFor(channel));
    expect(await deliver({ senderFor: timeouts })).toEqual(summary({ claimed: 1, retrying: 1 }));
    expect(Date.now() - started).toBeLessThan(5000);
    const message = await row(id);
    expect(message).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null, lastError: "no answer within 300 ms" });
    expect(message.lastLatencyMs).toBeGreaterThanOrEqual(290);
    expect(message.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 1000);
  });

  it("times out at DELIVERY_TIMEOUT_MS (15 s unless set)", async () => {
    receiver.answer(() => "hang");
    const id = await enqueueWebhook();
    process.env.DELIVERY_TIMEOUT_MS = "200";
    try {
      await deliver();
    } finally {
      delete process.env.DELIVERY_TIMEOUT_MS;
    }
    expect((await row(id)).lastError).toBe("no answer within 200 ms");
  });
});

describe("retries", () => {
  it("backs off exponentially with full jitter, capped", () => {
    const config = { backoffBaseMs: 10_000, backoffMaxMs: 6 * 3_600_000 };
    expect(backoffMs(1, config, () => 0.999)).toBe(9990);
    expect(backoffMs(2, config, () => 0.999)).toBe(19_980);
    expect(backoffMs(5, config, () => 0.5)).toBe(80_000);
    expect(backoffMs(30, config, () => 0.5)).toBe(3 * 3_600_000);
    expect(backoffMs(3, config, () => 0)).toBe(0);
  });

  it("marks a message FAILED once the retry window since it was written has passed, and never past it", async () => {
    receiver.answer(() => ({ status: 503 }));
    const old = await enqueueWebhook();
    await getDb().outboxMessage.update({ where: { id: old }, data: { createdAt: new Date(Date.now() - 73 * 3_600_000) } });
    const young = await enqueueWebhook();
    await getDb().outboxMessage.update({ where: { id: young }, data: { createdAt: new Date(Date.now() - 72 * 3_600_000 + 60_000) } });

    expect(await deliver({ backoffBaseMs: 3_600_000, random: () => 0.99 })).toEqual(summary({ claimed: 2, retrying: 1, failed: 1 }));
    expect(await row(old)).toMatchObject({ status: "FAILED", lastError: "answered HTTP 503 (gave up after 1 attempts in 72 hours)" });
    // The next attempt of the young one is at its deadline at the latest, not an hour later.
    const next = (await row(young)).nextAttemptAt.getTime();
    expect(next).toBeLessThanOrEqual(Date.now() + 61_000);
  });

  it("reads the retry window from OUTBOX_RETRY_HOURS", async () => {
    receiver.answer(() => ({ status: 500 }));
    const id = await enqueueWebhook();
    await getDb().outboxMessage.update({ where: { id }, data: { createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    process.env.OUTBOX_RETRY_HOURS = "1";
    try {
      await deliver();
    } finally {
      delete process.env.OUTBOX_RETRY_HOURS;
    }
    expect(await row(id)).toMatchObject({ status: "FAILED", lastError: "answered HTTP 500 (gave up after 1 attempts in 1 hours)" });
  });

  it("records KEPT when the sender keeps the message, and retries a sender that throws", async () => {
    const kept = await enqueueWebhook();
    const keeper: Sender = async () => ({ ok: true, kept: true, response: "no transport configured" });
    expect(await deliver({ senderFor: () => keeper })).toEqual(summary({ claimed: 1, kept: 1 }));
    expect(await row(kept)).toMatchObject({ status: "KEPT", sentAt: null, lastResponse: "no transport configured" });

    const broken = await enqueueWebhook();
    const thrower: Sender = async () => {
      throw new Error("bug");
    };
    expect(await deliver({ senderFor: () => thrower })).toEqual(summary({ claimed: 1, retrying: 1 }));
    expect(await row(broken)).toMatchObject({ status: "PENDING", lastError: "the sender failed: bug" });
  });

  it("gives back, unattempted, what it could not start before its claim would run out", async () => {
    const ids = [await enqueueWebhook(), await enqueueWebhook(), await enqueueWebhook()];
    const slow: Sender = async () => {
      await sleep(300);
      return { ok: true, statusCode: 200 };
    };
    expect(await deliver({ senderFor: () => slow, leaseMs: 400, concurrency: 1 })).toEqual(summary({ claimed: 3, sent: 1, deferred: 2 }));
    const after = await Promise.all(ids.map(row));
    expect(after.filter((m) => m.status === "SENT")).toHaveLength(1);
    for (const m of after.filter((m) => m.status !== "SENT")) expect(m).toMatchObject({ status: "PENDING", attempts: 0, lockedUntil: null });
    expect(await deliver()).toEqual(summary({ claimed: 2, sent: 2 }));
  });

  it("does not overwrite a message another worker claimed after this worker's lease ran out", async () => {
    const id = await enqueueWebhook();
    // While this worker is sending, its lease runs out and another worker claims the message.
    const slowSender: Sender = async () => {
      await getDb().outboxMessage.update({ where: { id }, data: { attempts: { increment: 1 }, lockedUntil: new Date(Date.now() + 60_000) } });
      return { ok: false, retry: true, error: "answered HTTP 500", statusCode: 500 };
    };
    expect(await deliver({ senderFor: () => slowSender })).toEqual(summary({ claimed: 1, lost: 1 }));
    expect(await row(id)).toMatchObject({ status: "SENDING", attempts: 2, lastError: null });
  });
});

describe("refused destinations at connection time (ALLOW_PRIVATE_URLS unset)", () => {
  it("refuses loopback, metadata, IPv6 loopback, localhost, file: and gopher:, and a name that resolves to a private address, without retrying", async () => {
    delete process.env.ALLOW_PRIVATE_URLS;
    const destinations = [
      `${receiver.url}/hooks`,
      "http://169.254.169.254/latest/meta-data/",
      `http://[::1]:${receiver.port}/hooks`,
      `http://localhost:${receiver.port}/hooks`,
      "file:///etc/passwd",
      "gopher://127.0.0.1:70/_hello",
      // Saved while it resolved to a public address; now it resolves to ours (DNS rebinding).
      `http://hooks.rebind.example:${receiver.port}/hooks`,
    ];
    const ids: string[] = [];
    for (const destination of destinations) ids.push(await enqueueWebhook({ destination }));
    const toLoopback = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4)) as LookupFunction;
    const senders = (channel: OutboxChannel) => (channel === "WEBHOOK" ? createWebhookSender({ lookup: toLoopback }) : senderFor(channel));

    expect(await deliver({ senderFor: senders })).toEqual(summary({ claimed: 7, failed: 7 }));
    const errors = await Promise.all(ids.map(async (id) => (await row(id)).lastError));
    expect(errors).toEqual([
      "refused: the URL points at 127.0.0.1, a loopback address the server does not call",
      "refused: the URL points at 169.254.169.254, a link-local (cloud metadata) address the server does not call",
      "refused: the URL points at ::1, a loopback address the server does not call",
      "refused: the URL points at localhost, a name of our own network the server does not call",
      "refused: the URL must be an http or https URL, not file:",
      "refused: the URL must be an http or https URL, not gopher:",
      "refused: hooks.rebind.example resolves to 127.0.0.1, a loopback address the server does not call",
    ]);
    for (const message of await rows()) expect(message).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(receiver.requests).toHaveLength(0);
  });
});

describe("several workers", () => {
  it("two workers in parallel deliver 1,000 messages, none twice and none lost", { timeout: 120_000 }, async () => {
    const count = 1000;
    await getDb().outboxMessage.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        merchantId,
        channel: "WEBHOOK" as const,
        destination: `${receiver.url}/hooks`,
        endpointId,
        kind: "payment.succeeded",
        payload: { type: "payment.succeeded", timestamp: new Date().toISOString(), data: { n: i } },
      })),
    });
    const sentBy = [0, 0];
    const counting =
      (n: number) =>
      (channel: OutboxChannel): Sender =>
      async (messages) => {
        sentBy[n]! += messages.length;
        return senderFor(channel)(messages);
      };
    const workers = [0, 1].map((n) =>
      startWorker({ merchantId, intervalMs: 20, batchSize: 25, concurrency: 8, senderFor: counting(n), log: quiet }),
    );
    const deadline = Date.now() + 100_000;
    while ((await getDb().outboxMessage.count({ where: { merchantId, status: "SENT" } })) < count && Date.now() < deadline) await sleep(100);
    await Promise.all(workers.map((w) => w.stop()));

    const ids = receiver.requests.map((r) => String(r.headers["webhook-id"]));
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    const stored = await rows();
    expect(stored.filter((m) => m.status === "SENT")).toHaveLength(count);
    expect(stored.every((m) => m.attempts === 1)).toBe(true);
    expect(new Set(ids)).toEqual(new Set(stored.map((m) => m.id)));
    // Both took part.
    expect(sentBy[0]! + sentBy[1]!).toBe(count);
    expect(Math.min(...sentBy)).toBeGreaterThan(0);
    // Every one verifies.
    for (const request of receiver.requests.slice(0, 50)) expect(verify(request)).toBeTruthy();
  });

  it("never claims one message twice, even when claims race", async () => {
    await getDb().outboxMessage.createMany({
      data: Array.from({ length: 200 }, () => ({ merchantId, channel: "WEBHOOK" as const, destination: `${receiver.url}/hooks`, kind: "x", payload: {} })),
    });
    const claims = await Promise.all(
      Array.from({ length: 8 }, () => claimMessages({ merchantId, batchSize: 40, leaseMs: 60_000, callbackWindowMs: 0 })),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
  });
});
