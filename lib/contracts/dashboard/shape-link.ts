import type { PaymentLink } from "@/lib/domain/links/types";

/** A link as the dashboard's browser code reads it (JSON: dates as ISO strings). */
export function shapeDashboardLink(link: PaymentLink) {
  return {
    id: link.id,
    slug: link.slug,
    shortCode: link.shortCode,
    amountMinor: link.amountMinor,
    currency: link.currency,
    description: link.description,
    status: link.status,
    /** Uses held by pending payments: with status PAID, the link is awaiting payment. */
    pendingUses: link.pendingUses,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    maxUses: link.maxUses,
    currentUses: link.currentUses,
    mode: link.mode,
    merchantReference: link.merchantReference,
    createdAt: link.createdAt.toISOString(),
  };
}
export type DashboardLink = ReturnType<typeof shapeDashboardLink>;
