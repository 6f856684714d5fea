/**
 * Runs once when a Next.js server instance starts, and starts two background loops in this
 * process, each unless turned off (which is how instances run when the loop has a process of
 * its own). Several instances running them is safe too: they share the work through atomic
 * claims in the database.
 * - the payment reconciler (lib/services/payments/reconciler-loop.ts): RECONCILER=off, npm run reconciler;
 * - the outbox worker delivering webhooks, callbacks, email and SMS (lib/services/outbox/worker-loop.ts):
 *   WORKER=off, npm run worker.
 */
const globalForLoops = globalThis as typeof globalThis & { paylinksReconcilerStarted?: boolean; paylinksWorkerStarted?: boolean };

export async function register() {
  // The imports sit inside this check so that the edge bundle never sees Prisma.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (!process.env.DATABASE_URL) return;
    if (process.env.NEXT_PHASE === "phase-production-build") return;

    // Once per process, even if a dev reload evaluates this file again.
    if (process.env.RECONCILER !== "off" && !globalForLoops.paylinksReconcilerStarted) {
      globalForLoops.paylinksReconcilerStarted = true;
      const { reconcileIntervalFromEnv, startReconciler } = await import("@/lib/services/payments/reconciler-loop");
      startReconciler();
      console.log(`Reconciler: polling PENDING payments every ${reconcileIntervalFromEnv()} ms in this instance (RECONCILER=off to disable).`);
    }

    const { workerDisabled, outboxConfig } = await import("@/lib/services/outbox/config");
    if (!workerDisabled() && !globalForLoops.paylinksWorkerStarted) {
      globalForLoops.paylinksWorkerStarted = true;
      const { startWorker } = await import("@/lib/services/outbox/worker-loop");
      // Stopping on SIGTERM (finish the run in progress, claim nothing more) belongs to the
      // server's shutdown; a worker cut off mid-delivery loses nothing anyway (claims expire).
      startWorker();
      console.log(`Worker: delivering the outbox every ${outboxConfig().intervalMs} ms in this instance (WORKER=off to disable).`);
    }
  }
}
