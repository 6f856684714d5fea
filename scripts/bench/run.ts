/**
 * npm run bench: the committed benchmark of issue 13.
 *
 * Builds the production app, starts it (`next start`) on the embedded PostgreSQL server (or on
 * DATABASE_URL: use a scratch database, the bench writes a million links into it) with the mock
 * MTN and Orange services, and loads it with autocannon from its own process on loopback:
 * throughput of the hot routes against a no-op route handler and the barest dynamic page of the
 * same build, redeem under contention, listing with 1,000 and 1,000,000 links, resident memory,
 * the pay page's weight and its Lighthouse mobile score. Writes .bench-output/bench.md and
 * bench.json and prints the tables. Within 10 minutes on 2 cores.
 *
 * Environment (all optional): BENCH_DURATION (s, default 10), BENCH_WARMUP (2), BENCH_CONNECTIONS
 * (50), BENCH_LIST_DURATION (4), BENCH_LIST_CONNECTIONS (5), BENCH_LINKS (1000000), BENCH_PORT
 * (3200), BENCH_BUILD=0 (reuse .next), BENCH_LIGHTHOUSE=0 (skip it), BENCH_OUTPUT (.bench-output),
 * BENCH_KEEP_DATA=1 (keep the embedded server's data folder, .data/bench-postgres, else removed at the end).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { BIN, ROOT, migrate, openDatabase, run, type OpenDatabase } from "../lib/database";
import { startMockProviders, type MockProviders } from "../../lib/providers/mock";
import { SEARCH_TERM, FILTER_STATUS, countRows, writeLinks } from "./lib/dataset";
import { findNextCursor, moveCursor, pageAtDepth } from "./lib/deep-page";
import { lighthouseMobile, type LighthouseResult } from "./lib/lighthouse";
import { residentMemory, runLoad, startApp, type AppServer, type LoadResult } from "./lib/processes";
import { judge, listingRatio, toMarkdown, type BenchReport, type Contention, type ListingRow, type Target, type ThroughputRow } from "./lib/report";
import { weighPage, type PageWeight } from "./lib/weight";

function setting(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return process.env[name] && Number.isFinite(value) && value > 0 ? value : fallback;
}

const config = {
  durationSeconds: setting("BENCH_DURATION", 10),
  warmupSeconds: setting("BENCH_WARMUP", 2),
  connections: setting("BENCH_CONNECTIONS", 50),
  listDurationSeconds: setting("BENCH_LIST_DURATION", 4),
  listConnections: setting("BENCH_LIST_CONNECTIONS", 5),
  smallLinks: 1000,
  largeLinks: Math.max(1001, setting("BENCH_LINKS", 1_000_000)),
};
const PORT = setting("BENCH_PORT", 3200);
const BUILD = process.env.BENCH_BUILD !== "0" && !process.argv.includes("--no-build");
const LIGHTHOUSE = process.env.BENCH_LIGHTHOUSE !== "0";
const OUTPUT = path.resolve(ROOT, process.env.BENCH_OUTPUT ?? ".bench-output");
const CONTENTION = { requests: 500, maxUses: 100 };
const BENCH_DATA_DIR_NAME = "bench-postgres";
/** Where openDatabase keeps the embedded server's data for the bench. */
const BENCH_DATA_DIR = path.join(process.env.PAYLINKS_DATA_DIR ? path.resolve(process.env.PAYLINKS_DATA_DIR) : path.join(ROOT, ".data"), BENCH_DATA_DIR_NAME);
const LISTING_LOGIN = { email: `bench-${Date.now()}@paylinks.test`, password: "bench-password-0123" };
const BROWSER = { accept: "text/html", "accept-encoding": "gzip", "accept-language": "fr" };

const started = Date.now();
const log = (message: string) => {
  const s = Math.round((Date.now() - started) / 1000);
  console.log(`[${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}] ${message}`);
};
const notes: string[] = [];

// ---- HTTP helpers for the fixtures (the orchestrator's own requests, not the measured load) ----

async function call(base: string, route: string, init: RequestInit = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(base + route, { redirect: "manual", ...init });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: response.status, body, headers: response.headers };
}

async function callOk<T>(base: string, route: string, init: RequestInit = {}): Promise<T> {
  const answer = await call(base, route, init);
  if (answer.status < 200 || answer.status > 299) {
    throw new Error(`${init.method ?? "GET"} ${route} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  }
  return answer.body as T;
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
});

/** Signs in to the dashboard as a browser would (CSRF token, credentials callback) and returns the Cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const cookies = new Map<string, string>();
  const keep = (headers: Headers) => {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await call(base, "/api/auth/csrf");
  keep(csrf.headers);
  const { csrfToken } = csrf.body as { csrfToken: string };
  const answer = await call(base, "/api/auth/callback/credentials", {
    ...form({ csrfToken, email, password, callbackUrl: `${base}/dashboard` }),
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
  });
  keep(answer.headers);
  if (![...cookies.keys()].some((name) => name.includes("session-token"))) {
    throw new Error(`signing in as ${email} gave no session (status ${answer.status}, location ${answer.headers.get("location")})`);
  }
  return cookieHeader();
}

// ---- measuring ----

/** Waits until the database runs no query of the app any more (slow queries outlive the load that started them). */
async function settle(url: string, maxMs = 60_000): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active' AND pid <> pg_backend_pid()",
      );
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
}

interface Scenario {
  id: string;
  label: string;
  method?: "GET" | "POST";
  route: string;
  headers?: Record<string, string>;
  /** "{n}" in it becomes a number of its own per request, from sequenceStart on. */
  body?: string;
  sequenceStart?: number;
  baseline: "noop" | "dynamic";
}

async function throughput(app: AppServer, dbUrl: string, scenario: Scenario): Promise<LoadResult> {
  await settle(dbUrl);
  const probeBody = scenario.body?.replaceAll("{n}", String((scenario.sequenceStart ?? 0) - 1));
  const probe = await call(app.baseUrl, scenario.route, { method: scenario.method ?? "GET", headers: scenario.headers, body: probeBody });
  if (probe.status < 200 || probe.status > 299) {
    notes.push(`${scenario.label}: a single request before the load answered ${probe.status} (${JSON.stringify(probe.body).slice(0, 160)}).`);
  }
  const result = await runLoad({
    url: app.baseUrl + scenario.route,
    method: scenario.method,
    headers: scenario.headers,
    body: scenario.body,
    sequenceStart: scenario.sequenceStart,
    connections: config.connections,
    duration: config.durationSeconds,
    warmup: config.warmupSeconds,
  });
  log(`  ${scenario.label}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms${result.non2xx + result.errors + result.timeouts ? `, other answers ${JSON.stringify(result.statusCodes)} errors ${result.errors} timeouts ${result.timeouts}` : ""}`);
  return result;
}

/** A listing query at light concurrency; when too slow to finish 3 requests in the run, 3 requests one after another. */
async function listing(app: AppServer, dbUrl: string, route: string, headers: Record<string, string>): Promise<{ route: string; result: LoadResult | null; note?: string }> {
  await settle(dbUrl);
  const probe = await call(app.baseUrl, route, { headers });
  if (probe.status !== 200) return { route, result: null, note: `answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 120)}` };
  const result = await runLoad({
    url: app.baseUrl + route,
    headers,
    connections: config.listConnections,
    duration: config.listDurationSeconds,
    timeout: 120,
  });
  if (result.requests >= 3) {
    log(`  ${route}: ${result.requestsPerSecond.toFixed(1)} req/s, mean ${result.latency.mean.toFixed(1)} ms, p99 ${result.latency.p99} ms`);
    return { route, result, note: result.non2xx || result.errors || result.timeouts ? `other answers: ${JSON.stringify(result.statusCodes)}, ${result.errors} errors, ${result.timeouts} timeouts` : undefined };
  }
  await settle(dbUrl, 120_000);
  const one = await runLoad({ url: app.baseUrl + route, headers, count: 3, sequential: true });
  log(`  ${route}: too slow for the run; one at a time: mean ${one.latency.mean.toFixed(0)} ms`);
  return {
    route,
    result: {
      requestsPerSecond: 1000 / one.latency.mean,
      latency: { p50: one.latency.p50, p99: one.latency.max, mean: one.latency.mean, max: one.latency.max },
      requests: 3,
      errors: 0,
      timeouts: 0,
      non2xx: Object.entries(one.statusCodes).filter(([code]) => !code.startsWith("2")).reduce((n, [, count]) => n + count, 0),
      statusCodes: one.statusCodes,
      durationSeconds: one.elapsedMs / 1000,
      connections: 1,
    },
    note: `fewer than 3 answers in ${config.listDurationSeconds} s at ${config.listConnections} connections: 3 requests one after another`,
  };
}

// ---- the run ----

interface Fixtures {
  demoKey: string;
  link: { id: string; slug: string };
  redeemSlug: string;
  contentionSlug: string;
  cmToken: string;
  syliusToken: string;
  syliusPaymentId: number;
}

interface ListingFixtures {
  merchantId: string;
  apiKey: string;
  cookie: string;
  syliusToken: string;
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function createFixtures(base: string, dbUrl: string, demo: { apiKey: string; email: string; password: string; merchantId: string }): Promise<Fixtures> {
  const keyHeaders = { "x-api-key": demo.apiKey, "content-type": "application/json" };
  const create = async (body: object) =>
    (await callOk<{ data: { id: string; slug: string } }>(base, "/api/payment-links/create", { method: "POST", headers: keyHeaders, body: JSON.stringify(body) })).data;
  const link = await create({ amount: 15000, description: "Robe wax sur mesure", max_uses: 1 });
  const redeem = await create({ amount: 2500, description: "Bench: redeem under load", max_uses: 100 });
  // Enough uses for every redeem of the run (the API caps max_uses at 100).
  await sql(dbUrl, "UPDATE payment_links SET max_uses = 100000000 WHERE slug = $1", [redeem.slug]);
  const contention = await create({ amount: 1000, description: "Bench: contention", max_uses: CONTENTION.maxUses });
  const [keyId, secret] = demo.apiKey.split(".") as [string, string];
  const cm = await callOk<{ access_token: string }>(base, "/api/cm/auth/v1/token", form({ grant_type: "client_credentials", client_id: keyId, client_secret: secret }));
  const sylius = await callOk<{ access_token: string }>(
    base,
    "/api/oauth/v2/token",
    form({ grant_type: "password", client_id: keyId, client_secret: secret, username: demo.email, password: demo.password }),
  );
  const [payment] = await sql<{ number: number }>(dbUrl, "SELECT number FROM payments WHERE merchant_id = $1 ORDER BY number LIMIT 1", [demo.merchantId]);
  if (!payment) throw new Error("the demo merchant has no payment for the Sylius read");
  return {
    demoKey: demo.apiKey,
    link,
    redeemSlug: redeem.slug,
    contentionSlug: contention.slug,
    cmToken: cm.access_token,
    syliusToken: sylius.access_token,
    syliusPaymentId: payment.number,
  };
}

function throughputScenarios(f: Fixtures): Scenario[] {
  const [keyId, secret] = f.demoKey.split(".") as [string, string];
  const key = { "x-api-key": f.demoKey };
  const json = { "content-type": "application/json" };
  return [
    { id: "noop", label: "no-op route handler (baseline)", route: "/bench-baseline/noop", baseline: "noop" },
    { id: "dynamic", label: "barest dynamic page (baseline)", route: "/bench-baseline/dynamic", headers: BROWSER, baseline: "dynamic" },
    { id: "slug", label: "Instanvi public get by slug", route: `/api/payment-links/${f.link.slug}`, baseline: "noop" },
    { id: "byId", label: "Instanvi get by id", route: `/api/payment-links/id/${f.link.id}`, headers: key, baseline: "noop" },
    { id: "list", label: "Instanvi list, page of 20", route: "/api/payment-links?page=1&limit=20", headers: key, baseline: "noop" },
    { id: "cm", label: "CM.com get payment link", route: `/api/cm/paymentlink/v1/pml-${f.link.id}`, headers: { authorization: `Bearer ${f.cmToken}` }, baseline: "noop" },
    { id: "zeamster", label: "Zeamster get paylink", route: `/api/zeamster/v2/paylinks/${f.link.id}`, headers: { "user-id": keyId, "user-api-key": secret }, baseline: "noop" },
    {
      id: "cyclesoftware",
      label: "CycleSoftware order payment link",
      route: "/api/v1/payments/order/1013/payment-link.json",
      headers: { authorization: `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}` },
      baseline: "noop",
    },
    { id: "sylius", label: "Sylius get payment", route: `/api/v1/payments/${f.syliusPaymentId}`, headers: { authorization: `Bearer ${f.syliusToken}` }, baseline: "noop" },
    { id: "payPage", label: "pay page", route: `/pay/${f.link.slug}`, headers: BROWSER, baseline: "dynamic" },
    {
      id: "create",
      label: "Instanvi create",
      method: "POST",
      route: "/api/payment-links/create",
      headers: { ...key, ...json },
      body: JSON.stringify({ amount: 5000, description: "Bench: created under load", max_uses: 1 }),
      baseline: "noop",
    },
    {
      id: "redeem",
      label: "Instanvi redeem (mock MTN)",
      method: "POST",
      route: `/api/payment-links/${f.redeemSlug}/redeem`,
      headers: json,
      // A payer number of its own per redeem (a number with a payment pending gets that payment back).
      body: JSON.stringify({ phone_number: "{n}", provider: "MTN_CAM" }),
      sequenceStart: 672_000_000,
      baseline: "noop",
    },
  ];
}

async function contention(app: AppServer, dbUrl: string, slug: string): Promise<Contention> {
  await settle(dbUrl);
  const result = await runLoad({
    url: `${app.baseUrl}/api/payment-links/${slug}/redeem`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone_number: "{n}", provider: "MTN_CAM" }),
    sequenceStart: 671_000_000,
    count: CONTENTION.requests,
  });
  let succeeded = 0;
  let refused410 = 0;
  let server5xx = 0;
  const other: Record<string, number> = {};
  for (const [status, count] of Object.entries(result.statusCodes)) {
    if (/^2\d\d$/.test(status)) succeeded += count;
    else if (status === "410") refused410 += count;
    else if (/^5\d\d$/.test(status)) server5xx += count;
    else other[status] = count;
  }
  const [row] = await sql<{ current_uses: number }>(dbUrl, "SELECT current_uses FROM payment_links WHERE slug = $1", [slug]);
  const ok =
    succeeded === CONTENTION.maxUses && refused410 === CONTENTION.requests - CONTENTION.maxUses && server5xx === 0 && row?.current_uses === CONTENTION.maxUses;
  if (row?.current_uses !== CONTENTION.maxUses) notes.push(`Contention: the link's current_uses is ${row?.current_uses} after the burst, not ${CONTENTION.maxUses}.`);
  for (const [status, body] of Object.entries(result.samples)) notes.push(`Contention: a ${status} answered ${JSON.stringify(body.slice(0, 200))}.`);
  log(`  contention: ${succeeded} succeeded, ${refused410} refused 410, ${server5xx} 5xx, other ${JSON.stringify(other)} in ${Math.round(result.elapsedMs)} ms`);
  return { ...CONTENTION, succeeded, refused410, server5xx, other, currentUses: row?.current_uses ?? null, result, ok };
}

async function prepareListingMerchant(): Promise<{ merchantId: string; apiKey: string }> {
  const { signUp } = await import("../../lib/services/accounts/sign-up");
  const { createCredential } = await import("../../lib/services/credentials/create-credential");
  const account = await signUp({ businessName: "Bench listing merchant", email: LISTING_LOGIN.email, password: LISTING_LOGIN.password });
  const key = await createCredential({ merchantId: account.merchantId }, { name: "bench", mode: "SANDBOX" });
  return { merchantId: account.merchantId, apiKey: key.apiKey };
}

/** The dashboard API's deep page: by page number, or by a cursor moved to that depth (see deep-page.ts). */
async function dashboardDeepRoute(base: string, dbUrl: string, l: ListingFixtures, links: number): Promise<{ route: string; note?: string }> {
  const first = await call(base, "/api/dashboard/links", { headers: { cookie: l.cookie } });
  const body = first.body as { items?: { id: string; createdAt: string }[]; totalPages?: number; page?: number };
  const items = body.items ?? [];
  const limit = items.length || 20;
  const page = pageAtDepth(links, limit);
  if (typeof body.page === "number" || typeof body.totalPages === "number") return { route: `/api/dashboard/links?page=${page}` };
  const next = findNextCursor(body);
  const route = `/api/dashboard/links (page ${page.toLocaleString("en-US")} by cursor)`;
  if (!next || items.length === 0) return { route, note: "the answer has neither a page number nor a next cursor" };
  const rows = await sql<{ id: string; created_at: Date }>(
    dbUrl,
    "SELECT id, created_at FROM payment_links WHERE merchant_id = $1 ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 2",
    [l.merchantId, (page - 1) * limit - 1],
  );
  const last = items.at(-1)!;
  const moved = moveCursor(next.cursor, { id: last.id, createdAt: last.createdAt }, { id: rows[0]!.id, createdAt: rows[0]!.created_at.toISOString() });
  if (!moved) return { route, note: "the cursor is opaque (signed or encrypted): it cannot be moved to a deep page" };
  const names = [...new Set([next.key.replace(/^next/i, "").replace(/^./, (c) => c.toLowerCase()) || "cursor", "cursor", "after"])];
  for (const name of names) {
    const candidate = `/api/dashboard/links?${name}=${encodeURIComponent(moved)}`;
    const answer = await call(base, candidate, { headers: { cookie: l.cookie } });
    if ((answer.body as typeof body).items?.[0]?.id === rows[1]!.id) return { route: candidate };
  }
  return { route, note: `a cursor moved to that depth (parameter ${names.join(" or ")}) did not lead to the expected row` };
}

async function measureListing(app: AppServer, dbUrl: string, l: ListingFixtures, links: number): Promise<Record<string, { route: string; result: LoadResult | null; note?: string }>> {
  const { payments } = await countRows(dbUrl, l.merchantId);
  const key = { "x-api-key": l.apiKey };
  const session = { cookie: l.cookie };
  const bearer = { authorization: `Bearer ${l.syliusToken}` };
  const out: Record<string, { route: string; result: LoadResult | null; note?: string }> = {};
  const measure = async (id: string, route: string, headers: Record<string, string>) => (out[id] = await listing(app, dbUrl, route, headers));
  await measure("apiFirst", "/api/payment-links?page=1&limit=20", key);
  await measure("apiDeep", `/api/payment-links?page=${pageAtDepth(links, 20)}&limit=20`, key);
  await measure("apiFiltered", `/api/payment-links?status=${FILTER_STATUS}&page=1&limit=20`, key);
  await measure("syliusFirst", "/api/v1/payments/?page=1", bearer);
  await measure("syliusDeep", `/api/v1/payments/?page=${pageAtDepth(payments, 10)}`, bearer);
  await measure("dashFirst", "/api/dashboard/links", session);
  const deep = await dashboardDeepRoute(app.baseUrl, dbUrl, l, links);
  if (deep.note) out.dashDeep = { route: deep.route, result: null, note: deep.note };
  else await measure("dashDeep", deep.route, session);
  await measure("dashFiltered", `/api/dashboard/links?status=${FILTER_STATUS}`, session);
  await measure("dashSearch", `/api/dashboard/links?q=${SEARCH_TERM}`, session);
  await measure("pageOverview", "/dashboard", { ...session, ...BROWSER });
  await measure("pageLinks", "/dashboard/links", { ...session, ...BROWSER });
  await measure("pageSearch", `/dashboard/links?q=${SEARCH_TERM}`, { ...session, ...BROWSER });
  return out;
}

const pages = (limit: number, share = 1) =>
  `page ${pageAtDepth(config.smallLinks * share, limit).toLocaleString("en-US")} / ${pageAtDepth(config.largeLinks * share, limit).toLocaleString("en-US")}`;

const LISTING_ROWS: { id: string; surface: string; label: string }[] = [
  { id: "apiFirst", surface: "Instanvi API", label: "first page (20)" },
  { id: "apiDeep", surface: "Instanvi API", label: `deep page at 98 % (${pages(20)})` },
  { id: "apiFiltered", surface: "Instanvi API", label: `filtered (status=${FILTER_STATUS})` },
  { id: "syliusFirst", surface: "Sylius API", label: "payments, first page (10)" },
  { id: "syliusDeep", surface: "Sylius API", label: `payments, deep page at 98 % (${pages(10, 0.5)})` },
  { id: "dashFirst", surface: "dashboard API", label: "first page (20)" },
  { id: "dashDeep", surface: "dashboard API", label: `deep page at 98 % (${pages(20)})` },
  { id: "dashFiltered", surface: "dashboard API", label: `filtered (status=${FILTER_STATUS})` },
  { id: "dashSearch", surface: "dashboard API", label: `search (q=${SEARCH_TERM}, 1 % of the links)` },
  { id: "pageOverview", surface: "dashboard page", label: "overview `/dashboard`" },
  { id: "pageLinks", surface: "dashboard page", label: "links `/dashboard/links`" },
  { id: "pageSearch", surface: "dashboard page", label: `links search \`?q=${SEARCH_TERM}\`` },
];

function targets(rows: ThroughputRow[], listingRows: ListingRow[], memoryBytes: number, lighthouse: LighthouseResult | null): Target[] {
  const row = (id: string) => rows.find((r) => r.id === id);
  const ratio = (id: string) => row(id)?.ratio ?? null;
  const listed = (id: string) => listingRows.find((r) => r.id === id);
  const scale = (id: string) => {
    const r = listed(id);
    return r ? listingRatio(r) : null;
  };
  const deepOverFirst = (deep: string, first: string) => {
    const d = listed(deep)?.large.result?.latency.mean;
    const f = listed(first)?.large.result?.latency.mean;
    return d && f ? d / f : null;
  };
  const large = config.largeLinks.toLocaleString("en-US");
  const list: Target[] = [
    { label: "public get by slug: requests/s over the no-op's", figure: ratio("slug"), unit: "x", goal: 0.6, kind: "min" },
    { label: "public get by slug: p99 at 50 connections", figure: row("slug")?.result.latency.p99 ?? null, unit: "ms", goal: 50, kind: "max" },
    { label: "create: over the no-op's", figure: ratio("create"), unit: "x", goal: 0.35, kind: "min" },
    { label: "list (page of 20): over the no-op's", figure: ratio("list"), unit: "x", goal: 0.35, kind: "min" },
    { label: "redeem (mock MTN): over the no-op's", figure: ratio("redeem"), unit: "x", goal: 0.25, kind: "min" },
    { label: "pay page: over the barest dynamic page's", figure: ratio("payPage"), unit: "x", goal: 0.5, kind: "min" },
    { label: "pay page: Lighthouse mobile performance", figure: lighthouse?.ok ? lighthouse.score : null, unit: "", goal: 95, kind: "min", note: lighthouse && !lighthouse.ok ? "Lighthouse did not run" : undefined },
  ];
  for (const id of ["apiFirst", "apiFiltered", "dashFirst", "dashFiltered", "dashSearch", "dashDeep", "pageOverview", "pageLinks", "pageSearch"]) {
    const r = listed(id)!;
    list.push({ label: `${large} links: ${r.surface} ${r.label.replace(/ \(page .*\)$/, "")}, over the same with 1,000`, figure: scale(id), unit: "x", goal: 2, kind: "max" });
  }
  const deepPage = (limit: number, share = 1) => pageAtDepth(config.largeLinks * share, limit).toLocaleString("en-US");
  list.push({ label: `${large} links: Instanvi page ${deepPage(20)} over its first page`, figure: deepOverFirst("apiDeep", "apiFirst"), unit: "x", goal: 5, kind: "max" });
  list.push({ label: `${large} links: Sylius page ${deepPage(10, 0.5)} over its first page`, figure: deepOverFirst("syliusDeep", "syliusFirst"), unit: "x", goal: 5, kind: "max" });
  list.push({ label: "resident memory after the load", figure: memoryBytes / 2 ** 20, unit: "MB", goal: 300, kind: "max" });
  return list;
}

async function machine(dbUrl: string, where: string): Promise<BenchReport["machine"]> {
  const [version] = await sql<{ version: string }>(dbUrl, "SHOW server_version");
  const nextVersion = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/next/package.json"), "utf8")).version;
  let osName = `${os.type()} ${os.release()}`;
  try {
    osName = /PRETTY_NAME="([^"]+)"/.exec(fs.readFileSync("/etc/os-release", "utf8"))?.[1] ?? osName;
  } catch {
    // no os-release
  }
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown CPU",
    memoryGb: os.totalmem() / 2 ** 30,
    os: osName,
    node: process.versions.node,
    next: nextVersion,
    postgres: `PostgreSQL ${Object.values(version!)[0]}`,
    database: where.startsWith("embedded") ? "embedded" : "DATABASE_URL",
  };
}

async function main() {
  fs.mkdirSync(OUTPUT, { recursive: true });
  log(`bench: ${JSON.stringify(config)}`);
  let db: OpenDatabase | undefined;
  let mocks: MockProviders | undefined;
  let app: AppServer | undefined;
  try {
    db = await openDatabase({ database: "paylinks_bench", dataDirName: BENCH_DATA_DIR_NAME, fresh: true, externalUrl: process.env.DATABASE_URL });
    log(`database: ${db.where}`);
    await migrate(db.url);
    process.env.DATABASE_URL = db.url;
    const { seed, demoAccounts } = await import("../../prisma/seed");
    await seed({});
    const listingMerchant = await prepareListingMerchant();
    const { disconnectDb } = await import("../../lib/db/client");
    await disconnectDb();
    const demo = demoAccounts({}).demo;

    if (BUILD) {
      log("next build...");
      await run(BIN("next"), ["build"], {}, true);
    }
    mocks = await startMockProviders();
    const base = `http://127.0.0.1:${PORT}`;
    const appEnv = {
      DATABASE_URL: db.url,
      APP_URL: base,
      AUTH_SECRET: "bench-secret-not-for-production-0123456789",
      MTN_BASE_URL: mocks.mtnUrl,
      ORANGE_BASE_URL: mocks.orangeUrl,
      ALLOW_PRIVATE_URLS: "1",
      // One client IP, one key and one payer number send everything: the limits must not shape
      // the figures (a 429 would show in the tables as an answer other than expected).
      ...Object.fromEntries(
        [
          "RATE_LIMIT_PER_IP",
          "RATE_LIMIT_PER_CREDENTIAL",
          "RATE_LIMIT_PAY_STATUS_PER_IP",
          "RATE_LIMIT_CALLBACKS_PER_IP",
          "CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE",
          "CYCLESOFTWARE_RATE_LIMIT_PER_DAY",
          "REDEEM_RATE_LIMIT_PER_LINK",
          "REDEEM_RATE_LIMIT_PER_PHONE",
          "SIGNIN_ATTEMPTS_PER_ACCOUNT",
        ].map((name) => [name, "1000000000"]),
      ),
    };
    app = await startApp(PORT, appEnv, path.join(OUTPUT, "server.log"));
    log(`app started (pid ${app.pid}) at ${base}`);
    const fixtures = await createFixtures(base, db.url, demo);
    const idle = residentMemory(app.pid);

    log("throughput");
    const scenarios = throughputScenarios(fixtures);
    // A fresh server runs slower until its hot paths are compiled: warm it on both baselines first.
    for (const scenario of scenarios.filter((s) => s.id === "noop" || s.id === "dynamic")) {
      await runLoad({ url: base + scenario.route, headers: scenario.headers, connections: config.connections, duration: 3 });
    }
    const results = new Map<string, LoadResult>();
    for (const scenario of scenarios) results.set(scenario.id, await throughput(app, db.url, scenario));
    const rows: ThroughputRow[] = scenarios.map((s) => {
      const result = results.get(s.id)!;
      const baseline = results.get(s.baseline)!;
      return {
        id: s.id,
        label: s.label,
        route: `${s.method ?? "GET"} ${s.route}`,
        baseline: s.baseline,
        result,
        ratio: result.requestsPerSecond / baseline.requestsPerSecond,
        unexpected: result.non2xx + result.errors + result.timeouts,
      };
    });

    log("redeem under contention");
    // The mock payers answer 3 s after each redeem and the app then hears of it: let that pass.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const contended = await contention(app, db.url, fixtures.contentionSlug);

    log("pay page weight and Lighthouse");
    let payPage: { weight: PageWeight; baseline: PageWeight } | null = null;
    try {
      payPage = { weight: await weighPage(base, `/pay/${fixtures.link.slug}`, BROWSER), baseline: await weighPage(base, "/bench-baseline/dynamic", BROWSER) };
    } catch (error) {
      notes.push(`Pay page weight not measured: ${error instanceof Error ? error.message : error}`);
    }
    const lighthouse: LighthouseResult = LIGHTHOUSE
      ? await lighthouseMobile(`${base}/pay/${fixtures.link.slug}`, OUTPUT)
      : { ok: false, reason: "skipped (BENCH_LIGHTHOUSE=0)" };
    log(lighthouse.ok ? `  Lighthouse mobile performance: ${lighthouse.score}` : `  Lighthouse: ${lighthouse.reason}`);

    log(`listing: ${config.smallLinks} links`);
    const dataset = { merchantId: listingMerchant.merchantId, base: new Date(), tag: Date.now().toString(36) };
    await writeLinks(db.url, { ...dataset, from: 1, to: config.smallLinks });
    const l: ListingFixtures = {
      ...listingMerchant,
      cookie: await signIn(base, LISTING_LOGIN.email, LISTING_LOGIN.password),
      syliusToken: (
        await callOk<{ access_token: string }>(
          base,
          "/api/oauth/v2/token",
          form({
            grant_type: "password",
            client_id: listingMerchant.apiKey.split(".")[0]!,
            client_secret: listingMerchant.apiKey.split(".")[1]!,
            username: LISTING_LOGIN.email,
            password: LISTING_LOGIN.password,
          }),
        )
      ).access_token,
    };
    const small = await measureListing(app, db.url, l, config.smallLinks);
    log(`writing links up to ${config.largeLinks.toLocaleString("en-US")}...`);
    const writeMs = await writeLinks(db.url, { ...dataset, from: config.smallLinks + 1, to: config.largeLinks });
    const counts = await countRows(db.url, listingMerchant.merchantId);
    log(`  ${counts.links} links and ${counts.payments} payments in ${Math.round(writeMs / 1000)} s`);
    notes.push(`The data set (${counts.links.toLocaleString("en-US")} links, ${counts.payments.toLocaleString("en-US")} payments of one merchant) was written in ${Math.round(writeMs / 1000)} s by INSERT ... SELECT generate_series.`);
    log(`listing: ${config.largeLinks.toLocaleString("en-US")} links`);
    const large = await measureListing(app, db.url, l, config.largeLinks);
    const listingRows: ListingRow[] = LISTING_ROWS.map(({ id, surface, label }) => ({ id, surface, label, small: small[id]!, large: large[id]! }));

    const after = residentMemory(app.pid);
    const report: BenchReport = {
      date: new Date().toISOString().slice(0, 10),
      machine: await machine(db.url, db.where),
      config,
      wallSeconds: 0,
      throughput: rows,
      contention: contended,
      listing: listingRows,
      memory: { idleBytes: idle.bytes, afterLoadBytes: after.bytes, processes: after.processes },
      payPage,
      lighthouse,
      targets: judge(targets(rows, listingRows, after.bytes, lighthouse)),
      notes,
    };
    await app.stop();
    app = undefined;
    report.wallSeconds = (Date.now() - started) / 1000;
    const markdown = toMarkdown(report);
    fs.writeFileSync(path.join(OUTPUT, "bench.json"), JSON.stringify(report, null, 2));
    fs.writeFileSync(path.join(OUTPUT, "bench.md"), markdown);
    console.log(`\n${markdown}`);
    log(`written to ${path.relative(ROOT, OUTPUT)}/bench.md and bench.json`);
  } catch (error) {
    if (app) console.error(`The app's last lines:\n${app.output()}`);
    throw error;
  } finally {
    await app?.stop();
    await mocks?.close();
    await db?.stop();
    // Gigabytes with a million links; the next run starts from a fresh database anyway.
    if (db?.where.startsWith("embedded") && process.env.BENCH_KEEP_DATA !== "1") fs.rmSync(BENCH_DATA_DIR, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
