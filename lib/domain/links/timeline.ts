import type { Actor } from "./types";

/** One entry of a link's timeline: a change of the link or of one of its payments. */
export interface TimelineEvent {
  id: string;
  type: string;
  actor: Actor;
  data: Record<string, unknown>;
  createdAt: Date;
  /** The payment the event is about, or null for an event of the link itself. */
  paymentId: string | null;
}

/**
 * Events written in one transaction can share a millisecond; this is the order in which the
 * services write them (a payment is created before the link counts the use, settled before the
 * link is paid or reopened), used to break such ties. Unknown types come last.
 */
const CAUSAL_ORDER: readonly string[] = [
  "link.created",
  "link.updated",
  "payment.created",
  "link.redeemed",
  "link.awaiting_payment",
  "payment.initiated",
  "payment.initiation_unknown",
  "payment.succeeded",
  "payment.failed",
  "payment.over_collected",
  "link.paid",
  "link.reopened",
  "link.cancelled",
];

const rank = (type: string) => {
  const index = CAUSAL_ORDER.indexOf(type);
  return index === -1 ? CAUSAL_ORDER.length : index;
};

/** Oldest first; events of the same millisecond in the order they were caused. */
export function compareTimelineEvents(a: Pick<TimelineEvent, "type" | "createdAt">, b: Pick<TimelineEvent, "type" | "createdAt">): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || rank(a.type) - rank(b.type);
}
