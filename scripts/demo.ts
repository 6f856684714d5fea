/**
 * npm run demo: the whole product on one machine, from a fresh clone.
 * Embedded PostgreSQL (or DATABASE_URL), migrations, demo data when the database is empty,
 * production build, `next start`; prints the URL, the demo login and API key. Ctrl-C stops all.
 * npm run dev: the same with `next dev` (hot reload) instead of a build.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { BIN, ROOT, migrate, openDatabase, run } from "./lib/database";
import { startMockProviders, type MockProviders } from "../lib/providers/mock";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;

let server: ChildProcess | undefined;
let mocks: MockProviders | undefined;
let stopping = false;

async function main() {
  console.log("Paylinks demo: preparing the database...");
  const db = await openDatabase({ database: "paylinks", dataDirName: "postgres", externalUrl: process.env.DATABASE_URL });
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The app writes what it holds in memory (pay-page views, rate-limit counts) before it exits:
    // the database must still be there (instrumentation.ts; at most 10 s).
    const exited = server && server.exitCode === null ? new Promise((resolve) => server!.once("exit", resolve)) : undefined;
    server?.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    await mocks?.close();
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    const { getDb, disconnectDb } = await import("../lib/db/client");
    if ((await getDb().merchant.count()) === 0) {
      const { seed } = await import("../prisma/seed");
      console.log(await seed());
    } else {
      console.log("The database already holds data: demo data left as it is.");
    }
    await disconnectDb();

    // The mock MTN and Orange services, unless real ones are configured.
    if (!process.env.MTN_BASE_URL || !process.env.ORANGE_BASE_URL) {
      mocks = await startMockProviders({
        mtnPort: Number(process.env.MTN_MOCK_PORT ?? 4010),
        orangePort: Number(process.env.ORANGE_MOCK_PORT ?? 4020),
      });
      process.env.MTN_BASE_URL ??= mocks.mtnUrl;
      process.env.ORANGE_BASE_URL ??= mocks.orangeUrl;
    }

    if (!dev) {
      console.log("Building the app (next build)...");
      await run(BIN("next"), ["build"], {}, true);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
    return;
  }

  server = spawn(BIN("next"), [dev ? "dev" : "start", "-H", host, "-p", String(port)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: db.url,
      APP_URL: appUrl,
      AUTH_SECRET: process.env.AUTH_SECRET ?? authSecret(),
      // Webhook and callback receivers you try the demo with run on this machine.
      ALLOW_PRIVATE_URLS: process.env.ALLOW_PRIVATE_URLS ?? "1",
    },
  });
  server.on("exit", (code) => {
    if (!stopping) {
      console.error(`The app stopped (exit code ${code}).`);
      void shutdown(code ?? 1);
    }
  });
  server.stdout?.on("data", (chunk: Buffer) => {
    const text = chunk.toString();
    if (/ready|started/i.test(text)) banner(db.where);
    else process.stdout.write(text);
  });
}

/** A random next-auth secret kept beside the demo data, so sessions survive a restart. */
function authSecret(): string {
  const file = path.join(ROOT, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function banner(where: string) {
  const { demoAccounts } = await import("../prisma/seed");
  const { demo, second } = demoAccounts();
  console.log(
    [
      "",
      `  Paylinks is running at ${appUrl}`,
      "",
      `  Dashboard login   ${demo.email} / ${demo.password}`,
      `  API key (sandbox) ${demo.apiKey}`,
      `  Second merchant   ${second.email} / ${second.password}   key ${second.apiKey}`,
      `  Database          ${where}`,
      `  Providers         MTN MoMo ${process.env.MTN_BASE_URL}, Orange Money ${process.env.ORANGE_BASE_URL}`,
      `  API docs          ${appUrl}/docs`,
      "",
      `  Try: curl -H 'x-api-key: ${demo.apiKey}' '${appUrl}/api/payment-links?limit=5'`,
      "",
      "  Ctrl-C stops the app and the database.",
      "",
    ].join("\n"),
  );
}

void main();
