/**
 * The benchmark's data set: links (and payments, for Sylius) of one merchant, written by a few
 * INSERT ... SELECT generate_series statements, never row by row and never committed.
 * Link i (1-based) is created i x 30 s before `base`, so the newest links are the lowest i and
 * growing a set from 1,000 to 1,000,000 links only adds older links after the first 1,000.
 */
import pg from "pg";

/** Every 100th link says "anniversaire": the search term, matching 1 % of the links. */
export const SEARCH_TERM = "anniversaire";
/** Status of 15 % of the links: the filtered page. */
export const FILTER_STATUS = "PAID";

export interface DatasetRange {
  merchantId: string;
  /** Makes this run's slugs, short codes and transaction ids unique in a database used before. */
  tag: string;
  /** First and last i to write (inclusive). */
  from: number;
  to: number;
  base: Date;
}

/** Writes links from..to of the merchant, one payment for every other link; returns the time taken in ms. */
export async function writeLinks(url: string, range: DatasetRange): Promise<number> {
  const started = Date.now();
  const prefix = `pay_bench_${range.tag}_`;
  const slugOf = (prefixParam: string, i: string) => `${prefixParam}::text || lpad(${i}::text, 8, '0')`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    await client.query(
      `INSERT INTO payment_links (id, merchant_id, slug, short_code, amount_minor, currency, description, status,
         expires_at, max_uses, current_uses, merchant_reference, created_by, paid_at, cancelled_at, created_at, updated_at)
       SELECT gen_random_uuid(), $1::uuid, ${slugOf("$5", "i")}, 'b' || $6::text || i::text, 500 + (i::bigint * 7919) % 200000, 'XAF',
         CASE WHEN i % 100 = 7 THEN 'Gateau d''anniversaire #' || i
              ELSE (ARRAY['Robe wax', 'Sac en cuir', 'Pagne', 'Chaussures', 'Montre', 'Livraison'])[1 + i % 6] || ' #' || i END,
         (CASE WHEN i % 20 < 14 THEN 'ACTIVE' WHEN i % 20 < 17 THEN 'PAID' WHEN i % 20 < 19 THEN 'CANCELLED' ELSE 'ACTIVE' END)::"LinkStatus",
         CASE WHEN i % 20 = 19 THEN $2::timestamptz - i * interval '30 seconds' + interval '1 day' END,
         1, CASE WHEN i % 20 BETWEEN 14 AND 16 THEN 1 ELSE 0 END,
         'ORD-' || i, 'api:bench',
         CASE WHEN i % 20 BETWEEN 14 AND 16 THEN $2::timestamptz - i * interval '30 seconds' + interval '10 minutes' END,
         CASE WHEN i % 20 BETWEEN 17 AND 18 THEN $2::timestamptz - i * interval '30 seconds' + interval '1 hour' END,
         $2::timestamptz - i * interval '30 seconds', $2::timestamptz - i * interval '30 seconds'
       FROM generate_series($3::int, $4::int) AS i`,
      [range.merchantId, range.base, range.from, range.to, prefix, range.tag],
    );
    await client.query(
      `INSERT INTO payments (id, merchant_id, link_id, amount_minor, currency, provider, payer_phone, status,
         failure_reason, transaction_id, mode, settled_at, created_at, updated_at)
       SELECT gen_random_uuid(), l.merchant_id, l.id, l.amount_minor, l.currency, 'MTN_CAM', '237670000001',
         (CASE WHEN l.status = 'PAID' THEN 'SUCCESSFUL' ELSE 'FAILED' END)::"PaymentStatus",
         CASE WHEN l.status = 'PAID' THEN NULL ELSE 'PAYER_REJECTED' END,
         'bench_tx_' || substr(l.slug, 11), l.mode, l.created_at + interval '10 minutes',
         l.created_at + interval '5 minutes', l.created_at + interval '10 minutes'
       FROM payment_links l
       WHERE l.slug BETWEEN ${slugOf("$3", "$1")} AND ${slugOf("$3", "$2")} AND right(l.slug, 8)::int % 2 = 0`,
      [range.from, range.to, prefix],
    );
    // As a live database would be: statistics fresh, visibility map set (and no autovacuum during the load).
    await client.query("VACUUM (ANALYZE) payment_links");
    await client.query("VACUUM (ANALYZE) payments");
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

/** How many links and payments the merchant has. */
export async function countRows(url: string, merchantId: string): Promise<{ links: number; payments: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const links = await client.query("SELECT count(*)::int AS n FROM payment_links WHERE merchant_id = $1", [merchantId]);
    const payments = await client.query("SELECT count(*)::int AS n FROM payments WHERE merchant_id = $1", [merchantId]);
    return { links: links.rows[0].n, payments: payments.rows[0].n };
  } finally {
    await client.end();
  }
}
