/**
 * The CM.com Payment Link contract over its route handlers: the token endpoint (form and JSON,
 * errors, expiry, bare tokens, scope), every endpoint at both path spellings, every field with
 * its type and default, exact amounts, PATCH (active and the other fields, paid and expired
 * links), status open/paid (a pending payment is not paid), 404s, tenant isolation, and a
 * deactivated link refused through Instanvi's redeem and shown so on the pay page.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { POST as tokenRoute } from "@/app/api/cm/auth/v1/token/route";
import { POST as createRoute } from "@/app/api/cm/paymentlink/v1.0/route";
import { GET as getV10Route, PATCH as patchV10Route } from "@/app/api/cm/paymentlink/v1.0/[ref]/route";
import { GET as statusV10Route } from "@/app/api/cm/paymentlink/v1.0/[ref]/status/route";
import { POST as createV1Route } from "@/app/api/cm/paymentlink/v1/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/cm/paymentlink/v1/[ref]/route";
import { GET as statusRoute } from "@/app/api/cm/paymentlink/v1/[ref]/status/route";
import { GET as instanviBySlugRoute } from "@/app/api/payment-links/[key]/route";
import { POST as instanviRedeemRoute } from "@/app/api/payment-links/[key]/redeem/route";
import { answerUnserved } from "@/lib/contracts/kit/fallback";
import { openApiDocument } from "@/lib/contracts/openapi";
import { payPageStatus } from "@/lib/contracts/pay/pay-page-status";
import { CONTRACTS } from "@/lib/contracts/registry";
import { hashSecret } from "@/lib/crypto/api-keys";
import { getDb } from "@/lib/db/client";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { isAppError } from "@/lib/errors";
import { MESSAGES, resolveLanguage } from "@/lib/i18n/pay-page";
import { revokeCredential } from "@/lib/services/credentials/revoke-credential";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { getLinkByShortCodeOrThrow, getLinkOrThrow } from "@/lib/services/links/get-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { getPayPage } from "@/lib/services/pay-page/get-pay-page";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { call, createApiKey, type CallResult } from "@/lib/testing/http";
import { cmErrorSchema } from "./schemas";
import { paymentLinkResponse, paymentLinkStatusResponse, tokenResponse } from "./schemas";

interface Account {
  scope: MerchantScope;
  keyId: string;
  secret: string;
  credentialId: string;
  token: string;
}

const FORM = { "content-type": "application/x-www-form-urlencoded" };
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const postToken = (body: unknown, headers: Record<string, string> = {}) => call(tokenRoute, { method: "POST", path: "/api/cm/auth/v1/token", headers, body });

async function token(keyId: string, secret: string): Promise<string> {
  const result = await postToken(form({ grant_type: "client_credentials", client_id: keyId, client_secret: secret }), FORM);
  expect(result.status).toBe(200);
  return result.json.access_token;
}

async function account(name: string, scopes = ["payment_links"], mode: "SANDBOX" | "LIVE" = "SANDBOX"): Promise<Account> {
  const scope = await createMerchant(name);
  const key = await createApiKey(scope.merchantId, mode, scopes);
  return { scope, ...key, token: await token(key.keyId, key.secret) };
}

let shop: Account;
let other: Account;

beforeAll(async () => {
  // This file makes hundreds of calls with one key: the limits are tested in the kit.
  process.env.RATE_LIMIT_PER_CREDENTIAL = "100000";
  delete process.env.ALLOW_PRIVATE_URLS;
  [shop, other] = await Promise.all([account("CM shop"), account("CM other shop")]);
});

afterEach(() => {
  delete process.env.CM_TOKEN_TTL_SECONDS;
  delete process.env.ALLOW_PRIVATE_URLS;
});

const bearer = (accessToken = shop.token) => ({ authorization: `Bearer ${accessToken}` });

const create = (body: unknown, headers: Record<string, string> = bearer(), route = createRoute, path = "/api/cm/paymentlink/v1.0") =>
  call(route, { method: "POST", path, headers, body });
const get = (ref: string, headers: Record<string, string> = bearer()) =>
  call(getRoute, { path: `/api/cm/paymentlink/v1/${encodeURIComponent(ref)}`, headers, params: { ref } });
const patch = (ref: string, body: unknown, headers: Record<string, string> = bearer()) =>
  call(patchRoute, { method: "PATCH", path: `/api/cm/paymentlink/v1/${encodeURIComponent(ref)}`, headers, body, params: { ref } });
const status = (ref: string, headers: Record<string, string> = bearer()) =>
  call(statusRoute, { path: `/api/cm/paymentlink/v1/${encodeURIComponent(ref)}/status`, headers, params: { ref } });

const future = (days = 7) => new Date(Date.now() + days * 86_400_000);
/** A whole second in the future, written as the document writes dates. */
const futureCm = (days = 7) => new Date(Math.floor(future(days).getTime() / 1000) * 1000).toISOString().replace(".000Z", "+00:00");

/** The document's create body, with an expiry date that is still to come. */
const documentBody = () => ({
  amount: 10.0,
  callback_url: "https://merchant.url/callback",
  country_code: "NL",
  currency_code: "EUR",
  expiry_date: futureCm(),
  invoice_due_date: "2022-02-22T22:00:00+00:00",
  invoice_reference: "<INVOICE_REFERENCE>",
  language_code: "NL",
  merchant_reference: "<MERCHANT_REFERENCE>",
});

const RESPONSE_KEYS = [
  "amount",
  "callback_url",
  "country_code",
  "currency_code",
  "expiry_date",
  "invoice_due_date",
  "invoice_reference",
  "language_code",
  "merchant_reference",
  "ref",
  "active",
  "status",
  "uri",
];

const REF = /^pml-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CM_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+00:00$/;

function expectValid<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues ?? []).toEqual([]);
  return parsed.data as z.output<T>;
}

/** A payment link answer: every key in the document's order, each of its type. */
function expectLink(result: CallResult, httpStatus = 200) {
  expect(result.status).toBe(httpStatus);
  expect(result.headers.get("content-type")).toContain("application/json");
  expect(Object.keys(result.json)).toEqual(RESPONSE_KEYS);
  const link = expectValid(paymentLinkResponse, result.json);
  expect(link.ref).toMatch(REF);
  expect(link.uri).toMatch(/^http:\/\/paylinks\.test\/p\/[^/]+$/);
  for (const key of ["expiry_date", "invoice_due_date"] as const) if (link[key] !== null) expect(link[key]).toMatch(CM_DATE);
  return link;
}

/** A CM error: {"errors": [{code, message, field?}]}, the first naming `field` (null: naming none; undefined: not checked). */
function expectError(result: CallResult, httpStatus: number, code: string, field?: string | null, message?: string | RegExp) {
  expect(result.status).toBe(httpStatus);
  expectValid(cmErrorSchema, result.json);
  expect(result.json.errors.length).toBeGreaterThan(0);
  const [first] = result.json.errors;
  expect(first.code).toBe(code);
  if (field === null) expect(first).not.toHaveProperty("field");
  else if (field !== undefined) expect(first.field).toBe(field);
  if (typeof message === "string") expect(first.message).toBe(message);
  else if (message) expect(first.message).toMatch(message);
  return result.json.errors as { code: string; message: string; field?: string }[];
}

const idOf = (ref: string) => ref.slice("pml-".length);
const stored = (ref: string) => getDb().paymentLink.findUniqueOrThrow({ where: { id: idOf(ref) } });

async function createdRef(body: Record<string, unknown> = {}, headers = bearer()): Promise<string> {
  const result = await create({ amount: 10, merchant_reference: `order-${randomUUID()}`, ...body }, headers);
  expect(result.status).toBe(201);
  return result.json.ref;
}

async function pay(ref: string, outcome: "PENDING" | "SUCCESSFUL" | "FAILED") {
  const { slug } = await stored(ref);
  const { payment } = await redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" });
  if (outcome !== "PENDING") await settlePayment({ paymentId: payment.id, outcome, failureReason: "INSUFFICIENT_FUNDS", actor: "provider:test" });
  return payment;
}

async function caught(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an error");
}

// ---- the token endpoint ----------------------------------------------------------------------

describe("POST /auth/v1/token", () => {
  const fields = () => ({ grant_type: "client_credentials", client_id: shop.keyId, client_secret: shop.secret });

  function expectToken(result: CallResult, expiresIn = 86400) {
    expect(result.status).toBe(200);
    expect(result.headers.get("content-type")).toContain("application/json");
    expect(result.headers.get("cache-control")).toBe("no-store");
    expect(Object.keys(result.json)).toEqual(["access_token", "token_type", "expires_in"]);
    const issued = expectValid(tokenResponse, result.json);
    expect(issued).toMatchObject({ token_type: "bearer", expires_in: expiresIn });
    return issued.access_token;
  }

  it("issues a bearer token for a form body, as the document sends it, valid 86400 seconds", async () => {
    const accessToken = expectToken(await postToken(form(fields()), FORM));
    expect((await status(await createdRef(), bearer(accessToken))).status).toBe(200);
    const row = await getDb().accessToken.findUniqueOrThrow({ where: { tokenHash: hashSecret(accessToken) } });
    expect(row.kind).toBe("ACCESS");
    expect(Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000)).toBe(86400);
    // No refresh token for client credentials.
    expect(await getDb().accessToken.count({ where: { credentialId: shop.credentialId, kind: "REFRESH" } })).toBe(0);
  });

  it("takes the same fields as a JSON body, ignoring unknown parameters", async () => {
    const accessToken = expectToken(await postToken({ ...fields(), scope: "anything" }));
    expect((await get(await createdRef(), bearer(accessToken))).status).toBe(200);
  });

  it("hands out tokens of CM_TOKEN_TTL_SECONDS when set", async () => {
    process.env.CM_TOKEN_TTL_SECONDS = "120";
    expectToken(await postToken(form(fields()), FORM), 120);
  });

  it("answers 401 in CM's error shape for bad credentials or a revoked key", async () => {
    const revoked = await createApiKey(shop.scope.merchantId);
    await revokeCredential(shop.scope, revoked.credentialId);
    const cases = [
      { ...fields(), client_id: "pk_test_nobody" },
      { ...fields(), client_secret: `${shop.secret}x` },
      { ...fields(), client_id: other.keyId },
      { ...fields(), client_id: revoked.keyId, client_secret: revoked.secret },
    ];
    for (const body of cases) {
      expectError(await postToken(form(body), FORM), 401, "unauthenticated", null, "Invalid client credentials");
      expectError(await postToken(body), 401, "unauthenticated");
    }
  });

  it.each([
    ["no grant_type", { client_id: "pk", client_secret: "sk" }, "grant_type"],
    ["another grant_type", { grant_type: "password", client_id: "pk", client_secret: "sk" }, "grant_type"],
    ["no client_id", { grant_type: "client_credentials", client_secret: "sk" }, "client_id"],
    ["an empty client_secret", { grant_type: "client_credentials", client_id: "pk", client_secret: "" }, "client_secret"],
  ])("answers 400 naming the field for %s", async (_name, body, field) => {
    expectError(await postToken(form(body as Record<string, string>), FORM), 400, "validation", field);
    expectError(await postToken(body), 400, "validation", field);
  });

  it("answers 400 for an empty body or one that is neither a form nor JSON", async () => {
    expectError(await postToken("", FORM), 400, "validation", "body");
    expectError(await postToken("grant_type=client_credentials", { "content-type": "text/plain" }), 400, "validation", "body");
  });

  it("refuses an expired token on the next call", async () => {
    const accessToken = await token(shop.keyId, shop.secret);
    const ref = await createdRef({}, bearer(accessToken));
    await getDb().accessToken.update({ where: { tokenHash: hashSecret(accessToken) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await get(ref, bearer(accessToken)), 401, "unauthenticated", null, "Invalid or expired access token");
    expectError(await create({ amount: 1, merchant_reference: "x" }, bearer(accessToken)), 401, "unauthenticated");
  });

  it("accepts the bare token (Authorization: <token>) and Bearer in any case", async () => {
    const ref = await createdRef();
    expect((await get(ref, { authorization: shop.token })).status).toBe(200);
    expect((await get(ref, { authorization: `bearer ${shop.token}` })).status).toBe(200);
  });

  it("answers 401 without a token, with a malformed or unknown one, and after the key is revoked", async () => {
    const ref = await createdRef();
    const cases: Record<string, string>[] = [{}, { authorization: "Bearer" }, { authorization: "Bearer a b" }, { authorization: "Bearer at_unknown" }, { authorization: `Basic ${shop.token}` }];
    for (const headers of cases) {
      expectError(await get(ref, headers), 401, "unauthenticated");
    }
    const key = await createApiKey(shop.scope.merchantId);
    const accessToken = await token(key.keyId, key.secret);
    expect((await get(ref, bearer(accessToken))).status).toBe(200);
    await revokeCredential(shop.scope, key.credentialId);
    expectError(await get(ref, bearer(accessToken)), 401, "unauthenticated");
  });

  it("answers 403 when the key lacks the payment_links scope", async () => {
    const sylius = await account("CM without scope", ["payments"]);
    expectError(await create({ amount: 1, merchant_reference: "x" }, bearer(sylius.token)), 403, "forbidden", undefined, /payment_links/);
    expectError(await get(`pml-${randomUUID()}`, bearer(sylius.token)), 403, "forbidden");
  });
});

// ---- create --------------------------------------------------------------------------------

describe("POST /paymentlink/v1.0", () => {
  it("creates a link from the document's body: 201, every field in the document's order", async () => {
    const body = documentBody();
    const link = expectLink(await create(body), 201);
    expect(link).toEqual({
      amount: 10,
      callback_url: "https://merchant.url/callback",
      country_code: "NL",
      currency_code: "EUR",
      expiry_date: body.expiry_date,
      invoice_due_date: "2022-02-22T22:00:00+00:00",
      invoice_reference: "<INVOICE_REFERENCE>",
      language_code: "NL",
      merchant_reference: "<MERCHANT_REFERENCE>",
      ref: expect.stringMatching(REF),
      active: true,
      status: "open",
      uri: expect.stringMatching(/^http:\/\/paylinks\.test\/p\//),
    });
    const row = await stored(link.ref);
    expect(row).toMatchObject({
      merchantId: shop.scope.merchantId,
      amountMinor: 1000n,
      currency: "EUR",
      callbackUrl: "https://merchant.url/callback",
      country: "NL",
      language: "nl",
      merchantReference: "<MERCHANT_REFERENCE>",
      invoiceReference: "<INVOICE_REFERENCE>",
      invoiceDueDate: new Date("2022-02-22T22:00:00Z"),
      expiresAt: new Date(body.expiry_date),
      maxUses: 1,
      mode: "SANDBOX",
      status: "ACTIVE",
      deactivatedAt: null,
      createdBy: `api:${shop.keyId}`,
    });
    // The ref is our id, and the uri is the short URL of the link's pay page.
    expect(link.uri).toBe(`http://paylinks.test/p/${row.shortCode}`);
    expect((await getLinkByShortCodeOrThrow(link.uri.split("/p/")[1]!)).id).toBe(row.id);
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: row.id, type: "link.created" } });
    expect(event.actor).toBe(`api:${shop.keyId}`);
  });

  it("applies the document's defaults: EUR, EN, no expiry; unset optional fields are null", async () => {
    const link = expectLink(await create({ amount: 25, merchant_reference: "INV-1" }), 201);
    expect(link).toMatchObject({
      amount: 25,
      callback_url: null,
      country_code: null,
      currency_code: "EUR",
      expiry_date: null,
      invoice_due_date: null,
      invoice_reference: null,
      language_code: "EN",
      merchant_reference: "INV-1",
      active: true,
      status: "open",
    });
    expect(await stored(link.ref)).toMatchObject({ currency: "EUR", amountMinor: 2500n, language: "en", expiresAt: null, country: null, callbackUrl: null });
  });

  it("reads null and empty strings of optional fields as not set", async () => {
    const link = expectLink(
      await create({ amount: 1, merchant_reference: "R", callback_url: "", country_code: null, currency_code: "", expiry_date: null, invoice_reference: "", language_code: null }),
      201,
    );
    expect(link).toMatchObject({ callback_url: null, country_code: null, currency_code: "EUR", expiry_date: null, invoice_reference: null, language_code: "EN" });
  });

  it("is also served at /paymentlink/v1, which clients call", async () => {
    const link = expectLink(await create(documentBody(), bearer(), createV1Route, "/api/cm/paymentlink/v1"), 201);
    expect(link.merchant_reference).toBe("<MERCHANT_REFERENCE>");
  });

  it("normalises codes: lower-case currency, language and country come back upper case", async () => {
    const link = expectLink(await create({ amount: 5000, currency_code: "xaf", language_code: "fr", country_code: "cm", merchant_reference: "R" }), 201);
    expect(link).toMatchObject({ amount: 5000, currency_code: "XAF", language_code: "FR", country_code: "CM" });
  });

  it.each([
    [10, "EUR", 1000n, 10],
    [10.5, "EUR", 1050n, 10.5],
    [10.05, "EUR", 1005n, 10.05],
    [0.01, "EUR", 1n, 0.01],
    [99999999.99, "EUR", 9999999999n, 99999999.99],
    [5000, "XAF", 5000n, 5000],
    [1.234, "KWD", 1234n, 1.234],
    [19.99, "USD", 1999n, 19.99],
  ])("converts %s %s exactly to %s minor units and back", async (amount, currency, minor, back) => {
    const link = expectLink(await create({ amount, currency_code: currency, merchant_reference: "R" }), 201);
    expect(link.amount).toBe(back);
    expect(typeof link.amount).toBe("number");
    expect((await stored(link.ref)).amountMinor).toBe(minor);
  });

  it.each([
    [{ amount: 10.005 }, "amount", /more than 2 decimal places/],
    [{ amount: 10.5, currency_code: "XAF" }, "amount", /XAF has no minor unit/],
    [{ amount: 0 }, "amount", "amount must be greater than 0"],
    [{ amount: -5 }, "amount", "amount must be greater than 0"],
    [{ amount: "10.00" }, "amount", "amount must be a number"],
    [{ amount: null }, "amount", "amount is required and must be a number"],
    [{ amount: 1e15 }, "amount", /too large|at most/],
    [{ currency_code: "EURO" }, "currency_code", /^currency_code must be an ISO 4217/],
    [{ currency_code: "ZZZ" }, "currency_code", /^currency_code must be an ISO 4217/],
    [{ currency_code: 978 }, "currency_code", "currency_code must be a string"],
    [{ merchant_reference: "" }, "merchant_reference", "merchant_reference must not be empty"],
    [{ merchant_reference: 42 }, "merchant_reference", "merchant_reference must be a string"],
    [{ merchant_reference: "x".repeat(101) }, "merchant_reference", /at most 100/],
    [{ invoice_reference: "x".repeat(101) }, "invoice_reference", /at most 100/],
    [{ callback_url: "ftp://merchant.url/callback" }, "callback_url", /http or https/],
    [{ callback_url: "not a url" }, "callback_url", /absolute URL/],
    [{ callback_url: "http://127.0.0.1/callback" }, "callback_url", /loopback/],
    [{ callback_url: "https://user:pw@merchant.url/callback" }, "callback_url", /user name or password/],
    [{ callback_url: 5 }, "callback_url", "callback_url must be a string"],
    [{ country_code: "NLD" }, "country_code", /ISO 3166-1 alpha-2/],
    [{ language_code: "english" }, "language_code", /ISO 639-1 alpha-2/],
    [{ expiry_date: "2020-01-01T00:00:00+00:00" }, "expiry_date", "expiry_date cannot be in the past"],
    [{ expiry_date: "tomorrow" }, "expiry_date", /ISO 8601/],
    [{ expiry_date: "2030-13-45T00:00:00+00:00" }, "expiry_date", /ISO 8601/],
    [{ invoice_due_date: 20220222 }, "invoice_due_date", /ISO 8601/],
    [{ active: false }, "active", "unknown field: active"],
    [{ description: "x" }, "description", "unknown field: description"],
  ])("refuses %j with a 400 naming %s", async (override, field, message) => {
    const before = await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } });
    expectError(await create({ amount: 10, merchant_reference: "R", ...override }), 400, "validation", field, message);
    expect(await getDb().paymentLink.count({ where: { merchantId: shop.scope.merchantId } })).toBe(before);
  });

  it("lists every problem of a body, each naming its field", async () => {
    const errors = expectError(await create({ country_code: "X" }), 400, "validation");
    expect(errors.map((error) => error.field).sort()).toEqual(["amount", "country_code", "merchant_reference"]);
    for (const error of errors) expect(error.code).toBe("validation");
  });

  it("answers 400 for malformed JSON, a form body, an array or no body", async () => {
    expectError(await create('{"amount": 10,', { ...bearer(), "content-type": "application/json" }), 400, "validation", "body", /^Malformed JSON body/);
    expectError(await create("[1]", { ...bearer(), "content-type": "application/json" }), 400, "validation", "body");
    expectError(await create(form({ amount: "10", merchant_reference: "R" }), { ...bearer(), ...FORM }), 400, "validation", "body", /Content-Type must be application\/json/);
    expectError(await create(undefined), 400, "validation", "body");
  });

  it("accepts an http callback URL (requireHttps off)", async () => {
    const link = expectLink(await create({ amount: 1, merchant_reference: "R", callback_url: "http://merchant.example/cb?x=1" }), 201);
    expect(link.callback_url).toBe("http://merchant.example/cb?x=1");
  });

  it("creates LIVE links with a LIVE key", async () => {
    const live = await account("CM live", ["payment_links"], "LIVE");
    const link = expectLink(await create({ amount: 1, merchant_reference: "R" }, bearer(live.token)), 201);
    expect((await stored(link.ref)).mode).toBe("LIVE");
  });

  it("replays a retry with the same Idempotency-Key", async () => {
    const key = `cm-${randomUUID()}`;
    const first = await create({ amount: 3, merchant_reference: "R" }, { ...bearer(), "idempotency-key": key });
    const second = await create({ amount: 3, merchant_reference: "R" }, { ...bearer(), "idempotency-key": key });
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.json).toEqual(first.json);
    expectError(await create({ amount: 4, merchant_reference: "R" }, { ...bearer(), "idempotency-key": key }), 409, "conflict");
  });
});

// ---- read ----------------------------------------------------------------------------------

describe("GET /paymentlink/v1/<ref>", () => {
  it("retrieves the link as created, at /v1 and /v1.0", async () => {
    const created = expectLink(await create(documentBody()), 201);
    expect(expectLink(await get(created.ref))).toEqual(created);
    const v10 = await call(getV10Route, { path: `/api/cm/paymentlink/v1.0/${created.ref}`, headers: bearer(), params: { ref: created.ref } });
    expect(expectLink(v10)).toEqual(created);
  });

  it("keeps milliseconds of a date that has some", async () => {
    const expiry = new Date(Math.floor(future().getTime() / 1000) * 1000 + 250);
    const link = expectLink(await create({ amount: 1, merchant_reference: "R", expiry_date: expiry.toISOString() }), 201);
    expect(link.expiry_date).toBe(expiry.toISOString().replace("Z", "+00:00"));
    const offset = expectLink(await create({ amount: 1, merchant_reference: "R", expiry_date: "2099-06-01T12:00:00+02:00" }), 201);
    expect(offset.expiry_date).toBe("2099-06-01T10:00:00+00:00");
  });

  it("shows a link made elsewhere (dashboard, Instanvi) with nulls for what it lacks", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 5000, currency: "XAF" });
    const shown = expectLink(await get(`pml-${link.id}`));
    expect(shown).toMatchObject({ amount: 5000, currency_code: "XAF", language_code: null, merchant_reference: null, status: "open", active: true });
  });

  it("answers 404 for an unknown, a foreign or a malformed reference", async () => {
    const foreign = await createdRef({}, bearer(other.token));
    const refs = [`pml-${randomUUID()}`, foreign, "pml-123", idOf(foreign), "abc", `pm1-${idOf(foreign)}`, `${foreign}x`];
    for (const ref of refs) {
      expectError(await get(ref), 404, "not_found", null, "Payment link not found");
      expectError(await status(ref), 404, "not_found");
      expectError(await patch(ref, { active: false }), 404, "not_found");
    }
    expect((await stored(foreign)).deactivatedAt).toBeNull();
  });
});

// ---- update --------------------------------------------------------------------------------

describe("PATCH /paymentlink/v1/<ref>", () => {
  it("deactivates with the document's body, and reactivates", async () => {
    const created = expectLink(await create(documentBody()), 201);
    const deactivated = expectLink(await patch(created.ref, { active: false }));
    expect(deactivated).toEqual({ ...created, active: false, status: "open" });
    expect((await stored(created.ref)).deactivatedAt).toBeInstanceOf(Date);
    expect(expectLink(await get(created.ref)).active).toBe(false);
    // Twice is harmless.
    expect(expectLink(await patch(created.ref, { active: false })).active).toBe(false);

    const reactivated = expectLink(await patch(created.ref, { active: true }));
    expect(reactivated).toEqual(created);
    expect((await stored(created.ref)).deactivatedAt).toBeNull();
    const events = await getDb().event.findMany({ where: { linkId: idOf(created.ref), type: "link.updated" }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.data)).toEqual([{ changes: { active: { from: true, to: false } } }, { changes: { active: { from: false, to: true } } }]);
    expect(events.every((event) => event.actor === `api:${shop.keyId}`)).toBe(true);
  });

  it("is also served at /paymentlink/v1.0/<ref>", async () => {
    const ref = await createdRef();
    const result = await call(patchV10Route, { method: "PATCH", path: `/api/cm/paymentlink/v1.0/${ref}`, headers: bearer(), body: { active: false }, params: { ref } });
    expect(expectLink(result).active).toBe(false);
  });

  it("refuses redeem of a deactivated link through Instanvi, and the pay page says it is deactivated", async () => {
    const ref = await createdRef({ language_code: "FR" });
    const { slug } = await stored(ref);
    await patch(ref, { active: false });

    const redeem = await call(instanviRedeemRoute, {
      method: "POST",
      path: `/api/payment-links/${slug}/redeem`,
      body: { phone_number: 670000001, provider: "MTN_CAM" },
      params: { key: slug },
    });
    expect(redeem.status).toBe(410);
    expect(redeem.json).toMatchObject({ status_code: 410, message: "Payment link is no longer available", data: {} });
    const publicRead = await call(instanviBySlugRoute, { path: `/api/payment-links/${slug}`, params: { key: slug } });
    expect(publicRead.status).toBe(410);
    expect(publicRead.json.message).toBe("Payment link is no longer available");
    const error = await caught(redeemLink({ slug, provider: "ORANGE_CAM", phoneNumber: "691000001" }));
    expect(error).toMatchObject({ code: "GONE", details: { reason: "INACTIVE" } });
    expect(await getDb().payment.count({ where: { linkId: idOf(ref) } })).toBe(0);
    expect((await stored(ref)).currentUses).toBe(0);

    const page = await getPayPage(slug);
    expect(page?.gone).toBe("INACTIVE");
    expect(payPageStatus(page)).toBe(410);
    expect(resolveLanguage({ link: page!.link.language, acceptLanguage: "en" })).toBe("fr");
    expect(MESSAGES.fr.gone.INACTIVE.title).toBe("Ce lien a été désactivé");
    expect(MESSAGES.en.gone.INACTIVE.title).toBe("This link has been deactivated");

    // Reactivated: payable again.
    await patch(ref, { active: true });
    expect((await getPayPage(slug))?.gone).toBeNull();
    const { payment } = await redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" });
    expect(payment.status).toBe("PENDING");
  });

  it("refuses active: true on an expired link (naming active), unless the same request moves the expiry", async () => {
    const ref = await createdRef();
    await patch(ref, { active: false });
    await expire(idOf(ref));
    expectError(await patch(ref, { active: true }), 400, "invalid_state", "active", /^active cannot be set to true: the payment link has expired/);
    // Atomic: a refused request changes nothing.
    expectError(await patch(ref, { active: true, amount: 99 }), 400, "invalid_state", "active");
    expect((await stored(ref)).amountMinor).toBe(1000n);
    expect((await stored(ref)).deactivatedAt).not.toBeNull();
    // An expired link that was never deactivated cannot be "made active" either; it can be deactivated.
    const still = await createdRef();
    await expire(idOf(still));
    expectError(await patch(still, { active: true }), 400, "invalid_state", "active");
    expect(expectLink(await patch(still, { active: false })).active).toBe(false);

    const expiry = futureCm(3);
    const revived = expectLink(await patch(ref, { active: true, expiry_date: expiry }));
    expect(revived).toMatchObject({ active: true, expiry_date: expiry, status: "open" });
  });

  it("refuses any change of a paid link (active either way, other fields): 400 naming the field", async () => {
    const ref = await createdRef();
    await pay(ref, "SUCCESSFUL");
    expectError(await patch(ref, { active: false }), 400, "invalid_state", "active", "active cannot be set to false: the payment link is paid");
    expectError(await patch(ref, { active: true }), 400, "invalid_state", "active", "active cannot be set to true: the payment link is paid");
    expectError(await patch(ref, { amount: 20 }), 400, "invalid_state", null, "Cannot update a paid or cancelled payment link");
    expect(expectLink(await get(ref))).toMatchObject({ active: true, status: "paid", amount: 10 });
  });

  it("refuses reactivating a link that was deactivated while its payment was pending and then paid", async () => {
    const ref = await createdRef();
    const payment = await pay(ref, "PENDING");
    expect(expectLink(await patch(ref, { active: false }))).toMatchObject({ active: false, status: "open" });
    expect((await getPayPage((await stored(ref)).slug))?.gone).toBe("INACTIVE");
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
    expect(expectLink(await get(ref))).toMatchObject({ active: false, status: "paid" });
    expectError(await patch(ref, { active: true }), 400, "invalid_state", "active", "active cannot be set to true: the payment link is paid");
  });

  it("keeps a link deactivated when its pending payment fails", async () => {
    const ref = await createdRef();
    const payment = await pay(ref, "PENDING");
    await patch(ref, { active: false });
    await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:test" });
    expect(expectLink(await get(ref))).toMatchObject({ active: false, status: "open" });
    expect((await getPayPage((await stored(ref)).slug))?.gone).toBe("INACTIVE");
  });

  it("shows a cancelled link as inactive and refuses to reactivate it: deactivated is not cancelled", async () => {
    const ref = await createdRef();
    await cancelLink(shop.scope, idOf(ref));
    expect(expectLink(await get(ref)).active).toBe(false);
    expectError(await patch(ref, { active: true }), 400, "invalid_state", "active", /cancelled/);
    const deactivated = await createdRef();
    await patch(deactivated, { active: false });
    expect((await stored(deactivated)).status).toBe("ACTIVE");
  });

  it("changes the other fields of an unpaid link, only those sent", async () => {
    const created = expectLink(await create(documentBody()), 201);
    const expiry = futureCm(30);
    const updated = expectLink(
      await patch(created.ref, {
        amount: 20.5,
        callback_url: "https://merchant.url/other",
        country_code: "cm",
        expiry_date: expiry,
        invoice_due_date: "2030-01-31T00:00:00Z",
        invoice_reference: "INV-2",
        language_code: "fr",
        merchant_reference: "ORDER-2",
      }),
    );
    expect(updated).toEqual({
      ...created,
      amount: 20.5,
      callback_url: "https://merchant.url/other",
      country_code: "CM",
      expiry_date: expiry,
      invoice_due_date: "2030-01-31T00:00:00+00:00",
      invoice_reference: "INV-2",
      language_code: "FR",
      merchant_reference: "ORDER-2",
    });
    expect(await stored(created.ref)).toMatchObject({ amountMinor: 2050n, currency: "EUR", language: "fr", country: "CM", callbackUrl: "https://merchant.url/other" });
    const event = await getDb().event.findFirstOrThrow({ where: { linkId: idOf(created.ref), type: "link.updated" } });
    expect((event.data as { changes: Record<string, unknown> }).changes).toMatchObject({ amountMinor: { from: 1000, to: 2050 }, merchantReference: { from: "<MERCHANT_REFERENCE>", to: "ORDER-2" } });
    // Nothing sent, nothing changed; null clears an optional field (language back to EN).
    expect(expectLink(await patch(created.ref, {}))).toEqual(updated);
    const cleared = expectLink(await patch(created.ref, { expiry_date: null, callback_url: null, invoice_reference: null, invoice_due_date: null, country_code: null, language_code: null }));
    expect(cleared).toMatchObject({ expiry_date: null, callback_url: null, invoice_reference: null, invoice_due_date: null, country_code: null, language_code: "EN" });
  });

  it("reads amount in currency_code when both are sent, else in the link's currency", async () => {
    const ref = await createdRef({ amount: 10.5 });
    expect(expectLink(await patch(ref, { amount: 6500, currency_code: "XAF" }))).toMatchObject({ amount: 6500, currency_code: "XAF" });
    expect((await stored(ref)).amountMinor).toBe(6500n);
    expect(expectLink(await patch(ref, { amount: 7000 }))).toMatchObject({ amount: 7000, currency_code: "XAF" });
    // A new currency alone keeps the value in major units.
    expect(expectLink(await patch(ref, { currency_code: "USD" }))).toMatchObject({ amount: 7000, currency_code: "USD" });
    expect((await stored(ref)).amountMinor).toBe(700000n);
    expectError(await patch(ref, { amount: 10.005 }), 400, "validation", "amount", /more than 2 decimal places/);
    await patch(ref, { amount: 10.5 });
    expectError(await patch(ref, { currency_code: "XAF" }), 400, "validation", "amount", /XAF has no minor unit/);
    expectError(await patch(ref, { currency_code: "QQQ" }), 400, "validation", "currency_code");
    expect(await stored(ref)).toMatchObject({ amountMinor: 1050n, currency: "USD" });
  });

  it.each([
    [{ active: "false" }, "active", "active must be a boolean"],
    [{ active: 0 }, "active", "active must be a boolean"],
    [{ amount: 0 }, "amount", "amount must be greater than 0"],
    [{ amount: "5" }, "amount", "amount must be a number"],
    [{ merchant_reference: "" }, "merchant_reference", "merchant_reference must not be empty"],
    [{ merchant_reference: null }, "merchant_reference", /merchant_reference .*must be a string/],
    [{ expiry_date: "2001-01-01T00:00:00Z" }, "expiry_date", "expiry_date cannot be in the past"],
    [{ expiry_date: "soon" }, "expiry_date", /ISO 8601/],
    [{ callback_url: "javascript:alert(1)" }, "callback_url", /http or https/],
    [{ language_code: "nld" }, "language_code", /ISO 639-1/],
    [{ ref: "pml-x" }, "ref", "unknown field: ref"],
    [{ status: "paid" }, "status", "unknown field: status"],
  ])("refuses %j with a 400 naming %s and changes nothing", async (body, field, message) => {
    const ref = await createdRef();
    const before = await stored(ref);
    expectError(await patch(ref, body), 400, "validation", field, message);
    expect(await stored(ref)).toEqual(before);
  });

  it("answers 400 for malformed JSON or no body", async () => {
    const ref = await createdRef();
    expectError(await call(patchRoute, { method: "PATCH", path: `/api/cm/paymentlink/v1/${ref}`, headers: { ...bearer(), "content-type": "application/json" }, body: '{"active": fa', params: { ref } }), 400, "validation", "body", /^Malformed JSON body/);
    expectError(await patch(ref, undefined), 400, "validation", "body");
  });
});

// ---- status ----------------------------------------------------------------------------------

describe("GET /paymentlink/v1/<ref>/status", () => {
  const statusOf = async (ref: string) => {
    const result = await status(ref);
    expect(result.status).toBe(200);
    expect(Object.keys(result.json)).toEqual(["status"]);
    return expectValid(paymentLinkStatusResponse, result.json).status;
  };

  it("is open until the money arrives: a pending payment is not paid", async () => {
    const ref = await createdRef();
    expect(await statusOf(ref)).toBe("open");
    const payment = await pay(ref, "PENDING");
    expect((await stored(ref)).status).toBe("PAID"); // every use is held...
    expect(await statusOf(ref)).toBe("open"); // ...but nothing is paid yet
    expect(expectLink(await get(ref)).status).toBe("open");
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
    expect(await statusOf(ref)).toBe("paid");
    expect(expectLink(await get(ref)).status).toBe("paid");
    const v10 = await call(statusV10Route, { path: `/api/cm/paymentlink/v1.0/${ref}/status`, headers: bearer(), params: { ref } });
    expect(v10.json).toEqual({ status: "paid" });
  });

  it("stays open after a failed payment, and a deactivated link is still open", async () => {
    const ref = await createdRef();
    await pay(ref, "FAILED");
    expect(await statusOf(ref)).toBe("open");
    await patch(ref, { active: false });
    expect(await statusOf(ref)).toBe("open");
  });

  it("is paid for a link of several uses only when every use is paid", async () => {
    const link = await createTestLink(shop.scope, { amountMinor: 1000, currency: "EUR", maxUses: 2 });
    const ref = `pml-${link.id}`;
    await pay(ref, "SUCCESSFUL");
    expect(await statusOf(ref)).toBe("open");
    await pay(ref, "SUCCESSFUL");
    expect(await statusOf(ref)).toBe("paid");
  });
});

// ---- isolation, routing, documentation --------------------------------------------------------

describe("tenant isolation", () => {
  it("never shows or changes another merchant's link", async () => {
    const ref = await createdRef();
    expectError(await get(ref, bearer(other.token)), 404, "not_found");
    expectError(await status(ref, bearer(other.token)), 404, "not_found");
    expectError(await patch(ref, { active: false, amount: 1 }, bearer(other.token)), 404, "not_found");
    const row = await stored(ref);
    expect(row).toMatchObject({ deactivatedAt: null, amountMinor: 1000n });
    const link: PaymentLink = await getLinkOrThrow(shop.scope, row.id);
    expect(link.id).toBe(row.id);
  });
});

describe("routing and the OpenAPI document", () => {
  it("answers unserved methods with 405 and unknown paths with 404, in CM's error shape", async () => {
    const ref = `pml-${randomUUID()}`;
    for (const [path, method, allow] of [
      [`/api/cm/paymentlink/v1/${ref}`, "DELETE", "GET, PATCH"],
      [`/api/cm/paymentlink/v1/${ref}/status`, "POST", "GET"],
      ["/api/cm/paymentlink/v1.0", "GET", "POST"],
      ["/api/cm/auth/v1/token", "GET", "POST"],
    ] as const) {
      const response = answerUnserved(CONTRACTS, new Request(`http://paylinks.test${path}`, { method }))!;
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      const body = await response.json();
      expect(body).toEqual({ errors: [{ code: "method_not_allowed", message: expect.stringMatching(/^Method [A-Z]+ is not allowed here/) }] });
    }
    const unknown = answerUnserved(CONTRACTS, new Request("http://paylinks.test/api/cm/paymentlink/v2"), { unknownPath: true })!;
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ errors: [{ code: "route_not_found", message: "Route not found: GET /api/cm/paymentlink/v2" }] });
  });

  it("documents every operation with its answers and the CM error shape", () => {
    const document = openApiDocument();
    const paths = document.paths;
    expect(Object.keys(paths["/api/cm/auth/v1/token"]!)).toEqual(["post"]);
    expect(Object.keys((paths["/api/cm/auth/v1/token"]!.post!.requestBody as { content: object }).content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(Object.keys(paths["/api/cm/paymentlink/v1.0"]!)).toEqual(["post"]);
    expect(Object.keys(paths["/api/cm/paymentlink/v1"]!)).toEqual(["post"]);
    expect(Object.keys(paths["/api/cm/paymentlink/v1/{ref}"]!).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(paths["/api/cm/paymentlink/v1/{ref}/status"]!)).toEqual(["get"]);
    const create = paths["/api/cm/paymentlink/v1.0"]!.post!;
    expect(Object.keys(create.responses as object).sort()).toEqual(["201", "400", "401", "403", "409", "429", "503"]);
    const patchOp = paths["/api/cm/paymentlink/v1/{ref}"]!.patch!;
    expect(Object.keys(patchOp.responses as object).sort()).toEqual(["200", "400", "401", "403", "404", "429", "503"]);
    expect(JSON.stringify((patchOp.responses as Record<string, unknown>)["400"])).toContain("CmError");
    expect(patchOp.description).toContain('{"errors": [{"code": "...", "message": "...", "field": "..."}]}');
    expect(JSON.stringify(document)).toContain("CmPaymentLink");
  });
});
