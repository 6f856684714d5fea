"use client";

export interface Pair {
  key: string;
  value: string;
}

/** Key/value rows for a link's metadata. */
export function MetadataEditor({ pairs, onChange, error }: { pairs: Pair[]; onChange: (pairs: Pair[]) => void; error?: string }) {
  const set = (index: number, change: Partial<Pair>) => onChange(pairs.map((p, i) => (i === index ? { ...p, ...change } : p)));
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={error ? "metadata-error" : undefined}>
      <legend className="text-sm font-semibold">Metadata</legend>
      {pairs.map((pair, index) => (
        <div key={index} className="flex gap-2">
          <input aria-label={`Metadata key ${index + 1}`} value={pair.key} onChange={(e) => set(index, { key: e.target.value })} placeholder="Key" className="w-2/5 rounded-md border border-slate-300 px-3 py-2" />
          <input aria-label={`Metadata value ${index + 1}`} value={pair.value} onChange={(e) => set(index, { value: e.target.value })} placeholder="Value" className="w-3/5 rounded-md border border-slate-300 px-3 py-2" />
          <button type="button" onClick={() => onChange(pairs.filter((_, i) => i !== index))} aria-label={`Remove metadata ${index + 1}`} className="rounded-md border border-slate-300 px-3 hover:bg-slate-100">
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...pairs, { key: "", value: "" }])} className="self-start text-sm font-semibold text-brand-700 underline">
        Add metadata
      </button>
      {error && (
        <p id="metadata-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
