import { getDb, isUniqueViolation } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { orderLabel } from "@/lib/domain/orders/balance";
import { createOrderInputSchema } from "@/lib/domain/orders/schemas";
import type { OrderKind, OrderView } from "@/lib/domain/orders/types";
import { parseOrThrow } from "@/lib/domain/validation";
import { AppError, AppErrorCode, validationError } from "@/lib/errors";
import { recordEvent } from "@/lib/services/events/record-event";
import { toOrderViews } from "./to-order-view";

export interface CreateOrderInput {
  kind: OrderKind;
  /** The merchant's sales order id or invoice number, unique per merchant and kind. */
  number: number;
  totalMinor: number;
  currency: string;
  description?: string | null;
  /** The sales order (of the same merchant) this order, typically an invoice, belongs to. */
  parentOrderId?: string | null;
}

/**
 * Records a sales order or an invoice that payment links can pay toward, with an `order.created`
 * event (no link). A number the merchant already used for that kind is a CONFLICT naming it
 * (field order_number); a parent must be one of the merchant's sales orders.
 */
export async function createOrder(scope: MerchantScope, input: CreateOrderInput): Promise<OrderView> {
  const data = parseOrThrow(createOrderInputSchema, {
    kind: input.kind,
    orderNumber: input.number,
    total: input.totalMinor,
    currency: input.currency,
    description: input.description,
    parentOrderId: input.parentOrderId,
  });
  try {
    return await getDb().$transaction(async (tx) => {
      if (data.parentOrderId) {
        const parent = await tx.order.findFirst({ where: { id: data.parentOrderId, merchantId: scope.merchantId }, select: { kind: true } });
        if (parent?.kind !== "SALES_ORDER") {
          throw validationError("parent_order_id", "parent_order_id must name a sales order of this merchant");
        }
      }
      const row = await tx.order.create({
        data: {
          merchantId: scope.merchantId,
          kind: data.kind,
          number: BigInt(data.orderNumber),
          totalMinor: BigInt(data.total),
          currency: data.currency,
          description: data.description ?? null,
          parentId: data.parentOrderId ?? null,
        },
      });
      await recordEvent(tx, {
        merchantId: scope.merchantId,
        type: "order.created",
        actor: scope.actor,
        data: { order_id: row.id, kind: data.kind, number: data.orderNumber, total_minor: data.total, currency: data.currency },
      });
      return (await toOrderViews(tx, [row]))[0]!;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new AppError(AppErrorCode.CONFLICT, `${orderLabel(data.kind, data.orderNumber)} already exists`, { field: "order_number" });
  }
}
