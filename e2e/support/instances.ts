/**
 * App instances a spec starts itself, beside the one Playwright starts: the same production build
 * and database on other ports, as processes the spec can stop with SIGTERM or kill with SIGKILL.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { serverEnv } from "../../playwright.config";

export interface Instance {
  url: string;
  port: number;
  /** Everything the server printed, for the failure message. */
  output: () => string;
  /** Sends a signal to the server's process group; resolves with the exit code once it has exited. */
  stop: (signal: NodeJS.Signals) => Promise<number | null>;
}

/**
 * Starts `next start` on a port, with the browser tests' environment plus `env`, and waits until
 * /api/health answers 200 (or, with `healthy: false`, answers at all: a database that is down).
 */
export async function startInstance(port: number, env: Record<string, string> = {}, { healthy = true } = {}): Promise<Instance> {
  const child: ChildProcess = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, ...serverEnv(port), ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let done = false;
  void exited.then(() => (done = true));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (done) throw new Error(`the instance on ${port} exited while starting:\n${output}`);
    try {
      const status = (await fetch(`${url}/api/health`)).status;
      if (status === 200 || (!healthy && status === 503)) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the instance on ${port} did not start within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    port,
    output: () => output,
    stop: async (signal) => {
      if (!done) {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          // already gone
        }
      }
      return exited;
    },
  };
}

// ---- a merchant of the spec's own, written straight into the database ---------------------------

export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export interface Tenant {
  merchantId: string;
  apiKey: string;
}

/** A merchant with an API key (all scopes), so that no other spec's requests count against its limits. */
export async function createTenant(name: string): Promise<Tenant> {
  const merchantId = randomUUID();
  const keyId = `pk_test_${randomBytes(8).toString("hex")}`;
  const secret = `sk_test_${randomBytes(24).toString("hex")}`;
  await query("INSERT INTO merchants (id, name, webhook_secret, updated_at) VALUES ($1, $2, $3, now())", [merchantId, name, `whsec_${randomBytes(16).toString("hex")}`]);
  await query(
    `INSERT INTO api_credentials (id, merchant_id, name, key_id, secret_hash, secret_last4, scopes, mode)
     VALUES ($1, $2, 'reliability spec', $3, $4, $5, ARRAY['payment_links','e-commerce','payments'], 'SANDBOX')`,
    [randomUUID(), merchantId, keyId, createHash("sha256").update(secret).digest("hex"), secret.slice(-4)],
  );
  return { merchantId, apiKey: `${keyId}.${secret}` };
}

/** A distinct Cameroon MTN number per call (any number outside the sandbox's test numbers is approved). */
let nextNumber = 0;
export function uniqueMtnNumber(): string {
  nextNumber++;
  return `677${String((process.pid * 997 + nextNumber) % 1_000_000).padStart(6, "0")}`;
}
