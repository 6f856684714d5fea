/** Shown while the outbox (or one of its messages) is read on the server. */
export default function OutboxLoading() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <p role="status" className="rounded-lg border border-slate-200 bg-white p-6 text-slate-600">
        Loading…
      </p>
    </div>
  );
}
