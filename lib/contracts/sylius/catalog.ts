/**
 * What the Sylius contract calls things that this product names otherwise, each in one table:
 * the payment methods (our providers), the one channel (this product), the payment states (our
 * payment statuses) and the order states (a payment link and what was paid through it).
 * The OpenAPI document prints these tables from here, so it cannot drift from the answers.
 */
import type { LinkStatus, PaymentStatus, Provider } from "@/lib/domain/links/enums";
import type { Payment } from "@/lib/domain/links/types";

/** When the catalogue below came to be; Sylius sends createdAt/updatedAt on methods and channels. */
export const CATALOG_DATE = new Date("2026-11-24T00:00:00Z");

export interface SyliusPaymentMethodEntry {
  provider: Provider;
  /** Stable integer id, as Sylius gives every payment method. */
  id: number;
  code: string;
  position: number;
  name: string;
  description: string;
}

/** Our providers as Sylius payment methods. Ids and codes never change. */
export const PAYMENT_METHODS: readonly SyliusPaymentMethodEntry[] = [
  { provider: "MTN_CAM", id: 1, code: "mtn_momo", position: 0, name: "MTN Mobile Money", description: "MTN MoMo (Cameroon): the payer approves the request on the phone, or with *126#" },
  { provider: "ORANGE_CAM", id: 2, code: "orange_money", position: 1, name: "Orange Money", description: "Orange Money (Cameroon): the payer approves the payment on the phone, or with #150#" },
];

export function paymentMethodOfProvider(provider: Provider): SyliusPaymentMethodEntry {
  return PAYMENT_METHODS.find((method) => method.provider === provider)!;
}

export function paymentMethodOfCode(code: string): SyliusPaymentMethodEntry | undefined {
  return PAYMENT_METHODS.find((method) => method.code === code);
}

/** The one channel: this product, at its public address. */
export const CHANNEL = {
  id: 1,
  code: "PAYLINKS_WEB",
  name: "Paylinks",
  color: "SeaGreen",
  taxCalculationStrategy: "order_items_based",
} as const;

/** Every state a Sylius payment can be in; we use the ones of PAYMENT_STATES. */
export const SYLIUS_PAYMENT_STATES = ["cart", "new", "processing", "authorized", "completed", "failed", "cancelled", "refunded", "unknown"] as const;
export type SyliusPaymentState = (typeof SYLIUS_PAYMENT_STATES)[number];

interface PaymentStateRow {
  status: PaymentStatus;
  /** Narrows the row: PENDING payments the provider has acknowledged, FAILED ones by reason. */
  when?: (payment: Pick<Payment, "providerReference" | "failureReason">) => boolean;
  condition: string;
  state: SyliusPaymentState;
}

/** THE table: our payment status -> Sylius payment state. The first matching row wins. */
export const PAYMENT_STATES: readonly PaymentStateRow[] = [
  {
    status: "PENDING",
    when: (p) => p.providerReference === null,
    condition: "the provider has not acknowledged the request yet (being sent, or its answer was lost)",
    state: "new",
  },
  { status: "PENDING", condition: "the provider has the request; the payer has not approved it on the phone yet", state: "processing" },
  { status: "SUCCESSFUL", condition: "the provider confirmed that the money arrived", state: "completed" },
  { status: "FAILED", when: (p) => p.failureReason === "PAYER_REJECTED", condition: "the payer declined on the phone (PAYER_REJECTED)", state: "cancelled" },
  {
    status: "FAILED",
    condition: "any other reason: INSUFFICIENT_FUNDS, PAYER_NOT_FOUND, LIMIT_REACHED, TIMEOUT (not approved in time), PROVIDER_ERROR, UNKNOWN",
    state: "failed",
  },
];

export function syliusPaymentState(payment: Pick<Payment, "status" | "providerReference" | "failureReason">): SyliusPaymentState {
  const row = PAYMENT_STATES.find((r) => r.status === payment.status && (!r.when || r.when(payment)));
  return row?.state ?? "unknown";
}

export const PAYMENT_STATE_TABLE_MARKDOWN = [
  "| our payment status | when | Sylius `state` |",
  "|---|---|---|",
  ...PAYMENT_STATES.map((row) => `| ${row.status} | ${row.condition} | \`${row.state}\` |`),
].join("\n");

/** Order states of a link, from its status and how many of its uses were paid in money. */
export interface OrderStates {
  state: "new" | "cancelled" | "fulfilled";
  paymentState: "awaiting_payment" | "partially_paid" | "paid" | "cancelled";
  /** A link is issued ready to pay: its checkout is complete, as for any placed Sylius order. */
  checkoutState: "completed";
}

type Paid = "every use" | "some uses" | "nothing";
type Open = "ACTIVE (or every use held by pending payments)" | "CANCELLED or EXPIRED";

/** THE order table: the link's status and what was paid -> the Sylius order's states. */
const ORDER_STATES: readonly { link: Open; paid: Paid; state: OrderStates["state"]; paymentState: OrderStates["paymentState"] }[] = [
  { link: "ACTIVE (or every use held by pending payments)", paid: "every use", state: "fulfilled", paymentState: "paid" },
  { link: "ACTIVE (or every use held by pending payments)", paid: "some uses", state: "new", paymentState: "partially_paid" },
  { link: "ACTIVE (or every use held by pending payments)", paid: "nothing", state: "new", paymentState: "awaiting_payment" },
  { link: "CANCELLED or EXPIRED", paid: "every use", state: "fulfilled", paymentState: "paid" },
  { link: "CANCELLED or EXPIRED", paid: "some uses", state: "cancelled", paymentState: "partially_paid" },
  { link: "CANCELLED or EXPIRED", paid: "nothing", state: "cancelled", paymentState: "cancelled" },
];

export function syliusOrderStates(link: { status: LinkStatus; maxUses: number }, successfulPayments: number): OrderStates {
  const open: Open = link.status === "CANCELLED" || link.status === "EXPIRED" ? "CANCELLED or EXPIRED" : "ACTIVE (or every use held by pending payments)";
  const paid: Paid = successfulPayments >= link.maxUses ? "every use" : successfulPayments > 0 ? "some uses" : "nothing";
  const row = ORDER_STATES.find((r) => r.link === open && r.paid === paid)!;
  return { state: row.state, paymentState: row.paymentState, checkoutState: "completed" };
}

export const ORDER_STATE_TABLE_MARKDOWN = [
  "| the link | paid in money (SUCCESSFUL payments against max_uses) | `state` | `paymentState` |",
  "|---|---|---|---|",
  ...ORDER_STATES.map((row) => `| ${row.link} | ${row.paid} | \`${row.state}\` | \`${row.paymentState}\` |`),
].join("\n");
