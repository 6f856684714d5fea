/**
 * GET /api/payment-links/id/{id}/payments, the documented addition to the Instanvi contract:
 * a link's payment attempts in the Instanvi envelope, newest first, masked numbers, and the
 * errors (401 without a key, 404 for unknown, malformed and other merchants' ids).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/payment-links/id/[id]/payments/route";
import { openApiDocument } from "@/lib/contracts/openapi";
import type { MerchantScope } from "@/lib/domain/links/types";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { call, createApiKey } from "@/lib/testing/http";
import { envelopeOf, errorEnvelopeSchema, linkPaymentsData } from "./schemas";

let shop: MerchantScope;
let apiKey: string;
let otherKey: string;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_CREDENTIAL = "100000";
  shop = await createMerchant("Boutique Bonanjo");
  apiKey = (await createApiKey(shop.merchantId)).apiKey;
  otherKey = (await createApiKey((await createMerchant("Other shop")).merchantId)).apiKey;
});

const list = (id: string, key: string | null = apiKey) =>
  call(listRoute, { path: `/api/payment-links/id/${encodeURIComponent(id)}/payments`, headers: key ? { "x-api-key": key } : {}, params: { id } });

describe("GET /api/payment-links/id/{id}/payments", () => {
  it("lists every attempt newest first, with its status, so that a poller sees the money arrive", async () => {
    const link = await createTestLink(shop, { amountMinor: 250000, currency: "XAF", maxUses: 3 });
    const first = (await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "677123401" })).payment;
    await settlePayment({ paymentId: first.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:test" });
    const second = (await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "699123402" })).payment;

    const pending = await list(link.id);
    expect(pending.status).toBe(200);
    const body = envelopeOf(linkPaymentsData).parse(pending.json);
    expect(body).toMatchObject({ status_code: 200, status: "OK", message: "Payments retrieved" });
    expect(body.data.payment_link).toEqual({ id: link.id, slug: link.slug, status: "ACTIVE", current_uses: 1, max_uses: 3 });
    expect(body.data.payments.map((p) => [p.id, p.status, p.provider, p.failure_reason])).toEqual([
      [second.id, "PENDING", "ORANGE_CAM", null],
      [first.id, "FAILED", "MTN_CAM", "PAYER_REJECTED"],
    ]);
    expect(body.data.payments[0]).toMatchObject({ amount: 250000, currency: "XAF", transaction_id: second.transactionId, settled_at: null, paid_late: false, over_collected: false });
    expect(body.data.payments[0]!.payer_phone).toMatch(/^\+237 •+402$/);
    expect(JSON.stringify(body)).not.toContain("699123402");

    await settlePayment({ paymentId: second.id, outcome: "SUCCESSFUL", actor: "provider:test" });
    const paid = envelopeOf(linkPaymentsData).parse((await list(link.id)).json);
    expect(paid.data.payments[0]).toMatchObject({ id: second.id, status: "SUCCESSFUL" });
    expect(Date.parse(paid.data.payments[0]!.settled_at!)).not.toBeNaN();
  });

  it("answers an empty list for a link nobody paid", async () => {
    const link = await createTestLink(shop);
    expect(envelopeOf(linkPaymentsData).parse((await list(link.id)).json).data.payments).toEqual([]);
  });

  it("refuses without a key (401), and answers 404 for unknown, malformed and other merchants' links", async () => {
    const link = await createTestLink(shop);
    const refused = await list(link.id, null);
    expect(refused.status).toBe(401);
    errorEnvelopeSchema.parse(refused.json);
    for (const [id, key] of [[link.id, otherKey], ["00000000-0000-4000-8000-000000000000", apiKey], ["not-a-uuid", apiKey], [link.slug, apiKey]] as const) {
      const answer = await list(id, key);
      expect(answer.status, id).toBe(404);
      expect(errorEnvelopeSchema.parse(answer.json)).toMatchObject({ status_code: 404, data: {} });
    }
  });

  it("is in the OpenAPI document, marked as an addition", () => {
    const operation = (openApiDocument() as { paths: Record<string, { get?: { summary?: string } }> }).paths["/api/payment-links/id/{id}/payments"]?.get;
    expect(operation?.summary).toMatch(/addition/);
  });
});
