import "server-only";
import { getDb } from "@/lib/db/client";
import type { PaymentLink } from "@/lib/domain/links/types";

/** Views to add to one link's counter of one day (UTC, `YYYY-MM-DD`). */
export interface ViewDelta {
  linkId: string;
  merchantId: string;
  day: string;
  views: number;
}

/**
 * Adds every delta to its link's counter of the day with one statement, shared by every app
 * instance. Rows are upserted in (link, day) order, so two instances writing overlapping batches
 * take the row locks in the same order and cannot deadlock. A link deleted since its views were
 * counted is skipped (its counters are gone with it). Each (link, day) may appear once.
 */
export async function addPayPageViews(deltas: readonly ViewDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  await getDb().$executeRaw`
    INSERT INTO link_view_days (link_id, merchant_id, day, views)
    SELECT d.link_id, d.merchant_id, d.day, d.views
      FROM unnest(${deltas.map((d) => d.linkId)}::uuid[], ${deltas.map((d) => d.merchantId)}::uuid[],
                  ${deltas.map((d) => d.day)}::date[], ${deltas.map((d) => d.views)}::int[]) AS d(link_id, merchant_id, day, views)
      JOIN payment_links l ON l.id = d.link_id
     ORDER BY d.link_id, d.day
    ON CONFLICT (link_id, day) DO UPDATE SET views = link_view_days.views + EXCLUDED.views`;
}

/**
 * Counts one view of the pay page at once (tests, scripts, the seed). The pay page itself counts
 * through the batched counter (pay-page-views.ts).
 */
export async function recordPayPageView(link: Pick<PaymentLink, "id" | "merchantId">, now: Date = new Date()): Promise<void> {
  await addPayPageViews([{ linkId: link.id, merchantId: link.merchantId, day: utcDay(now), views: 1 }]);
}

export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
