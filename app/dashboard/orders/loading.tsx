/** Shown while an orders page (the list, an order, the create form) is read on the server. */
export default function OrdersLoading() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Orders</h1>
      <p role="status" className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        Loading…
      </p>
    </div>
  );
}
