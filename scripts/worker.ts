/**
 * npm run worker: the outbox worker (webhooks, CM callbacks, email, SMS) as a process of its
 * own, for deployments with several app instances (which then run with WORKER=off). Needs
 * DATABASE_URL and the same delivery settings as the app (SMTP_URL, ...). Ctrl-C or SIGTERM
 * stops it after the run in progress. Any number of these may run: they share the work through
 * an atomic claim in the database, and a worker killed mid-delivery leaves its messages to be
 * claimed again once its lease (WORKER_LEASE_MS) runs out.
 * WORKER_INTERVAL_MS (1000): pause between runs when nothing is due.
 * --merchant=<uuid>: deliver only this merchant's messages (tests, one-off runs).
 */
import { disconnectDb } from "../lib/db/client";
import { outboxConfig } from "../lib/services/outbox/config";
import { startWorker } from "../lib/services/outbox/worker-loop";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set: the worker delivers the outbox of the product's PostgreSQL database.");
  process.exit(2);
}

const merchantArg = process.argv.find((arg) => arg.startsWith("--merchant="));
const merchantId = merchantArg?.slice("--merchant=".length) || undefined;

function start() {
  try {
    const config = outboxConfig();
    return { worker: startWorker({ keepProcessAlive: true, merchantId }), config };
  } catch (error) {
    // A malformed WORKER_* or OUTBOX_* setting.
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
const { worker, config } = start();
console.log(
  `Worker started: every ${config.intervalMs} ms, ${config.batchSize} messages a run, ${config.concurrency} at once, ` +
    `lease ${config.leaseMs} ms${merchantId ? `, merchant ${merchantId} only` : ""}. Ctrl-C to stop.`,
);

let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  console.log(`Worker: ${signal}, stopping after the run in progress...`);
  await worker.stop();
  await disconnectDb();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
