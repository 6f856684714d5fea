import type { Metadata } from "next";
import Link from "next/link";
import { CreateOrderForm } from "@/components/dashboard/create-order-form";
import { requireMerchant } from "@/lib/auth/session";
import { toSearchParams } from "@/lib/contracts/dashboard/search-params";
import { orderLabel } from "@/lib/domain/orders/balance";
import { formatMoney } from "@/lib/money";
import { getSettings } from "@/lib/services/merchants/get-settings";
import { listOrders } from "@/lib/services/orders/list-orders";

export const metadata: Metadata = { title: "Create an order" };

/** Sales orders offered as the one an invoice belongs to: the newest ones. */
const SALES_ORDER_CHOICES = 200;

const shorten = (text: string) => (text.length > 40 ? `${text.slice(0, 39)}…` : text);

export default async function NewOrderPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await requireMerchant("/dashboard/orders/new");
  const search = toSearchParams(await searchParams);
  const [settings, salesOrders] = await Promise.all([getSettings(scope), listOrders(scope, { kind: "SALES_ORDER", limit: SALES_ORDER_CHOICES })]);
  const options = salesOrders.items.map((order) => ({
    id: order.id,
    currency: order.currency,
    label: `${orderLabel(order.kind, order.number)} · ${formatMoney(order.totalMinor, order.currency, "en-GB")}${order.description ? ` · ${shorten(order.description)}` : ""}`,
  }));
  // ?kind=INVOICE&parent=<sales order id>: "Create an invoice" from a sales order's page.
  const parent = options.some((option) => option.id === search.get("parent")) ? search.get("parent")! : "";
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm">
        <Link href="/dashboard/orders" className="text-brand-700 underline">
          Orders
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Create an order or invoice</h1>
      <p className="max-w-2xl text-slate-700">
        Record what a customer owes you; then create payment links toward it and record what was paid elsewhere.
      </p>
      <CreateOrderForm
        defaultCurrency={settings.defaultCurrency}
        defaultKind={search.get("kind") === "INVOICE" || parent ? "INVOICE" : "SALES_ORDER"}
        defaultParentId={parent}
        salesOrders={options}
      />
    </div>
  );
}
