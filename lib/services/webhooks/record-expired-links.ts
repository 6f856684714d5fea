import { getDb } from "@/lib/db/client";
import { recordEvent } from "@/lib/services/events/record-event";

export interface RecordExpiredLinksOptions {
  /** Most links handled in one call (the rest go in the next); default 100. */
  limit?: number;
  /** Links that expired longer ago than this are left alone (default 7 days): see below. */
  lookbackMs?: number;
  /** Only this merchant's links (tests, or a one-off run); default: every merchant's. */
  merchantId?: string | null;
}

const DEFAULT_LIMIT = 100;
const DEFAULT_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Links expire by time, without any write: their stored status stays ACTIVE and every read says
 * EXPIRED once `expires_at` has passed. This sweeper gives each such expiry its `link.expired`
 * event (actor `system`, data `{expires_at}`), and with it, in the same transaction, the
 * `link.expired` webhooks and whatever else the event tells the outside world. The outbox worker
 * calls it on every pass.
 *
 * Exactly once per link and expiry date: a link gets an event when it is stored ACTIVE, its
 * `expires_at` is at or before `now`, and it has no link.expired event for that same
 * `expires_at` yet (a link whose expiry the merchant moved later, and which expires again, gets a
 * new one). Safe with any number of instances calling it at once: the call holds a transaction
 * advisory lock, so only one instance sweeps at a time (the others return 0 at once), and the
 * holder reads the events in a statement that starts after the lock is taken, so it sees every
 * event a previous holder committed. Link rows are locked (SKIP LOCKED) so that a concurrent
 * change of a link (cancel, new expiry, payment) is either before or after the check, never
 * during it; a link locked by one is taken by the next call.
 *
 * Only links that expired within `lookbackMs` are looked at, so the work of a pass does not grow
 * with the history of expired links (nor is a flood of old expiries sent when this first runs).
 * Deleted links (deleted through an API) are skipped. Returns how many events were recorded.
 */
export async function recordExpiredLinks(now: Date = new Date(), options: RecordExpiredLinksOptions = {}): Promise<number> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const since = new Date(now.getTime() - (options.lookbackMs ?? DEFAULT_LOOKBACK_MS));
  const merchantId = options.merchantId ?? null;
  return getDb().$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext('paylinks.record-expired-links')) AS locked`;
      if (!lock?.locked) return 0;

      const due = await tx.$queryRaw<{ id: string; merchant_id: string; expires_at: Date }[]>`
        SELECT l.id, l.merchant_id, l.expires_at
          FROM payment_links l
         WHERE l.status = 'ACTIVE'
           AND l.deleted_at IS NULL
           AND l.expires_at <= ${now}
           AND l.expires_at > ${since}
           AND (${merchantId}::uuid IS NULL OR l.merchant_id = ${merchantId}::uuid)
           AND NOT EXISTS (
                 SELECT 1 FROM events e
                  WHERE e.link_id = l.id
                    AND e.type = 'link.expired'
                    AND (e.data->>'expires_at')::timestamptz = l.expires_at)
         ORDER BY l.expires_at, l.id
         LIMIT ${limit}
           FOR UPDATE OF l SKIP LOCKED`;

      for (const link of due) {
        await recordEvent(tx, {
          merchantId: link.merchant_id,
          linkId: link.id,
          type: "link.expired",
          actor: "system",
          data: { expires_at: link.expires_at.toISOString() },
        });
      }
      return due.length;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
