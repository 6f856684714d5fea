import type { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/client";
import { newShortCode, newSlug } from "@/lib/domain/links/codes";
import { assertExpiryInFuture } from "@/lib/domain/links/lifecycle";
import { createLinkInputSchema, type CreateLinkInput } from "@/lib/domain/links/schemas";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import type { MessageUrlForm } from "@/lib/domain/links/urls";
import { parseOrThrow } from "@/lib/domain/validation";
import { validationError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { assertModeAvailable } from "@/lib/services/payments/payment-modes";
import { toPaymentLink } from "./to-payment-link";

const MAX_CODE_ATTEMPTS = 5;

/**
 * Columns an integration stores with the link (Zeamster's location, contact, products...),
 * already validated by the caller. They are written by the insert itself, so that the
 * `link.created` event, and the email or SMS it publishes, see the finished link.
 */
export type LinkCreateColumns = Pick<
  Prisma.PaymentLinkUncheckedCreateInput,
  "locationId" | "externalReference" | "contactId" | "cardProductId" | "bankProductId" | "showReceiptDetails" | "showBillingFields"
>;

/**
 * Creates a link inside the caller's transaction: the one code path for every link (createLink
 * wraps it in a transaction of its own; createOrderLink calls it with the order row locked).
 * A link of an order must be in the order's currency, so that what its payments add up to is
 * what the order counts as paid. A random slug or short code that is already taken is drawn
 * again; the failed insert is undone with a savepoint, so the caller's transaction lives on.
 */
export async function createLinkInTx(
  tx: Prisma.TransactionClient,
  scope: MerchantScope,
  input: CreateLinkInput,
  now: Date = new Date(),
  { columns = {}, messageUrl = "short" }: { columns?: LinkCreateColumns; messageUrl?: MessageUrlForm } = {},
): Promise<PaymentLink> {
  const data = parseOrThrow(createLinkInputSchema, input);
  // A LIVE link needs a live provider to be paid: refused (on `mode`) while none is configured.
  assertModeAvailable(data.mode);
  if (data.expiresAt) assertExpiryInFuture(data.expiresAt, now);
  if (data.orderId) {
    const order = await tx.order.findFirst({ where: { id: data.orderId, merchantId: scope.merchantId }, select: { currency: true } });
    if (!order) throw validationError("order_id", "order_id names no order of this merchant");
    if (order.currency !== data.currency) throw validationError("currency", `currency must be the order's currency, ${order.currency}`);
  }

  for (let attempt = 1; ; attempt++) {
    await tx.$executeRaw`SAVEPOINT create_link`;
    let row;
    try {
      row = await tx.paymentLink.create({
        data: {
          ...columns,
          ...data,
          merchantId: scope.merchantId,
          slug: newSlug(),
          shortCode: newShortCode(),
          amountMinor: BigInt(data.amountMinor),
          metadata: data.metadata as Prisma.InputJsonObject,
          createdBy: scope.actor,
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= MAX_CODE_ATTEMPTS) throw error;
      // A random slug or short code that is already taken: undo the insert and draw again.
      await tx.$executeRaw`ROLLBACK TO SAVEPOINT create_link`;
      continue;
    }
    await tx.$executeRaw`RELEASE SAVEPOINT create_link`;
    await recordEvent(tx, {
      merchantId: scope.merchantId,
      linkId: row.id,
      type: "link.created",
      actor: scope.actor,
      data: {
        amount_minor: data.amountMinor,
        currency: data.currency,
        max_uses: data.maxUses,
        mode: data.mode,
        ...(data.orderId ? { order_id: data.orderId, dynamic_amount: data.dynamicAmount } : {}),
        // Read by the email and SMS the event publishes (person-messages): which URL they carry.
        ...(messageUrl === "short" ? {} : { message_url: messageUrl }),
      },
    });
    return toPaymentLink(row, now);
  }
}
