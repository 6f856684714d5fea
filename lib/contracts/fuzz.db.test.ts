/**
 * Property-based fuzzing of every route of every contract, the pay page's form and the fallback
 * for unserved paths (fast-check, fixed seed, bounded runs). Requests are generated from each
 * operation's declaration: its method, its path with hostile parameters, hostile query strings,
 * headers with good, bad and garbage credentials, and bodies that are hostile JSON built on the
 * operation's own field names (wrong types, huge and negative numbers, NUL bytes and lone
 * surrogates, very long strings), 5,000-deep JSON, broken JSON and form bodies.
 *
 * Every answer: no 5xx; an error in the envelope its contract documents; and a refused request
 * (4xx) writes no row of the fuzzing merchant (a fingerprint of every table with a merchant_id,
 * taken before and after each request).
 *
 * FUZZ_RUNS (default 60) sets the runs per operation; FUZZ_SEED the seed.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import { POST as payFormRoute } from "@/app/pay/[slug]/start/route";
import { answerUnserved, ownerOf } from "@/lib/contracts/kit/fallback";
import type { Contract } from "@/lib/contracts/kit/define";
import type { OperationSpec, ReplyBase } from "@/lib/contracts/kit/types";
import { CONTRACTS } from "@/lib/contracts/registry";
import type { MerchantScope } from "@/lib/domain/links/types";
import { issueAccessToken } from "@/lib/services/access-tokens/issue-access-token";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { createApiKey } from "@/lib/testing/http";
import { routeHandlerFor, type RouteHandler } from "@/lib/testing/routes";
import { merchantFingerprint } from "@/lib/testing/fingerprint";

// The dashboard's routes run for the fuzzing merchant's session (next-auth needs Next's runtime).
vi.mock("@/lib/auth/session", () => ({ getApiMerchant: async () => target.scope, requireMerchant: async () => target.scope }));

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

// ---- the target --------------------------------------------------------------------------------

interface Target {
  scope: MerchantScope;
  keyId: string;
  secret: string;
  apiKey: string;
  bearer: string;
  slug: string;
  linkId: string;
}

let target: Target;
const saved = { RATE_LIMIT_PER_CREDENTIAL: process.env.RATE_LIMIT_PER_CREDENTIAL, RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP, APP_URL: process.env.APP_URL };

beforeAll(async () => {
  // Thousands of requests from one key and one address: the limits are tested elsewhere.
  process.env.RATE_LIMIT_PER_CREDENTIAL = "10000000";
  process.env.RATE_LIMIT_PER_IP = "10000000";
  process.env.APP_URL = "https://pay.example.cm";
  const scope = await createMerchant("Fuzz shop");
  const key = await createApiKey(scope.merchantId, "SANDBOX", ["payment_links", "e-commerce", "payments"]);
  const token = await issueAccessToken({ grant: "client_credentials", clientId: key.keyId, clientSecret: key.secret, ttlSeconds: 3600 });
  const link = await createTestLink(scope, { amountMinor: 5000, maxUses: 100 });
  target = { scope, keyId: key.keyId, secret: key.secret, apiKey: key.apiKey, bearer: token.accessToken, slug: link.slug, linkId: link.id };

});

afterAll(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const fingerprint = () => merchantFingerprint(target.scope.merchantId);

// ---- hostile values ----------------------------------------------------------------------------

const DEEP = 5_000;
const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "../../../../etc/passwd",
  "..%2F..%2Fetc%2Fpasswd",
  "%",
  "%zz",
  "%E0%A4%A",
  "%00",
  "💸🇨🇲",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "99999999999999999999999999",
  "10.005",
  "-0.0",
  "null",
  "true",
  "pml-00000000-0000-0000-0000-000000000000",
  "00000000-0000-0000-0000-000000000000",
  "x".repeat(10_000),
];

const hostileString = fc.oneof(fc.constantFrom(...SPECIAL_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: "binary", maxLength: 40 }));
const hostileNumber = fc.oneof(
  fc.constantFrom(0, -1, -0.01, 0.001, 10.005, 1e308, -1e308, 2 ** 53 + 1, 99999999.99, 1e-7, 4294967296),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 3 }),
  ),
})).value;

/** The field names an operation's body schema declares, nested objects included (zod 4 shapes). */
function fieldNames(schema: z.ZodType | undefined, depth = 0): string[] {
  if (!schema || depth > 4) return [];
  const def = (schema as unknown as { def?: Record<string, unknown> }).def ?? {};
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
  if (shape && typeof shape === "object") {
    return Object.entries(shape).flatMap(([key, inner]) => [key, ...fieldNames(inner, depth + 1)]);
  }
  for (const inner of [def.innerType, def.in, def.out, def.schema]) {
    if (inner && typeof inner === "object") {
      const names = fieldNames(inner as z.ZodType, depth + 1);
      if (names.length) return names;
    }
  }
  for (const option of (def.options as z.ZodType[] | undefined) ?? []) {
    const names = fieldNames(option, depth + 1);
    if (names.length) return names;
  }
  return [];
}

/** A body: hostile values under the operation's own field names (one level, or under a wrapper such as Zeamster's `paylink`). */
function hostileBody(op: OperationSpec): fc.Arbitrary<{ raw: string; contentType: string }> {
  const names = fieldNames(op.body?.schema);
  const keys = names.length ? fc.constantFrom(...names) : hostileString;
  const object = fc.dictionary(fc.oneof(keys, keys, hostileString), hostileValue, { maxKeys: 8 });
  const wrapped = names.length ? fc.tuple(fc.constantFrom(...names), object).map(([outer, inner]) => ({ [outer]: inner })) : object;
  const deepArray = "[".repeat(DEEP) + "]".repeat(DEEP);
  const deepObject = '{"a":'.repeat(DEEP) + "1" + "}".repeat(DEEP);
  const json = (value: unknown) => ({ raw: JSON.stringify(value) ?? "null", contentType: "application/json" });
  return fc.oneof(
    { weight: 4, arbitrary: object.map(json) },
    { weight: 3, arbitrary: wrapped.map(json) },
    { weight: 1, arbitrary: hostileValue.map(json) },
    { weight: 1, arbitrary: fc.constantFrom(deepArray, deepObject).map((raw) => ({ raw, contentType: "application/json" })) },
    { weight: 1, arbitrary: fc.constantFrom("{", '{"a":', "nul", '{"a":1}}', "\u0000", "\ud800").map((raw) => ({ raw, contentType: "application/json" })) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(keys, hostileString), hostileString), { maxLength: 6 })
        .map((pairs) => ({ raw: pairs.map(([k, v]) => `${k}=${v}`).join("&"), contentType: "application/x-www-form-urlencoded" })),
    },
    { weight: 1, arbitrary: fc.constantFrom("text/plain", "multipart/form-data", "application/xml", "").map((contentType) => ({ raw: "a=1", contentType })) },
  );
}

type Credential = "valid" | "none" | "garbage";

function credentialHeaders(contract: string, kind: Credential, garbage: string): Record<string, string> {
  if (kind === "none") return {};
  const junk = garbage.replace(/[^\x20-\x7e]/g, "?");
  const valid = kind === "valid";
  switch (contract) {
    case "instanvi":
      return { "x-api-key": valid ? target.apiKey : junk };
    case "cyclesoftware":
      return { authorization: valid ? `Basic ${Buffer.from(`${target.keyId}:${target.secret}`).toString("base64")}` : `Basic ${junk}` };
    case "zeamster":
      return valid ? { "user-id": target.keyId, "user-api-key": target.secret } : { "user-id": junk, "user-api-key": junk };
    case "cm":
    case "sylius":
      return { authorization: valid ? `Bearer ${target.bearer}` : junk };
    default:
      return { authorization: junk };
  }
}

/** A path parameter: hostile, or one that names a real record (so that handlers run deep). */
const pathParam = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom("slug", "id", "ref").map((kind) => kind) },
);

function realParam(name: string, kind: string): string {
  if (kind === "slug") return target.slug;
  if (kind === "ref") return `pml-${target.linkId}`;
  return name === "key" || name === "slug" ? target.slug : target.linkId;
}

function safeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80"; // a lone surrogate, as a client that encodes it blindly would send
  }
}

const hostileQuery = fc.array(fc.tuple(hostileString, hostileString), { maxLength: 5 }).map((pairs) =>
  pairs.map(([k, v]) => `${safeSegment(k)}=${fc.sample(fc.constantFrom(safeSegment(v), v.replace(/[#?/\s]/g, "")), { numRuns: 1, seed: k.length })[0]}`).join("&"),
);

// ---- one request -------------------------------------------------------------------------------

type Handler = RouteHandler;

interface Sent {
  status: number;
  contentType: string;
  text: string;
}

async function send(handler: Handler, method: string, url: string, headers: Record<string, string>, body: { raw: string; contentType: string } | undefined, params: Record<string, string>): Promise<Sent> {
  const all = new Headers({ "x-forwarded-for": "203.0.113.9", ...headers });
  if (body && body.contentType) all.set("content-type", body.contentType);
  const request = new Request(`http://paylinks.test${url}`, { method, headers: all, body: method === "GET" || method === "HEAD" ? undefined : body?.raw });
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text: await response.text() };
}

function expectEnvelope(contract: Contract<ReplyBase>, op: OperationSpec | undefined, sent: Sent, what: string) {
  expect(sent.status, `${what} -> ${sent.status} ${sent.text.slice(0, 300)}`).toBeLessThan(500);
  if (sent.status < 400 || !sent.text) return;
  expect(sent.contentType, what).toContain("application/json");
  const json: unknown = JSON.parse(sent.text);
  const documented = op?.responses?.[sent.status]?.schema as z.ZodType | undefined;
  const schema = (op?.errorSchema ?? contract.errorSchema) as z.ZodType;
  const fits = schema.safeParse(json).success || (documented?.safeParse(json).success ?? false);
  expect(fits, `${what}: ${sent.status} body is not the ${contract.name} envelope: ${sent.text.slice(0, 300)}`).toBe(true);
}

// ---- the properties ----------------------------------------------------------------------------

const OPERATIONS = CONTRACTS.flatMap((contract) => contract.operations.map((op) => ({ contract, op })));
let requests = 0;

describe("fuzzing every operation", () => {
  it.each(OPERATIONS.map(({ contract, op }) => [`${contract.name} ${op.method} ${op.path}`, contract, op] as const))(
    "%s",
    async (name, contract, op) => {
      const handler = await routeHandlerFor(op.path, op.method);
      const paramNames = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      await fc.assert(
        fc.asyncProperty(
          fc.array(pathParam, { minLength: paramNames.length, maxLength: paramNames.length }),
          fc.oneof(fc.constant(""), hostileQuery),
          fc.constantFrom<Credential>("valid", "valid", "none", "garbage"),
          hostileString,
          hostileBody(op),
          async (values, query, credential, garbage, body) => {
            const params = Object.fromEntries(paramNames.map((param, i) => [param, ["slug", "id", "ref"].includes(values[i]!) ? realParam(param, values[i]!) : values[i]!]));
            const url = op.path.replace(/\{(\w+)\}/g, (_, param: string) => safeSegment(params[param]!)) + (query ? `?${query}` : "");
            const before = await fingerprint();
            const sent = await send(handler, op.method, url, credentialHeaders(contract.name, credential, garbage), body, params);
            requests++;
            expectEnvelope(contract, op, sent, `${name} ${url.slice(0, 200)}`);
            if (sent.status >= 400) expect(await fingerprint(), `${name}: a refused request wrote rows`).toBe(before);
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000,
  );

  it("the pay page's form: no 5xx, and a refused payment writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(hostileString, fc.constant(target.slug)), hostileBody({ body: undefined } as unknown as OperationSpec), async (slug, body) => {
        const before = await fingerprint();
        const sent = await send(payFormRoute as Handler, "POST", `/pay/${safeSegment(slug)}/start`, {}, { ...body, contentType: body.contentType || "application/x-www-form-urlencoded" }, {});
        requests++;
        expect(sent.status, sent.text.slice(0, 200)).toBeLessThan(500);
        if (sent.status >= 400) expect(await fingerprint()).toBe(before);
      }),
      { seed: SEED, numRuns: RUNS * 2, endOnFailure: true },
    );
  });

  it("unserved paths and methods answer in the envelope of the prefix that owns them", async () => {
    const prefixes = ["/api/", "/api/cm/", "/api/zeamster/v2/", "/api/v1/", "/api/v1/payments/order/", "/api/oauth/", "/api/dashboard/", "/api/pay/"];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.array(hostileString, { maxLength: 4 }), fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"), async (prefix, segments, method) => {
        const request = new Request(`http://paylinks.test${prefix}${segments.map(safeSegment).join("/")}`, { method });
        const owner = ownerOf(CONTRACTS, new URL(request.url).pathname);
        const response = answerUnserved(CONTRACTS, request, { unknownPath: true });
        requests++;
        if (!owner) return expect(response).toBeNull();
        expect(response, request.url).not.toBeNull();
        expectEnvelope(owner, undefined, { status: response!.status, contentType: response!.headers.get("content-type") ?? "", text: await response!.text() }, request.url);
        expect(response!.status).toBeGreaterThanOrEqual(400);
      }),
      { seed: SEED, numRuns: RUNS * 10 },
    );
  });

  afterAll(() => {
    console.log(`fuzz: ${requests} generated requests over ${OPERATIONS.length} operations, the pay form and the fallback (seed ${SEED}, ${RUNS} runs per operation)`);
  });
});
