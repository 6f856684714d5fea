import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { redeemLink } from "./redeem-link";

describe("redeem under concurrency (real database)", () => {
  it("50 parallel redeems of a link with max_uses = 10 reserve exactly 10 uses and refuse 40", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 10, amountMinor: 2500 });
    const before = await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } });

    // Each from a number of its own: a number with a pending payment on the link gets it back.
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        redeemLink({ slug: link.slug, provider: i % 2 ? "MTN_CAM" : "ORANGE_CAM", phoneNumber: `${i % 2 ? "67" : "69"}${1_000_000 + i}` }),
      ),
    );

    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(fulfilled).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("GONE");
      expect((error as AppError).details.reason).toBe("EXHAUSTED");
    }

    const after = await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    expect(after.currentUses).toBe(10);
    expect(after.pendingUses).toBe(10);
    expect(after.status).toBe("PAID");
    const payments = await getDb().payment.findMany({ where: { linkId: link.id } });
    expect(payments).toHaveLength(10);
    expect(payments.every((p) => p.status === "PENDING")).toBe(true);
    expect(new Set(payments.map((p) => p.transactionId)).size).toBe(10);
    expect(await getDb().event.count({ where: { linkId: link.id, type: "link.redeemed" } })).toBe(10);
    // nothing else changed
    const unchanged = ({ currentUses, pendingUses, status, paidAt, updatedAt, ...rest }: typeof after) => rest;
    expect(unchanged(after)).toEqual(unchanged(before));
  });
});
