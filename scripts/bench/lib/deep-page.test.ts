import { describe, expect, it } from "vitest";
import { findNextCursor, moveCursor, pageAtDepth } from "./deep-page";

const from = { id: "11111111-1111-4111-8111-111111111111", createdAt: "2026-11-25T10:00:00.000Z" };
const to = { id: "22222222-2222-4222-8222-222222222222", createdAt: "2025-01-02T03:04:05.678Z" };

describe("moveCursor", () => {
  it("moves a base64url JSON cursor to another row", () => {
    const cursor = Buffer.from(JSON.stringify({ createdAt: from.createdAt, id: from.id })).toString("base64url");
    const moved = moveCursor(cursor, from, to)!;
    expect(JSON.parse(Buffer.from(moved, "base64url").toString())).toEqual({ createdAt: to.createdAt, id: to.id });
  });

  it("moves a base64url JSON array cursor (the keyset pages' own format)", () => {
    const cursor = Buffer.from(JSON.stringify([from.createdAt, from.id])).toString("base64url");
    expect(JSON.parse(Buffer.from(moveCursor(cursor, from, to)!, "base64url").toString())).toEqual([to.createdAt, to.id]);
  });

  it("moves a plain cursor whose time is in epoch milliseconds", () => {
    const cursor = `${new Date(from.createdAt).getTime()}_${from.id}`;
    expect(moveCursor(cursor, from, to)).toBe(`${new Date(to.createdAt).getTime()}_${to.id}`);
  });

  it("gives up on a cursor it cannot read", () => {
    const sealed = Buffer.from(`{"id":"${from.id}"}`).toString("base64url") + ".c2lnbmF0dXJl";
    expect(moveCursor(sealed, from, to)).toBeNull();
    expect(moveCursor("opaque-random-token", from, to)).toBeNull();
  });
});

describe("findNextCursor", () => {
  it("finds the next cursor at the top or nested, never the previous one", () => {
    expect(findNextCursor({ items: [], nextCursor: "abc" })).toEqual({ key: "nextCursor", cursor: "abc" });
    expect(findNextCursor({ items: [], pageInfo: { endCursor: "xyz" } })).toEqual({ key: "endCursor", cursor: "xyz" });
    expect(findNextCursor({ items: [], previous: "p", next: "n", total: { count: 3 } })).toEqual({ key: "next", cursor: "n" });
    expect(findNextCursor({ items: [], prevCursor: "p", nextCursor: null })).toBeNull();
    expect(findNextCursor({ items: [], page: 1, totalPages: 3 })).toBeNull();
  });
});

describe("pageAtDepth", () => {
  it("puts the deep page at 98 % of the rows", () => {
    expect(pageAtDepth(1_000_000, 20)).toBe(49_000);
    expect(pageAtDepth(500_000, 10)).toBe(49_000);
    expect(pageAtDepth(1000, 20)).toBe(49);
    expect(pageAtDepth(5, 20)).toBe(1);
  });
});
