/**
 * From recorded events to WEBHOOK outbox messages (lib/services/notifications/webhook-messages.ts),
 * through the real services: which types, to which endpoints, with which bodies (validated
 * against the documented schemas), and above all no `link.paid` before the money has arrived.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/domain/webhooks/events";
import { WEBHOOK_BODY_SCHEMAS, webhookLinkSchema } from "@/lib/domain/webhooks/payloads";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { updateLink } from "@/lib/services/links/update-link";
import { webhookTypesFor } from "@/lib/services/notifications/webhook-messages";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { createWebhookEndpoint } from "./create-endpoint";
import { disableWebhookEndpoint } from "./set-endpoint-enabled";
import { readLinkForWebhook, toWebhookLink } from "./webhook-data";

const BASE = "https://pay.example.test";

beforeEach(() => {
  vi.stubEnv("APP_URL", BASE);
  vi.stubEnv("ALLOW_PRIVATE_URLS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Messages of one transaction can share their created_at: ties go in the order one event writes them. */
const RANK = ["link.created", "link.updated", "link.expired", "link.cancelled", "payment.pending", "payment.failed", "payment.succeeded", "link.paid"];

async function messages(scope: MerchantScope) {
  const rows = await getDb().outboxMessage.findMany({
    where: { merchantId: scope.merchantId, channel: "WEBHOOK" },
    orderBy: [{ createdAt: "asc" }, { destination: "asc" }],
  });
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || RANK.indexOf(a.kind) - RANK.indexOf(b.kind) || a.destination.localeCompare(b.destination));
}

/** The kinds written so far, in order. */
async function kinds(scope: MerchantScope) {
  return (await messages(scope)).map((m) => m.kind);
}

/** Every message's payload is exactly the documented body of its kind. */
async function expectDocumentedBodies(scope: MerchantScope) {
  for (const message of await messages(scope)) {
    const schema = WEBHOOK_BODY_SCHEMAS[message.kind as WebhookEventType];
    expect(schema, message.kind).toBeDefined();
    const parsed = schema.safeParse(message.payload);
    expect(parsed.success ? [] : parsed.error.issues, message.kind).toEqual([]);
  }
}

async function merchantWithEndpoint(events: WebhookEventType[] = [...WEBHOOK_EVENT_TYPES]) {
  const scope = await createMerchant("Webhook receiver");
  const endpoint = await createWebhookEndpoint(scope, { url: "https://hooks.example.com/paylinks", events });
  return { scope, endpoint };
}

let nextPhone = 671000001;
/** Each redeem from a number of its own (a number with a pending payment would get that payment back). */
const redeem = (slug: string) => redeemLink({ slug, provider: "MTN_CAM", phoneNumber: String(nextPhone++) });
const settle = (paymentId: string, outcome: "SUCCESSFUL" | "FAILED") =>
  settlePayment({ paymentId, outcome, actor: "provider:mtn", ...(outcome === "FAILED" ? { failureReason: "PAYER_REJECTED" } : {}) });

describe("webhookTypesFor (the mapping)", () => {
  it("maps our events to webhook types; link.paid comes only from payment.succeeded", () => {
    const at = (type: string, data: unknown = {}) => webhookTypesFor({ type, data: data as never });
    expect(at("link.created")).toEqual(["link.created"]);
    expect(at("link.updated", { changes: { description: { from: "a", to: "b" } } })).toEqual(["link.updated"]);
    expect(at("link.updated", { changes: { status: { from: "ACTIVE", to: "EXPIRED" } } })).toEqual(["link.expired"]);
    expect(at("link.cancelled")).toEqual(["link.cancelled"]);
    expect(at("link.expired")).toEqual(["link.expired"]);
    expect(at("payment.created")).toEqual(["payment.pending"]);
    expect(at("payment.succeeded")).toEqual(["payment.succeeded", "link.paid"]);
    expect(at("payment.failed")).toEqual(["payment.failed"]);
    for (const silent of ["link.paid", "link.redeemed", "link.reopened", "payment.initiated", "payment.initiation_unknown", "order.created", "order.paid_elsewhere"]) {
      expect(at(silent), silent).toEqual([]);
    }
  });
});

describe("link events", () => {
  it("writes one message per enabled endpoint subscribed to the type, with the documented body", async () => {
    const scope = await createMerchant("Several endpoints");
    const all = await createWebhookEndpoint(scope, { url: "https://a.example.com/hooks", events: [...WEBHOOK_EVENT_TYPES] });
    const created = await createWebhookEndpoint(scope, { url: "https://b.example.com/hooks", events: ["link.created"] });
    await createWebhookEndpoint(scope, { url: "https://c.example.com/hooks", events: ["payment.succeeded"] });
    const off = await createWebhookEndpoint(scope, { url: "https://d.example.com/hooks", events: ["link.created"] });
    await disableWebhookEndpoint(scope, off.id);
    const neighbour = await merchantWithEndpoint();

    const link = await createTestLink(scope, { amountMinor: 9_999_999_999, currency: "EUR", description: "Invoice 7", metadata: { order: "A-7" } });
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: link.id, type: "link.created" } });
    const written = await messages(scope);
    expect(written.map((m) => [m.kind, m.endpointId, m.destination, m.status, m.eventId])).toEqual([
      ["link.created", all.id, all.url, "PENDING", event.id],
      ["link.created", created.id, created.url, "PENDING", event.id],
    ]);
    expect(written[0]!.payload).toEqual({
      type: "link.created",
      timestamp: event.createdAt.toISOString(),
      data: {
        id: link.id,
        slug: link.slug,
        short_code: link.shortCode,
        status: "ACTIVE",
        active: true,
        mode: "SANDBOX",
        amount: 9_999_999_999,
        currency: "EUR",
        dynamic_amount: false,
        description: "Invoice 7",
        max_uses: 1,
        current_uses: 0,
        expires_at: null,
        paid_at: null,
        cancelled_at: null,
        created_at: link.createdAt.toISOString(),
        order_id: null,
        merchant_reference: null,
        invoice_reference: null,
        metadata: { order: "A-7" },
        urls: { pay: `${BASE}/pay/${link.slug}`, short: `${BASE}/p/${link.shortCode}` },
      },
    });
    expect(written[1]!.payload).toEqual(written[0]!.payload);
    await expectDocumentedBodies(scope);
    // The other merchant's endpoint hears nothing of it.
    expect(await messages(neighbour.scope)).toEqual([]);
  });

  it("updated, set to EXPIRED (link.expired) and cancelled", async () => {
    const { scope } = await merchantWithEndpoint();
    const link = await createTestLink(scope);
    await updateLink(scope, link.id, { description: "New words" });
    const other = await createTestLink(scope);
    await updateLink(scope, other.id, { status: "EXPIRED" });
    const third = await createTestLink(scope);
    await cancelLink(scope, third.id);

    const written = await messages(scope);
    expect(written.map((m) => m.kind)).toEqual(["link.created", "link.updated", "link.created", "link.expired", "link.created", "link.cancelled"]);
    const data = (i: number) => (written[i]!.payload as { data: { status: string; description: string; cancelled_at: string | null } }).data;
    expect(data(1)).toMatchObject({ status: "ACTIVE", description: "New words" });
    expect(data(3).status).toBe("EXPIRED");
    expect(data(5).status).toBe("CANCELLED");
    expect(data(5).cancelled_at).not.toBeNull();
    await expectDocumentedBodies(scope);
  });

  it("writes nothing when the merchant has no endpoint, or none for the type", async () => {
    const scope = await createMerchant("No endpoints");
    await createTestLink(scope);
    expect(await messages(scope)).toEqual([]);
    const { scope: paymentsOnly } = await merchantWithEndpoint(["payment.succeeded"]);
    const link = await createTestLink(paymentsOnly);
    await cancelLink(paymentsOnly, link.id);
    expect(await messages(paymentsOnly)).toEqual([]);
  });
});

describe("payment events and link.paid: nothing says paid before the money has arrived", () => {
  it("a reserved last use sends payment.pending only; the success sends payment.succeeded then link.paid", async () => {
    const { scope } = await merchantWithEndpoint();
    const link = await createTestLink(scope, { amountMinor: 2500 });
    const { payment } = await redeem(link.slug);

    // Neither our timeline nor the webhooks say paid: every use is taken, awaiting payment.
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.paid" } })).toBe(0);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.awaiting_payment" } })).toBe(1);
    expect(await kinds(scope)).toEqual(["link.created", "payment.pending"]);
    const pending = (await messages(scope))[1]!.payload as { data: Record<string, unknown> };
    expect(pending.data).toMatchObject({
      id: payment.id,
      transaction_id: payment.transactionId,
      status: "PENDING",
      amount: 2500,
      currency: "XAF",
      provider: "MTN_CAM",
      failure_reason: null,
      payer_phone: payment.payerPhone,
      settled_at: null,
      link: { id: link.id, slug: link.slug },
    });
    // The link as a webhook would show it now: not paid (a pending payment holds the use).
    const held = (await readLinkForWebhook(getDb(), link.id))!;
    expect(held.row.status).toBe("PAID");
    expect(toWebhookLink(held.row, { pendingPayments: held.pendingPayments, now: new Date() })).toMatchObject({ status: "ACTIVE", paid_at: null, current_uses: 1 });

    await settle(payment.id, "SUCCESSFUL");
    const written = await messages(scope);
    expect(written.map((m) => m.kind)).toEqual(["link.created", "payment.pending", "payment.succeeded", "link.paid"]);
    const succeededEvent = await getDb().event.findFirstOrThrow({ where: { paymentId: payment.id, type: "payment.succeeded" } });
    expect(written[2]!.eventId).toBe(succeededEvent.id);
    expect(written[3]!.eventId).toBe(succeededEvent.id);
    expect((written[2]!.payload as { data: { status: string; settled_at: string | null } }).data).toMatchObject({ status: "SUCCESSFUL" });
    expect((written[2]!.payload as { data: { settled_at: string | null } }).data.settled_at).not.toBeNull();
    const paid = webhookLinkSchema.parse((written[3]!.payload as { data: unknown }).data);
    expect(paid).toMatchObject({ id: link.id, status: "PAID", current_uses: 1 });
    expect(paid.paid_at).not.toBeNull();
    await expectDocumentedBodies(scope);
  });

  it("a link of several uses is paid with the success of its last pending payment, not before", async () => {
    const { scope } = await merchantWithEndpoint(["link.paid", "payment.succeeded"]);
    const link = await createTestLink(scope, { maxUses: 2 });
    const first = await redeem(link.slug);
    const second = await redeem(link.slug);
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).status).toBe("PAID");
    expect(await kinds(scope)).toEqual([]);

    await settle(first.payment.id, "SUCCESSFUL");
    expect(await kinds(scope)).toEqual(["payment.succeeded"]);
    await settle(second.payment.id, "SUCCESSFUL");
    expect(await kinds(scope)).toEqual(["payment.succeeded", "payment.succeeded", "link.paid"]);
  });

  it("a failed payment sends payment.failed and no link.paid; the next success does", async () => {
    const { scope } = await merchantWithEndpoint(["link.paid", "payment.failed", "payment.succeeded", "link.updated"]);
    const link = await createTestLink(scope);
    const failing = await redeem(link.slug);
    await settle(failing.payment.id, "FAILED");
    expect(await kinds(scope)).toEqual(["payment.failed"]);
    const failed = (await messages(scope))[0]!.payload as { data: { status: string; failure_reason: string } };
    expect(failed.data).toMatchObject({ status: "FAILED", failure_reason: "PAYER_REJECTED" });

    const paying = await redeem(link.slug);
    await settle(paying.payment.id, "SUCCESSFUL");
    expect(await kinds(scope)).toEqual(["payment.failed", "payment.succeeded", "link.paid"]);
    await expectDocumentedBodies(scope);
  });

  it("of two last payments settling at once, exactly one sends link.paid", async () => {
    const { scope } = await merchantWithEndpoint(["link.paid"]);
    const link = await createTestLink(scope, { maxUses: 2 });
    const a = await redeem(link.slug);
    const b = await redeem(link.slug);
    await Promise.all([settle(a.payment.id, "SUCCESSFUL"), settle(b.payment.id, "SUCCESSFUL")]);
    expect(await kinds(scope)).toEqual(["link.paid"]);
  });

  it("a replayed settlement sends nothing more", async () => {
    const { scope } = await merchantWithEndpoint();
    const link = await createTestLink(scope);
    const { payment } = await redeem(link.slug);
    await settle(payment.id, "SUCCESSFUL");
    const before = await kinds(scope);
    await settle(payment.id, "SUCCESSFUL");
    expect(await kinds(scope)).toEqual(before);
  });
});
