import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { cancelLink } from "./cancel-link";
import { createLink } from "./create-link";
import { getLinkBySlugOrThrow, getLinkByShortCodeOrThrow, getLinkOrThrow } from "./get-link";
import { listLinks } from "./list-links";
import { redeemLink } from "./redeem-link";
import { updateLink } from "./update-link";
import { rejection } from "@/lib/testing/rejection";

const events = (linkId: string) =>
  getDb().event.findMany({ where: { linkId }, orderBy: { createdAt: "asc" }, select: { type: true, actor: true, paymentId: true } });

const future = () => new Date(Date.now() + 86_400_000);

describe("createLink", () => {
  it("stores integer minor units with the documented defaults and records link.created", async () => {
    const scope = await createMerchant();
    const link = await createLink(scope, { amountMinor: 10000 });
    expect(link).toMatchObject({
      amountMinor: 10000,
      currency: "XAF",
      status: "ACTIVE",
      maxUses: 1,
      currentUses: 0,
      metadata: {},
      type: "COLLECTION",
      mode: "SANDBOX",
      createdBy: scope.actor,
    });
    expect(link.slug).toMatch(/^pay_[0-9A-Za-z]{16}$/);
    expect(link.shortCode).toMatch(/^[0-9A-Za-z]{8}$/);
    expect(await events(link.id)).toEqual([{ type: "link.created", actor: scope.actor, paymentId: null }]);
  });

  it("keeps amounts beyond 32 bits exactly", async () => {
    const scope = await createMerchant();
    const link = await createLink(scope, { amountMinor: 9_999_999_999, currency: "EUR" });
    expect((await getLinkOrThrow(scope, link.id)).amountMinor).toBe(9_999_999_999);
  });

  it("refuses an expiry in the past and writes nothing", async () => {
    const scope = await createMerchant();
    const error = await rejection(createLink(scope, { amountMinor: 1, expiresAt: new Date(Date.now() - 1000) }));
    expect(error.details.field).toBe("expires_at");
    expect(await getDb().paymentLink.count({ where: { merchantId: scope.merchantId } })).toBe(0);
    expect(await getDb().event.count({ where: { merchantId: scope.merchantId } })).toBe(0);
  });

  it("refuses an order of another merchant", async () => {
    const [mine, theirs] = [await createMerchant(), await createMerchant()];
    const order = await getDb().order.create({
      data: { merchantId: theirs.merchantId, kind: "SALES_ORDER", number: 1012n, totalMinor: 250000n, currency: "EUR" },
    });
    expect((await rejection(createLink(mine, { amountMinor: 1, orderId: order.id }))).details.field).toBe("order_id");
  });
});

describe("reading links", () => {
  it("reads a link past its expiry as EXPIRED by id, slug, short code and in lists", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { expiresAt: future() });
    await expire(link.id);
    expect((await getLinkOrThrow(scope, link.id)).status).toBe("EXPIRED");
    expect((await getLinkBySlugOrThrow(link.slug)).status).toBe("EXPIRED");
    expect((await getLinkByShortCodeOrThrow(link.shortCode)).status).toBe("EXPIRED");
    expect((await listLinks(scope, { status: "EXPIRED" })).items.map((l) => l.id)).toEqual([link.id]);
    expect((await listLinks(scope, { status: "ACTIVE" })).total).toBe(0);
  });

  it("hides another merchant's link behind NOT_FOUND, and treats malformed ids the same", async () => {
    const [mine, theirs] = [await createMerchant(), await createMerchant()];
    const link = await createTestLink(theirs);
    for (const id of [link.id, "not-a-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const error = await rejection(getLinkOrThrow(mine, id));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toBe("Payment link not found");
    }
    expect((await rejection(getLinkBySlugOrThrow("pay_unknown"))).code).toBe("NOT_FOUND");
  });

  it("lists only the merchant's links, filtered, searched, sorted and paginated", async () => {
    const scope = await createMerchant();
    const other = await createMerchant();
    await createTestLink(other, { description: "Boutique order" });
    const small = await createTestLink(scope, { amountMinor: 100, description: "Boutique order 1" });
    const large = await createTestLink(scope, { amountMinor: 900, description: "Boutique order 2", merchantReference: "REF-77" });
    const medium = await createTestLink(scope, { amountMinor: 500, description: "Rent" });
    await cancelLink(scope, medium.id);
    // Distinct creation times (links made within one millisecond would tie).
    for (const [link, secondsAgo] of [[small, 3], [large, 2], [medium, 1]] as const) {
      await getDb().$executeRaw`UPDATE payment_links SET created_at = now() - ${secondsAgo} * interval '1 second' WHERE id = ${link.id}::uuid`;
    }

    const all = await listLinks(scope, {});
    expect(all.total).toBe(3);
    expect(all.items.map((l) => l.id)).toEqual([medium.id, large.id, small.id]);

    expect((await listLinks(scope, { sort: "amount", order: "asc" })).items.map((l) => l.amountMinor)).toEqual([100, 500, 900]);
    expect((await listLinks(scope, { status: "CANCELLED" })).items.map((l) => l.id)).toEqual([medium.id]);
    expect((await listLinks(scope, { search: "boutique" })).total).toBe(2);
    expect((await listLinks(scope, { search: "ref-77" })).items.map((l) => l.id)).toEqual([large.id]);
    expect((await listLinks(scope, { search: small.slug })).items.map((l) => l.id)).toEqual([small.id]);

    const page2 = await listLinks(scope, { page: 2, limit: 2 });
    expect(page2).toMatchObject({ page: 2, limit: 2, total: 3, totalPages: 2 });
    expect(page2.items.map((l) => l.id)).toEqual([small.id]);
    expect((await listLinks(scope, { createdFrom: new Date(Date.now() + 60_000) })).total).toBe(0);
  });
});

describe("updateLink", () => {
  it("merges metadata instead of replacing it and records what changed", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { metadata: { invoice_id: "123", customer: "a" } });
    const updated = await updateLink(scope, link.id, { metadata: { customer: "b", note: "x" }, description: "New", maxUses: 5 });
    expect(updated.metadata).toEqual({ invoice_id: "123", customer: "b", note: "x" });
    expect(updated).toMatchObject({ description: "New", maxUses: 5 });
    const updatedEvent = await getDb().event.findFirstOrThrow({ where: { linkId: link.id, type: "link.updated" } });
    expect(Object.keys((updatedEvent.data as { changes: object }).changes).sort()).toEqual(["description", "maxUses", "metadata"]);
  });

  it("extends an expired link back to ACTIVE", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { expiresAt: future() });
    await expire(link.id);
    expect((await updateLink(scope, link.id, { expiresAt: future() })).status).toBe("ACTIVE");
  });

  it("refuses max_uses below current_uses, an expiry in the past, and status PAID, changing nothing", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 3 });
    await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000002" });
    expect((await rejection(updateLink(scope, link.id, { maxUses: 1 }))).message).toBe("max_uses cannot be less than current_uses (2)");
    expect((await rejection(updateLink(scope, link.id, { expiresAt: new Date(Date.now() - 5) }))).details.field).toBe("expires_at");
    expect((await rejection(updateLink(scope, link.id, { status: "PAID" }))).details.field).toBe("status");
    expect((await getLinkOrThrow(scope, link.id)).maxUses).toBe(3);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.updated" } })).toBe(0);
  });

  it("refuses to update PAID and CANCELLED links, and another merchant's", async () => {
    const scope = await createMerchant();
    const paid = await createTestLink(scope);
    await redeemLink({ slug: paid.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    const cancelled = await createTestLink(scope);
    await cancelLink(scope, cancelled.id);
    for (const id of [paid.id, cancelled.id]) {
      const error = await rejection(updateLink(scope, id, { description: "x" }));
      expect(error.code).toBe("INVALID_STATE");
      expect(error.message).toBe("Cannot update a paid or cancelled payment link");
    }
    expect((await rejection(updateLink(await createMerchant(), paid.id, { description: "x" }))).code).toBe("NOT_FOUND");
  });
});

describe("cancelLink", () => {
  it("cancels an ACTIVE or EXPIRED link once, and refuses a PAID one", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const cancelled = await cancelLink(scope, link.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await rejection(cancelLink(scope, link.id))).message).toBe("Cannot cancel a paid or already cancelled payment link");

    const expired = await createTestLink(scope, { expiresAt: future() });
    await expire(expired.id);
    expect((await cancelLink(scope, expired.id)).status).toBe("CANCELLED");

    const paid = await createTestLink(scope);
    await redeemLink({ slug: paid.slug, provider: "ORANGE_CAM", phoneNumber: "691000001" });
    expect((await rejection(cancelLink(scope, paid.id))).code).toBe("INVALID_STATE");
    expect((await events(link.id)).map((e) => e.type)).toEqual(["link.created", "link.cancelled"]);
  });
});

describe("redeemLink and settlePayment", () => {
  it("reserves a use and opens a PENDING payment; the last use marks the link PAID", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { amountMinor: 10000, maxUses: 2 });
    const first = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: 671381152 });
    expect(first.link).toMatchObject({ status: "ACTIVE", currentUses: 1 });
    expect(first.payment).toMatchObject({
      amountMinor: 10000,
      currency: "XAF",
      status: "PENDING",
      provider: "MTN_CAM",
      payerPhone: "237671381152",
      mode: "SANDBOX",
    });
    expect(first.payment.transactionId).toMatch(new RegExp(`^pl_${link.slug}_\\d{13}_[0-9a-f]{10}$`));
    const second = await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "691000001" });
    expect(second.link).toMatchObject({ status: "PAID", currentUses: 2 });
    expect(second.link.paidAt).toBeInstanceOf(Date);
    expect((await events(link.id)).map((e) => e.type)).toEqual([
      "link.created",
      "payment.created",
      "link.redeemed",
      "payment.created",
      "link.redeemed",
      // Every use is taken, not paid: no money has arrived yet.
      "link.awaiting_payment",
    ]);
  });

  it("refuses each gone state with its reason, changing nothing", async () => {
    const scope = await createMerchant();
    let nextPhone = 671000001;
    // Each redeem from a number of its own (a number with a pending payment gets it back).
    const redeem = (slug: string) => redeemLink({ slug, provider: "MTN_CAM", phoneNumber: String(nextPhone++) });

    const cancelled = await createTestLink(scope);
    await cancelLink(scope, cancelled.id);
    const expired = await createTestLink(scope, { expiresAt: future() });
    await expire(expired.id);
    const pendingFull = await createTestLink(scope);
    await redeem(pendingFull.slug);
    const paid = await createTestLink(scope);
    const { payment } = await redeem(paid.slug);
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:MTN_CAM" });
    const exhausted = await createTestLink(scope, { maxUses: 2 });
    await redeem(exhausted.slug);
    await getDb().paymentLink.update({ where: { id: exhausted.id }, data: { maxUses: 1 } });

    const cases = [
      [cancelled.slug, "CANCELLED", "The payment link is cancelled"],
      [expired.slug, "EXPIRED", "The payment link has expired"],
      [pendingFull.slug, "EXHAUSTED", "Every use of the payment link is taken"],
      [paid.slug, "PAID", "The payment link is paid"],
      [exhausted.slug, "EXHAUSTED", "Every use of the payment link is taken"],
    ] as const;
    for (const [slug, reason, message] of cases) {
      const error = await rejection(redeem(slug));
      expect([error.code, error.details.reason, error.message]).toEqual(["GONE", reason, message]);
    }
    expect((await rejection(redeem("pay_doesnotexist"))).code).toBe("NOT_FOUND");
    expect(await getDb().payment.count({ where: { merchantId: scope.merchantId } })).toBe(3);
  });

  it("refuses a bad phone number or provider before reserving anything", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    expect((await rejection(redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "12" }))).details.field).toBe("phone_number");
    expect((await rejection(redeemLink({ slug: link.slug, provider: "MPESA" as never, phoneNumber: "671000001" }))).details.field).toBe(
      "provider",
    );
    expect((await getLinkOrThrow(scope, link.id)).currentUses).toBe(0);
  });

  it("SUCCESSFUL keeps the use; a replayed settlement changes nothing", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 2 });
    const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    const settled = await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", providerReference: "MTN1", actor: "provider:MTN_CAM" });
    expect(settled.changed).toBe(true);
    expect(settled.payment).toMatchObject({ status: "SUCCESSFUL", providerReference: "MTN1", failureReason: null });
    expect(settled.link).toMatchObject({ status: "ACTIVE", currentUses: 1 });

    const replay = await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "X", actor: "provider:MTN_CAM" });
    expect(replay.changed).toBe(false);
    expect(replay.payment.status).toBe("SUCCESSFUL");
    expect(replay.link.currentUses).toBe(1);
    expect(await getDb().event.count({ where: { paymentId: payment.id } })).toBe(2);
  });

  it("FAILED releases the use and reopens a link that was PAID only through it", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const { payment, link: reserved } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    expect(reserved.status).toBe("PAID");
    const settled = await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "INSUFFICIENT_FUNDS", actor: "provider:MTN_CAM" });
    expect(settled.payment).toMatchObject({ status: "FAILED", failureReason: "INSUFFICIENT_FUNDS" });
    expect(settled.link).toMatchObject({ status: "ACTIVE", currentUses: 0, paidAt: null });
    expect((await events(link.id)).slice(-2).map((e) => e.type)).toEqual(["payment.failed", "link.reopened"]);

    // and it can be paid again
    const retry = await redeemLink({ slug: link.slug, provider: "ORANGE_CAM", phoneNumber: "691000001" });
    const done = await settlePayment({ paymentId: retry.payment.id, outcome: "SUCCESSFUL", actor: "provider:ORANGE_CAM" });
    expect(done.link).toMatchObject({ status: "PAID", currentUses: 1 });
  });

  it("FAILED on a cancelled link releases the use but keeps it CANCELLED", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 2 });
    const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    await cancelLink(scope, link.id);
    const settled = await settlePayment({ paymentId: payment.id, outcome: "FAILED", actor: "system" });
    expect(settled.link).toMatchObject({ status: "CANCELLED", currentUses: 0 });
  });

  it("SUCCESSFUL marks PAID a link whose uses are exhausted but still ACTIVE", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 2 });
    const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    await getDb().paymentLink.update({ where: { id: link.id }, data: { maxUses: 1 } });
    const settled = await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "system" });
    expect(settled.link.status).toBe("PAID");
    expect((await events(link.id)).at(-1)?.type).toBe("link.paid");
  });

  it("settling an unknown or malformed payment id is NOT_FOUND", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "nope"]) {
      expect((await rejection(settlePayment({ paymentId: id, outcome: "SUCCESSFUL", actor: "system" }))).code).toBe("NOT_FOUND");
    }
  });
});
