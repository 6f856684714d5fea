import { getDb } from "@/lib/db/client";
import { LINK_STATUSES } from "@/lib/domain/links/enums";
import type { MerchantLinkStatus } from "@/lib/domain/links/lifecycle";
import type { MerchantScope } from "@/lib/domain/links/types";
import type { CollectedInCurrency, Overview } from "@/lib/domain/overview/types";
import { PAYMENT_LINK_SUMMARY, toPaymentWithLink } from "@/lib/services/payments/to-payment-with-link";

const DAY_MS = 86_400_000;
const LATEST_PAYMENTS = 10;

/**
 * The dashboard's home figures, each counted or summed in the database. Periods are calendar
 * days in UTC ending with today (the same days as the pay-page view counters): "today" starts
 * at 00:00 UTC, "last 7 days" at 00:00 UTC six days ago, "last 30 days" 29 days ago. Nothing
 * after `now` counts.
 */
export async function getOverview(scope: Pick<MerchantScope, "merchantId">, now: Date = new Date()): Promise<Overview> {
  const merchantId = scope.merchantId;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const since7 = new Date(today.getTime() - 6 * DAY_MS);
  const since30 = new Date(today.getTime() - 29 * DAY_MS);
  const db = getDb();

  const [collected, links, views, paid, latest] = await Promise.all([
    db.$queryRaw<{ currency: string; today: bigint; last7: bigint; last30: bigint }[]>`
      SELECT currency,
             COALESCE(SUM(amount_minor) FILTER (WHERE settled_at >= ${iso(today)}::timestamptz), 0)::bigint  AS today,
             COALESCE(SUM(amount_minor) FILTER (WHERE settled_at >= ${iso(since7)}::timestamptz), 0)::bigint AS last7,
             COALESCE(SUM(amount_minor), 0)::bigint                                        AS last30
        FROM payments
       WHERE merchant_id = ${merchantId}::uuid
         AND status = 'SUCCESSFUL'
         AND settled_at >= ${iso(since30)}::timestamptz AND settled_at <= ${iso(now)}::timestamptz
       GROUP BY currency
       ORDER BY currency`,
    // The status as merchantLinkStatus() reads it: ACTIVE past its expiry is EXPIRED, and PAID with
    // uses still held by pending payments is AWAITING_PAYMENT (not paid yet).
    db.$queryRaw<{ status: MerchantLinkStatus; count: number }[]>`
      SELECT CASE WHEN status = 'ACTIVE' AND expires_at IS NOT NULL AND expires_at <= ${iso(now)}::timestamptz THEN 'EXPIRED'
                  WHEN status = 'PAID' AND pending_uses > 0 THEN 'AWAITING_PAYMENT'
                  ELSE status::text END AS status,
             COUNT(*)::int AS count
        FROM payment_links
       WHERE merchant_id = ${merchantId}::uuid
       GROUP BY 1`,
    db.linkViewDay.aggregate({
      where: { merchantId, day: { gte: since30, lte: today } },
      _sum: { views: true },
    }),
    db.$queryRaw<{ count: number }[]>`
      SELECT COUNT(DISTINCT link_id)::int AS count
        FROM payments
       WHERE merchant_id = ${merchantId}::uuid
         AND status = 'SUCCESSFUL'
         AND settled_at >= ${iso(since30)}::timestamptz AND settled_at <= ${iso(now)}::timestamptz`,
    db.payment.findMany({
      where: { merchantId },
      include: { link: PAYMENT_LINK_SUMMARY },
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      take: LATEST_PAYMENTS,
    }),
  ]);

  const linksByStatus = Object.fromEntries([...LINK_STATUSES, "AWAITING_PAYMENT"].map((status) => [status, 0])) as Record<MerchantLinkStatus, number>;
  for (const row of links) linksByStatus[row.status] += row.count;

  const viewCount = views._sum.views ?? 0;
  const paidLinks = paid[0]?.count ?? 0;

  return {
    collected: collected.map(
      (row): CollectedInCurrency => ({
        currency: row.currency,
        today: Number(row.today),
        last7Days: Number(row.last7),
        last30Days: Number(row.last30),
      }),
    ),
    linksByStatus,
    conversion: { views: viewCount, paidLinks, rate: viewCount > 0 ? paidLinks / viewCount : 0 },
    latestPayments: latest.map(toPaymentWithLink),
  };
}

/** Times go to raw SQL as ISO 8601 UTC text cast to timestamptz: no session time zone can shift them. */
function iso(date: Date): string {
  return date.toISOString();
}
