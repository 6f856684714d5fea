import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { WEBHOOK_BODY_SCHEMAS } from "@/lib/domain/webhooks/payloads";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { createWebhookEndpoint } from "./create-endpoint";
import { getDelivery } from "./get-delivery";
import { listDeliveries } from "./list-deliveries";
import { resendDelivery } from "./resend-delivery";
import { sendTestEvent, TEST_EVENT_MESSAGE } from "./send-test-event";
import { disableWebhookEndpoint, enableWebhookEndpoint } from "./set-endpoint-enabled";

beforeEach(() => {
  vi.stubEnv("ALLOW_PRIVATE_URLS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function setUp() {
  const scope = await createMerchant("Deliveries");
  const a = await createWebhookEndpoint(scope, { url: "https://a.example.com/hooks", events: ["link.created", "link.cancelled"] });
  const b = await createWebhookEndpoint(scope, { url: "https://b.example.com/hooks", events: ["link.created"] });
  return { scope, a, b };
}

/** Ages a delivery (so that "newest first" has something to order) and gives it an attempt's outcome. */
async function record(id: string, data: Parameters<ReturnType<typeof getDb>["outboxMessage"]["update"]>[0]["data"]) {
  await getDb().outboxMessage.update({ where: { id }, data });
}

async function ids(scope: MerchantScope) {
  return (await getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId }, select: { id: true, endpointId: true, kind: true } }));
}

describe("listDeliveries", () => {
  it("lists the merchant's webhook messages newest first, filtered by endpoint and status, paginated", async () => {
    const { scope, a, b } = await setUp();
    await createTestLink(scope);
    const rows = await ids(scope);
    const onA = rows.find((r) => r.endpointId === a.id)!;
    const onB = rows.find((r) => r.endpointId === b.id)!;
    await record(onA.id, { createdAt: new Date(Date.now() - 60_000), status: "FAILED", attempts: 9, lastStatusCode: 500, lastLatencyMs: 120, lastError: "HTTP 500" });
    await record(onB.id, { createdAt: new Date(Date.now() - 30_000), status: "SENT", attempts: 1, lastStatusCode: 204, lastLatencyMs: 35, sentAt: new Date() });
    const test = await sendTestEvent(scope, b.id);
    // Not a webhook: never listed.
    await getDb().outboxMessage.create({ data: { merchantId: scope.merchantId, channel: "EMAIL", destination: "x@example.com", kind: "email.receipt", payload: {} } });

    const all = await listDeliveries(scope);
    expect(all).toMatchObject({ limit: 20, total: { count: 3, exact: true }, next: null, previous: null });
    expect(all.items.map((d) => d.id)).toEqual([test.id, onB.id, onA.id]);
    expect(all.items[0]).toMatchObject({ type: "webhook.test", endpointId: b.id, url: b.url, status: "PENDING", attempts: 0, lastStatusCode: null });
    expect(all.items[0]!.nextAttemptAt).toBeInstanceOf(Date);
    expect(all.items[1]).toMatchObject({ type: "link.created", status: "SENT", attempts: 1, lastStatusCode: 204, lastLatencyMs: 35, nextAttemptAt: null });
    expect(all.items[2]).toMatchObject({ type: "link.created", status: "FAILED", attempts: 9, lastStatusCode: 500, lastError: "HTTP 500", nextAttemptAt: null });

    expect((await listDeliveries(scope, { endpointId: a.id })).items.map((d) => d.id)).toEqual([onA.id]);
    expect((await listDeliveries(scope, { endpointId: b.id, status: "PENDING" })).items.map((d) => d.id)).toEqual([test.id]);
    expect((await listDeliveries(scope, { status: "SENT" })).items.map((d) => d.id)).toEqual([onB.id]);
    const page1 = await listDeliveries(scope, { limit: "2" } as never);
    expect(page1.items.map((d) => d.id)).toEqual([test.id, onB.id]);
    const page2 = await listDeliveries(scope, { after: page1.next!, limit: 2 });
    expect(page2).toMatchObject({ limit: 2, total: { count: 3, exact: true }, next: null });
    expect(page2.items.map((d) => d.id)).toEqual([onA.id]);

    expect(await listDeliveries(await createMerchant())).toMatchObject({ items: [], total: { count: 0, exact: true }, next: null, previous: null });
  });

  it("refuses bad filters naming them", async () => {
    const { scope } = await setUp();
    for (const [input, field] of [
      [{ status: "DONE" }, "status"],
      [{ endpointId: "nope" }, "endpoint_id"],
      [{ after: "bm90IGEgY3Vyc29y" }, "after"],
      [{ page: 2 }, "page"],
      [{ limit: 101 }, "limit"],
      [{ sort: "x" }, "sort"],
    ] as const) {
      expect(await rejection(listDeliveries(scope, input as never))).toMatchObject({ code: "VALIDATION", details: { field } });
    }
  });
});

describe("getDelivery", () => {
  it("has the body, the last request and response, and the endpoint as it is now", async () => {
    const { scope, a } = await setUp();
    const link = await createTestLink(scope);
    const row = (await ids(scope)).find((r) => r.endpointId === a.id)!;
    const request = { method: "POST", url: a.url, headers: { "webhook-id": row.id }, body: "{}" };
    await record(row.id, { status: "FAILED", attempts: 3, lastStatusCode: 503, lastLatencyMs: 80, lastRequest: request, lastResponse: "Service Unavailable" });
    await disableWebhookEndpoint(scope, a.id);

    const detail = await getDelivery(scope, row.id);
    expect(detail).toMatchObject({
      id: row.id,
      type: "link.created",
      status: "FAILED",
      lastRequest: request,
      lastResponse: "Service Unavailable",
      endpoint: { id: a.id, url: a.url, enabled: false },
    });
    expect(WEBHOOK_BODY_SCHEMAS["link.created"].parse(detail.body)).toMatchObject({ data: { id: link.id } });
  });

  it("another merchant's delivery, a non-webhook message and a malformed id are NOT_FOUND", async () => {
    const { scope, a } = await setUp();
    const test = await sendTestEvent(scope, a.id);
    const email = await getDb().outboxMessage.create({ data: { merchantId: scope.merchantId, channel: "EMAIL", destination: "x@example.com", kind: "email.receipt", payload: {} } });
    const intruder = await createMerchant();
    const attempts = [
      () => getDelivery(intruder, test.id),
      () => getDelivery(scope, email.id),
      () => getDelivery(scope, "x"),
      () => resendDelivery(intruder, test.id),
      () => resendDelivery(scope, email.id),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "NOT_FOUND", message: "Webhook delivery not found" });
    }
  });
});

describe("sendTestEvent", () => {
  it("writes a webhook.test message to that endpoint only, whatever it subscribes to", async () => {
    const { scope, a } = await setUp();
    const now = new Date("2026-11-25T08:00:00.000Z");
    const test = await sendTestEvent(scope, a.id, now);
    expect(test).toMatchObject({ type: "webhook.test", endpointId: a.id, url: a.url, status: "PENDING", attempts: 0, nextAttemptAt: now });
    const detail = await getDelivery(scope, test.id);
    expect(detail.body).toEqual({ type: "webhook.test", timestamp: now.toISOString(), data: { endpoint_id: a.id, message: TEST_EVENT_MESSAGE } });
    expect(WEBHOOK_BODY_SCHEMAS["webhook.test"].safeParse(detail.body).success).toBe(true);
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId } })).toBe(1);
  });

  it("is refused for a disabled endpoint", async () => {
    const { scope, a } = await setUp();
    await disableWebhookEndpoint(scope, a.id);
    expect(await rejection(sendTestEvent(scope, a.id))).toMatchObject({ code: "INVALID_STATE" });
  });
});

describe("resendDelivery", () => {
  it("puts the same message back to PENDING, due now, attempts from zero, the last attempt still shown", async () => {
    const { scope, a } = await setUp();
    const test = await sendTestEvent(scope, a.id);
    await record(test.id, { status: "FAILED", attempts: 12, lastStatusCode: 500, lastError: "HTTP 500", lastResponse: "oops", nextAttemptAt: new Date(Date.now() + 3_600_000) });
    const now = new Date();
    const resent = await resendDelivery(scope, test.id, now);
    expect(resent).toMatchObject({ id: test.id, status: "PENDING", attempts: 0, nextAttemptAt: now, lastStatusCode: 500, lastError: "HTTP 500" });
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId } })).toBe(1);

    // A SENT one can be re-sent too (the receiver dedupes on the same webhook-id if it wants).
    await record(test.id, { status: "SENT", attempts: 1, lastStatusCode: 200, sentAt: new Date() });
    expect(await resendDelivery(scope, test.id)).toMatchObject({ status: "PENDING", attempts: 0, sentAt: null });
    // A PENDING one waiting for a retry is brought forward.
    await record(test.id, { nextAttemptAt: new Date(Date.now() + 3_600_000) });
    expect((await resendDelivery(scope, test.id, now)).nextAttemptAt).toEqual(now);
  });

  it("is refused while an attempt is in flight and while its endpoint is disabled", async () => {
    const { scope, a } = await setUp();
    const test = await sendTestEvent(scope, a.id);
    await record(test.id, { status: "SENDING", attempts: 1, lockedUntil: new Date(Date.now() + 60_000) });
    expect(await rejection(resendDelivery(scope, test.id))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/being sent/) });
    // A claim whose lease ran out (a worker that died) can be re-sent.
    await record(test.id, { lockedUntil: new Date(Date.now() - 1000) });
    expect(await resendDelivery(scope, test.id)).toMatchObject({ status: "PENDING" });

    await record(test.id, { status: "FAILED" });
    await disableWebhookEndpoint(scope, a.id);
    expect(await rejection(resendDelivery(scope, test.id))).toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/disabled/) });
    expect((await getDelivery(scope, test.id)).status).toBe("FAILED");
    await enableWebhookEndpoint(scope, a.id);
    expect(await resendDelivery(scope, test.id)).toMatchObject({ status: "PENDING" });
  });
});
