import { afterEach, describe, expect, it } from "vitest";
import { getDb, type Prisma } from "@/lib/db/client";
import type { MerchantScope } from "@/lib/domain/links/types";
import { listLinksByCursor, type ListLinksByCursorInput } from "@/lib/services/links/list-links";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { readCursorPage } from "./cursor-page";
import type { KeyColumn } from "./keyset";
import { forgetOrderIndexes, readNumberedPage, type NumberedPageSource } from "./numbered-page";

const BASE = Date.parse("2026-02-01T12:00:00.000Z");

/** A link created at BASE + `seconds` (several links may share a time: the id then orders them). */
async function linkAt(scope: MerchantScope, seconds: number, amountMinor = 1000) {
  const link = await createTestLink(scope, { amountMinor });
  await getDb().paymentLink.update({ where: { id: link.id }, data: { createdAt: new Date(BASE + seconds * 1000) } });
  return link.id;
}

/** 30 links: 10 distinct times, 3 links at each (ties), amounts repeating (ties for the amount order too). */
async function merchantWithLinks() {
  const scope = await createMerchant();
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) ids.push(await linkAt(scope, Math.floor(i / 3) * 10, 1000 * ((i % 4) + 1)));
  return { scope, ids };
}

const ORDERS: ListLinksByCursorInput[] = [{}, { order: "asc" }, { sort: "amount", order: "desc" }, { sort: "amount", order: "asc" }];

describe("keyset (cursor) pages", () => {
  for (const order of ORDERS) {
    it(`return every row exactly once while rows are inserted, forwards and back (${JSON.stringify(order)})`, async () => {
      const { scope, ids } = await merchantWithLinks();
      const seen: string[] = [];
      const inserted: string[] = [];
      let page = await listLinksByCursor(scope, { ...order, limit: 7 });
      for (let n = 0; ; n++) {
        seen.push(...page.items.map((link) => link.id));
        // Between two pages, links arrive: the newest of all, the oldest of all, and one tying with existing ones.
        inserted.push(await linkAt(scope, 1000 + n), await linkAt(scope, -1000 - n, 500), await linkAt(scope, 40, 2000));
        if (!page.next) break;
        page = await listLinksByCursor(scope, { ...order, limit: 7, after: page.next });
      }
      expect(new Set(seen).size).toBe(seen.length); // no row twice
      for (const id of ids) expect(seen).toContain(id); // every row that was there
      expect(seen.filter((id) => !ids.includes(id)).every((id) => inserted.includes(id))).toBe(true);

      // Back from the last page to the first: every row once again.
      const back: string[] = [];
      for (;;) {
        back.unshift(...page.items.map((link) => link.id));
        if (!page.previous) break;
        page = await listLinksByCursor(scope, { ...order, limit: 7, before: page.previous });
      }
      expect(new Set(back).size).toBe(back.length);
      for (const id of ids) expect(back).toContain(id);
    });
  }

  it("read the same rows as OFFSET would, in the same order, when nothing changes", async () => {
    const { scope } = await merchantWithLinks();
    for (const order of ORDERS) {
      const all = (await listLinksByCursor(scope, { ...order, limit: 200 })).items.map((link) => link.id);
      const paged: string[] = [];
      let after: string | undefined;
      do {
        const page = await listLinksByCursor(scope, { ...order, limit: 4, after });
        paged.push(...page.items.map((link) => link.id));
        after = page.next ?? undefined;
      } while (after);
      expect(paged).toEqual(all);
    }
  });

  it("count exactly up to the cap and say 'more' beyond, and refuse a cursor that is not theirs", async () => {
    const { scope } = await merchantWithLinks();
    expect((await listLinksByCursor(scope, { limit: 5 })).total).toEqual({ count: 30, exact: true });
    const db = getDb();
    const capped = await readCursorPage(
      {
        columns: [
          { field: "createdAt", direction: "desc", type: "date" },
          { field: "id", direction: "desc", type: "uuid" },
        ],
        where: { merchantId: scope.merchantId },
        findMany: (args) => db.paymentLink.findMany(args as Prisma.PaymentLinkFindManyArgs),
        count: (args) => db.paymentLink.count(args as Prisma.PaymentLinkCountArgs),
        countCap: 10,
      },
      { limit: 5 },
    );
    expect(capped.total).toEqual({ count: 10, exact: false });
    const page = await listLinksByCursor(scope, { limit: 5 });
    // A cursor of the created_at order does not fit the amount order (3 values, not 2).
    expect(await rejection(listLinksByCursor(scope, { sort: "amount", after: page.next! }))).toMatchObject({ code: "VALIDATION", details: { field: "after" } });
    expect(await rejection(listLinksByCursor(scope, { after: page.next!, before: page.next! }))).toMatchObject({ code: "VALIDATION", details: { field: "before" } });
    expect(await rejection(listLinksByCursor(scope, { after: "%%%" }))).toMatchObject({ code: "VALIDATION" });
  });
});

describe("numbered pages", () => {
  afterEach(() => forgetOrderIndexes());

  const columns: KeyColumn[] = [
    { field: "createdAt", direction: "desc", type: "date" },
    { field: "id", direction: "desc", type: "uuid" },
  ];
  const source = (scope: MerchantScope): NumberedPageSource<{ id: string }> => {
    const db = getDb();
    return {
      cacheKey: `test|${scope.merchantId}`,
      columns,
      idField: "id",
      where: { merchantId: scope.merchantId },
      findMany: (args) => db.paymentLink.findMany({ ...(args as Prisma.PaymentLinkFindManyArgs), select: { id: true } }),
      findKeys: (args) => db.paymentLink.findMany({ ...(args as Prisma.PaymentLinkFindManyArgs), select: { createdAt: true, id: true } }),
      count: (args) => db.paymentLink.count(args as Prisma.PaymentLinkCountArgs),
    };
  };
  const byOffset = async (scope: MerchantScope) =>
    (await getDb().paymentLink.findMany({ where: { merchantId: scope.merchantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } })).map(
      (row) => row.id,
    );

  it("give every page as OFFSET does, through the index of the order past exactUpTo rows", async () => {
    const { scope } = await merchantWithLinks();
    const expected = await byOffset(scope);
    // Small settings so that 30 rows take the indexed path: a key every 4 rows, exact up to 5.
    const options = { exactUpTo: 5, stride: 4 };
    for (const limit of [1, 3, 4, 7, 30]) {
      for (let page = 1; page <= Math.ceil(30 / limit) + 1; page++) {
        const got = await readNumberedPage(source(scope), page, limit, options);
        expect(got).toMatchObject({ page, limit, total: 30, totalPages: Math.ceil(30 / limit) });
        expect(got.items.map((row) => row.id)).toEqual(expected.slice((page - 1) * limit, page * limit));
      }
    }
    // Up to exactUpTo rows, the same pages without an index.
    for (let page = 1; page <= 4; page++) {
      expect((await readNumberedPage(source(scope), page, 9)).items.map((row) => row.id)).toEqual(expected.slice((page - 1) * 9, page * 9));
    }
  });

  it("count a large list on each request up to exactUpTo, then from the index, rebuilt once it is older than ttlMs", async () => {
    const { scope } = await merchantWithLinks();
    const options = { exactUpTo: 5, stride: 4, ttlMs: 60_000 };
    // No index yet: a page before its first key is counted exactly while the index is built; a deeper one waits for it.
    expect((await readNumberedPage(source(scope), 1, 3, options)).total).toBe(30);
    expect((await readNumberedPage(source(scope), 3, 10, options)).total).toBe(30);
    await linkAt(scope, 5000);
    // Within the index's time to live: the total it counted, and the newest link on page 1 (pages read the rows afresh).
    const stale = await readNumberedPage(source(scope), 1, 10, options);
    expect(stale.total).toBe(30);
    expect(stale.items[0]!.id).toBe((await byOffset(scope))[0]);
    // Past it: served once more while it is rebuilt in the background, then the new count.
    await readNumberedPage(source(scope), 1, 10, { ...options, ttlMs: 0 });
    await expect.poll(async () => (await readNumberedPage(source(scope), 1, 10, options)).total).toBe(31);
  });
});
