/** A fingerprint of one merchant's rows: equal before and after means nothing of theirs changed. */
import { getDb } from "@/lib/db/client";

let sql: string | undefined;

/** Every table with a merchant_id (found once, from the schema), the merchant's rows hashed, plus the merchant's own row. */
export async function merchantFingerprint(merchantId: string): Promise<string> {
  if (!sql) {
    const tables = await getDb().$queryRaw<{ table_name: string }[]>`
      SELECT table_name FROM information_schema.columns
      WHERE column_name = 'merchant_id' AND table_schema = current_schema() ORDER BY table_name`;
    sql = [
      ...tables.map(
        ({ table_name }) =>
          `SELECT '${table_name}' AS t, count(*)::text AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM "${table_name}" x WHERE merchant_id = $1::uuid`,
      ),
      `SELECT 'merchants', '1', md5(m::text) FROM merchants m WHERE id = $1::uuid`,
    ].join(" UNION ALL ");
  }
  const rows = await getDb().$queryRawUnsafe<{ t: string; n: string; h: string }[]>(sql, merchantId);
  return rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(" ");
}
