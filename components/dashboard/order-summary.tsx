import Link from "next/link";
import type { PaymentLink } from "@/lib/domain/links/types";
import type { OrderView } from "@/lib/domain/orders/types";
import { formatMoney } from "@/lib/money";
import { formatDateTime } from "./format";
import { LinkStatusBadge } from "./status-badge";

const money = (minor: number, currency: string) => formatMoney(minor, currency, "en-GB");

/** Total, paid, awaiting approval (when some is) and unpaid of an order, in its currency. */
export function OrderFigures({ order }: { order: OrderView }) {
  const figures = [
    { label: "Total", minor: order.totalMinor, testId: "order-total" },
    { label: "Paid", minor: order.paidMinor, testId: "order-paid" },
    ...(order.pendingMinor > 0 ? [{ label: "Awaiting approval", minor: order.pendingMinor, testId: "order-pending" }] : []),
    { label: "Unpaid", minor: order.unpaidMinor, testId: "order-unpaid" },
  ];
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
      {figures.map(({ label, minor, testId }) => (
        <div key={label} className="min-w-0">
          <dt className="text-slate-600">{label}</dt>
          <dd className="font-semibold break-words tabular-nums" data-testid={testId}>
            {money(minor, order.currency)}
          </dd>
        </div>
      ))}
      {order.paidElsewhereMinor > 0 && (
        <div className="col-span-2 min-w-0 sm:col-span-4">
          <dt className="sr-only">Paid elsewhere</dt>
          <dd className="text-slate-600">
            Of which {money(order.paidElsewhereMinor, order.currency)} paid elsewhere
          </dd>
        </div>
      )}
    </dl>
  );
}

/** What a link of an order asks for: its fixed amount, or that it follows the unpaid rest. */
export function orderLinkAmountText(link: Pick<PaymentLink, "dynamicAmount" | "amountMinor" | "currency">): string {
  return link.dynamicAmount ? "Follows the unpaid rest" : money(link.amountMinor, link.currency);
}

/** An order's payment links, each leading to its page in the dashboard. */
export function OrderLinks({ links, emptyText = "No payment links yet." }: { links: PaymentLink[]; emptyText?: string }) {
  if (links.length === 0) return <p className="text-sm text-slate-600">{emptyText}</p>;
  return (
    <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="order-links">
      {links.map((link) => (
        <li key={link.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
          <Link href={`/dashboard/links/${link.id}`} className="font-semibold text-brand-700 underline">
            {orderLinkAmountText(link)}
          </Link>
          <LinkStatusBadge link={link} />
          {link.mode === "SANDBOX" && <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-bold text-amber-900">Sandbox</span>}
          <span className="text-slate-600">{formatDateTime(link.createdAt)}</span>
        </li>
      ))}
    </ul>
  );
}
