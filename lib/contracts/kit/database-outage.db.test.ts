/**
 * The database goes away and comes back. The app's database client is pointed at a TCP relay in
 * front of the test database, which the test turns off in two ways: connections refused or cut
 * (the server stopped), and connections that are accepted but never answered (a network that
 * drops packets). Meanwhile every contract answers a 503 in its own envelope, with Retry-After,
 * within a bounded time; the health check says the database is down. When the relay is turned
 * back on, the same requests succeed with no restart.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";
import { POST as cmCreate } from "@/app/api/cm/paymentlink/v1/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as statusPoll } from "@/app/api/pay/payments/[id]/route";
import { GET as instanviGet } from "@/app/api/payment-links/[key]/route";
import { GET as instanviList } from "@/app/api/payment-links/route";
import { GET as syliusPayment } from "@/app/api/v1/payments/[id]/route";
import { GET as cycleOrderLink } from "@/app/api/v1/payments/order/[id]/payment-link.json/route";
import { GET as zeamsterList } from "@/app/api/zeamster/v2/paylinks/route";
import { cm } from "@/lib/contracts/cm/contract";
import { cycleSoftware } from "@/lib/contracts/cyclesoftware/contract";
import { instanvi } from "@/lib/contracts/instanvi/contract";
import { payPageApi } from "@/lib/contracts/internal/contracts";
import { healthSchema } from "@/lib/contracts/internal/operations";
import { sylius } from "@/lib/contracts/sylius/contract";
import { zeamster } from "@/lib/contracts/zeamster/contract";
import { disconnectDb } from "@/lib/db/client";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { call, createApiKey, type CallResult } from "@/lib/testing/http";

type Mode = "up" | "refuse" | "blackhole";

/** A TCP relay to the test database that can refuse, swallow, or pass connections. */
async function startRelay(target: { host: string; port: number }) {
  let mode: Mode = "up";
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    open.add(client);
    client.on("close", () => open.delete(client));
    client.on("error", () => undefined);
    if (mode === "refuse") return void client.destroy();
    if (mode === "blackhole") return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    open.add(upstream);
    upstream.on("close", () => open.delete(upstream));
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    set(next: Mode) {
      mode = next;
      // Whatever was open dies with the outage, as when the server stops or the network drops.
      if (next !== "up") for (const socket of open) socket.destroy();
    },
    close: () => new Promise<void>((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve());
    }),
  };
}

const saved = { ...process.env };
let relay: Awaited<ReturnType<typeof startRelay>>;
let apiKey: string;
let zeamsterHeaders: Record<string, string>;
let slug: string;

beforeAll(async () => {
  const url = new URL(inject("databaseUrl"));
  relay = await startRelay({ host: url.hostname, port: Number(url.port || 5432) });
  url.hostname = "127.0.0.1";
  url.port = String(relay.port);
  await disconnectDb();
  Object.assign(process.env, {
    DATABASE_URL: url.toString(),
    DATABASE_CONNECT_TIMEOUT_MS: "1000",
    DATABASE_QUERY_TIMEOUT_MS: "1500",
    RATE_LIMIT_PER_CREDENTIAL: "100000",
    APP_URL: "https://pay.example.cm",
  });
  const scope = await createMerchant("Boutique Deido");
  const key = await createApiKey(scope.merchantId, "SANDBOX", ["payment_links", "e-commerce", "payments"]);
  apiKey = key.apiKey;
  zeamsterHeaders = { "user-id": key.keyId, "user-api-key": key.secret };
  slug = (await createTestLink(scope, { amountMinor: 5000 })).slug;
});

afterAll(async () => {
  await disconnectDb();
  await relay?.close();
  for (const name of ["DATABASE_URL", "DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_QUERY_TIMEOUT_MS", "RATE_LIMIT_PER_CREDENTIAL", "APP_URL"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const uuid = "5b0c2a6e-8a43-4c1f-9d55-2a9a7f0c1e11";

/** One request of each contract, with the schema of its error envelope. */
const probes: { name: string; send: () => Promise<CallResult>; errorSchema: z.ZodType }[] = [
  { name: "Instanvi list", send: () => call(instanviList, { path: "/api/payment-links", headers: { "x-api-key": apiKey } }), errorSchema: instanvi.errorSchema },
  { name: "Instanvi public read", send: () => call(instanviGet, { path: `/api/payment-links/${slug}`, params: { key: slug } }), errorSchema: instanvi.errorSchema },
  {
    name: "CM create",
    send: () => call(cmCreate, { method: "POST", path: "/api/cm/paymentlink/v1", headers: { authorization: "Bearer abc" }, body: { amount: 10, merchant_reference: "r" } }),
    errorSchema: cm.errorSchema,
  },
  { name: "Zeamster list", send: () => call(zeamsterList, { path: "/api/zeamster/v2/paylinks", headers: zeamsterHeaders }), errorSchema: zeamster.errorSchema },
  {
    name: "CycleSoftware order link",
    send: () =>
      call(cycleOrderLink, {
        path: "/api/v1/payments/order/1/payment-link.json",
        headers: { authorization: `Basic ${Buffer.from("pk_test_x:sk_test_y").toString("base64")}` },
        params: { id: "1" },
      }),
    errorSchema: cycleSoftware.errorSchema,
  },
  { name: "Sylius payment", send: () => call(syliusPayment, { path: "/api/v1/payments/1", headers: { authorization: "Bearer abc" }, params: { id: "1" } }), errorSchema: sylius.errorSchema },
  { name: "pay page status poll", send: () => call(statusPoll, { path: `/api/pay/payments/${uuid}`, params: { id: uuid } }), errorSchema: payPageApi.errorSchema },
];

async function expectOutageAnswers() {
  for (const probe of probes) {
    const started = Date.now();
    const answer = await probe.send();
    const elapsed = Date.now() - started;
    expect(answer.status, `${probe.name}: ${JSON.stringify(answer.json)}`).toBe(503);
    expect(probe.errorSchema.safeParse(answer.json).success, `${probe.name} envelope: ${JSON.stringify(answer.json)}`).toBe(true);
    expect(JSON.stringify(answer.json)).toMatch(/briefly unavailable/);
    expect(JSON.stringify(answer.json)).not.toMatch(/prisma|ECONN|stack|at .*\.ts/i);
    expect(answer.headers.get("retry-after")).toBe("5");
    // Bounded: a refused connection fails at once; an unanswered one after the connect timeout
    // (1 s here), at most twice (authentication, then the rate-limit count).
    expect(elapsed, probe.name).toBeLessThan(4_000);
  }
  const health = await call(healthRoute, { path: "/api/health" });
  expect(health.status).toBe(503);
  expect(healthSchema.parse(health.json)).toMatchObject({ status: "unavailable", database: "down" });
}

async function expectService() {
  const health = await call(healthRoute, { path: "/api/health" });
  expect(health.status).toBe(200);
  expect(healthSchema.parse(health.json)).toMatchObject({ status: "ok", database: "up" });
  expect((await call(instanviList, { path: "/api/payment-links", headers: { "x-api-key": apiKey } })).status).toBe(200);
  expect((await call(instanviGet, { path: `/api/payment-links/${slug}`, params: { key: slug } })).status).toBe(200);
  expect((await call(zeamsterList, { path: "/api/zeamster/v2/paylinks", headers: zeamsterHeaders })).status).toBe(200);
}

describe("a database outage", () => {
  it("serves normally through the relay", async () => {
    await expectService();
  });

  it("answers 503 in each contract's envelope while connections are refused, and recovers by itself", async () => {
    relay.set("refuse");
    await expectOutageAnswers();
    relay.set("up");
    await expectService();
  });

  it("answers 503 within the connect timeout while connections hang, and recovers by itself", async () => {
    relay.set("blackhole");
    await expectOutageAnswers();
    relay.set("up");
    await expectService();
  });
});
