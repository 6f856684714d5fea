import { afterEach, describe, expect, it } from "vitest";
import { cachedAggregate, forgetAggregates, peekAggregate } from "./cached-aggregate";

afterEach(() => forgetAggregates());

describe("cachedAggregate", () => {
  it("computes once, serves the figure while fresh, then serves it once more while recomputing in the background", async () => {
    let calls = 0;
    let release!: () => void;
    const compute = async () => {
      calls++;
      if (calls === 2) await new Promise<void>((resolve) => (release = resolve));
      return calls;
    };
    const [a, b] = await Promise.all([cachedAggregate("k", 60_000, compute), cachedAggregate("k", 60_000, compute)]);
    expect([a.value, b.value, calls]).toEqual([1, 1, 1]); // one computation for concurrent callers
    expect((await cachedAggregate("k", 60_000, compute)).value).toBe(1);
    expect(calls).toBe(1);

    // Stale (ttl 0): the old figure at once, a new computation behind it, and the new figure after.
    expect((await cachedAggregate("k", 0, compute)).value).toBe(1);
    expect(calls).toBe(2);
    expect((await cachedAggregate("k", 0, compute)).value).toBe(1); // still computing: no third one
    expect(calls).toBe(2);
    release();
    await expect.poll(() => peekAggregate<number>("k")?.value).toBe(2);
  });

  it("keeps the previous figure when a recomputation fails, and reports when each was computed", async () => {
    const before = Date.now();
    const first = await cachedAggregate("k", 60_000, async () => 7);
    expect(first.asOf.getTime()).toBeGreaterThanOrEqual(before);
    expect((await cachedAggregate("k", 0, async () => Promise.reject(new Error("db away")))).value).toBe(7);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(peekAggregate<number>("k")?.value).toBe(7);
    expect(peekAggregate("other")).toBeUndefined();
  });
});
