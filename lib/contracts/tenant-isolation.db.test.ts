/**
 * Tenant isolation, swept: merchant B, with its own valid credentials, aims every authenticated
 * route of every contract, every dashboard data route and every dashboard server action at
 * merchant A's ids. Each answer is a 404 (or the action's "not found"), lists and exports show
 * none of A's records, and none of A's rows changes (a fingerprint of every table with a
 * merchant_id, and A's merchant row, taken before and after).
 *
 * The operations come from the registry (lib/contracts/registry.ts), the route modules from the
 * app/api tree, and the actions from lib/actions: an operation or action added without a probe
 * here fails the coverage test, so a new route cannot skip the sweep.
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { CONTRACTS } from "@/lib/contracts/registry";
import { getDb } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { sendTestEvent } from "@/lib/services/webhooks/send-test-event";
import { createWebhookEndpoint } from "@/lib/services/webhooks/create-endpoint";
import { createMerchant, createTestLink, createTestOrder } from "@/lib/testing/factories";
import { call, createApiKey } from "@/lib/testing/http";
import { routeHandlerFor } from "@/lib/testing/routes";
import { merchantFingerprint } from "@/lib/testing/fingerprint";

// The dashboard's session is whoever `actingAs` says; next's request-bound helpers are inert.
let actingAs: MerchantScope | null = null;
vi.mock("@/lib/auth/session", () => ({
  requireMerchant: async () => ({ ...actingAs!, email: "b@shop.test", name: "B" }),
  getApiMerchant: async () => actingAs,
  getMerchant: async () => actingAs,
}));
vi.mock("next-auth", () => ({ AuthError: class extends Error {}, CredentialsSignin: class extends Error {} }));
vi.mock("@/lib/auth/config", () => ({ auth: async () => null, signIn: async () => undefined, signOut: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "pay.example.cm" }), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));

interface Tenant {
  scope: MerchantScope;
  keyId: string;
  secret: string;
  apiKey: string;
  credentialId: string;
  bearer: string;
}

async function tenant(name: string): Promise<Tenant> {
  const scope = await createMerchant(name);
  const key = await createApiKey(scope.merchantId, "SANDBOX", ["payment_links", "e-commerce", "payments"]);
  const token = await issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: 3600 });
  return { scope, ...key, bearer: token.accessToken };
}

let a: Tenant;
let b: Tenant;
/** A's records, by the names the probes use. */
const mine: Record<string, string> = {};
const secretWord = `a-only-${randomUUID()}`;

beforeAll(async () => {
  process.env.RATE_LIMIT_PER_CREDENTIAL = "100000";
  process.env.APP_URL = "https://pay.example.cm";
  [a, b] = await Promise.all([tenant("Boutique A"), tenant("Boutique B")]);

  const link = await createTestLink(a.scope, { amountMinor: 5000, description: secretWord, maxUses: 5 });
  mine.linkId = link.id;
  mine.slug = link.slug;
  const order = await createTestOrder(a.scope, { currency: "XAF", number: 7_000_001 });
  mine.orderId = order.id;
  mine.orderNumber = String(order.number);
  const invoice = await createTestOrder(a.scope, { kind: "INVOICE", currency: "XAF", number: 7_000_002 });
  mine.invoiceNumber = String(invoice.number);
  const { payment } = await redeemLink({ slug: link.slug, provider: "MTN_CAM", phoneNumber: "677000001" });
  mine.paymentId = payment.id;
  mine.paymentNumber = String((await getDb().payment.findUniqueOrThrow({ where: { id: payment.id } })).number);
  mine.linkNumber = String((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).number);
  const endpoint = await createWebhookEndpoint(a.scope, { url: "https://hooks.example.cm/a", events: ["payment.succeeded"] });
  mine.endpointId = endpoint.id;
  mine.deliveryId = (await sendTestEvent(a.scope, endpoint.id)).id;
  mine.credentialId = a.credentialId;
  actingAs = b.scope;
});

afterAll(() => {
  actingAs = null;
});

// ---- the contracts ---------------------------------------------------------------------------

type Auth = "apiKey" | "basic" | "bearer" | "zeamster" | "session";

interface Probe {
  auth: Auth;
  /** Path parameters naming A's records. */
  params?: () => Record<string, string>;
  body?: () => unknown;
  /** 404 for a foreign id (the default); "own" for operations that only act on B's own data (lists, creates). */
  expect?: 404 | "own";
}

const link = () => ({ id: mine.linkId! });
const ref = () => ({ ref: `pml-${mine.linkId}` });

/** One probe per authenticated operation (by operationId). Public and meta operations are listed as such. */
const PROBES: Record<string, Probe | "public"> = {
  instanviCreatePaymentLink: { auth: "apiKey", body: () => ({ amount: 100, description: "B's" }), expect: "own" },
  instanviListPaymentLinks: { auth: "apiKey", expect: "own" },
  instanviGetPaymentLinkById: { auth: "apiKey", params: link },
  instanviUpdatePaymentLink: { auth: "apiKey", params: link, body: () => ({ description: "taken over" }) },
  instanviCancelPaymentLink: { auth: "apiKey", params: link },
  instanviListLinkPayments: { auth: "apiKey", params: link },
  instanviGetPaymentLinkBySlug: "public",
  instanviRedeemPaymentLink: "public",
  cycleSoftwareGetOrderPaymentLink: { auth: "basic", params: () => ({ id: mine.orderNumber! }) },
  cycleSoftwareGetInvoicePaymentLink: { auth: "basic", params: () => ({ id: mine.invoiceNumber! }) },
  syliusRequestToken: "public",
  syliusRequestTokenByQuery: "public",
  syliusGetPayment: { auth: "bearer", params: () => ({ id: mine.paymentNumber! }) },
  syliusListPayments: { auth: "bearer", expect: "own" },
  syliusListPaymentsWithoutSlash: { auth: "bearer", expect: "own" },
  // The product's fixed catalogue (mtn_momo, orange_money; one channel): nobody's records.
  syliusGetPaymentMethod: "public",
  syliusGetChannel: "public",
  // Sylius serves a link as the order of its payments, numbered.
  syliusGetOrder: { auth: "bearer", params: () => ({ id: mine.linkNumber! }) },
  cmRequestToken: "public",
  cmCreatePaymentLink: { auth: "bearer", body: () => ({ amount: 1, merchant_reference: "b" }), expect: "own" },
  cmCreatePaymentLinkV1: { auth: "bearer", body: () => ({ amount: 1, merchant_reference: "b" }), expect: "own" },
  cmGetPaymentLink: { auth: "bearer", params: ref },
  cmUpdatePaymentLink: { auth: "bearer", params: ref, body: () => ({ active: false }) },
  cmGetPaymentLinkStatus: { auth: "bearer", params: ref },
  cmGetPaymentLinkV10: { auth: "bearer", params: ref },
  cmUpdatePaymentLinkV10: { auth: "bearer", params: ref, body: () => ({ active: false }) },
  cmGetPaymentLinkStatusV10: { auth: "bearer", params: ref },
  zeamsterCreatePaylink: { auth: "zeamster", body: () => ({ paylink: { amount_due: 1 } }), expect: "own" },
  zeamsterListPaylinks: { auth: "zeamster", expect: "own" },
  zeamsterGetPaylink: { auth: "zeamster", params: link },
  zeamsterUpdatePaylink: { auth: "zeamster", params: link, body: () => ({ paylink: { description: "taken over" } }) },
  zeamsterDeletePaylink: { auth: "zeamster", params: link },
  zeamsterResendPaylink: { auth: "zeamster", params: link },
  // The customer's own poll, by an unguessable payment id; the providers' callbacks, signed by the provider.
  payPagePaymentStatus: "public",
  mtnCallbackPost: "public",
  mtnCallbackPut: "public",
  orangeNotification: "public",
  dashboardListLinks: { auth: "session", expect: "own" },
  dashboardExportPayments: { auth: "session", expect: "own" },
  getOpenApiDocument: "public",
  getHealth: "public",
};

function headersOf(auth: Auth, who: Tenant): Record<string, string> {
  switch (auth) {
    case "apiKey":
      return { "x-api-key": who.apiKey };
    case "basic":
      return { authorization: `Basic ${Buffer.from(`${who.keyId}:${who.secret}`).toString("base64")}` };
    case "bearer":
      return { authorization: `Bearer ${who.bearer}` };
    case "zeamster":
      return { "user-id": who.keyId, "user-api-key": who.secret };
    case "session":
      return {};
  }
}

const OPERATIONS = CONTRACTS.flatMap((contract) => contract.operations.map((op) => ({ contract: contract.name, op })));

describe("tenant isolation", () => {
  it("fingerprints every table with a merchant_id", async () => {
    expect((await merchantFingerprint(a.scope.merchantId)).split(" ").length).toBeGreaterThan(6);
  });

  it("has a probe for every operation of every contract", () => {
    const missing = OPERATIONS.filter(({ op }) => !(op.operationId in PROBES)).map(({ op }) => op.operationId);
    expect(missing).toEqual([]);
    const stale = Object.keys(PROBES).filter((id) => !OPERATIONS.some(({ op }) => op.operationId === id));
    expect(stale).toEqual([]);
  });

  it.each(OPERATIONS.filter(({ op }) => PROBES[op.operationId] !== "public").map(({ contract, op }) => [`${contract} ${op.operationId}`, op] as const))(
    "%s: B's credentials on A's records change nothing and show nothing",
    async (_name, op) => {
      const probe = PROBES[op.operationId] as Probe;
      const params = probe.params?.() ?? {};
      const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
      const before = await merchantFingerprint(a.scope.merchantId);
      const handler = await routeHandlerFor(op.path, op.method);
      const result = await call(handler, { method: op.method, path: url, headers: headersOf(probe.auth, b), body: probe.body?.(), params });
      const text = result.text;
      if ((probe.expect ?? 404) === 404) {
        expect(result.status, text).toBe(404);
      } else {
        expect(result.status, text).toBeLessThan(300);
      }
      for (const value of [mine.linkId!, mine.slug!, mine.paymentId!, mine.orderId!, secretWord]) expect(text).not.toContain(value);
      expect(await merchantFingerprint(a.scope.merchantId)).toBe(before);
    },
  );
});

// ---- the dashboard's server actions ------------------------------------------------------------

/** Each action of lib/actions that takes an id, called by B with A's. Actions without ids act on the caller's own account. */
const ACTIONS: Record<string, ((mod: Record<string, (...args: never[]) => Promise<unknown>>) => Promise<unknown>) | "own"> = {
  "auth.signInAction": "own",
  "auth.signUpAction": "own",
  "auth.signOutAction": "own",
  "auth.signOutEverywhereAction": "own",
  "auth.changePasswordAction": "own",
  "auth.confirmEmailAction": "own",
  "developers.createApiKeyAction": "own",
  "developers.revokeApiKeyAction": (m) => m.revokeApiKeyAction!(mine.credentialId as never),
  "links.createLinkAction": "own",
  "links.updateLinkAction": (m) => m.updateLinkAction!(mine.linkId as never, { description: "taken over" } as never),
  "links.cancelLinkAction": (m) => m.cancelLinkAction!(mine.linkId as never),
  "orders.createOrderAction": "own",
  "orders.recordPaymentElsewhereAction": (m) => m.recordPaymentElsewhereAction!(mine.orderId as never, { amount: "100" } as never),
  "orders.createOrderLinkAction": (m) => m.createOrderLinkAction!(mine.orderId as never, { kind: "rest", amount: "", mode: "SANDBOX" } as never),
  "settings.saveSettingsAction": "own",
  "settings.rotateWebhookSecretAction": "own",
  "settings.saveNotificationSettingsAction": "own",
  "webhooks.createEndpointAction": "own",
  "webhooks.updateEndpointEventsAction": (m) => m.updateEndpointEventsAction!(mine.endpointId as never, ["link.created"] as never),
  "webhooks.setEndpointEnabledAction": (m) => m.setEndpointEnabledAction!(mine.endpointId as never, false as never),
  "webhooks.deleteEndpointAction": (m) => m.deleteEndpointAction!(mine.endpointId as never),
  "webhooks.sendTestEventAction": (m) => m.sendTestEventAction!(mine.endpointId as never),
  "webhooks.resendDeliveryAction": (m) => m.resendDeliveryAction!(mine.deliveryId as never),
  "webhooks.rotateSigningSecretAction": "own",
};

async function actionModules(): Promise<Map<string, Record<string, (...args: never[]) => Promise<unknown>>>> {
  const modules = new Map<string, Record<string, (...args: never[]) => Promise<unknown>>>();
  for (const file of fs.readdirSync(path.resolve("lib/actions")).filter((f) => f.endsWith(".ts") && !f.includes(".test."))) {
    modules.set(file.replace(/\.ts$/, ""), await import(path.resolve("lib/actions", file)));
  }
  return modules;
}

describe("dashboard server actions", () => {
  it("has a probe for every exported action", async () => {
    const exported = [...(await actionModules())].flatMap(([name, mod]) =>
      Object.entries(mod)
        .filter(([, value]) => typeof value === "function")
        .map(([fn]) => `${name}.${fn}`),
    );
    expect(exported.filter((name) => !(name in ACTIONS))).toEqual([]);
  });

  it("refuses every id of another merchant with 'not found', changing nothing", async () => {
    const modules = await actionModules();
    for (const [name, probe] of Object.entries(ACTIONS)) {
      if (probe === "own") continue;
      const mod = modules.get(name.split(".")[0]!)!;
      const before = await merchantFingerprint(a.scope.merchantId);
      let outcome: unknown;
      try {
        outcome = await probe(mod);
      } catch (error) {
        outcome = { thrown: error instanceof Error ? error.message : String(error) };
      }
      const text = JSON.stringify(outcome);
      expect(text, name).toMatch(/not found/i);
      expect(text, name).not.toContain(secretWord);
      expect(await merchantFingerprint(a.scope.merchantId), name).toBe(before);
    }
  });
});
