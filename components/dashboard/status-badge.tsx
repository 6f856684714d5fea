import { merchantLinkStatus } from "@/lib/domain/links/lifecycle";
import type { LinkStatus } from "@/lib/domain/links/enums";
import { paymentStanding, type PaymentFacts } from "@/lib/domain/payments/standing";

const STYLES: Record<string, string> = {
  ACTIVE: "bg-emerald-100 text-emerald-900",
  PAID: "bg-sky-100 text-sky-900",
  AWAITING_PAYMENT: "bg-amber-100 text-amber-900",
  EXPIRED: "bg-slate-200 text-slate-800",
  CANCELLED: "bg-rose-100 text-rose-900",
  PENDING: "bg-amber-100 text-amber-900",
  SUCCESSFUL: "bg-emerald-100 text-emerald-900",
  PAID_LATE: "bg-emerald-100 text-emerald-900",
  OVER_COLLECTED: "bg-orange-200 text-orange-950",
  FAILED: "bg-rose-100 text-rose-900",
};

/** Words where the status's own name would not do. */
const LABELS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  PAID_LATE: "Paid late",
  OVER_COLLECTED: "Over-collected: refund",
};

/** What each of those means, for the badge's tooltip and screen readers. */
const EXPLAINED: Record<string, string> = {
  AWAITING_PAYMENT: "Every use is taken, but some payers have not approved yet: not paid until the money arrives.",
  PAID_LATE: "The provider confirmed this payment after we had marked it failed for want of an answer.",
  OVER_COLLECTED: "The money arrived late, after the link had been paid by another payment: refund this payer.",
};

export function statusLabel(status: string): string {
  return LABELS[status] ?? status.charAt(0) + status.slice(1).toLowerCase();
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STYLES[status] ?? "bg-slate-100"}`}
      title={EXPLAINED[status]}
      data-status={status}
    >
      {statusLabel(status)}
    </span>
  );
}

/**
 * A link's badge as the merchant reads it: "Awaiting payment", never "Paid", while payments that
 * hold its uses are still pending. `status` is the link's effective status.
 */
export function LinkStatusBadge({ link }: { link: { status: LinkStatus; pendingUses: number } }) {
  return <StatusBadge status={merchantLinkStatus(link)} />;
}

/** A payment's badge: its status, or "Paid late" / "Over-collected: refund" when that is the story. */
export function PaymentStatusBadge({ payment }: { payment: PaymentFacts }) {
  return <StatusBadge status={paymentStanding(payment)} />;
}
