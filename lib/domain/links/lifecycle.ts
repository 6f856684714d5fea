/**
 * The lifecycle rules of a payment link, as pure functions (DESIGN.md, "Lifecycle rules").
 * The database statements that reserve and release uses apply the same rules atomically; these
 * functions decide everything that is read or checked in JavaScript.
 */
import { invalidState, validationError, type GoneReason } from "@/lib/errors";
import { MAX_USES_LIMIT, type LinkStatus } from "./enums";
import type { Metadata } from "./types";

interface LinkState {
  status: LinkStatus;
  expiresAt: Date | null;
  maxUses: number;
  currentUses: number;
}

/** A link past its expiry *is* EXPIRED on every read, whatever is stored, unless paid or cancelled. */
export function effectiveStatus(stored: LinkStatus, expiresAt: Date | null, now: Date = new Date()): LinkStatus {
  if (stored === "ACTIVE" && expiresAt !== null && expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return stored;
}

/**
 * Why a link cannot be paid now, or null when it can. A link whose last uses are held by
 * payments still PENDING has reached its maximum uses; once they succeed it has been paid.
 */
export function goneReason(link: LinkState, now: Date = new Date(), pendingPayments = 0): GoneReason | null {
  switch (effectiveStatus(link.status, link.expiresAt, now)) {
    case "PAID":
      return pendingPayments > 0 ? "EXHAUSTED" : "PAID";
    case "CANCELLED":
      return "CANCELLED";
    case "EXPIRED":
      return "EXPIRED";
    case "ACTIVE":
      return link.currentUses >= link.maxUses ? "EXHAUSTED" : null;
  }
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
