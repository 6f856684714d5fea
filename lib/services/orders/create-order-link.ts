import type { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { orderLabel, planOrderLink } from "@/lib/domain/orders/balance";
import { orderLinkInputSchema } from "@/lib/domain/orders/schemas";
import type { OrderLinkPlan, OrderLinkRequest, OrderView } from "@/lib/domain/orders/types";
import type { Mode } from "@/lib/domain/links/enums";
import { parseOrThrow } from "@/lib/domain/validation";
import { notFound } from "@/lib/errors";
import { createLinkInTx } from "@/lib/services/links/create-link-in-tx";
import { lockOrder } from "./lock-order";
import { toOrderLink } from "./to-order-link";

export interface OrderLinkResult {
  link: PaymentLink;
  order: OrderView;
  /** True when an open link with the same parameters was handed out again instead of a new one. */
  reused: boolean;
}

/**
 * A payment link toward an order, decided under the order's row lock: "rest" a fixed link for
 * exactly the unpaid rest, "advance" a fixed link of amountMinor (1..rest, else VALIDATION on
 * `amount` naming the limit), "dynamic" a link that takes whatever is unpaid when redeemed.
 * An order with nothing left to pay is GONE PAID. An open link of the order with the same
 * parameters (kind of amount, fixed amount, mode; ACTIVE, not expired, a use left) is returned
 * again rather than a second one made. New links: the order's currency, one use, "Sales order
 * 1012" / "Invoice 2001", merchant_reference = the number.
 */
export async function createOrderLink(
  scope: MerchantScope,
  orderId: string,
  input: OrderLinkRequest,
  now: Date = new Date(),
): Promise<OrderLinkResult> {
  const request = parseOrThrow(orderLinkInputSchema, { kind: input.kind, amount: input.amountMinor, mode: input.mode });
  return getDb().$transaction(async (tx) => {
    const order = await lockOrder(tx, orderId, scope.merchantId);
    if (!order) throw notFound("order");
    const plan = planOrderLink({ kind: request.kind, amountMinor: request.amount }, order.unpaidMinor);

    const open = await findOpenLink(tx, order.id, plan, request.mode, now);
    if (open) return { link: toOrderLink(open, order.unpaidMinor, now), order, reused: true };

    const link = await createLinkInTx(
      tx,
      scope,
      {
        amountMinor: plan.amountMinor,
        dynamicAmount: plan.dynamicAmount,
        currency: order.currency,
        orderId: order.id,
        maxUses: 1,
        mode: request.mode,
        description: orderLabel(order.kind, order.number),
        merchantReference: String(order.number),
      },
      now,
    );
    return { link, order, reused: false };
  });
}

/** An open link of the order that asks for the same thing, oldest first. */
function findOpenLink(tx: Prisma.TransactionClient, orderId: string, plan: OrderLinkPlan, mode: Mode, now: Date) {
  return tx.paymentLink.findFirst({
    where: {
      orderId,
      mode,
      dynamicAmount: plan.dynamicAmount,
      ...(plan.dynamicAmount ? {} : { amountMinor: BigInt(plan.amountMinor) }),
      status: "ACTIVE",
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      currentUses: { lt: tx.paymentLink.fields.maxUses },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}
