/**
 * The request readers every contract shares: the query string as an object (query.ts), the
 * guard against text no field can hold (input-guard.ts), and the urlencoded form body
 * (read-form-body.ts).
 */
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { rejection } from "@/lib/testing/rejection";
import { assertSafeInput, assertSafeString, checkPathParam, decodePathSegment, MAX_INPUT_DEPTH } from "./input-guard";
import { parseQuery } from "./query";
import { formToObject, isFormContentType, readFormBody } from "./read-form-body";

/** The VALIDATION AppError a function throws; fails when it returns or throws anything else. */
function thrown(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

function expectValidation(error: AppError, field: string, message: string) {
  expect({ code: error.code, field: error.details.field, message: error.message }).toEqual({ code: "VALIDATION", field, message });
}

describe("parseQuery", () => {
  const parse = (query: string) => parseQuery(new URLSearchParams(query));

  it("nests bracketed keys and keeps plain ones flat", () => {
    expect(parse("sorting[amount]=ASC&sorting[createdAt]=DESC&page=2")).toStrictEqual({
      sorting: { amount: "ASC", createdAt: "DESC" },
      page: "2",
    });
  });

  it("nests several levels, and reads percent-encoded brackets as brackets", () => {
    expect(parse("criteria[search][value]=shoes&criteria[search][type]=contains")).toStrictEqual({
      criteria: { search: { value: "shoes", type: "contains" } },
    });
    expect(parse("sorting%5Bamount%5D=ASC")).toStrictEqual({ sorting: { amount: "ASC" } });
  });

  it("decodes values: + and %20 are spaces", () => {
    expect(parse("q=hello+world&r=a%20b&s=%2B1")).toStrictEqual({ q: "hello world", r: "a b", s: "+1" });
  });

  it("keeps the last value of a repeated key, flat or nested", () => {
    expect(parse("page=1&page=3&limit=10")).toStrictEqual({ page: "3", limit: "10" });
    expect(parse("sorting[amount]=ASC&sorting[amount]=DESC")).toStrictEqual({ sorting: { amount: "DESC" } });
  });

  it("keeps the nest when a key is both a value and a nest, in either order", () => {
    expect(parse("a=1&a[b]=2")).toStrictEqual({ a: { b: "2" } });
    expect(parse("a[b]=2&a=1")).toStrictEqual({ a: { b: "2" } });
  });

  it("keeps keys that are not of the bracket shape flat", () => {
    expect(parse("a[b=1&[x]=2&c]=3&d[e]f=4")).toStrictEqual({ "a[b": "1", "[x]": "2", "c]": "3", "d[e]f": "4" });
  });

  it("gives an empty object for an empty query", () => {
    expect(parse("")).toStrictEqual({});
  });

  // `__proto__[x]=1` once walked into Object.prototype and wrote x there, from any request
  // with a query schema (the provider callbacks are public).
  it("does not write to Object.prototype (__proto__[polluted]=yes)", () => {
    try {
      parse("__proto__[pollutedByQuery]=yes");
      expect(Object.prototype).not.toHaveProperty("pollutedByQuery");
      expect(({} as Record<string, unknown>).pollutedByQuery).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).pollutedByQuery;
    }
  });
});

describe("assertSafeInput", () => {
  it("accepts ordinary text: accents, emoji, newlines, tabs, and non-string values", () => {
    expect(() =>
      assertSafeInput({
        description: "Facture n°12 — Café «Akwa» 🎉",
        note: "line one\nline two\r\n\tindented",
        amount: 100,
        paid: false,
        missing: null,
        tags: ["a", "b", { deep: "ok" }],
      }),
    ).not.toThrow();
    expect(() => assertSafeInput("plain text", "query")).not.toThrow();
  });

  it("refuses a NUL, naming the field path", () => {
    expectValidation(thrown(() => assertSafeInput({ metadata: { note: "a\u0000b" } })), "metadata.note", "metadata.note must not contain a NUL character");
    expectValidation(thrown(() => assertSafeInput({ description: "\u0000" })), "description", "description must not contain a NUL character");
    expectValidation(thrown(() => assertSafeInput({ items: ["ok", "x\u0000"] })), "items.1", "items.1 must not contain a NUL character");
  });

  it("names the field under the root it was given (query, path)", () => {
    expectValidation(thrown(() => assertSafeInput({ q: "\u0000" }, "query")), "query.q", "query.q must not contain a NUL character");
    expectValidation(thrown(() => assertSafeInput("\u0000", "slug")), "slug", "slug must not contain a NUL character");
  });

  it("refuses a NUL in a key, naming the object that holds it", () => {
    expectValidation(thrown(() => assertSafeInput({ metadata: { "k\u0000": "v" } })), "metadata", "metadata must not contain a NUL character");
  });

  it.each([
    ["a lone high surrogate", "\uD800"],
    ["a lone low surrogate", "\uDC00"],
    ["a reversed pair", "\uDE00\uD83D"],
  ])("refuses %s as not Unicode", (_name, text) => {
    expectValidation(thrown(() => assertSafeInput({ metadata: { note: `ok ${text} ok` } })), "metadata.note", "metadata.note is not valid Unicode text");
  });

  describe("nesting", () => {
    const nestedObjects = (levels: number) => {
      let value: unknown = "leaf";
      for (let i = 0; i < levels; i++) value = { k: value };
      return value;
    };
    const nestedArrays = (levels: number) => {
      let value: unknown = "leaf";
      for (let i = 0; i < levels; i++) value = [value];
      return value;
    };

    it("allows 32 levels of objects and refuses 33, naming where", () => {
      expect(MAX_INPUT_DEPTH).toBe(32);
      expect(() => assertSafeInput(nestedObjects(32))).not.toThrow();
      const field = Array(32).fill("k").join(".");
      expectValidation(thrown(() => assertSafeInput(nestedObjects(33))), field, `${field} is nested too deeply (the limit is 32 levels)`);
    });

    it("counts arrays as levels too", () => {
      expect(() => assertSafeInput(nestedArrays(32))).not.toThrow();
      const field = "body" + ".0".repeat(32);
      expectValidation(thrown(() => assertSafeInput(nestedArrays(33))), field, `${field} is nested too deeply (the limit is 32 levels)`);
    });

    it("refuses a hostile string deep inside before the limit", () => {
      let value: unknown = "\u0000";
      for (let i = 0; i < 5; i++) value = { k: value };
      expectValidation(thrown(() => assertSafeInput(value)), "k.k.k.k.k", "k.k.k.k.k must not contain a NUL character");
    });
  });

  it("assertSafeString checks one string", () => {
    expect(() => assertSafeString("fine\n", "x")).not.toThrow();
    expectValidation(thrown(() => assertSafeString("a\u0000", "x")), "x", "x must not contain a NUL character");
    expectValidation(thrown(() => assertSafeString("\uD800", "x")), "x", "x is not valid Unicode text");
  });
});

describe("decodePathSegment", () => {
  it.each([
    ["pay_abc123", "pay_abc123"],
    ["pay%20abc", "pay abc"],
    ["caf%C3%A9", "café"],
    ["a+b", "a+b"],
    ["...", "..."],
    [".hidden", ".hidden"],
  ])("decodes %s to %s", (raw, decoded) => {
    expect(decodePathSegment(raw, "slug")).toBe(decoded);
  });

  it.each(["%zz", "abc%", "%E0%A4%A", "%ED%A0%80", "%C3"])("refuses malformed percent-encoding %s", (raw) => {
    expectValidation(thrown(() => decodePathSegment(raw, "slug")), "slug", "slug has malformed percent-encoding");
  });

  it.each([".", "..", "%2E%2E", "%2e", "%2F", "a%2Fb", "..%2F..%2Fetc", "a%5Cb", "%5C"])("refuses %s as more than one path segment", (raw) => {
    expectValidation(thrown(() => decodePathSegment(raw, "id")), "id", "id must be a single path segment");
  });

  it.each(["%00", "abc%00def"])("refuses the NUL in %s", (raw) => {
    expectValidation(thrown(() => decodePathSegment(raw, "slug")), "slug", "slug must not contain a NUL character");
  });

  it("checkPathParam checks an already decoded value the same way", () => {
    expect(checkPathParam("pay_abc", "key")).toBe("pay_abc");
    expectValidation(thrown(() => checkPathParam("a/b", "key")), "key", "key must be a single path segment");
    expectValidation(thrown(() => checkPathParam("..", "key")), "key", "key must be a single path segment");
    expectValidation(thrown(() => checkPathParam("a\u0000", "key")), "key", "key must not contain a NUL character");
  });
});

describe("readFormBody", () => {
  afterEach(() => {
    delete process.env.MAX_BODY_BYTES;
  });

  const FORM = "application/x-www-form-urlencoded";
  const post = (body: string | Uint8Array, contentType?: string) =>
    new Request("http://paylinks.test/form", {
      method: "POST",
      body: typeof body === "string" ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
      headers: contentType === undefined ? {} : { "content-type": contentType },
    });

  it("parses a urlencoded body into strings, + as a space and %2B as a plus", async () => {
    const body = "amount=100&description=Hello+world%21&phone=%2B237670000000&empty=&flag&caf%C3%A9=cr%C3%A8me";
    expect(await readFormBody(post(body, FORM))).toStrictEqual({
      amount: "100",
      description: "Hello world!",
      phone: "+237670000000",
      empty: "",
      flag: "",
      café: "crème",
    });
  });

  it("keeps the last value of a repeated name and keeps = inside a value", async () => {
    expect(await readFormBody(post("a=1&a=2&b=x=y", FORM))).toStrictEqual({ a: "2", b: "x=y" });
  });

  it("accepts a charset and any case in the content type", async () => {
    expect(await readFormBody(post("a=1", `${FORM}; charset=UTF-8`))).toStrictEqual({ a: "1" });
    expect(await readFormBody(post("a=1", "Application/X-WWW-Form-Urlencoded"))).toStrictEqual({ a: "1" });
  });

  it.each([
    ["JSON", "{\"amount\":100}", "application/json", 'Content-Type must be application/x-www-form-urlencoded (got "application/json")'],
    ["multipart", "--x\r\n", "multipart/form-data; boundary=x", 'Content-Type must be application/x-www-form-urlencoded (got "multipart/form-data; boundary=x")'],
    ["text", "a=1", "text/plain", 'Content-Type must be application/x-www-form-urlencoded (got "text/plain")'],
  ])("refuses a %s body with a message naming Content-Type", async (_name, body, contentType, message) => {
    expectValidation(await rejection(readFormBody(post(body, contentType))), "body", message);
  });

  it("refuses a body sent with no content type", async () => {
    const error = await rejection(readFormBody(post(new TextEncoder().encode("a=1"))));
    expectValidation(error, "body", "Content-Type must be application/x-www-form-urlencoded (got none)");
  });

  it.each(["a=%zz", "%zz=1", "a=100%", "a=%E0%A4%A", "note=%ED%A0%80"])("refuses malformed percent-encoding (%s) as a VALIDATION error, not a URIError", async (body) => {
    const error = await readFormBody(post(body, FORM)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).not.toBeInstanceOf(URIError);
    expectValidation(error as AppError, "body", "Form body has malformed percent-encoding");
  });

  it("requires a body unless it is optional", async () => {
    expectValidation(await rejection(readFormBody(post("", FORM))), "body", "Request body is required: send an application/x-www-form-urlencoded form");
    expectValidation(await rejection(readFormBody(post("  ", FORM))), "body", "Request body is required: send an application/x-www-form-urlencoded form");
    expect(await readFormBody(post("", FORM), { optional: true })).toStrictEqual({});
  });

  it("refuses a body that is not UTF-8, and one over MAX_BODY_BYTES", async () => {
    expectValidation(await rejection(readFormBody(post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]), FORM))), "body", "Request body is not valid UTF-8");
    process.env.MAX_BODY_BYTES = "16";
    expectValidation(await rejection(readFormBody(post(`a=${"x".repeat(100)}`, FORM))), "body", "Request body is too large: the limit is 16 bytes");
  });

  it("formToObject and isFormContentType on their own", () => {
    expect(formToObject("x=1&&y=2&")).toStrictEqual({ x: "1", y: "2" });
    expectValidation(thrown(() => formToObject("x=%")), "body", "Form body has malformed percent-encoding");
    expect(isFormContentType("application/x-www-form-urlencoded;charset=utf-8")).toBe(true);
    expect(isFormContentType("application/json")).toBe(false);
    expect(isFormContentType("text/plain; application/x-www-form-urlencoded")).toBe(false);
    expect(isFormContentType("")).toBe(false);
  });
});
