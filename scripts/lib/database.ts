import path from "node:path";
import { spawn } from "node:child_process";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const BIN = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export interface OpenDatabase {
  url: string;
  /** Where the data lives, for the console. */
  where: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when it is set (a PostgreSQL server of your own), else the embedded server with
 * its data in .data/ (or PAYLINKS_DATA_DIR).
 */
export async function openDatabase(options: {
  database: string;
  dataDirName: string;
  fresh?: boolean;
  externalUrl?: string;
}): Promise<OpenDatabase> {
  if (options.externalUrl) {
    return { url: options.externalUrl, where: "DATABASE_URL", stop: async () => {} };
  }
  const dataDir = process.env.PAYLINKS_DATA_DIR
    ? path.join(path.resolve(process.env.PAYLINKS_DATA_DIR), options.dataDirName)
    : path.join(ROOT, ".data", options.dataDirName);
  const db = await startEmbeddedPostgres({
    dataDir,
    database: options.database,
    fresh: options.fresh,
    port: process.env.EMBEDDED_PG_PORT ? Number(process.env.EMBEDDED_PG_PORT) : undefined,
    log: (line) => console.log(line),
  });
  return { url: db.url, where: `embedded PostgreSQL, data in ${db.dataDir}`, stop: db.stop };
}

/** Runs a command to completion, inheriting the console; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: Record<string, string | undefined> = {}, quiet = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

export function migrate(url: string): Promise<string> {
  return run(BIN("prisma"), ["migrate", "deploy"], { DATABASE_URL: url }, true);
}
