import { getDb } from "@/lib/db/client";
import type { FailureReason } from "@/lib/providers/interface";
import { refreshPaymentFromProvider } from "./refresh-payment";
import { settlePayment } from "./settle-payment";

/** Who the events of a payment failed for taking too long name as their author. */
export const RECONCILER_ACTOR = "system:reconciler";

/** How long a payment may stay PENDING before it fails with TIMEOUT: 10 minutes. */
export const DEFAULT_PAYMENT_TIMEOUT_MS = 10 * 60_000;

export interface ReconcileOptions {
  /** Most payments claimed by one call; 50 by default. */
  batchSize?: number;
  /** Payments younger than this are left to the provider's callback; 10 s by default. */
  minAgeMs?: number;
  /** A payment still PENDING at this age fails with TIMEOUT; env PAYMENT_TIMEOUT_MS, else 10 minutes. */
  timeoutMs?: number;
  /**
   * How long a claim keeps other reconcilers away from a payment while it is polled; 60 s by
   * default (a crashed instance's claims become free again after it).
   */
  claimMs?: number;
  /**
   * A payment the provider still calls PENDING is polled again after this long (the claim is
   * shortened to it); 15 s by default, so that a customer whose callback got lost is not kept
   * waiting for a whole claim.
   */
  repollAfterMs?: number;
  /** Payments polled at the same time within the batch; 4 by default. */
  concurrency?: number;
  /** Only this merchant's payments (tests, or a one-off run for one merchant). */
  merchantId?: string;
}

export interface ReconcileSummary {
  /** Payments this call claimed. */
  claimed: number;
  /** The provider had a final answer (SUCCESSFUL or FAILED), now recorded. */
  settled: number;
  /** Still PENDING (or provider unreachable) past the payment timeout: FAILED with TIMEOUT. */
  timedOut: number;
  /** Still PENDING after the poll, left for a later run (includes `unreachable`). */
  stillPending: number;
  /** Of `stillPending`: the provider could not be asked. */
  unreachable: number;
  /** Claimed but not polled because the claim was about to expire; polled by a later run. */
  deferred: number;
  /** Unexpected errors (logged); the claim expires and a later run tries again. */
  errors: number;
}

interface Claimed {
  id: string;
  /** Age of the payment when claimed, by the database's clock (the same for every instance). */
  age_ms: number;
}

/**
 * Polls the providers for PENDING payments whose callback never came (or came and was lost),
 * and fails those that stay PENDING too long, which releases their link's use.
 *
 * Safe with any number of instances on one database: a batch is claimed in one atomic UPDATE
 * (FOR UPDATE SKIP LOCKED + a claim that expires), so two runs never poll the same payment at
 * once, and a crashed instance's claims become free again after `claimMs`. The provider's
 * answer is recorded by refreshPaymentFromProvider and settlePayment, which settle at most once.
 */
export async function reconcilePendingPayments(options: ReconcileOptions = {}): Promise<ReconcileSummary> {
  const batchSize = positiveInt(options.batchSize, 50, "batchSize");
  const minAgeMs = nonNegative(options.minAgeMs, 10_000, "minAgeMs");
  const timeoutMs = nonNegative(options.timeoutMs, paymentTimeoutFromEnv(), "timeoutMs");
  const claimMs = positiveInt(options.claimMs, 60_000, "claimMs");
  const repollAfterMs = positiveInt(options.repollAfterMs, 15_000, "repollAfterMs");
  const concurrency = positiveInt(options.concurrency, 4, "concurrency");
  const merchantId = options.merchantId ?? null;

  // Stop starting polls a little before the claim runs out (measured from before the claim,
  // so this errs on the safe side): past it, another instance may claim the same payment.
  const deadline = Date.now() + claimMs * 0.8;
  const claimed = await getDb().$queryRaw<Claimed[]>`
    UPDATE payments
       SET reconcile_locked_until = now() + ${claimMs}::double precision * interval '1 millisecond'
     WHERE id IN (
             SELECT id
               FROM payments
              WHERE status = 'PENDING'
                AND created_at <= now() - ${minAgeMs}::double precision * interval '1 millisecond'
                AND (reconcile_locked_until IS NULL OR reconcile_locked_until <= now())
                AND (${merchantId}::uuid IS NULL OR merchant_id = ${merchantId}::uuid)
              ORDER BY created_at
              LIMIT ${batchSize}
                FOR UPDATE SKIP LOCKED)
 RETURNING id, (extract(epoch FROM now() - created_at) * 1000)::double precision AS age_ms`;

  const summary: ReconcileSummary = {
    claimed: claimed.length,
    settled: 0,
    timedOut: 0,
    stillPending: 0,
    unreachable: 0,
    deferred: 0,
    errors: 0,
  };

  let next = 0;
  const worker = async () => {
    for (let payment = claimed[next++]; payment; payment = claimed[next++]) {
      if (Date.now() >= deadline) {
        summary.deferred++;
        continue;
      }
      try {
        const outcome = await reconcileOne(payment, timeoutMs);
        summary[outcome]++;
        if (outcome === "stillPending" || outcome === "unreachable") await shortenClaim(payment.id, repollAfterMs);
        if (outcome === "unreachable") summary.stillPending++;
      } catch (error) {
        summary.errors++;
        console.error(`Reconciler: payment ${payment.id} could not be reconciled`, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  return summary;
}

async function shortenClaim(paymentId: string, repollAfterMs: number): Promise<void> {
  await getDb().$executeRaw`
    UPDATE payments
       SET reconcile_locked_until = LEAST(reconcile_locked_until, now() + ${repollAfterMs}::double precision * interval '1 millisecond')
     WHERE id = ${paymentId}::uuid AND status = 'PENDING'`;
}

async function reconcileOne(payment: Claimed, timeoutMs: number): Promise<"settled" | "timedOut" | "stillPending" | "unreachable"> {
  const refresh = await refreshPaymentFromProvider(payment.id);
  if (refresh.outcome === "settled") return "settled";
  if (payment.age_ms < timeoutMs) return refresh.outcome === "pending" ? "stillPending" : "unreachable";

  const reason: FailureReason = "TIMEOUT";
  const settlement = await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: reason, actor: RECONCILER_ACTOR });
  // Not changed: the callback settled it between the poll and now; its answer stands.
  return settlement.changed ? "timedOut" : "settled";
}

/** PAYMENT_TIMEOUT_MS from the environment (read on every run), else 10 minutes. */
export function paymentTimeoutFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.PAYMENT_TIMEOUT_MS;
  if (raw === undefined || raw === "") return DEFAULT_PAYMENT_TIMEOUT_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`PAYMENT_TIMEOUT_MS must be a positive whole number of milliseconds, got "${raw}"`);
  return value;
}

function positiveInt(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`${name} must be a positive whole number, got ${value}`);
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be zero or more, got ${value}`);
  return value;
}
