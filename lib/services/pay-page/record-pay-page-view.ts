import { getDb } from "@/lib/db/client";
import type { PaymentLink } from "@/lib/domain/links/types";

/**
 * Counts a view of the pay page for the dashboard's conversion figure: one atomic upsert into
 * the link's counter of the day (UTC), shared by every app instance.
 */
export async function recordPayPageView(link: Pick<PaymentLink, "id" | "merchantId">, now: Date = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await getDb().$executeRaw`
    INSERT INTO link_view_days (link_id, merchant_id, day, views)
    VALUES (${link.id}::uuid, ${link.merchantId}::uuid, ${day}::date, 1)
    ON CONFLICT (link_id, day) DO UPDATE SET views = link_view_days.views + 1`;
}
