/**
 * Runs once when a Next.js server instance starts (lib/server/process-lifecycle.ts does the work):
 * - starts two background loops in this process, each unless turned off (which is how instances
 *   run when the loop has a process of its own); several instances running them is safe too,
 *   they share the work through atomic claims in the database:
 *   - the payment reconciler (lib/services/payments/reconciler-loop.ts): RECONCILER=off, npm run reconciler;
 *   - the outbox worker delivering webhooks, callbacks, email and SMS (lib/services/outbox/worker-loop.ts):
 *     WORKER=off, npm run worker;
 * - on SIGTERM / SIGINT: the loops stop claiming work, Next finishes the requests in flight, and
 *   the pay-page views and rate-limit counts this process holds in memory are written before it exits.
 */
export async function register() {
  // The imports sit inside this check so that the edge bundle never sees Prisma.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (!process.env.DATABASE_URL) return;
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    const { installShutdownHandlers, startBackgroundLoops } = await import("@/lib/server/process-lifecycle");
    installShutdownHandlers();
    await startBackgroundLoops();
  }
}
