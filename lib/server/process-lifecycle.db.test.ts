import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createMerchant, createTestLink } from "@/lib/testing/factories";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Starts process-fixture.ts (a `next start` stand-in holding `views` views in memory), sends `signal`, returns its exit code. */
async function runAndStop(
  args: { linkId: string; merchantId: string; bucket: string; views: number },
  signal: NodeJS.Signals,
  env: Record<string, string> = {},
): Promise<number | null> {
  // node itself with tsx's loader (the tsx command would be a parent relaying signals, and SIGKILL would orphan the child).
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "lib/server/process-fixture.ts", args.linkId, args.merchantId, args.bucket, String(args.views)],
    {
      cwd: ROOT,
      // Nothing is written on a timer while the test runs: only the shutdown can write.
      env: { ...process.env, VIEW_FLUSH_MS: "600000", RATE_LIMIT_FLUSH_MS: "600000", ...env },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`the fixture exited early (${code})`)));
  });
  child.kill(signal);
  return exited;
}

const views = async (linkId: string) => (await getDb().linkViewDay.findMany({ where: { linkId } })).reduce((sum, day) => sum + day.views, 0);
const requests = async (bucket: string) => (await getDb().rateLimitCounter.findMany({ where: { bucket } })).reduce((sum, row) => sum + row.count, 0);

describe("a clean shutdown (SIGTERM, as `next start` gets it)", () => {
  it("writes the pay-page views and rate-limit counts held in memory before the process exits", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const bucket = `shutdown:${randomUUID()}`;
    const code = await runAndStop({ linkId: link.id, merchantId: scope.merchantId, bucket, views: 7 }, "SIGTERM");
    expect(code).toBe(143);
    expect(await views(link.id)).toBe(7);
    expect(await requests(bucket)).toBe(5);
  });

  it("does the same on SIGINT when the app handles signals itself (NEXT_MANUAL_SIG_HANDLE), and exits", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const bucket = `shutdown:${randomUUID()}`;
    const code = await runAndStop({ linkId: link.id, merchantId: scope.merchantId, bucket, views: 3 }, "SIGINT", { NEXT_MANUAL_SIG_HANDLE: "1" });
    expect(code).toBe(130);
    expect(await views(link.id)).toBe(3);
    expect(await requests(bucket)).toBe(5);
  });

  it("is what saves them: a process killed outright loses its last flush period", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope);
    const bucket = `shutdown:${randomUUID()}`;
    await runAndStop({ linkId: link.id, merchantId: scope.merchantId, bucket, views: 7 }, "SIGKILL");
    expect(await views(link.id)).toBe(0);
    // The first request of a window is written at once (the limiter learns the global count); the 4 after it were in memory.
    expect(await requests(bucket)).toBe(1);
  });
});
