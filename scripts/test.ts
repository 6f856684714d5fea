/**
 * npm test: type-check, lint, unit + database tests (Vitest), build, and browser tests
 * (Playwright in Debian's Chromium). The last line is the sum over all of them:
 * `N passed, N failed`. Type-check, lint and build count as one check each.
 */
import fs from "node:fs";
import path from "node:path";
import { BIN, ROOT, migrate, openDatabase, run, type OpenDatabase } from "./lib/database";
import { seed } from "../prisma/seed";
import { disconnectDb } from "../lib/db/client";
import { startMockProviders, type MockProviders } from "../lib/providers/mock";

const OUT = path.join(ROOT, ".test-output");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const tally = { passed: 0, failed: 0 };
const failures: string[] = [];

function heading(text: string) {
  console.log(`\n=== ${text} ===`);
}

async function check(name: string, step: () => Promise<unknown>): Promise<boolean> {
  heading(name);
  try {
    await step();
    tally.passed++;
    console.log(`ok: ${name}`);
    return true;
  } catch (error) {
    tally.failed++;
    failures.push(name);
    console.error(`FAILED: ${name}\n${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** Runs a test runner that writes a JSON report, and adds its counts to the tally. */
async function suite(name: string, runner: () => Promise<unknown>, count: () => { passed: number; failed: number }) {
  heading(name);
  let crashed: unknown;
  try {
    await runner();
  } catch (error) {
    crashed = error;
  }
  let counts: { passed: number; failed: number } | undefined;
  try {
    counts = count();
  } catch {
    counts = undefined;
  }
  if (!counts || (crashed && counts.failed === 0)) {
    // The runner failed without reporting a failing test (crash, config error): count it.
    tally.failed++;
    failures.push(`${name} (did not complete)`);
    if (crashed instanceof Error) console.error(crashed.message.slice(-4000));
    if (counts) tally.passed += counts.passed;
    return;
  }
  tally.passed += counts.passed;
  tally.failed += counts.failed;
  if (counts.failed) failures.push(`${name}: ${counts.failed} failed`);
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, "utf8")) as T;
}

async function main() {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  await check("type-check (tsc --noEmit)", () => run(BIN("tsc"), ["--noEmit"]));
  await check("lint (eslint)", () => run(BIN("eslint"), ["--max-warnings", "0", "."]));

  let unitDb: OpenDatabase | undefined;
  let e2eDb: OpenDatabase | undefined;
  let mocks: MockProviders | undefined;
  try {
    heading("database");
    const external = process.env.TEST_DATABASE_URL;
    unitDb = await openDatabase({ database: "paylinks_unit", dataDirName: "test-postgres", fresh: true, externalUrl: external });
    e2eDb = external
      ? unitDb
      : await openDatabase({ database: "paylinks_e2e", dataDirName: "test-postgres-e2e", fresh: true });
    await migrate(unitDb.url);
    if (e2eDb !== unitDb) await migrate(e2eDb.url);
    console.log(`unit tests: ${unitDb.where}\nbrowser tests: ${e2eDb.where}`);

    const vitestJson = path.join(OUT, "vitest.json");
    await suite(
      "unit and database tests (vitest)",
      () => run(BIN("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { TEST_DATABASE_URL: unitDb!.url }),
      () => {
        const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number; success: boolean }>(vitestJson);
        return { passed: report.numPassedTests, failed: report.numFailedTests };
      },
    );

    heading("browser tests (playwright)");
    if (!fs.existsSync(CHROMIUM)) {
      tally.failed++;
      failures.push("browser tests: Chromium missing");
      console.error(
        `Chromium is not installed at ${CHROMIUM}. The browser tests use Debian's Chromium and never download one.\n` +
          `Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n` +
          `(or set CHROMIUM_PATH to a Chromium binary).`,
      );
      return;
    }
    process.env.DATABASE_URL = e2eDb.url;
    const seeded = await check("seed the browser-test database", async () => console.log(await seed({})));
    await disconnectDb();
    const built = seeded && (await check("build (next build)", () => run(BIN("next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" })));
    if (!built) return;
    const playwrightJson = path.join(OUT, "playwright.json");
    mocks = await startMockProviders({ approvalDelayMs: 1000 });
    const providers = { MTN_BASE_URL: mocks.mtnUrl, ORANGE_BASE_URL: mocks.orangeUrl };
    await suite(
      "browser tests (playwright)",
      () => run(BIN("playwright"), ["test"], { E2E_DATABASE_URL: e2eDb!.url, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson, ...providers }),
      () => {
        const { stats } = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(playwrightJson);
        return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
      },
    );
  } finally {
    await mocks?.close();
    await disconnectDb();
    await e2eDb?.stop();
    if (e2eDb !== unitDb) await unitDb?.stop();
  }
}

main()
  .catch((error: unknown) => {
    tally.failed++;
    failures.push("test harness");
    console.error(error instanceof Error ? error.stack : error);
  })
  .finally(() => {
    console.log("");
    if (failures.length) console.log(`Failed: ${failures.join("; ")}`);
    console.log(`${tally.passed} passed, ${tally.failed} failed`);
    process.exit(tally.failed > 0 ? 1 : 0);
  });
