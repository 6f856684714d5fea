import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope, Payment } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { toPayment } from "@/lib/services/payments/to-payment";

/** Every payment attempt on one of the merchant's links, newest first. */
export async function listLinkPayments(scope: Pick<MerchantScope, "merchantId">, linkId: string): Promise<Payment[]> {
  if (!isUuid(linkId)) throw notFound("payment_link");
  const db = getDb();
  const link = await db.paymentLink.findFirst({ where: { id: linkId, merchantId: scope.merchantId }, select: { id: true } });
  if (!link) throw notFound("payment_link");
  const rows = await db.payment.findMany({
    where: { linkId, merchantId: scope.merchantId },
    orderBy: [{ createdAt: "desc" }, { number: "desc" }],
  });
  return rows.map(toPayment);
}
