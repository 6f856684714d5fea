import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb, isUniqueViolation } from "@/lib/db/client";
import { newShortCode, newSlug } from "@/lib/domain/links/codes";
import { assertExpiryInFuture } from "@/lib/domain/links/lifecycle";
import { createLinkInputSchema, type CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { validationError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { toPaymentLink } from "./to-payment-link";

const MAX_CODE_ATTEMPTS = 5;

export async function createLink(scope: MerchantScope, input: CreateLinkInput, now: Date = new Date()): Promise<PaymentLink> {
  const data = parseOrThrow(createLinkInputSchema, input);
  if (data.expiresAt) assertExpiryInFuture(data.expiresAt, now);
  const db = getDb();
  if (data.orderId) {
    const order = await db.order.findFirst({ where: { id: data.orderId, merchantId: scope.merchantId }, select: { id: true } });
    if (!order) throw validationError("order_id", "order_id names no order of this merchant");
  }

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const row = await tx.paymentLink.create({
          data: {
            ...data,
            merchantId: scope.merchantId,
            slug: newSlug(),
            shortCode: newShortCode(),
            amountMinor: BigInt(data.amountMinor),
            metadata: data.metadata as Prisma.InputJsonObject,
            createdBy: scope.actor,
          },
        });
        await recordEvent(tx, {
          merchantId: scope.merchantId,
          linkId: row.id,
          type: "link.created",
          actor: scope.actor,
          data: { amount_minor: data.amountMinor, currency: data.currency, max_uses: data.maxUses, mode: data.mode },
        });
        return toPaymentLink(row, now);
      });
    } catch (error) {
      // A random slug or short code that is already taken: draw again.
      if (isUniqueViolation(error) && attempt < MAX_CODE_ATTEMPTS) continue;
      throw error;
    }
  }
}
