"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireMerchant } from "@/lib/auth/session";
import {
  formErrors,
  orderFormFieldOf,
  orderFormSchema,
  orderLinkFormSchema,
  orderPaymentFormSchema,
  toCreateOrderInput,
  toOrderLinkRequest,
  toPaymentAmountMinor,
  type OrderFormErrors,
  type OrderLinkFormErrors,
  type OrderPaymentFormErrors,
} from "@/lib/contracts/dashboard/order-form";
import { payPageUrl } from "@/lib/domain/links/urls";
import { AppErrorCode, isAppError, type AppError } from "@/lib/errors";
import { publicBaseUrlFromHeaders } from "@/lib/http/request-info";
import { createOrder } from "@/lib/services/orders/create-order";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { getOrderOrThrow } from "@/lib/services/orders/get-order-or-throw";
import { recordPaymentElsewhere } from "@/lib/services/orders/record-payment-elsewhere";

/** Errors a merchant can act on come back beside their field; anything else is a bug and throws. */
const ANSWERED: ReadonlySet<string> = new Set([AppErrorCode.VALIDATION, AppErrorCode.CONFLICT, AppErrorCode.NOT_FOUND, AppErrorCode.GONE, AppErrorCode.INVALID_STATE]);

function answered(error: unknown): error is AppError {
  return isAppError(error) && ANSWERED.has(error.code);
}

function revalidateOrders(orderId: string) {
  revalidatePath("/dashboard/orders");
  revalidatePath(`/dashboard/orders/${orderId}`);
}

/** Creates a sales order or invoice from the dashboard form; on success the merchant lands on its page. */
export async function createOrderAction(values: unknown): Promise<{ errors: OrderFormErrors }> {
  const scope = await requireMerchant();
  const parsed = orderFormSchema.safeParse(values);
  if (!parsed.success) return { errors: formErrors<OrderFormErrors>(parsed.error) };
  let id: string;
  try {
    id = (await createOrder(scope, toCreateOrderInput(parsed.data))).id;
  } catch (error) {
    if (!answered(error)) throw error;
    const field = orderFormFieldOf(error.details.field, ["kind", "number", "total", "currency", "description", "parentOrderId"] as const);
    return { errors: { [field]: error.message } };
  }
  revalidatePath("/dashboard/orders");
  redirect(`/dashboard/orders/${id}`);
}

export type OrderPaymentResult = { ok: true } | { ok: false; errors: OrderPaymentFormErrors };

/** Records an amount paid outside the product (in the order's currency, major units). */
export async function recordPaymentElsewhereAction(orderId: string, values: { amount: string }): Promise<OrderPaymentResult> {
  const scope = await requireMerchant();
  try {
    const order = await getOrderOrThrow(scope, orderId);
    const parsed = orderPaymentFormSchema.safeParse({ amount: values.amount, currency: order.currency });
    if (!parsed.success) return { ok: false, errors: formErrors<OrderPaymentFormErrors>(parsed.error) };
    await recordPaymentElsewhere(scope, order.id, toPaymentAmountMinor(parsed.data));
  } catch (error) {
    if (!answered(error)) throw error;
    return { ok: false, errors: { [orderFormFieldOf(error.details.field, ["amount"] as const)]: error.message } };
  }
  revalidateOrders(orderId);
  return { ok: true };
}

export interface CreatedOrderLink {
  id: string;
  payUrl: string;
  dynamicAmount: boolean;
  amountMinor: number;
  currency: string;
  /** An open link asking for the same thing already existed and is handed out again. */
  reused: boolean;
}

export type OrderLinkResult = { ok: true; link: CreatedOrderLink } | { ok: false; errors: OrderLinkFormErrors };

/** A payment link toward the order: the unpaid rest, an advance, or one that follows the rest. */
export async function createOrderLinkAction(orderId: string, values: { kind: string; amount: string; mode: string }): Promise<OrderLinkResult> {
  const scope = await requireMerchant();
  let result;
  try {
    const order = await getOrderOrThrow(scope, orderId);
    const parsed = orderLinkFormSchema.safeParse({ kind: values.kind, amount: values.amount, mode: values.mode, currency: order.currency });
    if (!parsed.success) return { ok: false, errors: formErrors<OrderLinkFormErrors>(parsed.error) };
    result = await createOrderLink(scope, order.id, toOrderLinkRequest(parsed.data));
  } catch (error) {
    if (!answered(error)) throw error;
    const message = error.code === AppErrorCode.GONE && error.details.reason === "PAID" ? "This order is paid: nothing is left to pay." : error.message;
    return { ok: false, errors: { [orderFormFieldOf(error.details.field, ["kind", "amount", "mode"] as const)]: message } };
  }
  revalidateOrders(orderId);
  revalidatePath("/dashboard/links");
  const { link, reused } = result;
  return {
    ok: true,
    link: {
      id: link.id,
      payUrl: payPageUrl(link.slug, {}, publicBaseUrlFromHeaders(await headers())),
      dynamicAmount: link.dynamicAmount,
      amountMinor: link.amountMinor,
      currency: link.currency,
      reused,
    },
  };
}
