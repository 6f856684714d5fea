/** Test data made through the real services, each test with a merchant of its own. */
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope } from "@/lib/domain/links/types";
import { createLink } from "@/lib/services/links/create-link";
import { createOrder, type CreateOrderInput } from "@/lib/services/orders/create-order";

export async function createMerchant(name = "Test merchant"): Promise<MerchantScope> {
  const merchant = await getDb().merchant.create({ data: { name, webhookSecret: "whsec_test" } });
  return { merchantId: merchant.id, actor: `user:${randomUUID()}` };
}

export function createTestLink(scope: MerchantScope, overrides: Partial<CreateLinkInput> = {}) {
  return createLink(scope, { amountMinor: 5000, description: "Test link", ...overrides });
}

export async function expire(linkId: string): Promise<void> {
  await getDb().$executeRaw`UPDATE payment_links SET expires_at = now() - interval '1 minute' WHERE id = ${linkId}::uuid`;
}

let nextOrderNumber = 1000;

/** A sales order (by default 100 000 XAF, a fresh number per call) made through createOrder. */
export function createTestOrder(scope: MerchantScope, overrides: Partial<CreateOrderInput> = {}) {
  return createOrder(scope, { kind: "SALES_ORDER", number: nextOrderNumber++, totalMinor: 100000, currency: "XAF", ...overrides });
}
