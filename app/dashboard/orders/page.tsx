import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/format";
import { OrderStatusBadge } from "@/components/dashboard/order-status";
import { OrderFigures, OrderLinks } from "@/components/dashboard/order-summary";
import { requireMerchant } from "@/lib/auth/session";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";
import { orderLabel } from "@/lib/domain/orders/balance";
import { isAppError } from "@/lib/errors";
import { getOrderOrThrow } from "@/lib/services/orders/get-order-or-throw";
import { listOrders, type OrderWithLinks } from "@/lib/services/orders/list-orders";

export const metadata: Metadata = { title: "Orders" };

const PAGE_SIZE = 20;

/** The sales orders an invoice on this page belongs to, by id (read once each when not on the page). */
async function parentLabels(scope: { merchantId: string }, orders: OrderWithLinks[]): Promise<Map<string, string>> {
  const labels = new Map(orders.map((order) => [order.id, orderLabel(order.kind, order.number)]));
  const missing = [...new Set(orders.flatMap((order) => (order.parentId && !labels.has(order.parentId) ? [order.parentId] : [])))];
  const parents = await Promise.all(missing.map((id) => getOrderOrThrow(scope, id).catch(() => null)));
  for (const parent of parents) if (parent) labels.set(parent.id, orderLabel(parent.kind, parent.number));
  return labels;
}

export default async function OrdersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/orders");
  const search = toSearchParams(await searchParams);
  let result;
  let problem: string | null = null;
  try {
    result = await listOrders(scope, { page: search.has("page") ? Number(search.get("page")) : 1, limit: PAGE_SIZE });
  } catch (error) {
    if (!isAppError(error)) throw error;
    problem = error.message;
  }
  const parents = result ? await parentLabels(scope, result.items) : new Map<string, string>();

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">Orders</h1>
        <Link href="/dashboard/orders/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-600">
          Create order
        </Link>
      </div>

      {problem && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          This page of orders cannot be shown: {problem}.{" "}
          <Link href="/dashboard/orders" className="font-semibold underline">Go to the first page</Link>
        </p>
      )}

      {result && result.total === 0 && (
        <section aria-labelledby="no-orders" className="flex flex-col items-start gap-2 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="no-orders" className="font-semibold">No orders yet.</h2>
          <p className="max-w-2xl text-slate-700">
            An order is a sales order or an invoice: what a customer owes you. Its payment links collect it in one go, as an advance, or
            following whatever is still unpaid, and payments made elsewhere (cash, bank transfer) count toward it too, so you always see
            what is paid and what is left.
          </p>
          <Link href="/dashboard/orders/new" className="text-brand-700 underline">Create an order or invoice</Link>
        </section>
      )}

      {result && result.total > 0 && (
        <section aria-labelledby="order-list" className="flex flex-col gap-3">
          <h2 id="order-list" className="sr-only">Sales orders and invoices</h2>
          {result.items.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">There are no orders on this page.</p>
          ) : (
            <ul className="flex flex-col gap-3" data-testid="orders">
              {result.items.map((order) => {
                const label = orderLabel(order.kind, order.number);
                return (
                  <li key={order.id}>
                    <article aria-labelledby={`order-${order.id}`} className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
                      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
                        <h3 id={`order-${order.id}`} className="min-w-0 text-lg font-semibold break-words">
                          <Link href={`/dashboard/orders/${order.id}`} className="text-brand-700 underline">
                            {label}
                          </Link>
                        </h3>
                        <OrderStatusBadge order={order} />
                        <span className="text-sm text-slate-600">
                          {order.kind === "INVOICE" ? "Invoice" : "Sales order"} · created {formatDateTime(order.createdAt)}
                        </span>
                      </header>
                      {(order.description || order.parentId) && (
                        <p className="text-sm break-words text-slate-700">
                          {order.description}
                          {order.description && order.parentId && " · "}
                          {order.parentId && (
                            <>
                              Belongs to{" "}
                              <Link href={`/dashboard/orders/${order.parentId}`} className="text-brand-700 underline">
                                {parents.get(order.parentId) ?? "a sales order"}
                              </Link>
                            </>
                          )}
                        </p>
                      )}
                      <OrderFigures order={order} />
                      <div>
                        <h4 className="text-sm font-semibold">Payment links</h4>
                        <OrderLinks links={order.links} />
                      </div>
                    </article>
                  </li>
                );
              })}
            </ul>
          )}
          <nav aria-label="Pagination" className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm">
            {result.page > 1 ? <Link href={`/dashboard/orders?page=${result.page - 1}`} className="font-semibold text-brand-700 underline">Previous</Link> : <span />}
            <span>Page {result.page} of {Math.max(1, result.totalPages)} · {result.total} orders</span>
            {result.page < result.totalPages ? <Link href={`/dashboard/orders?page=${result.page + 1}`} className="font-semibold text-brand-700 underline">Next</Link> : <span />}
          </nav>
        </section>
      )}
    </div>
  );
}
