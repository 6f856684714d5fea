import { getDb } from "@/lib/db/client";

export interface DatabaseHealth {
  up: boolean;
  elapsedMs: number;
}

/**
 * Asks the database one trivial question, giving up after `timeoutMs`: whether it answers now.
 * Never throws (a health check reports, it does not fail).
 */
export async function checkDatabase(timeoutMs = 2_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = getDb()
    .$queryRaw`SELECT 1`.then(() => true)
    .catch(() => false);
  const up = await Promise.race([query, timeout]);
  clearTimeout(timer);
  return { up, elapsedMs: Math.round(performance.now() - started) };
}
