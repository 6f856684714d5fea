/**
 * `npm run worker` as a real process, killed with SIGKILL in the middle of its deliveries:
 * nothing is lost. A second worker process picks up what the first had claimed once the
 * claims expire (WORKER_LEASE_MS, short here), and every message ends SENT, marked once.
 *
 * Why a message may reach the receiver twice: a message in flight when the process died may
 * well have been received (the receiver answered, but the worker died before recording it).
 * Its row is still SENDING under a claim nobody renews; once the claim expires another worker
 * claims it and sends it again, with the same webhook-id. That is the at-least-once promise,
 * and why receivers dedupe on webhook-id. What must never happen is a message nobody sends
 * (lost) or a row marked SENT twice; a database trigger below counts the SENT marks.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { startReceiver, type Receiver } from "./test-receiver";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const COUNT = 60;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  // Slow: the worker always has deliveries in flight when it is killed.
  receiver.answer(() => ({ status: 200, delayMs: 150 }));
  const db = getDb();
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS test_outbox_sent_marks (message_id uuid NOT NULL, marked_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_outbox_mark_sent() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO test_outbox_sent_marks (message_id) VALUES (NEW.id);
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_outbox_mark_sent ON outbox_messages`);
  await db.$executeRawUnsafe(`
    CREATE TRIGGER test_outbox_mark_sent AFTER UPDATE OF status ON outbox_messages
       FOR EACH ROW WHEN (NEW.status = 'SENT') EXECUTE FUNCTION test_outbox_mark_sent()`);
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await receiver.close();
  const db = getDb();
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_outbox_mark_sent ON outbox_messages`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_outbox_mark_sent()`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS test_outbox_sent_marks`);
});

const children = new Set<ChildProcess>();

/**
 * `npm run worker` for one merchant: scripts/worker.ts under --conditions=react-server with
 * tsx's loader, as `tsx --conditions=react-server scripts/worker.ts` runs it, except that node
 * runs the script in this very process (tsx's command line would run it in a child process of
 * its own, and a SIGKILL to tsx would leave that child running).
 */
function spawnWorker(merchantId: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let output = "";
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts", `--merchant=${merchantId}`], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL,
      ALLOW_PRIVATE_URLS: "1",
      WORKER_INTERVAL_MS: "100",
      WORKER_BATCH_SIZE: "10",
      WORKER_CONCURRENCY: "4",
      // Claims expire quickly, so the second worker need not wait a minute for the first one's.
      WORKER_LEASE_MS: "2000",
      OUTBOX_BACKOFF_BASE_MS: "100",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  children.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on("exit", (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; worker output:\n${output()}`);
    await sleep(50);
  }
}

describe("a worker process killed mid-run", () => {
  it("loses nothing: another worker delivers every message, each marked SENT exactly once", { timeout: 120_000 }, async () => {
    const secret = `whsec_${randomBytes(24).toString("base64")}`;
    const merchant = await getDb().merchant.create({ data: { name: "Worker process test", webhookSecret: secret } });
    await getDb().outboxMessage.createMany({
      data: Array.from({ length: COUNT }, (_, n) => ({
        merchantId: merchant.id,
        channel: "WEBHOOK" as const,
        destination: `${receiver.url}/hooks`,
        kind: "payment.succeeded",
        payload: { type: "payment.succeeded", timestamp: new Date().toISOString(), data: { n } },
      })),
    });
    const ids = (await getDb().outboxMessage.findMany({ where: { merchantId: merchant.id }, select: { id: true } })).map((m) => m.id);
    const inFlight = () => getDb().outboxMessage.count({ where: { merchantId: merchant.id, status: "SENDING" } });

    const first = spawnWorker(merchant.id);
    await waitFor("the first worker's deliveries", () => receiver.requests.length >= 15, 60_000, first.output);
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();
    // A statement the worker sent just before it died may still commit: let it.
    await sleep(200);
    const receivedBeforeKill = receiver.requests.map((r) => String(r.headers["webhook-id"]));
    const sentAtKill = new Set(
      (await getDb().outboxMessage.findMany({ where: { merchantId: merchant.id, status: "SENT" }, select: { id: true } })).map((m) => m.id),
    );
    const sentBeforeKill = sentAtKill.size;
    const claimedWhenKilled = await inFlight();
    // Killed mid-run: some messages were claimed (in flight or waiting their turn) and nothing will record them.
    expect(claimedWhenKilled).toBeGreaterThan(0);
    expect(sentBeforeKill).toBeLessThan(COUNT);

    const second = spawnWorker(merchant.id);
    try {
      await waitFor(
        "every message SENT",
        async () => (await getDb().outboxMessage.count({ where: { merchantId: merchant.id, status: "SENT" } })) === COUNT,
        60_000,
        second.output,
      );
    } finally {
      second.child.kill("SIGTERM");
    }
    expect(await second.exited).toBe(0);
    expect(second.output()).toContain("Worker started");

    // Every message reached the receiver at least once, signed.
    const received = receiver.requests.map((r) => String(r.headers["webhook-id"]));
    expect(new Set(received)).toEqual(new Set(ids));
    for (const request of receiver.requests) {
      expect(() => new Webhook(secret).verify(request.body, request.headers as Record<string, string>)).not.toThrow();
    }
    // Only messages the killed worker had claimed can have been sent twice...
    expect(received.length - COUNT).toBeLessThanOrEqual(claimedWhenKilled);
    // ...and those it had sent without recording it (in flight when it died) were sent again.
    for (const id of receivedBeforeKill.filter((id) => !sentAtKill.has(id))) {
      expect(received.filter((r) => r === id).length).toBeGreaterThanOrEqual(2);
    }

    // Every row SENT, and marked SENT exactly once.
    const marks = await getDb().$queryRaw<{ message_id: string; marks: number }[]>`
      SELECT message_id::text, count(*)::int AS marks FROM test_outbox_sent_marks
       WHERE message_id = ANY(${ids}::uuid[]) GROUP BY message_id`;
    expect(marks).toHaveLength(COUNT);
    expect(marks.every((m) => m.marks === 1)).toBe(true);
    const rows = await getDb().outboxMessage.findMany({ where: { merchantId: merchant.id } });
    expect(rows.every((m) => m.status === "SENT" && m.sentAt !== null && m.lockedUntil === null)).toBe(true);
  });
});
