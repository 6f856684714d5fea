import { getDb } from "@/lib/db/client";
import { goneReason } from "@/lib/domain/links/lifecycle";
import type { PaymentLink } from "@/lib/domain/links/types";
import { gone, type GoneReason } from "@/lib/errors";

/** Why the link cannot be paid now (looking at its pending payments when that matters), or null. */
export async function findGoneReason(link: PaymentLink, now: Date = new Date()): Promise<GoneReason | null> {
  const pending = link.status === "PAID" ? await getDb().payment.count({ where: { linkId: link.id, status: "PENDING" } }) : 0;
  return goneReason(link, now, pending);
}

export async function throwIfGone(link: PaymentLink): Promise<void> {
  const reason = await findGoneReason(link);
  if (reason) throw gone(reason);
}
