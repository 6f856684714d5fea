import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { payPageStatus } from "@/lib/contracts/pay/pay-page-status";
import { getPayPage } from "./get-pay-page";
import { getPaymentStatus } from "./get-payment-status";
import { findLinkRowBySlug } from "./find-link-row-by-slug";
import { handOffPayPage, takePayPage } from "./pay-page-handoff";
import { createViewCounter, type ViewCounter } from "./pay-page-views";
import { recordPayPageView, type ViewDelta } from "./record-pay-page-view";

describe("pay page state", () => {
  it("answers 404 for an unknown slug, 200 for a payable link and 410 for each gone state", async () => {
    const scope = await createMerchant("Pay page");
    expect(payPageStatus(await getPayPage("pay_unknown"))).toBe(404);

    const active = await createTestLink(scope);
    const page = await getPayPage(active.slug);
    expect(payPageStatus(page)).toBe(200);
    expect(page).toMatchObject({ merchant: { name: "Pay page" }, gone: null, payment: null });

    const cancelled = await createTestLink(scope);
    await cancelLink(scope, cancelled.id);
    const expired = await createTestLink(scope, { expiresAt: new Date(Date.now() + 60_000) });
    await expire(expired.id);
    const exhausted = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: exhausted.slug, provider: "MTN_CAM", phoneNumber: "670000004" });
    for (const [slug, reason] of [
      [cancelled.slug, "CANCELLED"],
      [expired.slug, "EXPIRED"],
      [exhausted.slug, "EXHAUSTED"],
    ] as const) {
      const gonePage = await getPayPage(slug);
      expect(gonePage?.gone).toBe(reason);
      expect(payPageStatus(gonePage)).toBe(410);
    }
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "test" });
    expect((await getPayPage(exhausted.slug))?.gone).toBe("PAID");

    // following one's own payment on a paid link is a 200 receipt, not a 410
    const following = await getPayPage(exhausted.slug, payment.id);
    expect(following?.payment?.status).toBe("SUCCESSFUL");
    expect(payPageStatus(following)).toBe(200);
    // another link's payment id is ignored
    expect((await getPayPage(active.slug, payment.id))?.payment).toBeNull();
    expect((await getPayPage(active.slug, "not-a-uuid"))?.payment).toBeNull();
  });

  it("exposes only the status of a payment to the customer's browser", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "690000002" });
    expect(await getPaymentStatus(payment.id)).toEqual({ id: payment.id, status: "PENDING", failure_reason: null });
    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "INSUFFICIENT_FUNDS", actor: "test" });
    expect(await getPaymentStatus(payment.id)).toEqual({ id: payment.id, status: "FAILED", failure_reason: "INSUFFICIENT_FUNDS" });
    expect(await getPaymentStatus("nope")).toBeNull();
  });

  it("counts views per link and day, atomically", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    await Promise.all(Array.from({ length: 20 }, () => recordPayPageView(link)));
    await recordPayPageView(link, new Date("2026-01-01T12:00:00Z"));
    const days = await getDb().linkViewDay.findMany({ where: { linkId: link.id }, orderBy: { day: "asc" } });
    expect(days.map((d) => [d.day.toISOString().slice(0, 10), d.views])).toEqual([
      ["2026-01-01", 1],
      [new Date().toISOString().slice(0, 10), 20],
    ]);
  });
});

describe("findLinkRowBySlug (the pay page's raw read)", () => {
  it("reads the row exactly as Prisma's findUnique does, every column with its type", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, {
      amountMinor: 12_345_678_901,
      currency: "EUR",
      description: "Raw read",
      expiresAt: new Date(Date.now() + 86_400_000),
      maxUses: 3,
      metadata: { order: "A-1", nested: { n: 1 } },
      provider: "ORANGE_CAM",
      merchantReference: "REF-1",
      customerEmail: "awa@client.test",
    });
    const prisma = await getDb().paymentLink.findUnique({ where: { slug: link.slug } });
    expect(await findLinkRowBySlug(link.slug)).toStrictEqual(prisma);
    expect(await findLinkRowBySlug("pay_unknown")).toBeNull();
  });
});

describe("the batched view counter", () => {
  const counters: ViewCounter[] = [];
  const counter = (options: Parameters<typeof createViewCounter>[0] = {}) => {
    const created = createViewCounter({ flushMs: 60_000, ...options });
    counters.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(counters.splice(0).map((c) => c.close().catch(() => {})));
  });
  const viewsOf = async (linkId: string) =>
    (await getDb().linkViewDay.findMany({ where: { linkId }, orderBy: { day: "asc" } })).map((d) => [d.day.toISOString().slice(0, 10), d.views]);

  it("holds views in memory and writes them per link and day with one flush", async () => {
    const scope = await createMerchant();
    const [a, b] = [await createTestLink(scope), await createTestLink(scope)];
    const views = counter();
    for (let i = 0; i < 30; i++) views.count(a, `visitor-${i}`, new Date("2026-03-01T10:00:00Z"));
    views.count(a, "visitor-0", new Date("2026-03-02T10:00:00Z"));
    views.count(b, null, new Date("2026-03-01T10:00:00Z"));
    expect(views.pendingViews()).toBe(32);
    expect(await viewsOf(a.id)).toEqual([]);

    await views.flush();
    expect(views.pendingViews()).toBe(0);
    expect(await viewsOf(a.id)).toEqual([["2026-03-01", 30], ["2026-03-02", 1]]);
    expect(await viewsOf(b.id)).toEqual([["2026-03-01", 1]]);
    // A second batch adds to the same rows.
    views.count(b, null, new Date("2026-03-01T11:00:00Z"));
    await views.flush();
    expect(await viewsOf(b.id)).toEqual([["2026-03-01", 2]]);
  });

  it("writes on its own after flushMs, and at once when batchSize counters wait", async () => {
    const scope = await createMerchant();
    const [a, b, c] = [await createTestLink(scope), await createTestLink(scope), await createTestLink(scope)];
    const timed = counter({ flushMs: 20 });
    timed.count(a, null);
    await expect.poll(() => viewsOf(a.id)).toHaveLength(1);

    const batched = counter({ batchSize: 2 });
    batched.count(b, null);
    batched.count(c, null);
    await expect.poll(async () => (await viewsOf(b.id)).length + (await viewsOf(c.id)).length).toBe(2);
  });

  it("counts one visitor once per link in the window, again after it", async () => {
    const scope = await createMerchant();
    const [a, b] = [await createTestLink(scope), await createTestLink(scope)];
    const views = counter({ dedupeMs: 60_000 });
    const at = (seconds: number) => new Date(Date.UTC(2026, 2, 1, 10, 0, seconds));
    expect(views.count(a, "alice", at(0))).toBe(true);
    expect(views.count(a, "alice", at(30))).toBe(false); // a reload
    expect(views.count(b, "alice", at(31))).toBe(true); // another link
    expect(views.count(a, "bob", at(32))).toBe(true); // another visitor
    expect(views.count(a, null, at(33))).toBe(true); // no visitor: always
    expect(views.count(a, null, at(34))).toBe(true);
    expect(views.count(a, "alice", at(61))).toBe(true); // the window has passed
    await views.flush();
    expect(await viewsOf(a.id)).toEqual([["2026-03-01", 5]]);
  });

  it("remembers at most maxVisitors pairs, forgetting the oldest first", () => {
    const views = createViewCounter({ flushMs: 60_000, maxVisitors: 2, write: async () => {} });
    const link = { id: randomUUID(), merchantId: randomUUID() };
    const now = new Date();
    expect(views.count(link, "v1", now)).toBe(true);
    expect(views.count(link, "v2", now)).toBe(true);
    expect(views.count(link, "v3", now)).toBe(true); // v1 forgotten
    expect(views.count(link, "v2", now)).toBe(false);
    expect(views.count(link, "v1", now)).toBe(true);
  });

  it("keeps the views of a failed write for the next one, and skips links deleted meanwhile", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const gone = await createTestLink(scope);
    let fail = true;
    const written: ViewDelta[][] = [];
    const views = counter({
      write: async (deltas) => {
        written.push(deltas);
        if (fail) throw new Error("database away");
        const { addPayPageViews } = await import("./record-pay-page-view");
        await addPayPageViews(deltas);
      },
    });
    views.count(link, null);
    views.count(gone, null);
    await expect(views.flush()).rejects.toThrow("database away");
    views.count(link, null);
    expect(views.pendingViews()).toBe(3);

    fail = false;
    await getDb().paymentLink.delete({ where: { id: gone.id } });
    await views.flush();
    expect(views.pendingViews()).toBe(0);
    expect((await viewsOf(link.id)).map(([, count]) => count)).toEqual([2]);
    expect(written).toHaveLength(2);
  });
});

describe("the pay page's hand-off from proxy.ts to the page", () => {
  it("gives what was read to the one page it was read for, once, for a few seconds", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const page = await getPayPage(link.slug);
    const now = Date.now();

    const token = handOffPayPage(link.slug, null, page, now);
    expect(takePayPage(token, link.slug, null, now)).toBe(page);
    expect(takePayPage(token, link.slug, null, now)).toBeUndefined(); // once

    expect(takePayPage(handOffPayPage(link.slug, null, page, now), "pay_other", null, now)).toBeUndefined();
    expect(takePayPage(handOffPayPage(link.slug, null, page, now), link.slug, randomUUID(), now)).toBeUndefined();
    expect(takePayPage(handOffPayPage(link.slug, null, page, now), link.slug, null, now + 60_000)).toBeUndefined();
    expect(takePayPage(randomUUID(), link.slug, null, now)).toBeUndefined();
    expect(takePayPage(null, link.slug, null, now)).toBeUndefined();
    // An unknown slug is handed over as null (the page then answers not found without reading again).
    expect(takePayPage(handOffPayPage("pay_unknown", null, null, now), "pay_unknown", null, now)).toBeNull();
  });
});
