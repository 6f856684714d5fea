/**
 * npm run reconciler: the payment reconciler as a process of its own, for deployments with
 * several app instances (which then run with RECONCILER=off). Needs DATABASE_URL and the same
 * provider settings as the app (MTN_BASE_URL, ORANGE_BASE_URL, ...). Ctrl-C or SIGTERM stops it
 * after the run in progress. Any number of these may run: they share the work through an atomic
 * claim in the database.
 * RECONCILE_INTERVAL_MS (15000): pause between runs.
 * PAYMENT_TIMEOUT_MS (86400000, 24 h): a payment with no final answer from its provider at this
 * age fails locally with TIMEOUT; LATE_ANSWER_WINDOW_MS (7 days) / LATE_ANSWER_POLL_MS (1 h): how
 * long and how often the provider is still asked about it (a late success is recorded).
 */
import { disconnectDb } from "../lib/db/client";
import { paymentTimeoutFromEnv } from "../lib/services/payments/reconcile-payments";
import { reconcileIntervalFromEnv, startReconciler } from "../lib/services/payments/reconciler-loop";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the reconciler works on the product's PostgreSQL database.");
  process.exit(2);
}

function start() {
  try {
    return startReconciler({ keepProcessAlive: true });
  } catch (error) {
    // A malformed RECONCILE_INTERVAL_MS or PAYMENT_TIMEOUT_MS.
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
const reconciler = start();
console.log(
  `Reconciler started: every ${reconcileIntervalFromEnv()} ms, payments time out after ${paymentTimeoutFromEnv()} ms. Ctrl-C to stop.`,
);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`Reconciler: ${signal}, stopping after the run in progress...`);
  await reconciler.stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
