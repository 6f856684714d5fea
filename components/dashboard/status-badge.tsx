const STYLES: Record<string, string> = {
  ACTIVE: "bg-emerald-100 text-emerald-900",
  PAID: "bg-sky-100 text-sky-900",
  EXPIRED: "bg-slate-200 text-slate-800",
  CANCELLED: "bg-rose-100 text-rose-900",
  PENDING: "bg-amber-100 text-amber-900",
  SUCCESSFUL: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-rose-100 text-rose-900",
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STYLES[status] ?? "bg-slate-100"}`}>
      {status.charAt(0) + status.slice(1).toLowerCase()}
    </span>
  );
}
