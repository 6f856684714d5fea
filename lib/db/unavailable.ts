/**
 * Tells an error that means "the database cannot answer now" (unreachable, connection refused,
 * closed or timed out, shutting down, out of connections) from every other database error. Such
 * a request is not the caller's fault and may succeed a moment later (a transaction that found
 * no free connection in time, P2028, is one of these: the database is overloaded): the contracts answer it
 * with a 503 in their own envelope, and the pay page asks the customer to try again.
 *
 * Prisma reports these in three shapes, all checked here: its own codes (P1001...), the pg
 * adapter's `driverAdapterError.cause.kind`, and plain errors thrown by pg itself (a connection
 * timeout, or the socket ending), possibly wrapped in `cause`.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** SQLSTATE classes: 08 connection exception, 57P01-57P03 shutting down or starting, 53300 too many connections. */
const SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const MESSAGES =
  /unable to start a transaction in the given time|connection terminated|connection timeout|timeout exceeded when trying to connect|query read timeout|can't reach database|server closed the connection|connection ended unexpectedly|Client has encountered a connection error|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length) {
    const current = queue.shift();
    if (typeof current !== "object" || current === null || seen.has(current) || seen.size > 16) continue;
    seen.add(current);
    const record = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof record.code === "string" && (PRISMA_CODES.has(record.code) || SQLSTATE.test(record.code) || MESSAGES.test(record.code))) return true;
    if (typeof record.kind === "string" && ADAPTER_KINDS.has(record.kind)) return true;
    if (record.kind === "postgres" && typeof record.code === "string" && SQLSTATE.test(record.code)) return true;
    if (typeof record.message === "string" && MESSAGES.test(record.message)) return true;
    queue.push(record.cause, record.meta?.driverAdapterError);
  }
  return false;
}
