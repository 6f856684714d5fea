/** A webhook delivery's status, for people (the deliveries list and a delivery's page). */
export const DELIVERY_STATUS_LABELS: Record<string, string> = {
  PENDING: "Pending",
  SENDING: "Sending",
  SENT: "Delivered",
  FAILED: "Failed",
};

export const DELIVERY_STATUS_EXPLAINED: Record<string, string> = {
  PENDING: "Waiting for its first attempt, or for the next one after a failure (see next retry).",
  SENDING: "An attempt is in flight.",
  SENT: "The endpoint answered 2xx.",
  FAILED: "Given up: refused for good (disabled or deleted endpoint, 410 Gone), or still failing at the end of the retry window. It can be re-sent.",
};

const STYLES: Record<string, string> = {
  PENDING: "bg-amber-100 text-amber-900",
  SENDING: "bg-sky-100 text-sky-900",
  SENT: "bg-emerald-100 text-emerald-900",
  FAILED: "bg-rose-100 text-rose-900",
};

export function DeliveryStatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold ${STYLES[status] ?? "bg-slate-100"}`} data-testid="delivery-status">
      {DELIVERY_STATUS_LABELS[status] ?? status}
    </span>
  );
}
