/**
 * The lifecycle rules of a payment link, as pure functions (DESIGN.md, "Lifecycle rules").
 * The database statements that reserve and release uses apply the same rules atomically; these
 * functions decide everything that is read or checked in JavaScript.
 */
import { AppError, AppErrorCode, invalidState, validationError, type GoneReason } from "@/lib/errors";
import { MAX_USES_LIMIT, type LinkStatus } from "./enums";
import type { Metadata } from "./types";

interface LinkState {
  status: LinkStatus;
  expiresAt: Date | null;
  maxUses: number;
  currentUses: number;
  /** Set while the link is deactivated (CM `active: false`); absent or null: active. */
  deactivatedAt?: Date | null;
}

/** A link past its expiry *is* EXPIRED on every read, whatever is stored, unless paid or cancelled. */
export function effectiveStatus(stored: LinkStatus, expiresAt: Date | null, now: Date = new Date()): LinkStatus {
  if (stored === "ACTIVE" && expiresAt !== null && expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return stored;
}

/**
 * Why a link cannot be paid now, or null when it can. A link whose last uses are held by
 * payments still PENDING has reached its maximum uses; once they succeed it has been paid.
 * Paid, cancelled and expired come before deactivated (INACTIVE), which can be undone.
 */
export function goneReason(link: LinkState, now: Date = new Date(), pendingPayments = 0): GoneReason | null {
  const inactive = link.deactivatedAt !== undefined && link.deactivatedAt !== null;
  switch (effectiveStatus(link.status, link.expiresAt, now)) {
    case "PAID":
      return pendingPayments > 0 ? (inactive ? "INACTIVE" : "EXHAUSTED") : "PAID";
    case "CANCELLED":
      return "CANCELLED";
    case "EXPIRED":
      return "EXPIRED";
    case "ACTIVE":
      return inactive ? "INACTIVE" : link.currentUses >= link.maxUses ? "EXHAUSTED" : null;
  }
}

/**
 * Whether a link may be made active or deactivated (CM's and Zeamster's `active`). A link paid in
 * money (PAID with no use held by a pending payment) and a cancelled one are final: neither is
 * allowed; an expired link cannot be made active (it can be deactivated). A deactivated link is
 * not a cancelled one: it comes back. Refusals are INVALID_STATE naming the field `active`.
 */
export function assertActiveChange(link: LinkState, active: boolean, now: Date = new Date(), pendingPayments = 0): void {
  const status = effectiveStatus(link.status, link.expiresAt, now);
  const why =
    status === "PAID" && pendingPayments === 0
      ? "the payment link is paid"
      : status === "CANCELLED"
        ? "the payment link is cancelled"
        : active && status === "EXPIRED"
          ? "the payment link has expired (set a future expiry date first)"
          : null;
  if (why) throw new AppError(AppErrorCode.INVALID_STATE, `active cannot be set to ${active}: ${why}`, { field: "active" });
}

/** PAID and CANCELLED links are final: they cannot be updated. */
export function assertEditable(link: Pick<LinkState, "status">): void {
  if (link.status === "PAID" || link.status === "CANCELLED") {
    throw invalidState("Cannot update a paid or cancelled payment link");
  }
}

export function assertCancellable(link: Pick<LinkState, "status">): void {
  if (link.status === "PAID" || link.status === "CANCELLED") {
    throw invalidState("Cannot cancel a paid or already cancelled payment link");
  }
}

export function assertExpiryInFuture(expiresAt: Date, now: Date = new Date()): void {
  if (expiresAt.getTime() <= now.getTime()) {
    throw validationError("expires_at", "expires_at cannot be in the past");
  }
}

export function assertMaxUses(maxUses: number, currentUses = 0): void {
  if (!Number.isInteger(maxUses) || maxUses < 1 || maxUses > MAX_USES_LIMIT) {
    throw validationError("max_uses", `max_uses must be an integer between 1 and ${MAX_USES_LIMIT}`);
  }
  if (maxUses < currentUses) {
    throw validationError("max_uses", `max_uses cannot be less than current_uses (${currentUses})`);
  }
}

/** Metadata on update is merged into what is stored, key by key; it is never replaced. */
export function mergeMetadata(stored: Metadata, patch: Metadata): Metadata {
  return { ...stored, ...patch };
}

/** What the merchant is told of a link: its status, or AWAITING_PAYMENT. */
export type MerchantLinkStatus = LinkStatus | "AWAITING_PAYMENT";

/**
 * The link's status as the merchant reads it (dashboard badges and counts): a link whose every
 * use is taken while some are held by payments still PENDING is AWAITING_PAYMENT, never PAID,
 * until the money has arrived. (Instanvi's `status` reads PAID for both, as its document shows;
 * every other surface says paid only once the money arrived.) `status` is the effective status.
 */
export function merchantLinkStatus(link: { status: LinkStatus; pendingUses: number }): MerchantLinkStatus {
  return link.status === "PAID" && link.pendingUses > 0 ? "AWAITING_PAYMENT" : link.status;
}
