import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatDateTime } from "@/components/dashboard/format";
import { OrderActions } from "@/components/dashboard/order-actions";
import { OrderStatusBadge, orderPaymentState } from "@/components/dashboard/order-status";
import { OrderFigures, OrderLinks } from "@/components/dashboard/order-summary";
import { requireMerchant } from "@/lib/auth/session";
import { orderLabel } from "@/lib/domain/orders/balance";
import { isAppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/services/orders/get-order-or-throw";
import { listOrderLinks } from "@/lib/services/orders/list-order-links";

export const metadata: Metadata = { title: "Order" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const scope = await requireMerchant(`/dashboard/orders/${id}`);
  let order;
  try {
    order = await getOrderOrThrow(scope, id);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const [links, parent] = await Promise.all([
    listOrderLinks(scope, order),
    order.parentId ? getOrderOrThrow(scope, order.parentId).catch(() => null) : null,
  ]);
  const label = orderLabel(order.kind, order.number);
  const paid = orderPaymentState(order) === "paid";

  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/orders" className="text-brand-700 underline">
          Orders
        </Link>
      </p>
      <div className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <h1 className="min-w-0 text-2xl font-bold break-words">{label}</h1>
          <OrderStatusBadge order={order} />
        </div>
        <p className="text-sm break-words text-slate-700">
          {order.description && <>{order.description} · </>}
          Created {formatDateTime(order.createdAt)}
          {parent && (
            <>
              {" "}· Belongs to{" "}
              <Link href={`/dashboard/orders/${parent.id}`} className="text-brand-700 underline">
                {orderLabel(parent.kind, parent.number)}
              </Link>
            </>
          )}
        </p>
        <OrderFigures order={order} />
        {order.kind === "SALES_ORDER" && (
          <Link href={`/dashboard/orders/new?kind=INVOICE&parent=${order.id}`} className="self-start text-sm text-brand-700 underline">
            Create an invoice for this sales order
          </Link>
        )}
      </div>

      {order.unpaidMinor > 0 ? (
        <OrderActions orderId={order.id} currency={order.currency} unpaidMinor={order.unpaidMinor} />
      ) : (
        <p role="status" className="rounded-lg border border-sky-200 bg-sky-50 p-4 font-semibold text-sky-900" data-testid="order-settled">
          {paid
            ? "This order is paid: it needs no new payment link."
            : "The rest of this order is held by payments awaiting approval: no new payment link until they are settled."}
        </p>
      )}

      <section aria-labelledby="links" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="links" className="font-semibold">Payment links</h2>
        <OrderLinks links={links} emptyText="No payment links yet. Create one above to send it to the customer." />
      </section>
    </div>
  );
}
