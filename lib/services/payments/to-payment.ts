import type { Payment as PaymentRow } from "@/lib/generated/prisma/client";
import type { Payment } from "@/lib/domain/links/types";

export function toPayment(row: PaymentRow): Payment {
  return { ...row, amountMinor: Number(row.amountMinor) };
}
