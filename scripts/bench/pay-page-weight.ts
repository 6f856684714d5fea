/**
 * How much the pay page weighs on a slow mobile network, as ratios against the barest page of
 * the same app (/bench-baseline), measured in the same run against a production build:
 * HTML, JavaScript and CSS bytes, raw and as sent gzipped (what a phone downloads). `npm run bench`
 * measures the same against the barest dynamic page, with the rest of the benchmark.
 *
 *   npx tsx scripts/bench/pay-page-weight.ts            # builds first
 *   npx tsx scripts/bench/pay-page-weight.ts --no-build # reuse .next
 */
import { spawn } from "node:child_process";
import { BIN, ROOT, migrate, openDatabase, run } from "../lib/database";
import { seed, demoAccounts } from "../../prisma/seed";
import { disconnectDb } from "../../lib/db/client";
import { weighPage, type PageWeight } from "./lib/weight";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;
const BROWSER = { "accept-language": "fr" };

async function main() {
  const db = await openDatabase({ database: "paylinks_bench", dataDirName: "bench-postgres", fresh: true });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    await seed({});
    await disconnectDb();
    if (!process.argv.includes("--no-build")) await run(BIN("next"), ["build"], {}, true);
    server = spawn(BIN("next"), ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
      cwd: ROOT,
      // A production server refuses to start without APP_URL and AUTH_SECRET (next.config.mjs).
      env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", RECONCILER: "off", APP_URL: BASE, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-not-for-production-0123456789" },
      stdio: "ignore",
    });
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(`${BASE}/bench-baseline`)).ok) break;
      } catch {
        if (i > 120) throw new Error("the app did not start");
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const created = await fetch(`${BASE}/api/payment-links/create`, {
      method: "POST",
      headers: { "x-api-key": demoAccounts({}).demo.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ amount: 15000, description: "Robe wax sur mesure" }),
    });
    const { data } = (await created.json()) as { data: { slug: string } };

    const baseline = await weighPage(BASE, "/bench-baseline", BROWSER);
    const pay = await weighPage(BASE, `/pay/${data.slug}`, BROWSER);
    const rows: [string, (w: PageWeight) => number][] = [
      ["HTML (gzip)", (w) => w.html.wire],
      ["JavaScript (gzip)", (w) => w.js.wire],
      ["CSS (gzip)", (w) => w.css.wire],
      ["HTML (raw)", (w) => w.html.raw],
      ["JavaScript (raw)", (w) => w.js.raw],
      ["script files", (w) => w.scripts],
      ["total download (gzip)", (w) => w.total],
    ];
    console.log("\nPay page weight against the bare page of the same app (same build, same run), as sent to a browser that accepts gzip\n");
    console.log("| measure | baseline | pay page | ratio |\n|---|---:|---:|---:|");
    for (const [label, value] of rows) {
      console.log(`| ${label} | ${value(baseline)} | ${value(pay)} | ${(value(pay) / Math.max(1, value(baseline))).toFixed(2)} |`);
    }
  } finally {
    server?.kill("SIGTERM");
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
