import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import * as codes from "@/lib/domain/links/codes";
import { createOrderLink } from "@/lib/services/orders/create-order-link";
import { createMerchant, createTestLink, createTestOrder } from "@/lib/testing/factories";
import { createLink } from "./create-link";

vi.mock("@/lib/domain/links/codes", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/domain/links/codes")>();
  return { ...actual, newSlug: vi.fn(actual.newSlug) };
});

describe("a slug that is already taken", () => {
  it("is drawn again, inside the caller's transaction too (the failed insert is undone by a savepoint)", async () => {
    const scope = await createMerchant();
    const taken = await createTestLink(scope);

    vi.mocked(codes.newSlug).mockReturnValueOnce(taken.slug).mockReturnValueOnce(taken.slug);
    const link = await createLink(scope, { amountMinor: 100 });
    expect(link.slug).not.toBe(taken.slug);

    const order = await createTestOrder(scope);
    vi.mocked(codes.newSlug).mockReturnValueOnce(taken.slug);
    const { link: orderLink } = await createOrderLink(scope, order.id, { kind: "rest", mode: "SANDBOX" });
    expect(orderLink.slug).not.toBe(taken.slug);
    expect(await getDb().event.count({ where: { linkId: orderLink.id, type: "link.created" } })).toBe(1);
  });

  it("gives up after five draws, and nothing is stored", async () => {
    const scope = await createMerchant();
    const taken = await createTestLink(scope);
    for (let i = 0; i < 5; i++) vi.mocked(codes.newSlug).mockReturnValueOnce(taken.slug);
    await expect(createLink(scope, { amountMinor: 100 })).rejects.toMatchObject({ code: "P2002" });
    expect(await getDb().paymentLink.count({ where: { merchantId: scope.merchantId } })).toBe(1);
  });
});
