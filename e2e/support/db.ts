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

/** The confirmation link of the last sign-up of an address (from its email in the outbox), or null. */
export async function confirmationLinkFor(email: string): Promise<string | null> {
  const [row] = await query<{ text: string }>(
    "SELECT payload->>'text' AS text FROM outbox_messages WHERE destination = $1 AND kind = 'account.confirm_email' ORDER BY created_at DESC LIMIT 1",
    [email],
  );
  return /https?:\/\/\S+\/signup\/confirm\?token=[A-Za-z0-9_-]+/.exec(row?.text ?? "")?.[0] ?? null;
}

/** The kinds of the sign-up emails written to an address, oldest first. */
export async function accountEmailKindsFor(email: string): Promise<string[]> {
  const rows = await query<{ kind: string }>("SELECT kind FROM outbox_messages WHERE destination = $1 AND kind LIKE 'account.%' ORDER BY created_at", [email]);
  return rows.map((row) => row.kind);
}
