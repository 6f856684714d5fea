import { getDb } from "@/lib/db/client";
import type { FailureReason } from "@/lib/providers/interface";
import { refreshPaymentFromProvider } from "./refresh-payment";
import { settlePayment } from "./settle-payment";

/** Who the events of a payment failed for taking too long name as their author. */
export const RECONCILER_ACTOR = "system:reconciler";

/**
 * How long a payment may go without the provider's final answer (still PENDING there, or the
 * provider unreachable) before we fail it locally with TIMEOUT: 24 hours. The providers expire
 * unapproved requests within minutes and say so (a final FAILED), so this is for a provider that
 * stays silent or unreachable; its later answer still wins (see settlePayment).
 */
export const DEFAULT_PAYMENT_TIMEOUT_MS = 24 * 60 * 60_000;

/** How long after failing a payment locally the provider is still asked about it: 7 days. */
export const DEFAULT_LATE_ANSWER_WINDOW_MS = 7 * 24 * 60 * 60_000;

/** How often a payment failed locally is asked about again within that window: hourly. */
export const DEFAULT_LATE_ANSWER_POLL_MS = 60 * 60_000;

export interface ReconcileOptions {
  /** Most payments claimed by one call; 50 by default. */
  batchSize?: number;
  /** Payments younger than this are left to the provider's callback; 10 s by default. */
  minAgeMs?: number;
  /**
   * A payment whose provider has given no final answer at this age (still PENDING, or the provider
   * unreachable) fails locally with TIMEOUT; env PAYMENT_TIMEOUT_MS, else 24 hours.
   */
  timeoutMs?: number;
  /** How long after failing a payment locally the provider is still asked; env LATE_ANSWER_WINDOW_MS, else 7 days. */
  lateWindowMs?: number;
  /** How often such a payment is asked again; env LATE_ANSWER_POLL_MS, else 1 hour. */
  latePollMs?: number;
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
  /** No final answer from the provider past the payment timeout: failed locally with TIMEOUT. */
  timedOut: number;
  /** Of the payments failed locally and asked again: the provider now says SUCCESSFUL (paid late). */
  paidLate: number;
  /** Of the payments failed locally and asked again: still no final answer (or unreachable). */
  lateUnanswered: number;
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
  /** PENDING, or failed locally and asked again for a late answer. */
  late: boolean;
}

/**
 * Polls the providers for PENDING payments whose callback never came (or came and was lost):
 * the provider's final answer (SUCCESSFUL, or FAILED, e.g. when it expired a request nobody
 * approved) is recorded and a failure releases the link's use. A payment with no final answer
 * after `timeoutMs` fails locally with TIMEOUT (its use released); the provider is then still
 * asked about it every `latePollMs` for `lateWindowMs`, and a late success is recorded (paid
 * late, or flagged as an over-collection when the link was used up meanwhile).
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
  const lateWindowMs = nonNegative(options.lateWindowMs, msFromEnv("LATE_ANSWER_WINDOW_MS", DEFAULT_LATE_ANSWER_WINDOW_MS), "lateWindowMs");
  const latePollMs = positiveInt(options.latePollMs, msFromEnv("LATE_ANSWER_POLL_MS", DEFAULT_LATE_ANSWER_POLL_MS), "latePollMs");
  const claimMs = positiveInt(options.claimMs, 60_000, "claimMs");
  const repollAfterMs = positiveInt(options.repollAfterMs, 15_000, "repollAfterMs");
  const concurrency = positiveInt(options.concurrency, 4, "concurrency");
  const merchantId = options.merchantId ?? null;

  // Stop starting polls a little before the claim runs out (measured from before the claim,
  // so this errs on the safe side): past it, another instance may claim the same payment.
  const deadline = Date.now() + claimMs * 0.8;
  const pending = await getDb().$queryRaw<Claimed[]>`
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
 RETURNING id, (extract(epoch FROM now() - created_at) * 1000)::double precision AS age_ms, false AS late`;
  // Payments failed here without the provider's final word, still within the late window.
  const late = await getDb().$queryRaw<Claimed[]>`
    UPDATE payments
       SET reconcile_locked_until = now() + ${claimMs}::double precision * interval '1 millisecond'
     WHERE id IN (
             SELECT id
               FROM payments
              WHERE status = 'FAILED'
                AND failed_locally_at > now() - ${lateWindowMs}::double precision * interval '1 millisecond'
                AND (reconcile_locked_until IS NULL OR reconcile_locked_until <= now())
                AND (${merchantId}::uuid IS NULL OR merchant_id = ${merchantId}::uuid)
              ORDER BY failed_locally_at
              LIMIT ${batchSize}
                FOR UPDATE SKIP LOCKED)
 RETURNING id, (extract(epoch FROM now() - created_at) * 1000)::double precision AS age_ms, true AS late`;
  const claimed = [...pending, ...late];

  const summary: ReconcileSummary = {
    claimed: claimed.length,
    settled: 0,
    timedOut: 0,
    paidLate: 0,
    lateUnanswered: 0,
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
        if (payment.late) {
          const outcome = await askAgain(payment);
          summary[outcome]++;
          // Asked again after latePollMs, whatever it said (a final payment is not claimed again).
          await setClaim(payment.id, latePollMs);
          continue;
        }
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

async function setClaim(paymentId: string, ms: number): Promise<void> {
  await getDb().$executeRaw`
    UPDATE payments SET reconcile_locked_until = now() + ${ms}::double precision * interval '1 millisecond' WHERE id = ${paymentId}::uuid`;
}

async function reconcileOne(payment: Claimed, timeoutMs: number): Promise<"settled" | "timedOut" | "stillPending" | "unreachable"> {
  const refresh = await refreshPaymentFromProvider(payment.id);
  if (refresh.outcome === "settled") return "settled";
  if (payment.age_ms < timeoutMs) return refresh.outcome === "pending" ? "stillPending" : "unreachable";

  // No final word from the provider after the long deadline: fail it here (releasing the use),
  // and keep listening to the provider, whose later answer wins.
  const reason: FailureReason = "TIMEOUT";
  const settlement = await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: reason, actor: RECONCILER_ACTOR, fromProvider: false });
  // Not changed: the callback settled it between the poll and now; its answer stands.
  return settlement.changed ? "timedOut" : "settled";
}

/** A payment failed locally, asked again: paid late, finally failed (settled), or still no answer. */
async function askAgain(payment: Claimed): Promise<"paidLate" | "settled" | "lateUnanswered"> {
  const refresh = await refreshPaymentFromProvider(payment.id);
  if (refresh.outcome !== "settled") return "lateUnanswered";
  return refresh.settlement.payment.status === "SUCCESSFUL" && refresh.settlement.changed ? "paidLate" : "settled";
}

/** PAYMENT_TIMEOUT_MS from the environment (read on every run), else 24 hours. */
export function paymentTimeoutFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return msFromEnv("PAYMENT_TIMEOUT_MS", DEFAULT_PAYMENT_TIMEOUT_MS, env);
}

function msFromEnv(name: string, fallback: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number of milliseconds, got "${raw}"`);
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
