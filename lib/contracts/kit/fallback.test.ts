/**
 * Requests no operation serves: 404, 405 and a malformed path, each in the envelope of the
 * contract that owns the path (answerUnserved, and the /api catch-all route built on it); the
 * longest-prefix owner; and toContractError, where an error becomes a contract's error.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DELETE, GET, PATCH, POST, PUT } from "@/app/api/[...path]/route";
import { cm } from "@/lib/contracts/cm/contract";
import { CONTRACTS } from "@/lib/contracts/registry";
import { AppError, AppErrorCode, gone, validationError } from "@/lib/errors";
import { defineContract } from "./define";
import { answerUnserved, ownerOf } from "./fallback";
import { DEFAULT_STATUS_BY_CODE, toContractError } from "./map-error";
import type { ContractDefinition, JsonReply, ReplyBase } from "./types";

interface Result {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  json: any;
}

async function read(response: Response | null): Promise<Result> {
  expect(response).not.toBeNull();
  const text = await response!.text();
  return { status: response!.status, headers: response!.headers, json: text ? JSON.parse(text) : undefined };
}

const request = (method: string, path: string) => new Request(`http://paylinks.test${path}`, { method });
const unserved = (method: string, path: string, options?: { unknownPath?: boolean }) => read(answerUnserved(CONTRACTS, request(method, path), options));
const catchAll = { GET, POST, PUT, PATCH, DELETE } as const;
const throughCatchAll = (method: keyof typeof catchAll, path: string) => catchAll[method](request(method, path)).then(read);

const notFound = (method: string, path: string) => `Route not found: ${method} ${path}`;

/** The 404 body each prefix's contract answers for an unknown route. */
const NOT_FOUND_CASES: [string, string, (message: string) => unknown][] = [
  ["CM", "/api/cm/nope", (message) => ({ errors: [{ code: "route_not_found", message }] })],
  ["Zeamster", "/api/zeamster/v2/nope", (message) => ({ type: "Error", status: 404, message })],
  ["CycleSoftware", "/api/v1/payments/order/1/nope", (message) => ({ error: true, error_message: message })],
  ["Sylius (payments)", "/api/v1/payments/9999/nope", (message) => ({ code: 404, message })],
  ["Sylius (OAuth)", "/api/oauth/v2/nope", (message) => ({ code: 404, message })],
  ["Instanvi", "/api/nope", (message) => ({ status_code: 404, status: "NOT FOUND", message, data: {} })],
  ["Instanvi (too deep)", "/api/payment-links/a/b/c", (message) => ({ status_code: 404, status: "NOT FOUND", message, data: {} })],
  ["the dashboard", "/api/dashboard/nope", (message) => ({ error: message })],
  ["the pay page", "/api/pay/nope", (message) => ({ error: message })],
];

describe("404 for an unknown route, in the owner's envelope", () => {
  it.each(NOT_FOUND_CASES)("%s: GET %s", async (_owner, path, body) => {
    const result = await unserved("GET", path, { unknownPath: true });
    expect(result.status).toBe(404);
    expect(result.json).toEqual(body(notFound("GET", path)));
    expect(result.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it.each(NOT_FOUND_CASES)("%s, through the catch-all route: GET and POST %s", async (_owner, path, body) => {
    const get = await throughCatchAll("GET", path);
    expect({ status: get.status, json: get.json }).toEqual({ status: 404, json: body(notFound("GET", path)) });
    const post = await throughCatchAll("POST", path);
    expect({ status: post.status, json: post.json }).toEqual({ status: 404, json: body(notFound("POST", path)) });
  });

  it("answers every method the catch-all exports, naming the method", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const result = await throughCatchAll(method, "/api/zeamster/v2/nope");
      expect(result.status).toBe(404);
      expect(result.json).toEqual({ type: "Error", status: 404, message: notFound(method, "/api/zeamster/v2/nope") });
    }
  });

  it("lets an unknown path through before routing (no unknownPath), and paths no contract owns always", async () => {
    expect(answerUnserved(CONTRACTS, request("GET", "/api/cm/nope"))).toBeNull();
    expect(answerUnserved(CONTRACTS, request("GET", "/api/nope"))).toBeNull();
    expect(answerUnserved(CONTRACTS, request("GET", "/pay/pay_abc"), { unknownPath: true })).toBeNull();
    expect(answerUnserved(CONTRACTS, request("GET", "/apiary"), { unknownPath: true })).toBeNull();
  });

  it("lets a served method through before routing, HEAD and OPTIONS included", () => {
    for (const method of ["GET", "POST", "PATCH", "HEAD", "OPTIONS"]) {
      expect(answerUnserved(CONTRACTS, request(method, "/api/payment-links/create"))).toBeNull();
    }
    expect(answerUnserved(CONTRACTS, request("GET", "/api/payment-links/pay_abc/"))).toBeNull();
  });
});

describe("405 for a path served with other methods", () => {
  const methodsIn = (message: string) => /^Method \w+ is not allowed here; use (.+)$/.exec(message)![1]!.split(" or ").sort();
  const allow = (result: Result) => result.headers.get("allow")!.split(", ").sort();

  it("DELETE /api/payment-links/create: Instanvi's envelope, Allow: GET, PATCH, POST", async () => {
    const result = await unserved("DELETE", "/api/payment-links/create");
    expect(result.status).toBe(405);
    expect(result.json).toMatchObject({ status_code: 405, status: "METHOD NOT ALLOWED", data: {} });
    expect(Object.keys(result.json).sort()).toEqual(["data", "message", "status", "status_code"]);
    expect(result.json.message).toMatch(/^Method DELETE is not allowed here; use /);
    expect(methodsIn(result.json.message)).toEqual(["GET", "PATCH", "POST"]);
    expect(allow(result)).toEqual(["GET", "PATCH", "POST"]);
    expect(result.headers.get("cache-control")).toBe("no-store");
  });

  it("PUT /api/payment-links: Allow: GET", async () => {
    const result = await unserved("PUT", "/api/payment-links");
    expect(result.status).toBe(405);
    expect(result.json).toEqual({ status_code: 405, status: "METHOD NOT ALLOWED", message: "Method PUT is not allowed here; use GET", data: {} });
    expect(result.headers.get("allow")).toBe("GET");
  });

  it("is a 405, not a 404, through the catch-all too", async () => {
    const result = await throughCatchAll("DELETE", "/api/payment-links/create");
    expect(result.status).toBe(405);
    expect(result.json.status_code).toBe(405);
    expect(allow(result)).toEqual(["GET", "PATCH", "POST"]);
    const put = await throughCatchAll("PUT", "/api/payment-links/");
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET");
  });

  it("answers in the owner's envelope under other prefixes", async () => {
    const meta = await unserved("POST", "/api/openapi.json");
    expect(meta.status).toBe(405);
    expect(meta.json).toEqual({ error: "Method POST is not allowed here; use GET" });
    expect(meta.headers.get("allow")).toBe("GET");

    const callback = await unserved("GET", "/api/providers/mtn/callback");
    expect(callback.status).toBe(405);
    expect(callback.json.error).toMatch(/^Method GET is not allowed here; use (POST or PUT|PUT or POST)$/);
    expect(allow(callback)).toEqual(["POST", "PUT"]);
  });
});

describe("400 for a malformed path, in the owner's envelope", () => {
  it("/api/cm/%zz: CM's errors list naming the path", async () => {
    for (const result of [await unserved("GET", "/api/cm/%zz"), await throughCatchAll("GET", "/api/cm/%zz")]) {
      expect(result.status).toBe(400);
      expect(result.json).toEqual({ errors: [{ code: "validation", message: "The path has malformed percent-encoding", field: "path" }] });
      expect(result.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("/api/payment-links/abc%00def: Instanvi's envelope", async () => {
    for (const result of [await unserved("GET", "/api/payment-links/abc%00def"), await throughCatchAll("GET", "/api/payment-links/abc%00def")]) {
      expect(result.status).toBe(400);
      expect(result.json).toEqual({ status_code: 400, status: "BAD REQUEST", message: "path must not contain a NUL character", data: {} });
    }
  });

  it("is checked before the method: a malformed path with an unserved method is a 400, not a 405", async () => {
    const result = await unserved("DELETE", "/api/payment-links/%zz");
    expect(result.status).toBe(400);
    expect(result.json.message).toBe("The path has malformed percent-encoding");
    expect(result.headers.get("allow")).toBeNull();
  });

  it("uses the owner's status for it: a lone surrogate under Zeamster is its 422", async () => {
    const result = await unserved("GET", "/api/zeamster/v2/%ED%A0%80");
    expect(result.status).toBe(422);
    const message = "The path has malformed percent-encoding";
    expect(result.json).toEqual({ type: "Error", status: 422, message, errors: { path: [message] } });
  });

  it("answers an encoded NUL in a CycleSoftware path with its own envelope", async () => {
    const result = await unserved("GET", "/api/v1/payments/order/%00/payment-link", { unknownPath: true });
    expect(result.status).toBe(400);
    expect(result.json).toEqual({ error: true, error_message: "path must not contain a NUL character" });
  });
});

describe("ownerOf: the longest prefix wins", () => {
  it.each([
    ["/api/v1/payments/order/12/payment-link", "cyclesoftware"],
    ["/api/v1/payments/invoice/7", "cyclesoftware"],
    ["/api/v1/payments/order", "cyclesoftware"],
    ["/api/v1/payments/5", "sylius"],
    ["/api/v1/payments", "sylius"],
    ["/api/oauth/v2/token", "sylius"],
    ["/api/cm/payment-links", "cm"],
    ["/api/cm", "cm"],
    ["/api/zeamster/v2/paylinks", "zeamster"],
    ["/api/payment-links/create", "instanvi"],
    ["/api/cmx", "instanvi"],
    ["/api", "instanvi"],
    ["/api/dashboard/links", "dashboard"],
    ["/api/pay/payments/1", "pay-page"],
    ["/api/providers/mtn/callback", "providers"],
    ["/api/openapi.json", "meta"],
  ])("%s -> %s", (path, name) => {
    expect(ownerOf(CONTRACTS, path)?.name).toBe(name);
  });

  it("owns nothing outside the prefixes", () => {
    expect(ownerOf(CONTRACTS, "/pay/pay_abc")).toBeUndefined();
    expect(ownerOf(CONTRACTS, "/")).toBeUndefined();
    expect(ownerOf(CONTRACTS, "/apiary")).toBeUndefined();
  });

  it("does not depend on the order of the contracts", () => {
    expect(ownerOf([...CONTRACTS].reverse(), "/api/v1/payments/order/1")?.name).toBe("cyclesoftware");
    expect(ownerOf([...CONTRACTS].reverse(), "/api/v1/payments/1")?.name).toBe("sylius");
    expect(ownerOf([...CONTRACTS].reverse(), "/api/nope")?.name).toBe("instanvi");
  });
});

describe("toContractError", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function contractWith(overrides: Partial<ContractDefinition<JsonReply>> = {}): ContractDefinition<ReplyBase> {
    return defineContract<JsonReply>({
      name: "map-error-test",
      tag: { name: "Map error test", description: "Only in this test" },
      owns: ["/map-error-test/"],
      statusByCode: DEFAULT_STATUS_BY_CODE,
      renderSuccess: (reply) => reply.body,
      renderError: (error) => ({ error: error.message }),
      errorSchema: z.object({ error: z.string() }),
      ...overrides,
    }) as ContractDefinition<ReplyBase>;
  }

  const renaming = contractWith({ fieldNames: { expires_at: "expiry_date", currency: "currency_code", "metadata.note": "extra.note" } });

  it("renames the field and the word in the message", () => {
    const mapped = toContractError(renaming, validationError("expires_at", "expires_at cannot be in the past"));
    expect(mapped).toStrictEqual({ status: 400, code: "VALIDATION", message: "expiry_date cannot be in the past", field: "expiry_date" });
  });

  it("renames the field's name where the message starts with it, as a whole word only", () => {
    const mapped = toContractError(renaming, validationError("expires_at", "expires_at must be after created_expires_at; expires_at_local is ignored; expires_at!"));
    expect(mapped.message).toBe("expiry_date must be after created_expires_at; expires_at_local is ignored; expires_at!");
    expect(toContractError(renaming, validationError("expires_at", "expires_atx is not the field")).message).toBe("expires_atx is not the field");
  });

  it("renames a field whose name has regex characters literally", () => {
    const mapped = toContractError(renaming, validationError("metadata.note", "metadata.note differs from metadataXnote"));
    expect(mapped).toMatchObject({ field: "extra.note", message: "extra.note differs from metadataXnote" });
    expect(toContractError(renaming, validationError("metadata.note", "metadataXnote is another field")).message).toBe("metadataXnote is another field");
  });

  it("renames the fields and the words of every issue", () => {
    const error = new AppError(AppErrorCode.VALIDATION, "expires_at cannot be in the past", {
      field: "expires_at",
      issues: [
        { field: "expires_at", message: "expires_at cannot be in the past" },
        { field: "currency", message: "currency must be 3 letters" },
        { field: "amount", message: "amount must be >= 1" },
      ],
    });
    expect(toContractError(renaming, error)).toStrictEqual({
      status: 400,
      code: "VALIDATION",
      message: "expiry_date cannot be in the past",
      field: "expiry_date",
      issues: [
        { field: "expiry_date", message: "expiry_date cannot be in the past" },
        { field: "currency_code", message: "currency_code must be 3 letters" },
        { field: "amount", message: "amount must be >= 1" },
      ],
    });
  });

  // Every whole-word occurrence used to be renamed, including the field's name used as a word.
  it("renames the field's name, not the same word used as a word (CM: currency -> currency_code)", () => {
    const mapped = toContractError(cm, validationError("currency", "currency must be an ISO 4217 currency code, such as XAF or EUR"));
    expect(mapped.field).toBe("currency_code");
    expect(mapped.message).toBe("currency_code must be an ISO 4217 currency code, such as XAF or EUR");
  });

  it("keeps a field the contract does not rename, and adds no field when there is none", () => {
    expect(toContractError(renaming, validationError("amount", "amount must be >= 1"))).toStrictEqual({
      status: 400,
      code: "VALIDATION",
      message: "amount must be >= 1",
      field: "amount",
    });
    const mapped = toContractError(renaming, new AppError(AppErrorCode.UNAUTHENTICATED, "expires_at is not a field here"));
    expect(mapped).toStrictEqual({ status: 401, code: "UNAUTHENTICATED", message: "expires_at is not a field here" });
  });

  it("takes the status from the contract's table and carries the reason and the OAuth error", () => {
    const strict = contractWith({ statusByCode: { ...DEFAULT_STATUS_BY_CODE, VALIDATION: 422, GONE: 400 } });
    expect(toContractError(strict, validationError("amount", "amount must be >= 1")).status).toBe(422);
    expect(toContractError(strict, gone("EXPIRED"))).toStrictEqual({ status: 400, code: "GONE", message: "The payment link has expired", reason: "EXPIRED" });
    const oauth = new AppError(AppErrorCode.UNAUTHENTICATED, "Invalid client credentials", { oauthError: "invalid_client" });
    expect(toContractError(strict, oauth)).toStrictEqual({ status: 401, code: "UNAUTHENTICATED", message: "Invalid client credentials", oauthError: "invalid_client" });
  });

  it.each([
    ["an Error", new Error("connection to 10.0.0.5 refused: password=hunter2")],
    ["a TypeError", new TypeError("Cannot read properties of undefined (reading 'id')")],
    ["a thrown string", "boom"],
    ["an AppError look-alike", { code: "VALIDATION", message: "x", details: {} }],
  ])("turns %s into a 500 that says nothing of the inside, and logs it", (_name, thrown) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const rewording = contractWith({ reword: () => "reworded" });
    expect(toContractError(rewording, thrown)).toStrictEqual({ status: 500, code: "INTERNAL", message: "Internal server error" });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toBe("Unexpected error in the map-error-test API");
    expect(log.mock.calls[0]![1]).toBe(thrown);
  });

  it("uses the contract's reword where it has one, and the domain's words elsewhere", () => {
    const reword = vi.fn((error: { code: string; reason?: string; field?: string; message: string }) =>
      error.code === "GONE" && error.reason === "PAID" ? "Payment link has already been paid" : error.field === "expiry_date" ? `Bad ${error.field}: ${error.message}` : undefined,
    );
    const contract = contractWith({ reword, fieldNames: { expires_at: "expiry_date" } });
    expect(toContractError(contract, gone("PAID"))).toStrictEqual({ status: 410, code: "GONE", message: "Payment link has already been paid", reason: "PAID" });
    expect(toContractError(contract, gone("CANCELLED")).message).toBe("The payment link is cancelled");
    // reword sees the error already renamed.
    expect(toContractError(contract, validationError("expires_at", "expires_at cannot be in the past"))).toStrictEqual({
      status: 400,
      code: "VALIDATION",
      message: "Bad expiry_date: expiry_date cannot be in the past",
      field: "expiry_date",
    });
    expect(reword).toHaveBeenCalledTimes(3);
  });
});
