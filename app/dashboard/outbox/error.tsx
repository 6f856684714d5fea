"use client";

/** The outbox could not be read (the database did not answer, ...): say so and offer a retry. */
export default function OutboxError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <div role="alert" className="flex flex-col items-start gap-2 rounded-lg border border-red-300 bg-red-50 p-6">
        <p className="font-semibold text-red-800">The messages could not be loaded.</p>
        <button type="button" onClick={() => reset()} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-semibold">
          Try again
        </button>
      </div>
    </div>
  );
}
