import { expect, test } from "@playwright/test";

/**
 * The per-IP rate limits key on the client's real address (the socket's, as Next.js appends it
 * to X-Forwarded-For: patches/next+16.4.6.patch), not on an X-Forwarded-For the client writes.
 * Against the real `next start`: if a forged header chose the key, every request with a new
 * forged address would start a fresh window (remaining = limit - 1).
 */
test("a client-sent X-Forwarded-For does not change the rate-limit key", async ({ request }) => {
  const seen: { limit: number; remaining: number }[] = [];
  for (let i = 0; i < 4; i++) {
    const forged = `198.51.100.${10 + i}, 10.0.0.${i + 1}`;
    const response = await request.get("/api/payment-links/pay_does_not_exist", { headers: { "X-Forwarded-For": forged, "X-Real-IP": forged } });
    expect(response.status()).toBe(404);
    seen.push({ limit: Number(response.headers()["x-ratelimit-limit"]), remaining: Number(response.headers()["x-ratelimit-remaining"]) });
  }
  const { limit } = seen[0]!;
  expect(limit).toBeGreaterThan(0);
  // One key for all four: the count goes on (other tests share this address, so it may drop by more than one).
  const fresh = seen.filter((s) => s.remaining === limit - 1);
  expect(fresh.length, JSON.stringify(seen)).toBeLessThanOrEqual(1);
  for (let i = 1; i < seen.length; i++) {
    // A window may end between two requests (then the count starts again), at most once here.
    if (seen[i]!.remaining > seen[i - 1]!.remaining) expect(seen[i]!.remaining, JSON.stringify(seen)).toBe(limit - 1);
  }
});
