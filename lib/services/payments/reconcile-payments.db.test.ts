/**
 * The reconciler against the real database and the mock MTN and Orange services over HTTP.
 * Payments are started with a callback URL on a closed port, so no callback ever arrives and
 * only polling can settle them; they are aged with SQL instead of waiting. Every test has a
 * merchant of its own and reconciles only that merchant's payments (other test files write to
 * the same database at the same time).
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Provider } from "@/lib/domain/links/enums";
import type { MerchantScope } from "@/lib/domain/links/types";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { withMockProviders } from "@/lib/testing/mock-providers";
import { reconcilePendingPayments, RECONCILER_ACTOR, type ReconcileSummary } from "./reconcile-payments";
import { startReconciler } from "./reconciler-loop";
import { startPayment } from "./start-payment";

/** Nothing listens there: the providers' callbacks never arrive. */
const NO_CALLBACKS = "http://127.0.0.1:9";
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const mocks = withMockProviders();
let scope: MerchantScope;

beforeAll(() => {
  delete process.env.PAYMENT_TIMEOUT_MS;
});

beforeEach(async () => {
  scope = await createMerchant("Reconciler test");
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A one-use link of this test's merchant and a PENDING payment on it. */
async function pay(phoneNumber: string, provider: Provider = phoneNumber.startsWith("69") ? "ORANGE_CAM" : "MTN_CAM") {
  const link = await createTestLink(scope);
  const { payment } = await startPayment({ slug: link.slug, provider, phoneNumber, baseUrl: NO_CALLBACKS });
  expect(payment.status).toBe("PENDING");
  return { paymentId: payment.id, linkId: link.id };
}

/** Makes payments look `ms` old. */
async function age(ms: number, ...paymentIds: string[]) {
  await getDb().$executeRaw`
    UPDATE payments SET created_at = now() - ${ms}::double precision * interval '1 millisecond'
     WHERE id = ANY(${paymentIds}::uuid[])`;
}

/** Frees the reconciler's claim, as if it had expired. */
async function expireClaims(...paymentIds: string[]) {
  await getDb().$executeRaw`
    UPDATE payments SET reconcile_locked_until = now() - interval '1 millisecond' WHERE id = ANY(${paymentIds}::uuid[])`;
}

/** Gives the mock payers (20 ms) time to answer. */
const providersAnswer = () => sleep(100);

const reconcile = (options: Parameters<typeof reconcilePendingPayments>[0] = {}) =>
  reconcilePendingPayments({ merchantId: scope.merchantId, ...options });

const paymentRow = (id: string) => getDb().payment.findUniqueOrThrow({ where: { id } });
const linkRow = (id: string) => getDb().paymentLink.findUniqueOrThrow({ where: { id } });
const eventTypes = async (paymentId: string) =>
  (await getDb().event.findMany({ where: { paymentId }, orderBy: { createdAt: "asc" }, select: { type: true } })).map((e) => e.type);

function summary(counts: Partial<ReconcileSummary>): ReconcileSummary {
  return { claimed: 0, settled: 0, timedOut: 0, paidLate: 0, lateUnanswered: 0, stillPending: 0, unreachable: 0, deferred: 0, errors: 0, ...counts };
}

describe("reconcilePendingPayments", () => {
  it("settles successful MTN and Orange payments by polling, once", async () => {
    const mtn = await pay("670000001");
    const orange = await pay("690000001");
    await age(MINUTE, mtn.paymentId, orange.paymentId);
    await providersAnswer();

    expect(await reconcile()).toEqual(summary({ claimed: 2, settled: 2 }));
    for (const { paymentId, linkId } of [mtn, orange]) {
      expect(await paymentRow(paymentId)).toMatchObject({ status: "SUCCESSFUL", failureReason: null });
      expect(await linkRow(linkId)).toMatchObject({ status: "PAID", currentUses: 1 });
      expect((await eventTypes(paymentId)).filter((type) => type === "payment.succeeded")).toHaveLength(1);
    }
    expect((await paymentRow(mtn.paymentId)).providerReference).toBeTruthy();
    // Settled payments are not PENDING any more: nothing left to claim.
    await expireClaims(mtn.paymentId, orange.paymentId);
    expect(await reconcile()).toEqual(summary({}));
  });

  it("fails an insufficient-funds payment and releases its link's use", async () => {
    const { paymentId, linkId } = await pay("670000002");
    expect(await linkRow(linkId)).toMatchObject({ status: "PAID", currentUses: 1 });
    await age(MINUTE, paymentId);
    await providersAnswer();

    expect(await reconcile()).toEqual(summary({ claimed: 1, settled: 1 }));
    expect(await paymentRow(paymentId)).toMatchObject({ status: "FAILED", failureReason: "INSUFFICIENT_FUNDS" });
    expect(await linkRow(linkId)).toMatchObject({ status: "ACTIVE", currentUses: 0 });
  });

  it("leaves a payment the provider still calls PENDING alone before the 24 h deadline, then fails it locally with TIMEOUT and releases the use", async () => {
    const mtn = await pay("670000004");
    const orange = await pay("690000004");
    const ids = [mtn.paymentId, orange.paymentId];
    await age(5 * MINUTE, ...ids);
    await providersAnswer();

    expect(await reconcile()).toEqual(summary({ claimed: 2, stillPending: 2 }));
    for (const { paymentId, linkId } of [mtn, orange]) {
      expect((await paymentRow(paymentId)).status).toBe("PENDING");
      expect(await linkRow(linkId)).toMatchObject({ status: "PAID", currentUses: 1 });
    }

    // Ten minutes used to be enough to fail it: no more, the provider has not said its last word.
    await age(11 * MINUTE, ...ids);
    await expireClaims(...ids);
    expect(await reconcile()).toEqual(summary({ claimed: 2, stillPending: 2 }));

    await age(25 * HOUR, ...ids);
    await expireClaims(...ids);
    expect(await reconcile()).toEqual(summary({ claimed: 2, timedOut: 2 }));
    for (const { paymentId, linkId } of [mtn, orange]) {
      expect(await paymentRow(paymentId)).toMatchObject({ status: "FAILED", failureReason: "TIMEOUT", failedLocallyAt: expect.any(Date) });
      expect(await linkRow(linkId)).toMatchObject({ status: "ACTIVE", currentUses: 0 });
      const failed = await getDb().event.findMany({ where: { paymentId, type: "payment.failed" } });
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ actor: RECONCILER_ACTOR });
    }
  });

  it("takes the payment timeout from the timeoutMs option, else from PAYMENT_TIMEOUT_MS", async () => {
    const first = await pay("670000004");
    const second = await pay("670000004");
    // The first is a second older, so "oldest first" has one answer (equal ages would tie).
    await age(2 * MINUTE + 1000, first.paymentId);
    await age(2 * MINUTE, second.paymentId);
    await providersAnswer();

    expect(await reconcile({ timeoutMs: 3 * MINUTE })).toEqual(summary({ claimed: 2, stillPending: 2 }));
    await expireClaims(first.paymentId, second.paymentId);
    process.env.PAYMENT_TIMEOUT_MS = String(MINUTE);
    try {
      expect(await reconcile({ batchSize: 1 })).toEqual(summary({ claimed: 1, timedOut: 1 }));
      expect(await reconcile({ timeoutMs: 3 * MINUTE })).toEqual(summary({ claimed: 1, stillPending: 1 }));
    } finally {
      delete process.env.PAYMENT_TIMEOUT_MS;
    }
    // Oldest first: the first payment was claimed by the first call.
    expect(await paymentRow(first.paymentId)).toMatchObject({ status: "FAILED", failureReason: "TIMEOUT" });
    expect((await paymentRow(second.paymentId)).status).toBe("PENDING");
  });

  it("leaves fresh payments (younger than minAgeMs) to the callback", async () => {
    const { paymentId } = await pay("670000001");
    await providersAnswer();

    expect(await reconcile()).toEqual(summary({}));
    expect(await paymentRow(paymentId)).toMatchObject({ status: "PENDING", reconcileLockedUntil: null });
    expect(await reconcile({ minAgeMs: 0 })).toEqual(summary({ claimed: 1, settled: 1 }));
    expect((await paymentRow(paymentId)).status).toBe("SUCCESSFUL");
  });

  it("leaves a payment whose provider is down PENDING before the timeout, and fails it after", async () => {
    const { paymentId, linkId } = await pay("670000001");
    const orange = await pay("690000001");
    await age(5 * MINUTE, paymentId, orange.paymentId);
    await providersAnswer();

    process.env.MTN_BASE_URL = NO_CALLBACKS;
    try {
      expect(await reconcile()).toEqual(summary({ claimed: 2, settled: 1, stillPending: 1, unreachable: 1 }));
      expect((await paymentRow(paymentId)).status).toBe("PENDING");
      expect(await linkRow(linkId)).toMatchObject({ status: "PAID", currentUses: 1 });
      expect((await paymentRow(orange.paymentId)).status).toBe("SUCCESSFUL");

      await age(11 * MINUTE, paymentId);
      await expireClaims(paymentId);
      expect(await reconcile()).toEqual(summary({ claimed: 1, stillPending: 1, unreachable: 1 }));
      await age(25 * HOUR, paymentId);
      await expireClaims(paymentId);
      expect(await reconcile()).toEqual(summary({ claimed: 1, timedOut: 1 }));
    } finally {
      process.env.MTN_BASE_URL = mocks.current.mtnUrl;
    }
    expect(await paymentRow(paymentId)).toMatchObject({ status: "FAILED", failureReason: "TIMEOUT" });
    expect(await linkRow(linkId)).toMatchObject({ status: "ACTIVE", currentUses: 0 });
  });

  it("counts a payment that throws as an error and goes on with the batch", async () => {
    const mtn = await pay("670000001");
    const orange = await pay("690000001");
    await age(20 * MINUTE, mtn.paymentId, orange.paymentId);
    await providersAnswer();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});

    process.env.MTN_BASE_URL = "not a url"; // reading the MTN settings throws
    try {
      expect(await reconcile()).toEqual(summary({ claimed: 2, settled: 1, errors: 1 }));
      expect(logged).toHaveBeenCalledWith(expect.stringContaining(mtn.paymentId), expect.any(Error));
    } finally {
      process.env.MTN_BASE_URL = mocks.current.mtnUrl;
      logged.mockRestore();
    }
    // An error is not a timeout: the payment stays PENDING and a later run asks again.
    expect((await paymentRow(mtn.paymentId)).status).toBe("PENDING");
    expect((await paymentRow(orange.paymentId)).status).toBe("SUCCESSFUL");
    await expireClaims(mtn.paymentId);
    expect(await reconcile()).toEqual(summary({ claimed: 1, settled: 1 }));
    expect((await paymentRow(mtn.paymentId)).status).toBe("SUCCESSFUL");
  });

  it("never lets concurrent runs claim the same payment", async () => {
    const payments = await Promise.all(Array.from({ length: 10 }, (_, i) => pay(i % 2 === 0 ? "670000001" : "670000004")));
    const ids = payments.map((p) => p.paymentId);
    await age(MINUTE, ...ids);
    await providersAnswer();

    const runs = await Promise.all(Array.from({ length: 6 }, () => reconcile({ batchSize: 2 })));
    const total = (key: keyof ReconcileSummary) => runs.reduce((sum, run) => sum + run[key], 0);
    expect(total("claimed")).toBe(10);
    expect(total("settled")).toBe(5);
    expect(total("stillPending")).toBe(5);
    expect(total("errors")).toBe(0);
    for (const [i, { paymentId }] of payments.entries()) {
      const types = await eventTypes(paymentId);
      expect(types.filter((type) => type === "payment.succeeded")).toHaveLength(i % 2 === 0 ? 1 : 0);
      expect(types).not.toContain("payment.failed");
    }
    // Everything eligible is claimed now.
    expect(await reconcile()).toEqual(summary({}));
  });

  it("does not claim a claimed payment again until its claim expires", async () => {
    const { paymentId } = await pay("670000004");
    await age(MINUTE, paymentId);
    await providersAnswer();

    const before = Date.now();
    expect(await reconcile({ claimMs: 300 })).toEqual(summary({ claimed: 1, stillPending: 1 }));
    const { reconcileLockedUntil } = await paymentRow(paymentId);
    expect(reconcileLockedUntil!.getTime()).toBeGreaterThan(before);
    expect(await reconcile()).toEqual(summary({}));
    await sleep(reconcileLockedUntil!.getTime() - Date.now() + 50);
    expect(await reconcile({ claimMs: MINUTE, repollAfterMs: MINUTE })).toEqual(summary({ claimed: 1, stillPending: 1 }));
    expect((await paymentRow(paymentId)).reconcileLockedUntil!.getTime()).toBeGreaterThan(Date.now() + MINUTE / 2);
    expect(await reconcile()).toEqual(summary({}));
  });

  it("polls a payment the provider still calls PENDING again after repollAfterMs, not a whole claim", async () => {
    const { paymentId } = await pay("670000004");
    await age(MINUTE, paymentId);
    await providersAnswer();

    expect(await reconcile({ claimMs: MINUTE, repollAfterMs: 200 })).toEqual(summary({ claimed: 1, stillPending: 1 }));
    const { reconcileLockedUntil } = await paymentRow(paymentId);
    expect(reconcileLockedUntil!.getTime()).toBeLessThan(Date.now() + 5_000);
    expect(await reconcile({ repollAfterMs: 200 })).toEqual(summary({}));
    await sleep(reconcileLockedUntil!.getTime() - Date.now() + 50);
    expect(await reconcile({ claimMs: MINUTE, repollAfterMs: 200 })).toEqual(summary({ claimed: 1, stillPending: 1 }));
  });

  it("refuses nonsensical options", async () => {
    await expect(reconcile({ batchSize: 0 })).rejects.toThrow(/batchSize/);
    await expect(reconcile({ claimMs: -1 })).rejects.toThrow(/claimMs/);
    process.env.PAYMENT_TIMEOUT_MS = "ten minutes";
    try {
      await expect(reconcile()).rejects.toThrow(/PAYMENT_TIMEOUT_MS/);
    } finally {
      delete process.env.PAYMENT_TIMEOUT_MS;
    }
  });
});

describe("startReconciler", () => {
  it("reconciles on every tick, logs what it did, and stops", async () => {
    const { paymentId } = await pay("670000001");
    await providersAnswer();
    const log = { log: vi.fn(), error: vi.fn() };

    const reconciler = startReconciler({ intervalMs: 20, merchantId: scope.merchantId, minAgeMs: 0, log });
    try {
      await vi.waitFor(() => expect(log.log).toHaveBeenCalled(), { timeout: 5000 });
    } finally {
      await reconciler.stop();
    }
    expect(log.log).toHaveBeenCalledWith(expect.stringMatching(/^Reconciler: claimed 1, settled 1, timed out 0, still pending 0/));
    expect(log.error).not.toHaveBeenCalled();
    expect((await paymentRow(paymentId)).status).toBe("SUCCESSFUL");
    // Nothing happened in the later ticks: nothing more was logged.
    const calls = log.log.mock.calls.length;
    await sleep(100);
    expect(log.log.mock.calls.length).toBe(calls);
    expect(calls).toBe(1);
  });

  it("logs a failed run and keeps going; an aborted signal stops it", async () => {
    const log = { log: vi.fn(), error: vi.fn() };
    const controller = new AbortController();
    startReconciler({ intervalMs: 10, merchantId: scope.merchantId, batchSize: -1, log, signal: controller.signal });
    await vi.waitFor(() => expect(log.error.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 5000 });
    controller.abort();
    await sleep(50);
    const calls = log.error.mock.calls.length;
    await sleep(100);
    expect(log.error.mock.calls.length).toBe(calls);
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining("run failed"), expect.any(RangeError));
  });

  it("refuses a malformed interval at start", () => {
    expect(() => startReconciler({ intervalMs: 0 })).toThrow(/intervalMs/);
    process.env.RECONCILE_INTERVAL_MS = "soon";
    try {
      expect(() => startReconciler()).toThrow(/RECONCILE_INTERVAL_MS/);
    } finally {
      delete process.env.RECONCILE_INTERVAL_MS;
    }
  });
});
