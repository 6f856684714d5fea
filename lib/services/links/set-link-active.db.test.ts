/**
 * setLinkActive: deactivation and reactivation of a link (CM `active`, Zeamster `active`), the
 * rules of assertActiveChange, redeem refused while deactivated (GONE INACTIVE), the event, and
 * that a foreign or malformed id is NOT_FOUND.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { assertActiveChange, goneReason } from "@/lib/domain/links/lifecycle";
import type { MerchantScope } from "@/lib/domain/links/types";
import { AppError, isAppError } from "@/lib/errors";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { findGoneReason } from "@/lib/services/links/find-gone-reason";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { updateLink } from "@/lib/services/links/update-link";
import { settlePayment } from "@/lib/services/payments/settle-payment";
import { createMerchant, createTestLink, expire } from "@/lib/testing/factories";
import { setLinkActive } from "./set-link-active";

let scope: MerchantScope;
let otherScope: MerchantScope;

beforeAll(async () => {
  [scope, otherScope] = await Promise.all([createMerchant("Active test"), createMerchant("Active other")]);
});

async function caught(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

const redeem = (slug: string) => redeemLink({ slug, provider: "MTN_CAM", phoneNumber: "671000001" });
const activeEvents = (linkId: string) =>
  getDb().event.findMany({ where: { linkId, type: "link.updated" }, orderBy: { createdAt: "asc" }, select: { data: true, actor: true } });

describe("goneReason and assertActiveChange (pure)", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const past = new Date("2026-05-01T00:00:00Z");
  const state = (status: "ACTIVE" | "PAID" | "EXPIRED" | "CANCELLED", extra: { expiresAt?: Date | null; deactivatedAt?: Date | null; currentUses?: number } = {}) => ({
    status,
    expiresAt: null,
    maxUses: 1,
    currentUses: 0,
    ...extra,
  });

  it.each([
    [state("ACTIVE", { deactivatedAt: past }), 0, "INACTIVE"],
    [state("ACTIVE", { deactivatedAt: null }), 0, null],
    [state("PAID", { deactivatedAt: past, currentUses: 1 }), 1, "INACTIVE"],
    [state("PAID", { deactivatedAt: past, currentUses: 1 }), 0, "PAID"],
    [state("CANCELLED", { deactivatedAt: past }), 0, "CANCELLED"],
    [state("ACTIVE", { deactivatedAt: past, expiresAt: past }), 0, "EXPIRED"],
  ] as const)("%j with %i pending -> %s", (link, pending, reason) => {
    expect(goneReason(link, now, pending)).toBe(reason);
  });

  it.each([
    [state("PAID", { currentUses: 1 }), true, 0, "active cannot be set to true: the payment link is paid"],
    [state("PAID", { currentUses: 1 }), false, 0, "active cannot be set to false: the payment link is paid"],
    [state("CANCELLED"), false, 0, "active cannot be set to false: the payment link is cancelled"],
    [state("CANCELLED"), true, 0, "active cannot be set to true: the payment link is cancelled"],
    [state("ACTIVE", { expiresAt: past }), true, 0, "active cannot be set to true: the payment link has expired (set a future expiry date first)"],
    [state("EXPIRED"), true, 0, "active cannot be set to true: the payment link has expired (set a future expiry date first)"],
  ] as const)("refuses %j -> active %s (%i pending)", (link, active, pending, message) => {
    let error: unknown;
    try {
      assertActiveChange(link, active, now, pending);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toMatchObject({ code: "INVALID_STATE", message, details: { field: "active" } });
  });

  it.each([
    [state("ACTIVE"), true, 0],
    [state("ACTIVE"), false, 0],
    [state("ACTIVE", { expiresAt: past }), false, 0],
    [state("PAID", { currentUses: 1 }), false, 1],
    [state("PAID", { currentUses: 1 }), true, 1],
  ] as const)("allows %j -> active %s (%i pending)", (link, active, pending) => {
    expect(() => assertActiveChange(link, active, now, pending)).not.toThrow();
  });
});

describe("setLinkActive", () => {
  it("deactivates and reactivates, recording each change once, and redeem follows", async () => {
    const link = await createTestLink(scope);
    const off = await setLinkActive(scope, link.id, false);
    expect(off.deactivatedAt).toBeInstanceOf(Date);
    expect(off.status).toBe("ACTIVE");
    expect(await findGoneReason(off)).toBe("INACTIVE");
    expect(await caught(() => redeem(link.slug))).toMatchObject({ code: "GONE", details: { reason: "INACTIVE" }, message: "The payment link is deactivated" });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).currentUses).toBe(0);

    // The same state again changes nothing and records nothing.
    const again = await setLinkActive(scope, link.id, false);
    expect(again.deactivatedAt).toEqual(off.deactivatedAt);

    const on = await setLinkActive(scope, link.id, true);
    expect(on.deactivatedAt).toBeNull();
    expect(await findGoneReason(on)).toBeNull();
    expect((await redeem(link.slug)).payment.status).toBe("PENDING");

    expect(await activeEvents(link.id)).toEqual([
      { data: { changes: { active: { from: true, to: false } } }, actor: scope.actor },
      { data: { changes: { active: { from: false, to: true } } }, actor: scope.actor },
    ]);
  });

  it("refuses a paid or cancelled link either way, and reactivating an expired one", async () => {
    const paid = await createTestLink(scope);
    const { payment } = await redeem(paid.slug);
    // While the use is only held by a pending payment, the link may still be deactivated.
    expect((await setLinkActive(scope, paid.id, false)).deactivatedAt).not.toBeNull();
    await settlePayment({ paymentId: payment.id, outcome: "SUCCESSFUL", actor: "provider:test" });
    for (const active of [true, false]) {
      expect(await caught(() => setLinkActive(scope, paid.id, active))).toMatchObject({ code: "INVALID_STATE", details: { field: "active" } });
    }

    const cancelled = await createTestLink(scope);
    await cancelLink(scope, cancelled.id);
    expect(await caught(() => setLinkActive(scope, cancelled.id, false))).toMatchObject({ code: "INVALID_STATE", message: /cancelled/ });

    const expired = await createTestLink(scope);
    await setLinkActive(scope, expired.id, false);
    await expire(expired.id);
    expect(await caught(() => setLinkActive(scope, expired.id, true))).toMatchObject({ code: "INVALID_STATE", message: /expired/ });
    // A new expiry and active in one update reactivates it.
    const revived = await updateLink(scope, expired.id, { expiresAt: new Date(Date.now() + 86_400_000), active: true });
    expect(revived).toMatchObject({ status: "ACTIVE", deactivatedAt: null });
  });

  it("is NOT_FOUND for another merchant's link, an unknown id or a malformed one", async () => {
    const link = await createTestLink(scope);
    for (const id of [link.id, randomUUID()]) {
      expect(await caught(() => setLinkActive(otherScope, id, false))).toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await caught(() => setLinkActive(scope, "not-a-uuid", false))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getDb().paymentLink.findUniqueOrThrow({ where: { id: link.id } })).deactivatedAt).toBeNull();
  });

  it("keeps a link deactivated when the pending payment that held it fails", async () => {
    const link = await createTestLink(scope);
    const { payment } = await redeem(link.slug);
    await setLinkActive(scope, link.id, false);
    const settled = await settlePayment({ paymentId: payment.id, outcome: "FAILED", failureReason: "PAYER_REJECTED", actor: "provider:test" });
    expect(settled.link.status).toBe("ACTIVE");
    expect(await findGoneReason(settled.link)).toBe("INACTIVE");
  });
});
