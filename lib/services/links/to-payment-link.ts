import type { PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";
import { effectiveStatus } from "@/lib/domain/links/lifecycle";
import type { DeliveryMethod } from "@/lib/domain/links/enums";
import type { Metadata, PaymentLink } from "@/lib/domain/links/types";
import { fromStoredMinor } from "@/lib/money";

/** A stored row as the domain sees it: numbers for money, the status as of `now`. */
export function toPaymentLink(row: PaymentLinkRow, now: Date = new Date()): PaymentLink {
  return {
    ...row,
    amountMinor: fromStoredMinor(row.amountMinor),
    status: effectiveStatus(row.status, row.expiresAt, now),
    metadata: isObject(row.metadata) ? row.metadata : {},
    deliveryMethod: row.deliveryMethod as DeliveryMethod,
  };
}

function isObject(value: unknown): value is Metadata {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
