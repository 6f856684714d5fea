import type { DeliveryMethod, LinkStatus, LinkType, Mode, PaymentStatus, Provider } from "./enums";

export type Metadata = Record<string, unknown>;

export interface PaymentLink {
  id: string;
  merchantId: string;
  slug: string;
  shortCode: string;
  /** Integer minor units of `currency`. */
  amountMinor: number;
  currency: string;
  dynamicAmount: boolean;
  description: string | null;
  /** Effective status: an ACTIVE link past its expiry reads as EXPIRED. */
  status: LinkStatus;
  expiresAt: Date | null;
  maxUses: number;
  /** Uses held by PENDING payments plus uses kept by SUCCESSFUL ones. */
  currentUses: number;
  /** Of currentUses, those held by PENDING payments: the money has not arrived for them yet. */
  pendingUses: number;
  metadata: Metadata;
  provider: Provider | null;
  type: LinkType;
  mode: Mode;
  orderId: string | null;
  merchantReference: string | null;
  invoiceReference: string | null;
  invoiceDueDate: Date | null;
  language: string | null;
  country: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  deliveryMethod: DeliveryMethod;
  callbackUrl: string | null;
  createdBy: string;
  paidAt: Date | null;
  cancelledAt: Date | null;
  /** Set while the link is deactivated (not payable; it can be reactivated, unlike a cancelled one). */
  deactivatedAt: Date | null;
  /** Set when an API that deletes (Zeamster) deleted it; its payments stay. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Payment {
  id: string;
  number: number;
  merchantId: string;
  linkId: string;
  amountMinor: number;
  currency: string;
  provider: Provider;
  payerPhone: string;
  status: PaymentStatus;
  failureReason: string | null;
  transactionId: string;
  providerReference: string | null;
  /** A provider page the payer must open to approve (Orange web payment), if any. */
  paymentUrl: string | null;
  mode: Mode;
  settledAt: Date | null;
  /**
   * Set when we failed it without the provider's final word (our deadline passed); the
   * provider's later answer still wins. SUCCESSFUL with this set is "paid late".
   */
  failedLocallyAt: Date | null;
  /** Set when it succeeded late for a link already used up: money to refund, counted for nothing. */
  overCollectedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Who did something: `user:<id>`, `api:<key id>`, `customer`, `provider:<name>`, `system`. */
export type Actor = string;

/** Every merchant-side operation runs for one merchant, on behalf of one actor. */
export interface MerchantScope {
  merchantId: string;
  actor: Actor;
}
