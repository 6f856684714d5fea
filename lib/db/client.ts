import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { parseDatabaseUrl } from "./connection";

export type { Prisma } from "@/lib/generated/prisma/client";
export type Db = PrismaClient;

const globalForDb = globalThis as typeof globalThis & { paylinksDb?: PrismaClient };

/**
 * The one Prisma client of this process, created on first use (so that importing a module never
 * needs DATABASE_URL, e.g. during `next build`). Kept on globalThis across dev hot reloads.
 *
 * Time is bounded when the database goes away: a new connection gives up after
 * DATABASE_CONNECT_TIMEOUT_MS (5 s), a query that gets no answer after DATABASE_QUERY_TIMEOUT_MS
 * (30 s), and a transaction waits at most DATABASE_TX_MAX_WAIT_MS (10 s) for a connection,
 * so a request fails (503, lib/db/unavailable.ts) instead of hanging. The pool drops
 * broken connections and opens new ones, so service comes back by itself with the database.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.paylinksDb) {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set. Start the product with `npm run demo`, or set DATABASE_URL=postgresql://...");
    }
    const adapter = new PrismaPg({
      ...parseDatabaseUrl(url),
      max: positiveInt(process.env.DATABASE_POOL_SIZE, 10),
      connectionTimeoutMillis: positiveInt(process.env.DATABASE_CONNECT_TIMEOUT_MS, 5_000),
      query_timeout: positiveInt(process.env.DATABASE_QUERY_TIMEOUT_MS, 30_000),
      keepAlive: true,
    });
    globalForDb.paylinksDb = new PrismaClient({
      adapter,
      // Under a burst (hundreds of redeems of one link at once) a transaction may wait for a
      // pooled connection longer than Prisma's 2 s default: it waits, bounded, rather than fail.
      transactionOptions: {
        maxWait: positiveInt(process.env.DATABASE_TX_MAX_WAIT_MS, 10_000),
        timeout: positiveInt(process.env.DATABASE_TX_TIMEOUT_MS, 15_000),
      },
    });
  }
  return globalForDb.paylinksDb;
}

function positiveInt(value: string | undefined, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

/** Closes the client (scripts and tests). */
export async function disconnectDb(): Promise<void> {
  await globalForDb.paylinksDb?.$disconnect();
  globalForDb.paylinksDb = undefined;
}

/** Prisma's error for a unique constraint, e.g. a slug that is already taken. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A string that PostgreSQL accepts as a uuid; anything else cannot name a row. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
