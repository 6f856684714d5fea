import "server-only";
/**
 * What an app process runs besides requests, and how it stops (instrumentation.ts wires it).
 *
 * Started once per process: the payment reconciler (RECONCILER=off to leave it to
 * `npm run reconciler`) and the outbox worker (WORKER=off, `npm run worker`).
 *
 * On SIGTERM or SIGINT (a clean shutdown):
 * 1. at once, the reconciler and the worker stop claiming work (a run in progress finishes and
 *    records its results);
 * 2. `next start` stops accepting connections and lets the requests in flight finish (its own
 *    handler: server.close(), then process.exit);
 * 3. before the process exits, what this process counted in memory is written: pay-page views
 *    and rate-limit counts. Next's exit waits for it, at most SHUTDOWN_TIMEOUT_MS (10 s).
 * Under NEXT_MANUAL_SIG_HANDLE (Next leaves signals to the app) the process exits itself after 1 and 3.
 */
import { flushPayPageViews } from "@/lib/services/pay-page/pay-page-views";
import { flushRateLimits } from "@/lib/services/rate-limit/consume-rate-limit";

interface Stoppable {
  stop(): Promise<void>;
}

interface ProcessState {
  loops: Map<string, Stoppable>;
  shutdownInstalled?: boolean;
  shuttingDown?: boolean;
}

/** On globalThis: once per process, even if a dev reload evaluates the modules again. */
const processGlobal = globalThis as typeof globalThis & { paylinksProcess?: ProcessState };
const state = (): ProcessState => (processGlobal.paylinksProcess ??= { loops: new Map() });

/** Starts the background loops this instance runs (each at most once per process). */
export async function startBackgroundLoops(log: Pick<Console, "log"> = console): Promise<void> {
  const { loops } = state();
  if (process.env.RECONCILER !== "off" && !loops.has("reconciler")) {
    const { reconcileIntervalFromEnv, startReconciler } = await import("@/lib/services/payments/reconciler-loop");
    loops.set("reconciler", startReconciler());
    log.log(`Reconciler: polling PENDING payments every ${reconcileIntervalFromEnv()} ms in this instance (RECONCILER=off to disable).`);
  }
  const { workerDisabled, outboxConfig } = await import("@/lib/services/outbox/config");
  if (!workerDisabled() && !loops.has("worker")) {
    const { startWorker } = await import("@/lib/services/outbox/worker-loop");
    loops.set("worker", startWorker());
    log.log(`Worker: delivering the outbox every ${outboxConfig().intervalMs} ms in this instance (WORKER=off to disable).`);
  }
}

/** Stops every background loop from claiming more work; resolves when their runs in progress end. */
export async function stopBackgroundLoops(): Promise<void> {
  const { loops } = state();
  const stopping = [...loops.values()].map((loop) => loop.stop());
  loops.clear();
  await Promise.all(stopping);
}

/** Writes what this process has counted in memory and not yet written: pay-page views, rate limits. */
export async function flushProcessBuffers(): Promise<void> {
  const results = await Promise.allSettled([flushPayPageViews(), flushRateLimits()]);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed.length > 0) throw new AggregateError(failed.map((r) => r.reason), "Shutdown: writing the buffered counts failed");
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface ShutdownOptions {
  /** Whether `next start` handles the signals (closes the server, then calls process.exit); default: unless NEXT_MANUAL_SIG_HANDLE. */
  nextHandlesSignals?: boolean;
  /** Longest wait for the loops and the writes before exiting anyway; default SHUTDOWN_TIMEOUT_MS, else 10 s. */
  timeoutMs?: number;
  log?: Pick<Console, "log" | "error">;
}

/**
 * Installs the SIGTERM / SIGINT handling described at the top of this file (once per process).
 * Next's handler ends with process.exit(); it is deferred until the buffered counts are written.
 */
export function installShutdownHandlers(options: ShutdownOptions = {}): void {
  const current = state();
  if (current.shutdownInstalled) return;
  current.shutdownInstalled = true;
  const nextHandlesSignals = options.nextHandlesSignals ?? !process.env.NEXT_MANUAL_SIG_HANDLE;
  const timeoutMs = options.timeoutMs ?? shutdownTimeoutFromEnv();
  const log = options.log ?? console;
  const exit = process.exit.bind(process);

  const onSignal = (signal: NodeJS.Signals) => {
    if (current.shuttingDown) return;
    current.shuttingDown = true;
    log.log(`Shutdown (${signal}): no new reconciler or outbox work; writing buffered counts before exiting.`);
    const loopsStopped = stopBackgroundLoops().catch((error: unknown) => log.error("Shutdown: stopping the background loops failed", error));
    // Started on the first exit (Next's, after the requests in flight) so that their counts are in.
    let drained: Promise<void> | undefined;
    const drain = () =>
      (drained ??= withTimeout(
        (async () => {
          await loopsStopped;
          await flushProcessBuffers();
          log.log("Shutdown: buffered counts written.");
        })(),
        timeoutMs,
      ).catch((error: unknown) => log.error("Shutdown: exiting without every buffered count written", error)));
    process.exit = ((code?: number | string | null) => {
      void drain().finally(() => exit(code ?? undefined));
      return undefined as never;
    }) as typeof process.exit;
    if (!nextHandlesSignals) void drain().finally(() => exit(signal === "SIGINT" ? 130 : 143));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** SHUTDOWN_TIMEOUT_MS from the environment, else 10 s. */
export function shutdownTimeoutFromEnv(): number {
  const value = Number(process.env.SHUTDOWN_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_SHUTDOWN_TIMEOUT_MS;
}

function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
