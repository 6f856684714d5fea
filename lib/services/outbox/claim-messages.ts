import { getDb } from "@/lib/db/client";
import type { OutboxMessage } from "@/lib/generated/prisma/client";

export interface ClaimOptions {
  /** Most messages claimed as due (CALLBACK companions come on top, see below). */
  batchSize: number;
  /** How long the claim keeps other workers away. */
  leaseMs: number;
  /** CALLBACK messages to a claimed callback's destination written up to this long ago still go with it. */
  callbackWindowMs: number;
  /** Only this merchant's messages (tests, or a one-off run). */
  merchantId?: string | null;
}

/** Most extra CALLBACK messages pulled into one run, so that one POST stays a reasonable size. */
const MAX_CALLBACK_COMPANIONS = 500;

interface ClaimedRow {
  id: string;
  channel: string;
  merchant_id: string;
  destination: string;
}

/**
 * Claims due messages for this worker, atomically: one UPDATE over rows picked with FOR UPDATE
 * SKIP LOCKED, so any number of workers (threads, processes, app instances) on one database
 * never claim one message twice. The claim is a lease (locked_until): a worker that dies
 * mid-delivery leaves its messages SENDING with a lease that runs out, after which any worker
 * claims them again and they are re-sent; nothing is lost, and a message may arrive twice only
 * in that case (receivers dedupe on webhook-id). Each claim counts as an attempt.
 *
 * CALLBACK messages are batched: for every (merchant, destination) of a claimed callback, the
 * other unclaimed CALLBACK messages to it that are due within the batching window are claimed
 * too, so the changes of one window go as one POST even when the worker runs mid-window.
 */
export async function claimMessages(options: ClaimOptions): Promise<OutboxMessage[]> {
  const db = getDb();
  const merchantId = options.merchantId ?? null;
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE outbox_messages
       SET status = 'SENDING',
           locked_until = now() + ${options.leaseMs}::double precision * interval '1 millisecond',
           attempts = attempts + 1
     WHERE id IN (
             SELECT id
               FROM outbox_messages
              WHERE status IN ('PENDING', 'SENDING')
                AND next_attempt_at <= now()
                AND (locked_until IS NULL OR locked_until < now())
                AND (${merchantId}::uuid IS NULL OR merchant_id = ${merchantId}::uuid)
              ORDER BY next_attempt_at
              LIMIT ${options.batchSize}
                FOR UPDATE SKIP LOCKED)
 RETURNING id, channel::text AS channel, merchant_id::text AS merchant_id, destination`;

  const groups = new Map<string, { merchantId: string; destination: string }>();
  for (const row of claimed) {
    if (row.channel === "CALLBACK") groups.set(`${row.merchant_id} ${row.destination}`, { merchantId: row.merchant_id, destination: row.destination });
  }
  let companions: { id: string }[] = [];
  if (groups.size > 0) {
    const merchants = [...groups.values()].map((g) => g.merchantId);
    const destinations = [...groups.values()].map((g) => g.destination);
    companions = await db.$queryRaw<{ id: string }[]>`
      UPDATE outbox_messages
         SET status = 'SENDING',
             locked_until = now() + ${options.leaseMs}::double precision * interval '1 millisecond',
             attempts = attempts + 1
       WHERE id IN (
               SELECT id
                 FROM outbox_messages
                WHERE channel = 'CALLBACK'
                  AND status IN ('PENDING', 'SENDING')
                  AND next_attempt_at <= now() + ${options.callbackWindowMs}::double precision * interval '1 millisecond'
                  AND (locked_until IS NULL OR locked_until < now())
                  AND (merchant_id, destination) IN (
                        SELECT m, d FROM unnest(${merchants}::uuid[], ${destinations}::text[]) AS g(m, d))
                ORDER BY next_attempt_at
                LIMIT ${MAX_CALLBACK_COMPANIONS}
                  FOR UPDATE SKIP LOCKED)
   RETURNING id`;
  }

  const ids = [...claimed, ...companions].map((row) => row.id);
  if (ids.length === 0) return [];
  return db.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/**
 * Gives claimed messages back untouched (not attempted after all): PENDING, unclaimed, the
 * attempt uncounted. Only while this worker still holds the claim (same attempt count).
 */
export async function releaseMessages(messages: readonly Pick<OutboxMessage, "id" | "attempts">[]): Promise<void> {
  const db = getDb();
  await Promise.all(
    messages.map((m) =>
      db.outboxMessage.updateMany({
        where: { id: m.id, status: "SENDING", attempts: m.attempts },
        data: { status: "PENDING", lockedUntil: null, attempts: { decrement: 1 } },
      }),
    ),
  );
}
