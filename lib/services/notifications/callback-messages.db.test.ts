/**
 * The CM-style callback end to end: link changes made through the real services enqueue
 * CALLBACK messages in their transaction, and the outbox worker POSTs {"paymentlink_refs": [...]}
 * to a real receiver on 127.0.0.1, one POST per destination for the changes of one window.
 * Every test has a merchant of its own and delivers only its messages.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { deliverDueMessages } from "@/lib/services/outbox/deliver-messages";
import { startWorker } from "@/lib/services/outbox/worker-loop";
import { startReceiver, type Receiver } from "@/lib/services/outbox/test-receiver";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { cmLinkRef } from "./callback-messages";

const WINDOW_MS = 300;
const quiet = { log: () => {}, error: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let receiver: Receiver;
let scope: MerchantScope;

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
});
beforeEach(async () => {
  process.env.ALLOW_PRIVATE_URLS = "1";
  process.env.CALLBACK_BATCH_MS = String(WINDOW_MS);
  receiver.requests.length = 0;
  receiver.answer(() => ({ status: 200 }));
  scope = await createMerchant("Callback test");
  await getDb().merchant.update({ where: { id: scope.merchantId }, data: { callbackUrl: `${receiver.url}/merchant-callback` } });
});
afterEach(() => {
  delete process.env.ALLOW_PRIVATE_URLS;
  delete process.env.CALLBACK_BATCH_MS;
});

const deliver = () => deliverDueMessages({ merchantId: scope.merchantId, log: quiet, backoffBaseMs: 20, backoffMaxMs: 40 });
const callbacks = () => getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId, channel: "CALLBACK" }, orderBy: { createdAt: "asc" } });
const posted = () => receiver.requests.map((r) => ({ path: r.path, refs: (JSON.parse(r.body) as { paymentlink_refs: string[] }).paymentlink_refs }));

/** Runs the worker until nothing of this merchant is pending (or a few seconds passed). */
async function drain() {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    await deliver();
    const left = await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId, status: { in: ["PENDING", "SENDING"] } } });
    if (left === 0) return;
    await sleep(25);
  }
}

describe("CM callbacks", () => {
  it("batches three link changes of one window into one POST with three refs, after the window", async () => {
    const links = [await createTestLink(scope), await createTestLink(scope), await createTestLink(scope)];
    for (const link of links) await cancelLink(scope, link.id);

    const queued = await callbacks();
    expect(queued).toHaveLength(3);
    for (const message of queued) {
      expect(message).toMatchObject({ kind: "cm.callback", destination: `${receiver.url}/merchant-callback`, status: "PENDING" });
      expect(message.nextAttemptAt.getTime()).toBeGreaterThan(message.createdAt.getTime() + WINDOW_MS - 50);
    }
    // Within the window nothing is sent: the request that caused it never waits on it.
    expect((await deliver()).claimed).toBe(0);

    await sleep(WINDOW_MS + 50);
    expect(await deliver()).toMatchObject({ claimed: 3, sent: 3 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]!.headers["content-type"]).toBe("application/json");
    expect(posted()[0]!.path).toBe("/merchant-callback");
    expect(posted()[0]!.refs.sort()).toEqual(links.map((l) => cmLinkRef(l.id)).sort());
    expect(posted()[0]!.refs[0]).toMatch(/^pml-[0-9a-f-]{36}$/);
    expect((await callbacks()).every((m) => m.status === "SENT" && m.attempts === 1)).toBe(true);
  });

  it("takes along the changes still inside their window when an earlier one to the same URL is due", async () => {
    const first = await createTestLink(scope);
    const second = await createTestLink(scope);
    await cancelLink(scope, first.id);
    await sleep(WINDOW_MS + 50);
    await cancelLink(scope, second.id); // due only in WINDOW_MS
    expect(await deliver()).toMatchObject({ claimed: 2, sent: 2 });
    expect(posted()).toEqual([{ path: "/merchant-callback", refs: [cmLinkRef(first.id), cmLinkRef(second.id)] }]);
  });

  it("retries a failed POST, and delivers each change's ref once", async () => {
    receiver.answer((request) => (request.seq === 1 ? { status: 502 } : { status: 200 }));
    const a = await createTestLink(scope);
    const b = await createTestLink(scope);
    await cancelLink(scope, a.id);
    await cancelLink(scope, b.id);
    await sleep(WINDOW_MS + 50);
    expect(await deliver()).toMatchObject({ claimed: 2, retrying: 2 });
    expect((await callbacks())[0]).toMatchObject({ status: "PENDING", lastStatusCode: 502, lastError: "answered HTTP 502" });

    await drain();
    expect(receiver.requests).toHaveLength(2);
    const delivered = posted()[1]!.refs;
    expect(delivered.sort()).toEqual([cmLinkRef(a.id), cmLinkRef(b.id)].sort());
    expect((await callbacks()).every((m) => m.status === "SENT" && m.attempts === 2)).toBe(true);
  });

  it("goes to the link's own callback_url before the merchant's, one POST per URL", async () => {
    const own = await createTestLink(scope, { callbackUrl: `${receiver.url}/link-callback` });
    const plain = await createTestLink(scope);
    await cancelLink(scope, own.id);
    await cancelLink(scope, plain.id);
    await sleep(WINDOW_MS + 50);
    await deliver();
    expect(posted().sort((x, y) => x.path.localeCompare(y.path))).toEqual([
      { path: "/link-callback", refs: [cmLinkRef(own.id)] },
      { path: "/merchant-callback", refs: [cmLinkRef(plain.id)] },
    ]);
  });

  it("sends nothing when neither the link nor the merchant has a callback URL", async () => {
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { callbackUrl: null } });
    const link = await createTestLink(scope);
    await cancelLink(scope, link.id);
    expect(await callbacks()).toHaveLength(0);
  });

  it("counts a link as paid once money arrived: on the payment's success, not when a payment reserves its last use; and on reopening", async () => {
    const paid = await createTestLink(scope);
    const { payment } = await redeemLink({ slug: paid.slug, provider: "MTN_CAM", phoneNumber: "670000001" });
    // Reserved (the link reads PAID) but no money yet: no callback.
    expect(await callbacks()).toHaveLength(0);
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:mtn" });
    expect(await callbacks()).toHaveLength(1);

    const reopened = await createTestLink(scope);
    const failing = await redeemLink({ slug: reopened.slug, provider: "MTN_CAM", phoneNumber: "670000002" });
    await settlePayment({ paymentId: failing.payment.id, outcome: "FAILED", failureReason: "INSUFFICIENT_FUNDS", actor: "provider:mtn" });
    expect(await callbacks()).toHaveLength(2);

    // A link with uses left stays ACTIVE when one payment succeeds: no status change, no callback.
    const multi = await createTestLink(scope, { maxUses: 3 });
    const one = await redeemLink({ slug: multi.slug, provider: "MTN_CAM", phoneNumber: "670000001" });
    await settlePayment({ paymentId: one.payment.id, outcome: "SUCCESSFUL", actor: "provider:mtn" });
    expect(await callbacks()).toHaveLength(2);

    await sleep(WINDOW_MS + 50);
    await deliver();
    expect(posted()).toHaveLength(1);
    expect(posted()[0]!.refs.sort()).toEqual([cmLinkRef(paid.id), cmLinkRef(reopened.id)].sort());
  });

  it("calls back for a link that expired by time: the worker's sweep records link.expired, then the POST goes", async () => {
    const link = await createTestLink(scope);
    await expire(link.id);
    const worker = startWorker({ merchantId: scope.merchantId, intervalMs: 50, log: quiet });
    try {
      const deadline = Date.now() + 5000;
      while (receiver.requests.length === 0 && Date.now() < deadline) await sleep(50);
    } finally {
      await worker.stop();
    }
    expect(posted()).toEqual([{ path: "/merchant-callback", refs: [cmLinkRef(link.id)] }]);
    expect(await callbacks()).toMatchObject([{ status: "SENT" }]);
  });

  it("never lets the callback fail or slow the change: an unreachable URL only fails later, in the outbox", async () => {
    delete process.env.ALLOW_PRIVATE_URLS;
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { callbackUrl: "http://169.254.169.254/latest/meta-data/" } });
    const link = await createTestLink(scope);
    await expect(cancelLink(scope, link.id)).resolves.toMatchObject({ status: "CANCELLED" });
    await sleep(WINDOW_MS + 50);
    expect(await deliver()).toMatchObject({ claimed: 1, failed: 1 });
    expect((await callbacks())[0]).toMatchObject({
      status: "FAILED",
      lastError: "refused: the URL points at 169.254.169.254, a link-local (cloud metadata) address the server does not call",
    });
  });
});
