/**
 * Turns DATABASE_URL into the separate connection fields the Prisma pg adapter needs.
 *
 * STACK.md: with a connection string, `migrate dev` silently uses the main database as its
 * shadow database, so the adapter is always built from separate fields.
 */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  ssl?: boolean;
}

export function parseDatabaseUrl(url: string): PgConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database (postgresql://user:password@host:port/DATABASE)");
  const sslmode = parsed.searchParams.get("sslmode");
  return {
    host: parsed.hostname || "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database,
    ...(sslmode && sslmode !== "disable" ? { ssl: true } : {}),
  };
}

export function formatDatabaseUrl(c: PgConnection): string {
  const auth = `${encodeURIComponent(c.user)}:${encodeURIComponent(c.password)}`;
  return `postgresql://${auth}@${c.host}:${c.port}/${encodeURIComponent(c.database)}`;
}
