import type { Prisma, Payment as PaymentRow, PaymentLink as LinkRow } from "@/lib/generated/prisma/client";
import { appBaseUrl } from "@/lib/config/app-url";
import { effectiveStatus } from "@/lib/domain/links/lifecycle";
import { payPageUrl, shortUrl } from "@/lib/domain/links/urls";
import type { WebhookLinkData, WebhookPaymentData } from "@/lib/domain/webhooks/payloads";
import { fromStoredMinor } from "@/lib/money";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A link as webhooks show it (WebhookPaymentLink). `pendingPayments` is the number of its
 * payments still PENDING: a link stored PAID because a pending payment holds its last use is
 * not paid yet, so it reads ACTIVE (with current_uses = max_uses) and no paid_at. `expired`
 * (a link.expired webhook) reads an ACTIVE link as EXPIRED whatever the clocks say.
 */
export function toWebhookLink(
  row: LinkRow,
  options: { pendingPayments: number; now: Date; expired?: boolean; baseUrl?: string },
): WebhookLinkData {
  const heldByPending = row.status === "PAID" && options.pendingPayments > 0;
  let status = heldByPending ? "ACTIVE" : effectiveStatus(row.status, row.expiresAt, options.now);
  if (options.expired && status === "ACTIVE") status = "EXPIRED";
  const base = options.baseUrl ?? appBaseUrl();
  return {
    id: row.id,
    slug: row.slug,
    short_code: row.shortCode,
    status,
    active: row.deactivatedAt === null,
    mode: row.mode,
    amount: fromStoredMinor(row.amountMinor),
    currency: row.currency,
    dynamic_amount: row.dynamicAmount,
    description: row.description,
    max_uses: row.maxUses,
    current_uses: row.currentUses,
    expires_at: iso(row.expiresAt),
    paid_at: heldByPending ? null : iso(row.paidAt),
    cancelled_at: iso(row.cancelledAt),
    created_at: row.createdAt.toISOString(),
    order_id: row.orderId,
    merchant_reference: row.merchantReference,
    invoice_reference: row.invoiceReference,
    metadata: isObject(row.metadata) ? row.metadata : {},
    urls: { pay: payPageUrl(row.slug, {}, base), short: shortUrl(row.shortCode, base) },
  };
}

/** A payment as webhooks show it (WebhookPayment). */
export function toWebhookPayment(row: PaymentRow, link: { id: string; slug: string }): WebhookPaymentData {
  return {
    id: row.id,
    transaction_id: row.transactionId,
    status: row.status,
    amount: fromStoredMinor(row.amountMinor),
    currency: row.currency,
    provider: row.provider,
    failure_reason: row.failureReason,
    provider_reference: row.providerReference,
    payer_phone: row.payerPhone,
    mode: row.mode,
    created_at: row.createdAt.toISOString(),
    settled_at: iso(row.settledAt),
    paid_late: row.status === "SUCCESSFUL" && row.failedLocallyAt !== null,
    over_collected: row.overCollectedAt !== null,
    link: { id: link.id, slug: link.slug },
  };
}

/** The link as stored in the caller's transaction, with its count of PENDING payments, or null. */
export async function readLinkForWebhook(tx: Prisma.TransactionClient, linkId: string): Promise<{ row: LinkRow; pendingPayments: number } | null> {
  const row = await tx.paymentLink.findUnique({ where: { id: linkId } });
  if (!row) return null;
  const pendingPayments = row.status === "PAID" ? await tx.payment.count({ where: { linkId, status: "PENDING" } }) : 0;
  return { row, pendingPayments };
}

/** The payment as stored in the caller's transaction, as webhooks show it, or null. */
export async function readPaymentForWebhook(tx: Prisma.TransactionClient, paymentId: string): Promise<WebhookPaymentData | null> {
  const row = await tx.payment.findUnique({ where: { id: paymentId }, include: { link: { select: { id: true, slug: true } } } });
  if (!row) return null;
  const { link, ...payment } = row;
  return toWebhookPayment(payment, link);
}
