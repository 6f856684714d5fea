import { recordExpiredLinks } from "@/lib/services/webhooks/record-expired-links";
import { outboxConfig } from "./config";
import { deliverDueMessages, type DeliverOptions, type DeliverySummary } from "./deliver-messages";

export interface WorkerOptions extends DeliverOptions {
  /** Pause after a run that found less than a full batch; env WORKER_INTERVAL_MS, else 1 s. */
  intervalMs?: number;
  /** Aborting it stops the loop, like stop(). */
  signal?: AbortSignal;
  /**
   * Whether the waiting timer keeps the process alive: true for a process that only delivers
   * (scripts/worker.ts); false by default, so the loop never holds up a server's exit.
   */
  keepProcessAlive?: boolean;
  /** Where the one-line summaries and errors go; console by default. */
  log?: Pick<Console, "log" | "error">;
  /**
   * Runs before each delivery pass (its failure is logged and the pass goes on): by default the
   * link-expiry sweeper (lib/services/webhooks/record-expired-links.ts), which records the
   * `link.expired` events of links that expired by time, and with them their webhooks and
   * callbacks. null: nothing.
   */
  sweep?: ((merchantId: string | null) => Promise<unknown>) | null;
}

const sweepExpiredLinks = (merchantId: string | null) => recordExpiredLinks(new Date(), { merchantId });

export interface Worker {
  /** Stops claiming; resolves once the run in progress has finished (and recorded its results). */
  stop(): Promise<void>;
  /** Runs one pass now (or waits for the one in progress); for tests and scripts. */
  runOnce(): Promise<DeliverySummary | undefined>;
}

/**
 * Delivers the outbox: runs the sweep (link expiries), then deliverDueMessages, one run at a
 * time, again at once while runs find full batches (a backlog drains at full speed), else after
 * `intervalMs`. Logs a one-line
 * summary of runs that did something and never lets an error escape: a failed run is logged
 * and retried at the next tick. Any number of workers may run against one database (app
 * instances and `npm run worker` processes): claims are atomic (claim-messages.ts).
 */
export function startWorker(options: WorkerOptions = {}): Worker {
  const { signal, log = console, intervalMs: intervalOption, keepProcessAlive = false, sweep = sweepExpiredLinks, ...deliverOptions } = options;
  // A malformed setting is a deployment error: refuse to start rather than fail every run.
  const config = outboxConfig();
  const intervalMs = intervalOption ?? config.intervalMs;
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) throw new RangeError(`intervalMs must be a positive whole number, got ${intervalMs}`);
  const batchSize = deliverOptions.batchSize ?? config.batchSize;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<DeliverySummary | undefined> | undefined;

  const runOnce = (): Promise<DeliverySummary | undefined> => {
    running ??= (async () => {
      try {
        if (sweep) {
          await sweep(deliverOptions.merchantId ?? null).catch((error: unknown) =>
            log.error("Worker: the link-expiry sweep failed, delivering anyway", error),
          );
        }
        const summary = await deliverDueMessages({ log, ...deliverOptions });
        if (summary.claimed > 0) log.log(`Worker: ${describe(summary)}`);
        return summary;
      } catch (error) {
        log.error("Worker: run failed, retrying at the next tick", error);
        return undefined;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce().then((summary) => schedule(summary && summary.claimed >= batchSize ? 0 : intervalMs));
    }, delayMs);
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
    schedule(0);
  }
  return { stop, runOnce };
}

function describe(s: DeliverySummary): string {
  const parts = [`claimed ${s.claimed}`, `sent ${s.sent}`];
  if (s.kept > 0) parts.push(`kept ${s.kept}`);
  parts.push(`retrying ${s.retrying}`, `failed ${s.failed}`);
  if (s.deferred > 0) parts.push(`deferred ${s.deferred}`);
  if (s.lost > 0) parts.push(`claim lost ${s.lost}`);
  parts.push(`errors ${s.errors}`);
  return parts.join(", ");
}
