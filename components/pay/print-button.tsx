"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded-md border border-slate-300 px-4 py-2 font-semibold hover:bg-slate-50 print:hidden"
    >
      {label}
    </button>
  );
}
