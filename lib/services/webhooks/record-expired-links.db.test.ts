/**
 * The link.expired sweeper. Every call is limited to the test's own merchant (other test files
 * expire links in the same database at the same time).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { WEBHOOK_BODY_SCHEMAS } from "@/lib/domain/webhooks/payloads";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { updateLink } from "@/lib/services/links/update-link";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { createWebhookEndpoint } from "./create-endpoint";
import { recordExpiredLinks } from "./record-expired-links";

beforeEach(() => {
  vi.stubEnv("ALLOW_PRIVATE_URLS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const MINUTE = 60_000;

/** Sets a link's expiry in the past (or anywhere) without going through the rules. */
async function setExpiry(linkId: string, at: Date) {
  await getDb().paymentLink.update({ where: { id: linkId }, data: { expiresAt: at } });
}

const expiredEvents = (scope: MerchantScope) =>
  getDb().event.findMany({ where: { merchantId: scope.merchantId, type: "link.expired" }, orderBy: { createdAt: "asc" } });

const sweep = (scope: MerchantScope, now = new Date(), limit?: number) => recordExpiredLinks(now, { merchantId: scope.merchantId, limit });

describe("recordExpiredLinks", () => {
  it("records one link.expired per link past its expiry, with its webhooks, and none twice", async () => {
    const scope = await createMerchant("Sweeper");
    const endpoint = await createWebhookEndpoint(scope, { url: "https://hooks.example.com/x", events: ["link.expired"] });
    const now = new Date();
    const expired = await createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) });
    const later = await createTestLink(scope, { expiresAt: new Date(Date.now() + 60 * MINUTE) });
    const never = await createTestLink(scope);
    const cancelled = await createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) });
    await cancelLink(scope, cancelled.id);
    const old = await createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) });
    await setExpiry(expired.id, new Date(now.getTime() - MINUTE));
    await setExpiry(cancelled.id, new Date(now.getTime() - MINUTE));
    await setExpiry(old.id, new Date(now.getTime() - 8 * 24 * 60 * MINUTE));

    expect(await sweep(scope, now)).toBe(1);
    expect(await sweep(scope, now)).toBe(0);
    const events = await expiredEvents(scope);
    expect(events.map((e) => [e.linkId, e.actor, e.data])).toEqual([[expired.id, "system", { expires_at: new Date(now.getTime() - MINUTE).toISOString() }]]);
    expect([later.id, never.id, cancelled.id, old.id]).not.toContain(events[0]!.linkId);

    const [message] = await getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId, channel: "WEBHOOK" } });
    expect(message).toMatchObject({ kind: "link.expired", endpointId: endpoint.id, eventId: events[0]!.id, status: "PENDING" });
    const body = WEBHOOK_BODY_SCHEMAS["link.expired"].parse(message!.payload) as { data: { id: string; status: string } };
    expect(body.data).toMatchObject({ id: expired.id, status: "EXPIRED" });

    // The link that expires later gets its event once that time has come.
    expect(await sweep(scope, new Date(now.getTime() + 61 * MINUTE))).toBe(1);
    expect((await expiredEvents(scope)).map((e) => e.linkId)).toEqual([expired.id, later.id]);
  });

  it("a link whose expiry the merchant moved later expires again, and gets a second event", async () => {
    const scope = await createMerchant("Sweeper again");
    const link = await createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) });
    await setExpiry(link.id, new Date(Date.now() - MINUTE));
    expect(await sweep(scope)).toBe(1);
    const next = new Date(Date.now() + 2 * MINUTE);
    await updateLink(scope, link.id, { expiresAt: next });
    expect(await sweep(scope)).toBe(0);
    expect(await sweep(scope, new Date(next.getTime() + 1000))).toBe(1);
    expect(await sweep(scope, new Date(next.getTime() + 2000))).toBe(0);
    expect((await expiredEvents(scope)).map((e) => (e.data as { expires_at: string }).expires_at).at(-1)).toBe(next.toISOString());
  });

  it("works in batches of `limit`", async () => {
    const scope = await createMerchant("Sweeper batches");
    const links = await Promise.all(Array.from({ length: 5 }, () => createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) })));
    for (const link of links) await setExpiry(link.id, new Date(Date.now() - MINUTE));
    expect(await sweep(scope, new Date(), 2)).toBe(2);
    expect(await sweep(scope, new Date(), 2)).toBe(2);
    expect(await sweep(scope, new Date(), 2)).toBe(1);
    expect(await sweep(scope, new Date(), 2)).toBe(0);
    expect(new Set((await expiredEvents(scope)).map((e) => e.linkId))).toEqual(new Set(links.map((l) => l.id)));
  });

  it("records each expiry exactly once when many instances sweep at the same time", async () => {
    const scope = await createMerchant("Sweeper race");
    await createWebhookEndpoint(scope, { url: "https://hooks.example.com/race", events: ["link.expired"] });
    const links = await Promise.all(Array.from({ length: 12 }, () => createTestLink(scope, { expiresAt: new Date(Date.now() + MINUTE) })));
    for (const link of links) await setExpiry(link.id, new Date(Date.now() - MINUTE));

    // Rounds of 8 concurrent sweeps, 5 links each at most, until one round finds nothing.
    let recorded = 0;
    for (let round = 0; round < 10; round++) {
      const counts = await Promise.all(Array.from({ length: 8 }, () => sweep(scope, new Date(), 5)));
      recorded += counts.reduce((a, b) => a + b, 0);
      if (counts.every((c) => c === 0) && recorded >= links.length) break;
    }
    expect(recorded).toBe(12);
    const events = await expiredEvents(scope);
    expect(events).toHaveLength(12);
    expect(new Set(events.map((e) => e.linkId)).size).toBe(12);
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId, kind: "link.expired" } })).toBe(12);
  });
});
