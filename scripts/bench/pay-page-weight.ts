/**
 * How much the pay page weighs on a slow mobile network, as ratios against the barest page of
 * the same app (/bench-baseline), measured in the same run against a production build:
 * HTML, JavaScript and CSS bytes, raw and gzipped (what a phone downloads).
 *
 *   npx tsx scripts/bench/pay-page-weight.ts            # builds first
 *   npx tsx scripts/bench/pay-page-weight.ts --no-build # reuse .next
 */
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { BIN, ROOT, migrate, openDatabase, run } from "../lib/database";
import { seed, demoAccounts } from "../../prisma/seed";
import { disconnectDb } from "../../lib/db/client";

const PORT = Number(process.env.BENCH_PORT ?? 3200);
const BASE = `http://127.0.0.1:${PORT}`;

interface Weight {
  htmlRaw: number;
  htmlGzip: number;
  jsRaw: number;
  jsGzip: number;
  cssRaw: number;
  cssGzip: number;
  scripts: number;
}

async function weigh(path: string): Promise<Weight> {
  const html = await (await fetch(BASE + path, { headers: { "Accept-Language": "fr" } })).text();
  const assets = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map((m) => m[1]!))];
  const scripts = assets(/<script[^>]+src="([^"]+)"/g);
  const styles = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const sizes = async (urls: string[]) => {
    const bodies = await Promise.all(urls.map(async (url) => Buffer.from(await (await fetch(BASE + url)).arrayBuffer())));
    return { raw: bodies.reduce((n, b) => n + b.length, 0), gzip: bodies.reduce((n, b) => n + gzipSync(b).length, 0) };
  };
  const js = await sizes(scripts);
  const css = await sizes(styles);
  return {
    htmlRaw: Buffer.byteLength(html),
    htmlGzip: gzipSync(html).length,
    jsRaw: js.raw,
    jsGzip: js.gzip,
    cssRaw: css.raw,
    cssGzip: css.gzip,
    scripts: scripts.length,
  };
}

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
      env: { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", RECONCILER: "off" },
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

    const baseline = await weigh("/bench-baseline");
    const pay = await weigh(`/pay/${data.slug}`);
    const rows: [string, keyof Weight][] = [
      ["HTML (gzip)", "htmlGzip"],
      ["JavaScript (gzip)", "jsGzip"],
      ["CSS (gzip)", "cssGzip"],
      ["HTML (raw)", "htmlRaw"],
      ["JavaScript (raw)", "jsRaw"],
      ["script files", "scripts"],
    ];
    const total = (w: Weight) => w.htmlGzip + w.jsGzip + w.cssGzip;
    console.log("\nPay page weight against the bare page of the same app (same build, same run)\n");
    console.log("| measure | baseline | pay page | ratio |\n|---|---:|---:|---:|");
    for (const [label, key] of rows) {
      console.log(`| ${label} | ${baseline[key]} | ${pay[key]} | ${(pay[key] / Math.max(1, baseline[key])).toFixed(2)} |`);
    }
    console.log(`| total download (gzip) | ${total(baseline)} | ${total(pay)} | ${(total(pay) / total(baseline)).toFixed(2)} |`);
  } finally {
    server?.kill("SIGTERM");
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
