import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { paymentFiltersSchema } from "@/lib/domain/payments/schemas";

export type ParsedPaymentFilters = z.output<typeof paymentFiltersSchema>;

/** The merchant's payments that match parsed filters; the merchant condition is always there. */
export function toPaymentsWhere(merchantId: string, filters: ParsedPaymentFilters): Prisma.PaymentWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (filters.from) createdAt.gte = filters.from;
  if (filters.to) createdAt.lte = filters.to;
  return {
    merchantId,
    ...(filters.status && { status: filters.status }),
    ...(filters.provider && { provider: filters.provider }),
    ...(filters.linkId && { linkId: filters.linkId }),
    ...((filters.from || filters.to) && { createdAt }),
  };
}
