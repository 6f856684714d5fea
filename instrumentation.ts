/**
 * Runs once when a Next.js server instance starts. Starts the payment reconciler in this process
 * (lib/services/payments/reconciler-loop.ts) unless RECONCILER=off, which is how instances run
 * when the reconciler has a process of its own (npm run reconciler). Several instances running
 * it is safe too: they share the work through an atomic claim in the database.
 */
const globalForReconciler = globalThis as typeof globalThis & { paylinksReconcilerStarted?: boolean };

export async function register() {
  // The import sits inside this check so that the edge bundle never sees Prisma.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    if (process.env.RECONCILER === "off" || !process.env.DATABASE_URL) return;
    if (process.env.NEXT_PHASE === "phase-production-build") return;
    // Once per process, even if a dev reload evaluates this file again.
    if (globalForReconciler.paylinksReconcilerStarted) return;
    globalForReconciler.paylinksReconcilerStarted = true;

    const { reconcileIntervalFromEnv, startReconciler } = await import("@/lib/services/payments/reconciler-loop");
    startReconciler();
    console.log(`Reconciler: polling PENDING payments every ${reconcileIntervalFromEnv()} ms in this instance (RECONCILER=off to disable).`);
  }
}
