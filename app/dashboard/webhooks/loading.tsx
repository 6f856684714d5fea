/** Shown while the webhook deliveries (the list or one delivery) are read on the server. */
export default function WebhookDeliveriesLoading() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Webhook deliveries</h1>
      <p role="status" className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        Loading…
      </p>
    </div>
  );
}
