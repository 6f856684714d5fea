import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createRateLimiter, rateLimitFlushMs, type RateLimiter, type RateLimiterOptions } from "./consume-rate-limit";

const HOUR = 3600;
/** A whole hour a day ahead: its windows never expire (nor get swept) while the tests run. */
const base = Math.ceil((Date.now() + 86_400_000) / 3_600_000) * 3_600_000;
const inWindow = new Date(base + 1_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const bucketName = () => `test:${randomUUID()}`;
const allowedCount = (states: { allowed: boolean }[]) => states.filter((s) => s.allowed).length;
const rowCounts = async (bucket: string) =>
  (await getDb().rateLimitCounter.findMany({ where: { bucket }, orderBy: { windowStart: "asc" } })).map((row) => row.count);

const limiters: RateLimiter[] = [];
function limiter(options: RateLimiterOptions = {}): RateLimiter {
  const created = createRateLimiter(options);
  limiters.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((l) => l.close()));
});

describe("one limiter (one app instance)", () => {
  it("is exact for sequential requests, and writes only the first one before the flush", async () => {
    const rate = limiter({ flushMs: 60_000 });
    const bucket = bucketName();
    const states = [];
    for (let i = 0; i < 8; i++) states.push(await rate.consume(bucket, 5, HOUR, inWindow));
    expect(states.map((s) => s.allowed)).toEqual([true, true, true, true, true, false, false, false]);
    expect(await rowCounts(bucket)).toEqual([1]);
    await rate.flush();
    expect(await rowCounts(bucket)).toEqual([8]);
  });

  it("is exact for concurrent requests, the first of which is still being written", async () => {
    const rate = limiter();
    const bucket = bucketName();
    const states = await Promise.all(Array.from({ length: 8 }, () => rate.consume(bucket, 5, HOUR, inWindow)));
    expect(allowedCount(states)).toBe(5);
    await rate.flush();
    expect(await rowCounts(bucket)).toEqual([8]);
  });

  it("reports limit, remaining and reset (the window's end in Unix seconds)", async () => {
    const rate = limiter();
    const bucket = bucketName();
    const states = [];
    for (let i = 0; i < 4; i++) states.push(await rate.consume(bucket, 3, 60, new Date(base + 59_999)));
    const reset = (base + 60_000) / 1000;
    expect(states).toEqual([
      { limit: 3, remaining: 2, reset, allowed: true },
      { limit: 3, remaining: 1, reset, allowed: true },
      { limit: 3, remaining: 0, reset, allowed: true },
      { limit: 3, remaining: 0, reset, allowed: false },
    ]);
  });

  it("starts a new window fresh", async () => {
    const rate = limiter();
    const bucket = bucketName();
    const first = [];
    for (let i = 0; i < 3; i++) first.push(await rate.consume(bucket, 2, 60, new Date(base)));
    expect(first.map((s) => s.allowed)).toEqual([true, true, false]);

    const next = await rate.consume(bucket, 2, 60, new Date(base + 60_000));
    expect(next).toEqual({ limit: 2, remaining: 1, reset: (base + 120_000) / 1000, allowed: true });
    await rate.flush();
    expect(await rowCounts(bucket)).toEqual([3, 1]);
  });

  it("flushes in the background as soon as a bucket has batchSize requests waiting", async () => {
    const rate = limiter({ flushMs: 60_000, batchSize: 5 });
    const bucket = bucketName();
    for (let i = 0; i < 6; i++) await rate.consume(bucket, 100, HOUR, inWindow);
    for (let tries = 0; tries < 100 && (await rowCounts(bucket))[0] !== 6; tries++) await sleep(20);
    expect(await rowCounts(bucket)).toEqual([6]);
  });

  it("sweeps expired rows now and then", async () => {
    const expired = bucketName();
    const past = new Date(Date.now() - 2 * HOUR * 1000);
    await getDb().rateLimitCounter.create({ data: { bucket: expired, windowStart: past, count: 1, expiresAt: new Date(past.getTime() + 60_000) } });
    const rate = createRateLimiter({ sweepMs: 0 });
    await rate.consume(bucketName(), 5, HOUR, inWindow);
    await rate.close();
    expect(await rowCounts(expired)).toEqual([]);
  });
});

describe("several limiters (several app instances on one database)", () => {
  it("a fresh instance learns the global count with its first request", async () => {
    const [a, b] = [limiter(), limiter()];
    const bucket = bucketName();
    for (let i = 0; i < 5; i++) await a.consume(bucket, 5, HOUR, inWindow);
    await a.flush();
    expect(await b.consume(bucket, 5, HOUR, inWindow)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("stay within the stated bound while flushing, and lose no request", async () => {
    const flushMs = 20;
    const perRound = 5;
    const [a, b] = [limiter({ flushMs }), limiter({ flushMs })];
    const bucket = bucketName();
    const states = [];
    // 20 rounds, one per flush period: each sends 5 requests to each instance at once.
    for (let round = 0; round < 20; round++) {
      const sent = Array.from({ length: 2 * perRound }, (_, i) => (i % 2 ? a : b).consume(bucket, 50, HOUR, inWindow));
      states.push(...(await Promise.all(sent)));
      await sleep(flushMs);
    }
    // The bound of consume-rate-limit.ts: (I − 1) × what one instance admits in 3 flush
    // periods. Rounds are at least one flush period apart, so 3 periods hold at most 4 rounds;
    // one more round stands for the database round trips.
    const bound = (2 - 1) * (4 + 1) * perRound;
    const allowed = allowedCount(states);
    expect(allowed).toBeGreaterThanOrEqual(50);
    expect(allowed).toBeLessThanOrEqual(50 + bound);

    await Promise.all([a.flush(), b.flush()]);
    expect(await rowCounts(bucket)).toEqual([200]);
  });
});

describe("two app instances under irregular concurrent load", () => {
  it("admit at most the limit plus what one instance admits in 3 flush periods (one more for round trips), and lose no request", async () => {
    const flushMs = 25;
    const limit = 60;
    const instances = { a: limiter({ flushMs }), b: limiter({ flushMs }) };
    const bucket = bucketName();
    const log: { instance: "a" | "b"; at: number; allowed: boolean }[] = [];
    const end = Date.now() + 20 * flushMs;
    // Three clients per instance, each sending its next request 0-4 ms after the previous answer.
    const client = async (instance: "a" | "b") => {
      while (Date.now() < end) {
        const state = await instances[instance].consume(bucket, limit, HOUR, inWindow);
        log.push({ instance, at: Date.now(), allowed: state.allowed });
        await sleep(Math.floor(Math.random() * 5));
      }
    };
    await Promise.all((["a", "a", "a", "b", "b", "b"] as const).map(client));

    // The most requests one instance admitted within any span of 4 flush periods.
    const mostAdmittedIn = (instance: "a" | "b", spanMs: number) => {
      const times = log.filter((r) => r.instance === instance && r.allowed).map((r) => r.at);
      let most = 0;
      for (let i = 0, j = 0; i < times.length; i++) {
        while (times[i]! - times[j]! > spanMs) j++;
        most = Math.max(most, i - j + 1);
      }
      return most;
    };
    const allowed = allowedCount(log);
    expect(log.length).toBeGreaterThan(2 * limit); // the limit was under pressure
    expect(allowed).toBeGreaterThanOrEqual(limit);
    // Each instance alone would admit the whole limit (120 in all): together they stay near it.
    // I = 2: (I - 1) x what the other instance admitted in 3 periods; the larger of the two, plus a period for round trips.
    expect(allowed).toBeLessThanOrEqual(limit + Math.max(mostAdmittedIn("a", 4 * flushMs), mostAdmittedIn("b", 4 * flushMs)));

    await Promise.all([instances.a.flush(), instances.b.flush()]);
    expect(await rowCounts(bucket)).toEqual([log.length]);
  });

  it("a limiter closed on shutdown has written every request it counted", async () => {
    const rate = createRateLimiter({ flushMs: 60_000 });
    const bucket = bucketName();
    for (let i = 0; i < 7; i++) await rate.consume(bucket, 100, HOUR, inWindow);
    expect(await rowCounts(bucket)).toEqual([1]);
    await rate.close();
    expect(await rowCounts(bucket)).toEqual([7]);
  });
});

describe("rateLimitFlushMs", () => {
  it("reads RATE_LIMIT_FLUSH_MS, else 100", () => {
    const saved = process.env.RATE_LIMIT_FLUSH_MS;
    try {
      process.env.RATE_LIMIT_FLUSH_MS = "250";
      expect(rateLimitFlushMs()).toBe(250);
      process.env.RATE_LIMIT_FLUSH_MS = "soon";
      expect(rateLimitFlushMs()).toBe(100);
      delete process.env.RATE_LIMIT_FLUSH_MS;
      expect(rateLimitFlushMs()).toBe(100);
    } finally {
      if (saved === undefined) delete process.env.RATE_LIMIT_FLUSH_MS;
      else process.env.RATE_LIMIT_FLUSH_MS = saved;
    }
  });
});
