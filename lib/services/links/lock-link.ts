import type { Prisma, PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/**
 * Reads one of the merchant's links and locks its row until the transaction ends, so that a
 * check (max_uses >= current_uses, not PAID) cannot be overtaken by a concurrent redeem.
 * A foreign or malformed id is NOT_FOUND, like an unknown one.
 */
export async function lockLinkOrThrow(
  tx: Prisma.TransactionClient,
  merchantId: string,
  id: string,
): Promise<PaymentLinkRow> {
  if (!isUuid(id)) throw notFound("payment_link");
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM payment_links WHERE id = ${id}::uuid AND merchant_id = ${merchantId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw notFound("payment_link");
  return tx.paymentLink.findUniqueOrThrow({ where: { id } });
}
