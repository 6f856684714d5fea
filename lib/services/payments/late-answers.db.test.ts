/**
 * The provider's final word wins (DESIGN.md): a payment is failed here only on the provider's own
 * final answer, or after the long deadline with no answer; a success that arrives after that is
 * recorded (paid late), counted when a use is free, and flagged as an over-collection when the
 * link was used up meanwhile. Against the real database and the mock MTN and Orange services
 * over HTTP; the payer answers through the mocks' sandbox endpoint, when the test says so.
 * Payments are started with a callback URL on a closed port: the test plays the callback by
 * calling refreshPaymentFromProvider, which is what the callback routes do.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Provider } from "@/lib/domain/links/enums";
import type { MerchantScope } from "@/lib/domain/links/types";
import { WEBHOOK_BODY_SCHEMAS, type WebhookPaymentData } from "@/lib/domain/webhooks/payloads";
import { findOrder } from "@/lib/services/orders/find-order";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { recordPaymentElsewhere } from "@/lib/services/orders/record-payment-elsewhere";
import { createWebhookEndpoint } from "@/lib/services/webhooks/create-endpoint";
import { createMerchant, createTestLink, createTestOrder } from "@/lib/testing/factories";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { reconcilePendingPayments, type ReconcileSummary } from "./reconcile-payments";
import { refreshPaymentFromProvider } from "./refresh-payment";
import { settlePayment } from "./settle-payment";
import { startPayment } from "./start-payment";

const NO_CALLBACKS = "http://127.0.0.1:9";
const HOUR = 3_600_000;
const NEVER_ANSWERS = { MTN_CAM: "670000004", ORANGE_CAM: "690000004" } as const;

// Requests stay open at the providers until the test answers for the payer.
const mocks = withMockProviders(20, { requestExpiryMs: 0 });
let scope: MerchantScope;

beforeEach(async () => {
  scope = await createMerchant("Late answers");
  await createWebhookEndpoint(scope, {
    url: "https://hooks.example.com/late",
    events: ["payment.succeeded", "payment.failed", "payment.over_collected", "link.paid"],
  });
});

/** Gives the mock payers (20 ms) time to answer. */
const providersAnswer = () => new Promise((resolve) => setTimeout(resolve, 150));
/** A number of its own (rate limits count per number, across runs too). */
const freshPhone = () => `67${String(1_000_000 + Math.floor(Math.random() * 8_999_999)).padStart(7, "0")}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const paymentRow = (id: string) => getDb().payment.findUniqueOrThrow({ where: { id } });
const linkRow = (id: string) => getDb().paymentLink.findUniqueOrThrow({ where: { id } });
const reconcile = (options: Parameters<typeof reconcilePendingPayments>[0] = {}) => reconcilePendingPayments({ merchantId: scope.merchantId, ...options });
const eventsOf = async (paymentId: string, type: string) => getDb().event.findMany({ where: { paymentId, type } });
const webhooks = async (kind: string) =>
  (await getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId, channel: "WEBHOOK", kind }, orderBy: { createdAt: "asc" } })).map(
    (message) => message.payload as { type: string; data: WebhookPaymentData },
  );

/** A payment on a link whose payer has not answered yet (the provider holds the request open). */
async function pendingPayment(linkSlug: string, provider: Provider = "MTN_CAM", phoneNumber: string = NEVER_ANSWERS[provider]) {
  const { payment } = await startPayment({ slug: linkSlug, provider, phoneNumber, baseUrl: NO_CALLBACKS });
  expect(payment.status).toBe("PENDING");
  return payment;
}

/** The payer answers now, on the provider's side (MTN: our payment id; Orange: the pay_token). */
async function payerAnswers(paymentId: string, answer: "approve" | "reject") {
  const payment = await paymentRow(paymentId);
  const url = payment.provider === "MTN_CAM" ? `${mocks.current.mtnUrl}/sandbox/payer/${paymentId}` : `${mocks.current.orangeUrl}/sandbox/payer/${payment.providerReference}`;
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ answer }) });
  expect(response.status).toBe(200);
}

/** Ages payments (and their local failure) by `ms`, and frees the reconciler's claims. */
async function age(ms: number, ...paymentIds: string[]) {
  await getDb().$executeRaw`
    UPDATE payments SET created_at = created_at - ${ms}::double precision * interval '1 millisecond',
                        failed_locally_at = failed_locally_at - ${ms}::double precision * interval '1 millisecond',
                        reconcile_locked_until = NULL
     WHERE id = ANY(${paymentIds}::uuid[])`;
}

/** Our deadline passes with the provider still saying PENDING: failed locally, use released. */
async function failLocally(paymentId: string) {
  await age(25 * HOUR, paymentId);
  const summary = await reconcile();
  expect(summary).toMatchObject({ timedOut: 1 });
  expect(await paymentRow(paymentId)).toMatchObject({ status: "FAILED", failureReason: "TIMEOUT", failedLocallyAt: expect.any(Date) });
}

function counts(summary: ReconcileSummary) {
  return Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== 0));
}

describe("a success that arrives after we failed the payment locally", () => {
  it.each(["MTN_CAM", "ORANGE_CAM"] as const)("is recorded as paid late by the callback, takes its use again and tells the merchant (%s)", async (provider) => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug, provider);
    await failLocally(payment.id);
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 0, pendingUses: 0 });

    await payerAnswers(payment.id, "approve");
    const refresh = await refreshPaymentFromProvider(payment.id);
    expect(refresh).toMatchObject({ outcome: "settled", settlement: { changed: true, late: { overCollected: null } } });

    expect(await paymentRow(payment.id)).toMatchObject({ status: "SUCCESSFUL", failureReason: null, failedLocallyAt: expect.any(Date), overCollectedAt: null });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 0, paidAt: expect.any(Date) });
    expect((await eventsOf(payment.id, "payment.succeeded"))[0]!.data).toMatchObject({ late: true });
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.paid" } })).toBe(1);

    const [succeeded] = await webhooks("payment.succeeded");
    expect(succeeded!.data).toMatchObject({ id: payment.id, status: "SUCCESSFUL", paid_late: true, over_collected: false });
    expect(WEBHOOK_BODY_SCHEMAS["payment.succeeded"].safeParse(succeeded).success).toBe(true);
    expect(await webhooks("link.paid")).toHaveLength(1);
    expect(await webhooks("payment.over_collected")).toEqual([]);

    // The replayed callback changes nothing.
    expect(await refreshPaymentFromProvider(payment.id)).toMatchObject({ outcome: "settled", settlement: { changed: false } });
    expect(await eventsOf(payment.id, "payment.succeeded")).toHaveLength(1);
  });

  it("is found by a later poll when no callback comes", async () => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug);
    await failLocally(payment.id);

    // Asked again (once the claim of the run that failed it is over) while the provider still
    // has no answer: nothing changes, and it is asked again an hour later.
    expect(counts(await reconcile())).toEqual({});
    await age(0, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, lateUnanswered: 1 });
    expect((await paymentRow(payment.id)).reconcileLockedUntil!.getTime()).toBeGreaterThan(Date.now() + HOUR / 2);
    expect(counts(await reconcile())).toEqual({});

    await payerAnswers(payment.id, "approve");
    await age(0, payment.id); // the hour between two late polls has passed
    expect(counts(await reconcile())).toEqual({ claimed: 1, paidLate: 1 });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "SUCCESSFUL", failedLocallyAt: expect.any(Date) });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1 });
    // Final now: not claimed again.
    await age(0, payment.id);
    expect(counts(await reconcile())).toEqual({});
  });

  it("is flagged as an over-collection when another payment used up the one-use link meanwhile", async () => {
    const link = await createTestLink(scope);
    const late = await pendingPayment(link.slug);
    await failLocally(late.id);

    // Another payer takes the freed use and pays.
    const other = await pendingPayment(link.slug, "MTN_CAM", freshPhone());
    await providersAnswer(); // any other number: the mock payer approves at once
    await refreshPaymentFromProvider(other.id);
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 0 });

    await payerAnswers(late.id, "approve");
    const refresh = await refreshPaymentFromProvider(late.id);
    expect(refresh).toMatchObject({ outcome: "settled", settlement: { changed: true, late: { overCollected: "LINK_USED_UP" } } });

    // The money is recorded, counts for no use, and the merchant is told to refund it.
    expect(await paymentRow(late.id)).toMatchObject({ status: "SUCCESSFUL", overCollectedAt: expect.any(Date) });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 0 });
    expect((await eventsOf(late.id, "payment.over_collected"))[0]!.data).toEqual({ reason: "LINK_USED_UP" });
    const [flag] = await webhooks("payment.over_collected");
    expect(flag).toMatchObject({ type: "payment.over_collected", data: { id: late.id, status: "SUCCESSFUL", paid_late: true, over_collected: true } });
    expect(WEBHOOK_BODY_SCHEMAS["payment.over_collected"].safeParse(flag).success).toBe(true);
    // One link.paid (the other payment's), none for the late money.
    expect(await webhooks("link.paid")).toHaveLength(1);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.paid" } })).toBe(1);
  });

  it("is flagged as an over-collection when the freed use is held by another payer's pending payment", async () => {
    const link = await createTestLink(scope);
    const late = await pendingPayment(link.slug);
    await failLocally(late.id);
    const holder = await pendingPayment(link.slug, "ORANGE_CAM");

    await payerAnswers(late.id, "approve");
    expect(await refreshPaymentFromProvider(late.id)).toMatchObject({ settlement: { late: { overCollected: "LINK_USED_UP" } } });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 1 });

    // The holder's failure releases its own use only: the link reopens, the late money stays flagged.
    await payerAnswers(holder.id, "reject");
    await refreshPaymentFromProvider(holder.id);
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 0, pendingUses: 0 });
    expect((await paymentRow(late.id)).overCollectedAt).not.toBeNull();
  });

  it("counts toward a link of several uses while one is free", async () => {
    const link = await createTestLink(scope, { maxUses: 2 });
    const late = await pendingPayment(link.slug);
    await failLocally(late.id);
    const other = await pendingPayment(link.slug, "MTN_CAM", freshPhone());
    await providersAnswer(); // any other number: the mock payer approves at once
    await refreshPaymentFromProvider(other.id);
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 1 });

    await payerAnswers(late.id, "approve");
    await refreshPaymentFromProvider(late.id);
    expect(await paymentRow(late.id)).toMatchObject({ status: "SUCCESSFUL", overCollectedAt: null });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 2, pendingUses: 0 });
  });

  it("counts toward its order when the rest allows, and is over-collected when the order was paid meanwhile", async () => {
    const order = await createTestOrder(scope, { totalMinor: 10000 });
    const { link } = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
    const late = await pendingPayment(link.slug);
    expect((await findOrder(getDb(), order.id))!).toMatchObject({ pendingMinor: 10000, unpaidMinor: 0 });
    await failLocally(late.id);
    expect((await findOrder(getDb(), order.id))!).toMatchObject({ paidMinor: 0, unpaidMinor: 10000 });

    // The merchant records the order as paid elsewhere; then the late money arrives.
    await recordPaymentElsewhere(scope, order.id, 10000);
    await payerAnswers(late.id, "approve");
    expect(await refreshPaymentFromProvider(late.id)).toMatchObject({ settlement: { late: { overCollected: "ORDER_PAID" } } });
    expect((await findOrder(getDb(), order.id))!).toMatchObject({ paidMinor: 10000, unpaidMinor: 0 });
    expect(await linkRow(link.id)).toMatchObject({ currentUses: 0 });
  });

  it("counts toward its order's paid amount when the rest is still unpaid", async () => {
    const order = await createTestOrder(scope, { totalMinor: 10000 });
    const { link } = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
    const late = await pendingPayment(link.slug);
    await failLocally(late.id);
    await payerAnswers(late.id, "approve");
    await refreshPaymentFromProvider(late.id);
    expect((await findOrder(getDb(), order.id))!).toMatchObject({ paidMinor: 10000, pendingMinor: 0, unpaidMinor: 0 });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1 });
  });
});

describe("the provider answering twice", () => {
  it("records a success once, however many times it is told (callback, poll, replays)", async () => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug);
    await payerAnswers(payment.id, "approve");
    await Promise.all([refreshPaymentFromProvider(payment.id), refreshPaymentFromProvider(payment.id), reconcile({ minAgeMs: 0 })]);
    await refreshPaymentFromProvider(payment.id);
    expect(await eventsOf(payment.id, "payment.succeeded")).toHaveLength(1);
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 0 });
    expect(await webhooks("payment.succeeded")).toHaveLength(1);
    expect(await webhooks("link.paid")).toHaveLength(1);
  });

  it("keeps the first final answer: a FAILED after a SUCCESSFUL (or the reverse) changes nothing", async () => {
    const link = await createTestLink(scope, { maxUses: 2 });
    const paid = await pendingPayment(link.slug, "MTN_CAM", freshPhone());
    const failed = await pendingPayment(link.slug, "MTN_CAM", freshPhone());
    await settlePayment({ paymentId: paid.id, outcome: "SUCCESSFUL", actor: "provider:MTN_CAM" });
    await settlePayment({ paymentId: failed.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:MTN_CAM" });

    expect(await settlePayment({ paymentId: paid.id, outcome: "FAILED", failureReason: "UNKNOWN", actor: "provider:MTN_CAM" })).toMatchObject({ changed: false });
    expect(await settlePayment({ paymentId: failed.id, outcome: "SUCCESSFUL", actor: "provider:MTN_CAM" })).toMatchObject({ changed: false });
    expect(await paymentRow(paid.id)).toMatchObject({ status: "SUCCESSFUL" });
    expect(await paymentRow(failed.id)).toMatchObject({ status: "FAILED", failureReason: "PAYER_REJECTED" });
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 1, pendingUses: 0 });
  });

  it("confirms a local failure when the provider's own answer is FAILED: nothing moves, and it is not asked again", async () => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug);
    await failLocally(payment.id);
    await payerAnswers(payment.id, "reject");
    await age(0, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, settled: 1 });
    expect(await paymentRow(payment.id)).toMatchObject({ status: "FAILED", failureReason: "PAYER_REJECTED", failedLocallyAt: null });
    expect(await eventsOf(payment.id, "payment.failed")).toHaveLength(1);
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 0 });
    await age(0, payment.id);
    expect(counts(await reconcile())).toEqual({});
  });
});

describe("a provider that never answers", () => {
  it("keeps the payment PENDING (and its use held) until the long deadline, then fails it locally and stops asking after the late window", async () => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug);
    await age(23 * HOUR, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, stillPending: 1 });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 1 });

    await age(2 * HOUR, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, timedOut: 1 });
    expect(await linkRow(link.id)).toMatchObject({ status: "ACTIVE", currentUses: 0, pendingUses: 0 });
    expect((await eventsOf(payment.id, "payment.failed"))[0]!.data).toMatchObject({ reason: "TIMEOUT", failed_locally: true });

    // Asked again within the 7-day window, then left alone.
    await age(6 * 24 * HOUR, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, lateUnanswered: 1 });
    await age(2 * 24 * HOUR, payment.id);
    expect(counts(await reconcile())).toEqual({});
  });

  it("fails it locally after the deadline when the provider cannot be reached at all, and still takes its late success", async () => {
    const link = await createTestLink(scope);
    const payment = await pendingPayment(link.slug);
    process.env.MTN_BASE_URL = NO_CALLBACKS;
    try {
      await age(2 * HOUR, payment.id);
      expect(counts(await reconcile())).toEqual({ claimed: 1, stillPending: 1, unreachable: 1 });
      await age(23 * HOUR, payment.id);
      expect(counts(await reconcile())).toEqual({ claimed: 1, timedOut: 1 });
      await age(0, payment.id);
      expect(counts(await reconcile())).toEqual({ claimed: 1, lateUnanswered: 1 });
    } finally {
      process.env.MTN_BASE_URL = mocks.current.mtnUrl;
    }
    await payerAnswers(payment.id, "approve");
    await age(0, payment.id);
    expect(counts(await reconcile())).toEqual({ claimed: 1, paidLate: 1 });
    expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1 });
  });
});

describe("callback and poll racing", () => {
  it("agree on one outcome when the callback's success meets the reconciler's deadline", async () => {
    for (let round = 0; round < 5; round++) {
      const link = await createTestLink(scope);
      const payment = await pendingPayment(link.slug);
      await payerAnswers(payment.id, "approve");
      // The reconciler's poll did not get through; it fails the payment locally while the
      // callback, which did, records the success.
      await Promise.all([
        settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "TIMEOUT", actor: "system:reconciler", fromProvider: false }),
        refreshPaymentFromProvider(payment.id),
      ]);
      // Whoever came first, the money is recorded once and holds the one use.
      expect(await paymentRow(payment.id)).toMatchObject({ status: "SUCCESSFUL", overCollectedAt: null });
      expect(await linkRow(link.id)).toMatchObject({ status: "PAID", currentUses: 1, pendingUses: 0 });
      expect(await eventsOf(payment.id, "payment.succeeded")).toHaveLength(1);
    }
  });

  it("reserve the one use exactly once when a late success races a new payer", async () => {
    for (let round = 0; round < 5; round++) {
      const link = await createTestLink(scope);
      const late = await pendingPayment(link.slug);
      await failLocally(late.id);
      await payerAnswers(late.id, "approve");
      const [, redeemed] = await Promise.allSettled([
        refreshPaymentFromProvider(late.id),
        startPayment({ slug: link.slug, provider: "MTN_CAM", phoneNumber: freshPhone(), baseUrl: NO_CALLBACKS }),
      ]);
      const row = await linkRow(link.id);
      expect(row.currentUses).toBe(1);
      const lateRow = await paymentRow(late.id);
      expect(lateRow.status).toBe("SUCCESSFUL");
      // Either the late money took the use (and the new payer found the link used up), or the
      // new payer did and the late money is flagged.
      expect(lateRow.overCollectedAt === null).toBe(redeemed.status === "rejected");
      await sleep(0);
    }
  });
});
