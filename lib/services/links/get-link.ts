import { getDb, isUuid } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { notFound } from "@/lib/errors";
import { toPaymentLink } from "./to-payment-link";

/** One of the merchant's links; another merchant's id is NOT_FOUND, never FORBIDDEN. */
export async function getLinkOrThrow(scope: Pick<MerchantScope, "merchantId">, id: string): Promise<PaymentLink> {
  if (!isUuid(id)) throw notFound("payment_link");
  const row = await getDb().paymentLink.findFirst({ where: { id, merchantId: scope.merchantId } });
  if (!row) throw notFound("payment_link");
  return toPaymentLink(row);
}

/** A link by its public slug (pay page, public API). The caller decides what a gone link shows. */
export async function getLinkBySlugOrThrow(slug: string): Promise<PaymentLink> {
  const row = await getDb().paymentLink.findUnique({ where: { slug } });
  if (!row) throw notFound("payment_link");
  return toPaymentLink(row);
}

/** A link by the short code of /p/<code>. */
export async function getLinkByShortCodeOrThrow(shortCode: string): Promise<PaymentLink> {
  const row = await getDb().paymentLink.findUnique({ where: { shortCode } });
  if (!row) throw notFound("payment_link");
  return toPaymentLink(row);
}

/** A link by its id without a merchant scope: only for public entry points that redirect (Zeamster's /paylink?id=). */
export async function getPublicLinkByIdOrThrow(id: string): Promise<PaymentLink> {
  const row = isUuid(id) ? await getDb().paymentLink.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("payment_link");
  return toPaymentLink(row);
}
