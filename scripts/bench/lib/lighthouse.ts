/**
 * Lighthouse's mobile performance score of a page, from the `lighthouse` CLI in its own process
 * driving Debian's Chromium (never a downloaded browser). It never throws: when Lighthouse
 * cannot run, the result says why.
 */
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { BIN, ROOT } from "../../lib/database";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export type LighthouseResult =
  | {
      ok: true;
      score: number;
      metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number; totalByteWeight: number };
      reportPath: string;
    }
  | { ok: false; reason: string };

export async function lighthouseMobile(url: string, outputDir: string, timeoutMs = 150_000): Promise<LighthouseResult> {
  if (!fs.existsSync(CHROMIUM)) return { ok: false, reason: `no Chromium at ${CHROMIUM} (apt-get install -y chromium)` };
  const reportPath = path.join(outputDir, "lighthouse-pay-page.json");
  fs.rmSync(reportPath, { force: true });
  const args = [
    url,
    "--only-categories=performance",
    "--form-factor=mobile",
    `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
    "--output=json",
    `--output-path=${reportPath}`,
    "--quiet",
  ];
  const outcome = await new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(BIN("lighthouse"), args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(stopped after ${timeoutMs / 1000} s)`;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: -1, output: error.message });
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
  const lastLine = (text: string) => text.trim().split("\n").filter(Boolean).at(-1)?.slice(0, 200) ?? "no output";
  if (outcome.code !== 0 || !fs.existsSync(reportPath)) return { ok: false, reason: `lighthouse exited with ${outcome.code}: ${lastLine(outcome.output)}` };
  try {
    const report = JSON.parse(fs.readFileSync(reportPath, "utf8"));
    const score = report.categories?.performance?.score;
    if (typeof score !== "number") {
      return { ok: false, reason: `no performance score: ${report.runtimeError?.message ?? report.runWarnings?.[0] ?? "unknown"}` };
    }
    const value = (id: string) => Number(report.audits?.[id]?.numericValue ?? NaN);
    return {
      ok: true,
      score: Math.round(score * 100),
      metrics: {
        fcpMs: value("first-contentful-paint"),
        lcpMs: value("largest-contentful-paint"),
        tbtMs: value("total-blocking-time"),
        cls: value("cumulative-layout-shift"),
        speedIndexMs: value("speed-index"),
        totalByteWeight: value("total-byte-weight"),
      },
      reportPath,
    };
  } catch (error) {
    return { ok: false, reason: `unreadable report: ${error instanceof Error ? error.message : error}` };
  }
}
