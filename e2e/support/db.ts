/** Read-only looks into the browser-test database, for assertions an API cannot make. */
import pg from "pg";

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A fingerprint of every table a request could write: equal before and after means nothing changed. */
export async function writeFingerprint(): Promise<string> {
  const tables = ["payment_links", "payments", "events", "idempotency_keys", "access_tokens", "orders"];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const [row] = await query<{ n: string; h: string | null }>(`SELECT count(*)::text AS n, md5(string_agg(t::text, ',' ORDER BY t::text)) AS h FROM ${table} t`);
      return `${table}:${row!.n}:${row!.h}`;
    }),
  );
  return parts.join(" ");
}

export async function shortCodeOf(linkId: string): Promise<string> {
  const [row] = await query<{ short_code: string }>("SELECT short_code FROM payment_links WHERE id = $1", [linkId]);
  return row!.short_code;
}
