import { paymentTimeoutFromEnv, reconcilePendingPayments, type ReconcileOptions, type ReconcileSummary } from "./reconcile-payments";

export interface ReconcilerOptions extends ReconcileOptions {
  /** Pause between the end of one run and the start of the next; env RECONCILE_INTERVAL_MS, else 15 s. */
  intervalMs?: number;
  /** Aborting it stops the loop, like stop(). */
  signal?: AbortSignal;
  /**
   * Whether the waiting timer keeps the process alive: true for a process that only reconciles
   * (scripts/reconciler.ts); false by default, so the loop never holds up a server's exit.
   */
  keepProcessAlive?: boolean;
  /** Where the one-line summaries and errors go; console by default. */
  log?: Pick<Console, "log" | "error">;
}

export interface Reconciler {
  /** Stops the loop; resolves once a run in progress has finished. */
  stop(): Promise<void>;
  /** Runs one pass now (or waits for the one in progress); for tests and scripts. */
  runOnce(): Promise<ReconcileSummary | undefined>;
}

export const DEFAULT_RECONCILE_INTERVAL_MS = 15_000;

/**
 * Runs reconcilePendingPayments every `intervalMs`, one run at a time (the next is scheduled
 * when the previous one ends, so runs never overlap), logs a one-line summary when a run
 * changed something, and never lets an error escape: a failed run is logged and retried at
 * the next tick. Several processes may run it against one database (the claim is atomic).
 */
export function startReconciler(options: ReconcilerOptions = {}): Reconciler {
  const { signal, log = console, intervalMs: intervalOption, keepProcessAlive = false, ...reconcileOptions } = options;
  // A malformed setting is a deployment error: refuse to start rather than fail every run.
  const intervalMs = intervalOption ?? reconcileIntervalFromEnv();
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) throw new RangeError(`intervalMs must be a positive whole number, got ${intervalMs}`);
  if (reconcileOptions.timeoutMs === undefined) paymentTimeoutFromEnv();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<ReconcileSummary | undefined> | undefined;

  const runOnce = (): Promise<ReconcileSummary | undefined> => {
    running ??= (async () => {
      try {
        const summary = await reconcilePendingPayments(reconcileOptions);
        if (summary.settled + summary.timedOut + summary.paidLate + summary.errors + summary.unreachable + summary.deferred > 0) {
          log.log(`Reconciler: ${describe(summary)}`);
        }
        return summary;
      } catch (error) {
        log.error("Reconciler: run failed, retrying at the next tick", error);
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().then(schedule);
    }, intervalMs);
    if (!keepProcessAlive) timer.unref();
  };

  const stop = async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    timer = undefined;
    signal?.removeEventListener("abort", onAbort);
    await running;
  };
  const onAbort = () => void stop();

  if (signal?.aborted) {
    stopped = true;
  } else {
    signal?.addEventListener("abort", onAbort, { once: true });
    schedule();
  }
  return { stop, runOnce };
}

/** RECONCILE_INTERVAL_MS from the environment, else 15 s. */
export function reconcileIntervalFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.RECONCILE_INTERVAL_MS;
  if (raw === undefined || raw === "") return DEFAULT_RECONCILE_INTERVAL_MS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`RECONCILE_INTERVAL_MS must be a positive whole number of milliseconds, got "${raw}"`);
  return value;
}

function describe(s: ReconcileSummary): string {
  const parts = [`claimed ${s.claimed}`, `settled ${s.settled}`, `timed out ${s.timedOut}`, `still pending ${s.stillPending}`];
  if (s.unreachable > 0) parts.push(`provider unreachable ${s.unreachable}`);
  if (s.paidLate + s.lateUnanswered > 0) parts.push(`paid late ${s.paidLate}`, `late still unanswered ${s.lateUnanswered}`);
  if (s.deferred > 0) parts.push(`deferred ${s.deferred}`);
  parts.push(`errors ${s.errors}`);
  return parts.join(", ");
}
