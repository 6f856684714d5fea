import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { secretMatches, splitApiKey } from "@/lib/crypto/api-keys";
import { verifyPassword } from "@/lib/crypto/password";
import { listLinks } from "@/lib/services/links/list-links";
import { getOrderByNumberOrThrow } from "@/lib/services/orders/get-order-by-number-or-throw";
import { demoAccounts, seed } from "./seed";

/** Everything the seed owns (other test files write to the same database in parallel). */
async function snapshot() {
  const db = getDb();
  const { demo, second } = demoAccounts({});
  const mine = { merchantId: { in: [demo.merchantId, second.merchantId] } };
  return {
    merchants: await db.merchant.findMany({ where: { id: mine.merchantId }, orderBy: { id: "asc" } }),
    users: await db.user.findMany({ where: mine, orderBy: { email: "asc" } }),
    credentials: await db.apiCredential.findMany({ where: mine, orderBy: { keyId: "asc" } }),
    links: await db.paymentLink.findMany({ where: mine, orderBy: { id: "asc" } }),
    orders: await db.order.findMany({ where: mine, orderBy: { id: "asc" } }),
    payments: await db.payment.count({ where: mine }),
    events: await db.event.count({ where: mine }),
  };
}

describe("seed", () => {
  it("creates the demo accounts with every link status and payment state, and is idempotent", async () => {
    await seed({});
    const first = await snapshot();
    await seed({});
    expect(await snapshot()).toEqual(first);

    const { demo, second } = demoAccounts({});
    const db = getDb();
    for (const account of [demo, second]) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.merchantId).toBe(account.merchantId);
      expect(await verifyPassword(account.password, user.passwordHash)).toBe(true);
      const key = splitApiKey(account.apiKey)!;
      const credential = await db.apiCredential.findUniqueOrThrow({ where: { keyId: key.keyId } });
      expect(credential).toMatchObject({ merchantId: account.merchantId, mode: "SANDBOX", revokedAt: null });
      expect(secretMatches(key.secret, credential.secretHash)).toBe(true);
    }

    const scope = { merchantId: demo.merchantId };
    const all = await listLinks(scope, { limit: 200 });
    expect(all.total).toBeGreaterThanOrEqual(28);
    for (const status of ["ACTIVE", "PAID", "EXPIRED", "CANCELLED"] as const) {
      expect((await listLinks(scope, { status })).total, status).toBeGreaterThanOrEqual(4);
    }
    const states = await db.payment.groupBy({ by: ["status"], where: { merchantId: demo.merchantId }, _count: true });
    expect(states.map((s) => s.status).sort()).toEqual(["FAILED", "PENDING", "SUCCESSFUL"]);
    // pending payments are recent (the reconciler times out old ones), and pages have views
    const pending = await db.payment.findMany({ where: { merchantId: demo.merchantId, status: "PENDING" } });
    expect(pending.every((p) => Date.now() - p.createdAt.getTime() < 60 * 60_000)).toBe(true);
    expect(await db.linkViewDay.count({ where: { merchantId: demo.merchantId } })).toBe(all.total);
  });

  it("gives the demo merchant sales orders and an invoice, CycleSoftware's example among them", async () => {
    await seed({});
    await seed({});
    const scope = { merchantId: demoAccounts({}).demo.merchantId };
    const order = await getOrderByNumberOrThrow(scope, "SALES_ORDER", 1012);
    // (other test files may pay toward these orders in the same database: only what the seed sets is checked)
    expect(order).toMatchObject({ totalMinor: 250000, currency: "EUR", paidElsewhereMinor: 10000, parentId: null });
    expect(await getOrderByNumberOrThrow(scope, "INVOICE", 2001)).toMatchObject({ totalMinor: 50000, currency: "EUR", parentId: order.id, paidElsewhereMinor: 0 });
    expect(await getOrderByNumberOrThrow(scope, "SALES_ORDER", 1013)).toMatchObject({ currency: "EUR", paidElsewhereMinor: 0, parentId: null });
  });

  it("takes the demo logins and key from the environment", () => {
    const accounts = demoAccounts({ DEMO_EMAIL: "me@shop.cm", DEMO_PASSWORD: "s3cret-pass", DEMO_API_KEY: "pk_x.sk_y" });
    expect(accounts.demo).toMatchObject({ email: "me@shop.cm", password: "s3cret-pass", apiKey: "pk_x.sk_y" });
  });
});
