/**
 * The outbox worker's settings, from the environment (read on every use, so tests can change
 * them). A malformed value is a deployment error: it throws, naming the variable, and the worker
 * refuses to start.
 */
type Env = Readonly<Record<string, string | undefined>>;

export interface OutboxConfig {
  /** WORKER_INTERVAL_MS: pause between two runs when nothing was due (1 s). */
  intervalMs: number;
  /** WORKER_BATCH_SIZE: most messages claimed by one run (50). */
  batchSize: number;
  /** WORKER_CONCURRENCY: deliveries in flight at once in one worker (8). */
  concurrency: number;
  /**
   * WORKER_LEASE_MS: how long a claim keeps other workers away (60 s). A worker that dies
   * mid-delivery leaves its messages to whoever claims them after this; it must be well above
   * the delivery timeout.
   */
  leaseMs: number;
  /** OUTBOX_RETRY_HOURS: a message still undelivered this long after it was written is FAILED (72 h). */
  retryWindowMs: number;
  /** OUTBOX_BACKOFF_BASE_MS: the first retry waits up to this long, doubling each time (10 s). */
  backoffBaseMs: number;
  /** OUTBOX_BACKOFF_MAX_MS: the longest wait between two attempts (6 h). */
  backoffMaxMs: number;
  /** CALLBACK_BATCH_MS: how long a CM callback waits for other changes to go with it (2 s). */
  callbackBatchMs: number;
  /** DELIVERY_TIMEOUT_MS: deadline of one HTTP delivery, webhook or callback (15 s). */
  deliveryTimeoutMs: number;
}

export function outboxConfig(env: Env = process.env): OutboxConfig {
  return {
    intervalMs: positive(env, "WORKER_INTERVAL_MS", 1000),
    batchSize: positive(env, "WORKER_BATCH_SIZE", 50),
    concurrency: positive(env, "WORKER_CONCURRENCY", 8),
    leaseMs: positive(env, "WORKER_LEASE_MS", 60_000),
    retryWindowMs: positive(env, "OUTBOX_RETRY_HOURS", 72, false) * 3_600_000,
    backoffBaseMs: positive(env, "OUTBOX_BACKOFF_BASE_MS", 10_000),
    backoffMaxMs: positive(env, "OUTBOX_BACKOFF_MAX_MS", 6 * 3_600_000),
    callbackBatchMs: nonNegative(env, "CALLBACK_BATCH_MS", 2000),
    deliveryTimeoutMs: positive(env, "DELIVERY_TIMEOUT_MS", 15_000),
  };
}

/**
 * CALLBACK_BATCH_MS for the code that enqueues callbacks, inside the request's transaction: a
 * malformed value falls back to 2 s there (a setting must never fail a request); the worker
 * refuses to start with it, which is where it gets noticed.
 */
export function callbackBatchMs(env: Env = process.env): number {
  try {
    return nonNegative(env, "CALLBACK_BATCH_MS", 2000);
  } catch {
    return 2000;
  }
}

/** WORKER=off: this app instance does not deliver (another process does). */
export function workerDisabled(env: Env = process.env): boolean {
  return env.WORKER?.trim().toLowerCase() === "off";
}

function positive(env: Env, name: string, fallback: number, whole = true): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (whole && !Number.isInteger(value))) {
    throw new Error(`${name} must be a positive ${whole ? "whole " : ""}number, got "${raw}"`);
  }
  return value;
}

function nonNegative(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be zero or a positive whole number, got "${raw}"`);
  return value;
}

/**
 * How long to wait before attempt `attempts + 1`: exponential from backoffBaseMs, capped at
 * backoffMaxMs, with full jitter (a random wait between 0 and that), so that messages failed
 * together do not come back together.
 */
export function backoffMs(attempts: number, config: Pick<OutboxConfig, "backoffBaseMs" | "backoffMaxMs">, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const ceiling = Math.min(config.backoffMaxMs, config.backoffBaseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}
