import "server-only";
import { getDb } from "@/lib/db/client";
import type { PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";

/**
 * The link of a slug, the row exactly as `paymentLink.findUnique` returns it, read with one raw
 * statement: the pay page's hottest read, and Prisma's query compilation cost more CPU than the
 * query (1.7 ms against 0.5 ms a read, measured). Columns come back snake_case with the types
 * Prisma gives them (bigint, Date, JSON); only the names change. pay-page.db.test.ts checks the
 * result against findUnique, so a column added later cannot drift.
 */
export async function findLinkRowBySlug(slug: string): Promise<PaymentLinkRow | null> {
  const [row] = await getDb().$queryRaw<Record<string, unknown>[]>`SELECT * FROM payment_links WHERE slug = ${slug}`;
  if (!row) return null;
  return Object.fromEntries(Object.entries(row).map(([column, value]) => [camelCase(column), value])) as unknown as PaymentLinkRow;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
