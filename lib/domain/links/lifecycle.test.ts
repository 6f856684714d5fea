import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import {
  assertCancellable,
  assertEditable,
  assertExpiryInFuture,
  assertMaxUses,
  effectiveStatus,
  goneReason,
  mergeMetadata,
} from "./lifecycle";
import type { LinkStatus } from "./enums";

const now = new Date("2026-06-01T12:00:00Z");
const past = new Date("2026-06-01T11:59:59Z");
const future = new Date("2026-06-02T00:00:00Z");

function link(status: LinkStatus, overrides: Partial<{ expiresAt: Date | null; maxUses: number; currentUses: number }> = {}) {
  return { status, expiresAt: null, maxUses: 1, currentUses: 0, ...overrides };
}

function caught(fn: () => void): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected an AppError");
}

describe("effectiveStatus", () => {
  it("reads an ACTIVE link past its expiry as EXPIRED, without any job", () => {
    expect(effectiveStatus("ACTIVE", past, now)).toBe("EXPIRED");
    expect(effectiveStatus("ACTIVE", now, now)).toBe("EXPIRED");
  });
  it("keeps ACTIVE before the expiry or without one", () => {
    expect(effectiveStatus("ACTIVE", future, now)).toBe("ACTIVE");
    expect(effectiveStatus("ACTIVE", null, now)).toBe("ACTIVE");
  });
  it("never turns a PAID or CANCELLED link into EXPIRED", () => {
    expect(effectiveStatus("PAID", past, now)).toBe("PAID");
    expect(effectiveStatus("CANCELLED", past, now)).toBe("CANCELLED");
    expect(effectiveStatus("EXPIRED", null, now)).toBe("EXPIRED");
  });
});

describe("goneReason", () => {
  it.each([
    [link("ACTIVE"), 0, null],
    [link("ACTIVE", { maxUses: 3, currentUses: 2 }), 0, null],
    [link("ACTIVE", { maxUses: 3, currentUses: 3 }), 0, "EXHAUSTED"],
    [link("PAID"), 0, "PAID"],
    [link("PAID"), 1, "EXHAUSTED"],
    [link("CANCELLED"), 0, "CANCELLED"],
    [link("EXPIRED"), 0, "EXPIRED"],
    [link("ACTIVE", { expiresAt: past }), 0, "EXPIRED"],
    [link("CANCELLED", { expiresAt: past }), 0, "CANCELLED"],
  ] as const)("%j with %i pending -> %s", (state, pending, reason) => {
    expect(goneReason(state, now, pending)).toBe(reason);
  });
});

describe("edit and cancel rules", () => {
  it("refuses to update PAID and CANCELLED links", () => {
    for (const status of ["PAID", "CANCELLED"] as const) {
      const error = caught(() => assertEditable({ status }));
      expect(error.code).toBe("INVALID_STATE");
      expect(error.message).toBe("Cannot update a paid or cancelled payment link");
    }
  });
  it("allows updating ACTIVE and EXPIRED links", () => {
    expect(() => assertEditable({ status: "ACTIVE" })).not.toThrow();
    expect(() => assertEditable({ status: "EXPIRED" })).not.toThrow();
  });
  it("refuses to cancel PAID and CANCELLED links, allows ACTIVE and EXPIRED", () => {
    for (const status of ["PAID", "CANCELLED"] as const) {
      expect(caught(() => assertCancellable({ status })).message).toBe("Cannot cancel a paid or already cancelled payment link");
    }
    expect(() => assertCancellable({ status: "ACTIVE" })).not.toThrow();
    expect(() => assertCancellable({ status: "EXPIRED" })).not.toThrow();
  });
});

describe("field rules", () => {
  it("refuses an expiry in the past or now, naming expires_at", () => {
    for (const date of [past, now]) {
      const error = caught(() => assertExpiryInFuture(date, now));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe("expires_at");
    }
    expect(() => assertExpiryInFuture(future, now)).not.toThrow();
  });

  it.each([0, -1, 101, 1.5, Number.NaN])("refuses max_uses %d", (value) => {
    const error = caught(() => assertMaxUses(value));
    expect(error.details.field).toBe("max_uses");
    expect(error.message).toMatch(/between 1 and 100/);
  });

  it("refuses max_uses below current_uses", () => {
    const error = caught(() => assertMaxUses(2, 3));
    expect(error.details.field).toBe("max_uses");
    expect(error.message).toMatch(/current_uses \(3\)/);
    expect(() => assertMaxUses(3, 3)).not.toThrow();
    expect(() => assertMaxUses(100, 0)).not.toThrow();
  });

  it("merges metadata key by key instead of replacing it", () => {
    expect(mergeMetadata({ a: 1, b: "x" }, { b: "y", c: true })).toEqual({ a: 1, b: "y", c: true });
    expect(mergeMetadata({ a: 1 }, {})).toEqual({ a: 1 });
  });
});
