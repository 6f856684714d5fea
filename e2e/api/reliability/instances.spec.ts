/**
 * Several app instances over one database, and instances that die. Each test starts its own
 * `next start` processes of the same build on ports of its own (the database is the browser
 * tests'), with a merchant of its own, and checks the database afterwards:
 * - two instances: 400 concurrent redeems spread over both on a link with max_uses = 100 reserve
 *   exactly 100; a rate limit holds across both; an Idempotency-Key sent to both creates one
 *   link; the outbox and the reconciler, running in both, do each piece of work once;
 * - SIGKILL in the middle of a redeem load, then a restart: no payment lost, no use counted
 *   twice, the pending payments reconciled;
 * - SIGTERM: requests in flight finish, the process exits by itself.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { createTenant, query, startInstance, uniqueMtnNumber, type Instance, type Tenant } from "../../support/instances";

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** Hundreds of redeems of one link from one address, on purpose: the throttles are tested elsewhere. */
const LOAD = { RATE_LIMIT_PER_IP: "100000", REDEEM_RATE_LIMIT_PER_LINK: "100000" };

const PORTS = { first: 3211, second: 3212, killed: 3213, drained: 3214, noDatabase: 3215 };

/** Sends `count` requests with at most `concurrency` in flight; resolves with every status. */
async function load(count: number, concurrency: number, send: (i: number) => Promise<number>): Promise<number[]> {
  const statuses: number[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        statuses[i] = await send(i).catch(() => 0);
      }
    }),
  );
  return statuses;
}

/** What the servers logged as errors, for failure messages. */
const errorsOf = (...instances: Instance[]) =>
  instances
    .flatMap((i) => i.output().split("\n"))
    .filter((line) => /error|unexpected/i.test(line))
    .slice(0, 40)
    .join("\n");

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((all, s) => ({ ...all, [s]: (all[s] ?? 0) + 1 }), {});

async function createLink(instance: Instance, tenant: Tenant, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${instance.url}/api/payment-links/create`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": tenant.apiKey, ...headers },
    body: JSON.stringify({ amount: 1000, description: "Reliability", ...body }),
  });
  return { status: response.status, json: (await response.json()) as { data: { id: string; slug: string } } };
}

const redeem = (instance: Instance, slug: string) =>
  fetch(`${instance.url}/api/payment-links/${slug}/redeem`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone_number: uniqueMtnNumber(), provider: "MTN_CAM" }),
  }).then((r) => r.status);

/** Waits until `check` holds (polling the database), or fails with what it last saw. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`not reached within ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    value = await read();
  }
  return value;
}

/** The link's uses and its payments by status, read in one statement (one snapshot: nothing moves between the two). */
async function linkUses(linkId: string) {
  const [row] = await query<{ current_uses: number; status: string; payments: Record<string, number> | null }>(
    `SELECT l.current_uses, l.status,
            (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM payments WHERE link_id = l.id GROUP BY status) s) AS payments
     FROM payment_links l WHERE l.id = $1`,
    [linkId],
  );
  return { uses: row!.current_uses, status: row!.status, payments: row!.payments ?? {} };
}

test.describe("two instances over one database", () => {
  let first: Instance;
  let second: Instance;
  let tenant: Tenant;
  // A webhook receiver that counts each delivery by its webhook-id.
  const deliveries = new Map<string, number>();
  let receiver: http.Server;

  test.beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const id = String(req.headers["webhook-id"] ?? "");
      req.resume();
      req.on("end", () => {
        deliveries.set(id, (deliveries.get(id) ?? 0) + 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    tenant = await createTenant("Two instances shop");
    await query(
      `INSERT INTO webhook_endpoints (id, merchant_id, url, events, updated_at)
       VALUES (gen_random_uuid(), $1, $2, ARRAY['link.created','payment.succeeded','payment.failed'], now())`,
      [tenant.merchantId, `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`],
    );
    // A low limit per API key (to see it hold across both), none that matters per address.
    const env = { ...LOAD, RATE_LIMIT_PER_CREDENTIAL: "20", WORKER_INTERVAL_MS: "200", RECONCILE_INTERVAL_MS: "500" };
    [first, second] = await Promise.all([startInstance(PORTS.first, env), startInstance(PORTS.second, env)]);
  });

  test.afterAll(async () => {
    await Promise.all([first?.stop("SIGKILL"), second?.stop("SIGKILL")]);
    await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  });

  test("400 redeems over both on a link with max_uses = 100 reserve exactly 100", async () => {
    const { json } = await createLink(first, tenant, { max_uses: 100 });
    const statuses = await load(400, 40, (i) => redeem(i % 2 ? second : first, json.data.slug));
    expect(tally(statuses), errorsOf(first, second)).toEqual({ 200: 100, 410: 300 });
    const uses = await linkUses(json.data.id);
    expect(uses.uses).toBe(100);
    expect(Object.values(uses.payments).reduce((a, b) => a + b, 0)).toBe(100);

    // Both reconcilers poll the 100 payments; each is settled once: one payment.succeeded event each.
    await eventually(
      () => linkUses(json.data.id),
      (u) => u.payments.SUCCESSFUL === 100,
    );
    const events = await query<{ payment_id: string; n: string }>(
      "SELECT payment_id, count(*)::text AS n FROM events WHERE link_id = $1 AND type = 'payment.succeeded' GROUP BY payment_id",
      [json.data.id],
    );
    expect(events).toHaveLength(100);
    expect(events.every((e) => e.n === "1")).toBe(true);
  });

  test("an Idempotency-Key sent to both instances at once creates one link", async () => {
    const key = `idem-${Date.now()}`;
    const description = `Idempotent ${key}`;
    const [a, b] = await Promise.all([
      createLink(first, tenant, { description }, { "Idempotency-Key": key }),
      createLink(second, tenant, { description }, { "Idempotency-Key": key }),
    ]);
    expect([a.status, b.status].filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    expect([a.status, b.status].every((s) => s === 200 || s === 409)).toBe(true);
    const rows = await query("SELECT id FROM payment_links WHERE merchant_id = $1 AND description = $2", [tenant.merchantId, description]);
    expect(rows).toHaveLength(1);
    if (a.status === 200 && b.status === 200) expect(a.json.data.id).toBe(b.json.data.id);
  });

  test("an API key's rate limit holds across both instances", async () => {
    // A fresh key: its window holds only these requests. 20 a minute; 60 requests alternating.
    const own = await createTenant("Rate limited shop");
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const instance = i % 2 ? second : first;
      statuses.push((await fetch(`${instance.url}/api/payment-links?limit=1`, { headers: { "x-api-key": own.apiKey } })).status);
    }
    const admitted = statuses.filter((s) => s === 200).length;
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    // Counted apart, each instance would admit 20 (40 in all). Shared, the limit is 20, plus what
    // one instance can admit before the other's counts reach the database (README: the bound).
    expect(admitted).toBeGreaterThanOrEqual(20);
    expect(admitted).toBeLessThanOrEqual(30);
  });

  test("the outbox, run by both instances, delivers each webhook once", async () => {
    const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createLink(i % 2 ? second : first, tenant, { description: `hook ${i}` })));
    expect(created.every((c) => c.status === 200 || c.status === 429)).toBe(true);
    const messages = await eventually(
      () => query<{ id: string; status: string }>("SELECT id, status FROM outbox_messages WHERE merchant_id = $1 AND channel = 'WEBHOOK'", [tenant.merchantId]),
      (rows) => rows.length > 0 && rows.every((r) => r.status === "SENT"),
    );
    const sent = [...deliveries.entries()].filter(([id]) => id);
    expect(sent.length).toBe(messages.length);
    expect(sent.filter(([, count]) => count !== 1)).toEqual([]);
  });
});

test("SIGKILL in the middle of a redeem load, then a restart: nothing lost, nothing counted twice", async () => {
  const tenant = await createTenant("Killed instance shop");
  let instance = await startInstance(PORTS.killed, { ...LOAD, RECONCILE_INTERVAL_MS: "500" });
  const { json } = await createLink(instance, tenant, { max_uses: 100 });
  const accepted: number[] = [];
  const running = load(300, 30, async () => {
    const status = await redeem(instance, json.data.slug);
    if (status === 200) accepted.push(status);
    return status;
  });
  // Let some redeems through, then kill the server mid-load.
  await eventually(async () => accepted.length, (n) => n >= 20, 30_000);
  expect(await instance.stop("SIGKILL")).toBeNull();
  const statuses = await running;
  expect(statuses.every((s) => s === 0 || s === 200 || s === 410)).toBe(true);

  // Every answered 200 is a payment; the uses count exactly the payments that hold one.
  const afterKill = await linkUses(json.data.id);
  const held = (afterKill.payments.PENDING ?? 0) + (afterKill.payments.SUCCESSFUL ?? 0);
  expect(afterKill.uses).toBe(held);
  expect(held).toBeGreaterThanOrEqual(accepted.length);

  // Restarted, the reconciler settles what the killed process left pending; the rest can be sold.
  instance = await startInstance(PORTS.killed, { ...LOAD, RECONCILE_INTERVAL_MS: "500" });
  try {
    const settled = await eventually(
      () => linkUses(json.data.id),
      (u) => !u.payments.PENDING,
    );
    expect(settled.uses).toBe(settled.payments.SUCCESSFUL ?? 0);
    const more = await load(150, 30, () => redeem(instance, json.data.slug));
    expect(more.every((s) => s === 200 || s === 410)).toBe(true);
    const final = await linkUses(json.data.id);
    expect(final.uses).toBe(100);
    expect((final.payments.PENDING ?? 0) + (final.payments.SUCCESSFUL ?? 0)).toBe(100);
  } finally {
    await instance.stop("SIGKILL");
  }
});

test("SIGTERM: requests in flight finish, then the process exits", async () => {
  const tenant = await createTenant("Drained instance shop");
  const instance = await startInstance(PORTS.drained, LOAD);
  const { json } = await createLink(instance, tenant, { max_uses: 100 });
  const inFlight = load(40, 20, () => redeem(instance, json.data.slug));
  await new Promise((resolve) => setTimeout(resolve, 150));
  const started = Date.now();
  const code = await instance.stop("SIGTERM");
  const statuses = await inFlight;
  expect(Date.now() - started).toBeLessThan(30_000);
  // 143 is 128 + SIGTERM: the conventional exit of a process that stopped on SIGTERM by itself.
  expect([0, 143], instance.output()).toContain(code);
  // Requests already accepted were answered; the ones that came after the listener closed were refused (0).
  expect(statuses.filter((s) => s !== 0).every((s) => s === 200)).toBe(true);
  const uses = await linkUses(json.data.id);
  expect(uses.uses).toBe(statuses.filter((s) => s === 200).length);
});

test("with its database unreachable, an instance answers 503: the health check, each contract's envelope, the pay page in the customer's language", async () => {
  const instance = await startInstance(PORTS.noDatabase, { DATABASE_URL: "postgresql://paylinks:x@127.0.0.1:9/paylinks", DATABASE_CONNECT_TIMEOUT_MS: "1000" }, { healthy: false });
  try {
    const health = await fetch(`${instance.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: "unavailable", database: "down" });

    const instanvi = await fetch(`${instance.url}/api/payment-links/pay_anything`);
    expect(instanvi.status).toBe(503);
    expect(instanvi.headers.get("retry-after")).toBe("5");
    expect(await instanvi.json()).toMatchObject({ status_code: 503, data: {} });

    const started = Date.now();
    const page = await fetch(`${instance.url}/pay/pay_anything`, { headers: { "accept-language": "en-GB,en;q=0.9" } });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(page.status).toBe(503);
    const html = await page.text();
    expect(html).toContain("Try again in a moment");
    expect(html).not.toMatch(/Error:|at .*\.js/);
    expect(await (await fetch(`${instance.url}/pay/pay_anything?lang=fr`)).text()).toContain("Réessayez dans un instant");
  } finally {
    await instance.stop("SIGKILL");
  }
});
