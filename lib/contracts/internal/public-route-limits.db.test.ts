import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as mtnCallback from "@/app/api/providers/mtn/callback/route";
import * as orangeNotification from "@/app/api/providers/orange/notification/route";
import * as payStatus from "@/app/api/pay/payments/[id]/route";
import { refreshPaymentFromProvider } from "@/lib/services/payments/refresh-payment";
import { call, testIp } from "@/lib/testing/http";

// Watched, not run: a callback that gets through asks the provider for the status (here, "pending").
vi.mock("@/lib/services/payments/refresh-payment", () => ({ refreshPaymentFromProvider: vi.fn(async () => ({ outcome: "pending" })) }));

const saved = { ...process.env };
beforeEach(() => {
  vi.mocked(refreshPaymentFromProvider).mockClear();
  process.env.RATE_LIMIT_CALLBACKS_PER_IP = "3";
  process.env.RATE_LIMIT_PAY_STATUS_PER_IP = "3";
});
afterEach(() => {
  for (const name of ["RATE_LIMIT_CALLBACKS_PER_IP", "RATE_LIMIT_PAY_STATUS_PER_IP"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("provider callbacks", () => {
  it("are throttled per client IP: past the limit a 429 (with Retry-After), and the provider is not asked", async () => {
    const ip = testIp();
    const payment = randomUUID();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const answer = await call(mtnCallback.POST, { method: "POST", path: `/api/providers/mtn/callback?payment=${payment}`, headers: { "x-forwarded-for": ip }, body: {} });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.json).toEqual({ error: expect.stringMatching(/^Rate limit exceeded: 3 requests per \d+ seconds$/) });
        expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(vi.mocked(refreshPaymentFromProvider)).toHaveBeenCalledTimes(3);

    // One window for all the callbacks of the contract (MTN's PUT, Orange's notification)...
    const put = await call(mtnCallback.PUT, { method: "PUT", path: `/api/providers/mtn/callback?payment=${payment}`, headers: { "x-forwarded-for": ip }, body: {} });
    const orange = await call(orangeNotification.POST, { method: "POST", path: `/api/providers/orange/notification?payment=${payment}`, headers: { "x-forwarded-for": ip }, body: {} });
    expect([put.status, orange.status]).toEqual([429, 429]);
    // ...and another address is not affected.
    const other = await call(mtnCallback.POST, { method: "POST", path: `/api/providers/mtn/callback?payment=${payment}`, headers: { "x-forwarded-for": testIp() }, body: {} });
    expect(other.status).toBe(200);
    expect(vi.mocked(refreshPaymentFromProvider)).toHaveBeenCalledTimes(4);
  });
});

describe("the pay page's status poll", () => {
  it("is throttled per client IP", async () => {
    const ip = testIp();
    const id = randomUUID();
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await call(payStatus.GET, { path: `/api/pay/payments/${id}`, headers: { "x-forwarded-for": ip }, params: { id } })).status);
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect((await call(payStatus.GET, { path: `/api/pay/payments/${id}`, headers: { "x-forwarded-for": testIp() }, params: { id } })).status).toBe(404);
  });
});
