import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import type { Payment } from "@/lib/domain/links/types";
import { fromStoredMinor } from "@/lib/money";

/** A stored payment as the domain sees it; the provider's notification secret stays behind. */
export function toPayment(row: PaymentRow): Payment {
  const { notificationToken, ...payment } = row;
  return { ...payment, amountMinor: fromStoredMinor(row.amountMinor) };
}
