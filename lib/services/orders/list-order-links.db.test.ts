import { describe, expect, it } from "vitest";
import { createMerchant, createTestOrder } from "@/lib/testing/factories";
import { createOrderLink } from "./create-order-link";
import { getOrderOrThrow } from "./get-order-or-throw";
import { listOrderLinks } from "./list-order-links";
import { recordPaymentElsewhere } from "./record-payment-elsewhere";

describe("listOrderLinks", () => {
  it("lists an order's links newest first, a dynamic one at the current unpaid rest, and none of another merchant's", async () => {
    const scope = await createMerchant();
    const order = await createTestOrder(scope, { number: 3001, totalMinor: 10000, currency: "XAF" });
    const fixed = await createOrderLink(scope, order.id, { kind: "advance", amountMinor: 2000, mode: "SANDBOX" });
    const dynamic = await createOrderLink(scope, order.id, { kind: "dynamic", mode: "SANDBOX" });
    await recordPaymentElsewhere(scope, order.id, 3000);

    const links = await listOrderLinks(scope, await getOrderOrThrow(scope, order.id));
    expect(links.map((link) => link.id)).toEqual([dynamic.link.id, fixed.link.id]);
    expect(links[0]).toMatchObject({ dynamicAmount: true, amountMinor: 7000 });
    expect(links[1]).toMatchObject({ dynamicAmount: false, amountMinor: 2000 });

    const other = await createMerchant();
    expect(await listOrderLinks(other, order)).toEqual([]);
  });
});
