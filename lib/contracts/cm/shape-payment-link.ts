/** Our model -> CM.com JSON. Amounts leave as JSON numbers in major units of currency_code. */
import type { z } from "zod";
import type { Payment, PaymentLink } from "@/lib/domain/links/types";
import { shortUrl } from "@/lib/domain/links/urls";
import { paysAUse } from "@/lib/domain/payments/standing";
import { toMajorNumber } from "@/lib/money";
import type { paymentLinkResponse, paymentLinkStatusResponse } from "./schemas";
import { toRef } from "./to-domain";

export type CmStatus = "open" | "paid";

/**
 * "paid" only when the money arrived: every use of the link is paid by a SUCCESSFUL payment
 * (money that arrived late for a link already used up is to be refunded: it pays no use).
 * A use merely held by a PENDING payment is still "open".
 */
export function cmStatus(link: Pick<PaymentLink, "maxUses">, payments: Pick<Payment, "status" | "overCollectedAt">[]): CmStatus {
  const paid = payments.filter(paysAUse).length;
  return paid >= link.maxUses ? "paid" : "open";
}

/** ISO 8601 with an offset, as the document writes it: 2022-02-22T22:00:00+00:00 (milliseconds only when there are some). */
export function cmDate(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.000Z$/, "Z").replace(/Z$/, "+00:00") : null;
}

/** Every field of the document's GET response, in its order. */
export function shapePaymentLink(link: PaymentLink, status: CmStatus, baseUrl: string): z.output<typeof paymentLinkResponse> {
  return {
    amount: toMajorNumber(link.amountMinor, link.currency),
    callback_url: link.callbackUrl,
    country_code: link.country ? link.country.toUpperCase() : null,
    currency_code: link.currency,
    expiry_date: cmDate(link.expiresAt),
    invoice_due_date: cmDate(link.invoiceDueDate),
    invoice_reference: link.invoiceReference,
    language_code: link.language ? link.language.toUpperCase() : null,
    merchant_reference: link.merchantReference,
    ref: toRef(link.id),
    // Deactivated with PATCH active=false, or cancelled elsewhere (which cannot be undone).
    active: link.deactivatedAt === null && link.status !== "CANCELLED",
    status,
    uri: shortUrl(link.shortCode, baseUrl),
  };
}

export function shapeStatus(status: CmStatus): z.output<typeof paymentLinkStatusResponse> {
  return { status };
}
