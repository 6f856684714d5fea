/** Our payments -> Sylius JSON (HAL): payments, their methods and the channel. Amounts stay minor units. */
import type { z } from "zod";
import type { Page } from "@/lib/services/links/list-links";
import type { NumberedPayment } from "@/lib/services/payments/numbered-payments";
import type { PaymentSort } from "@/lib/services/payments/payment-sort";
import { CATALOG_DATE, CHANNEL, paymentMethodOfProvider, syliusPaymentState, type SyliusPaymentMethodEntry } from "./catalog";
import type {
  channelSchema,
  paymentCollectionSchema,
  paymentListItemSchema,
  paymentMethodSchema,
  paymentMethodSummarySchema,
  paymentSchema,
} from "./schemas";

/** The hrefs of `_links`: paths on this server, as Sylius writes them. */
export const syliusPaths = {
  payment: (number: number) => `/api/v1/payments/${number}`,
  payments: "/api/v1/payments/",
  paymentMethod: (code: string) => `/api/v1/payment-methods/${code}`,
  order: (number: number) => `/api/v1/orders/${number}`,
  channel: (code: string) => `/api/v1/channels/${code}`,
};

/** `2026-11-25T10:31:19+0000`: PHP's `Y-m-d\TH:i:sO`, which Sylius writes and its clients parse. */
export function syliusDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "+0000");
}

function hostnameOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return "localhost";
  }
}

export function shapeChannel(baseUrl: string): z.output<typeof channelSchema> {
  return {
    id: CHANNEL.id,
    code: CHANNEL.code,
    name: CHANNEL.name,
    hostname: hostnameOf(baseUrl),
    color: CHANNEL.color,
    createdAt: syliusDate(CATALOG_DATE),
    updatedAt: syliusDate(CATALOG_DATE),
    enabled: true,
    taxCalculationStrategy: CHANNEL.taxCalculationStrategy,
    _links: { self: { href: syliusPaths.channel(CHANNEL.code) } },
  };
}

export function shapePaymentMethodSummary(method: SyliusPaymentMethodEntry): z.output<typeof paymentMethodSummarySchema> {
  return {
    id: method.id,
    code: method.code,
    position: method.position,
    translations: { en_US: { locale: "en_US", id: method.id, name: method.name, description: method.description } },
    _links: { self: { href: syliusPaths.paymentMethod(method.code) } },
  };
}

export function shapePaymentMethod(method: SyliusPaymentMethodEntry, baseUrl: string): z.output<typeof paymentMethodSchema> {
  const { _links, ...summary } = shapePaymentMethodSummary(method);
  return {
    ...summary,
    createdAt: syliusDate(CATALOG_DATE),
    updatedAt: syliusDate(CATALOG_DATE),
    enabled: true,
    channels: [shapeChannel(baseUrl)],
    _links,
  };
}

function paymentLinks(payment: NumberedPayment, method: SyliusPaymentMethodEntry) {
  return {
    self: { href: syliusPaths.payment(payment.number) },
    "payment-method": { href: syliusPaths.paymentMethod(method.code) },
    order: { href: syliusPaths.order(payment.linkNumber) },
  };
}

/** A payment as GET /api/v1/payments/{id} answers it (the Detailed group of Sylius). */
export function shapePayment(payment: NumberedPayment, baseUrl: string): z.output<typeof paymentSchema> {
  const method = paymentMethodOfProvider(payment.provider);
  return {
    id: payment.number,
    method: shapePaymentMethod(method, baseUrl),
    amount: payment.amountMinor,
    state: syliusPaymentState(payment),
    _links: paymentLinks(payment, method),
  };
}

/** A payment as the collection lists it (the Default group: the method without its channels). */
export function shapePaymentListItem(payment: NumberedPayment): z.output<typeof paymentListItemSchema> {
  const method = paymentMethodOfProvider(payment.provider);
  return {
    id: payment.number,
    method: shapePaymentMethodSummary(method),
    amount: payment.amountMinor,
    state: syliusPaymentState(payment),
    _links: paymentLinks(payment, method),
  };
}

/** One page of the collection, with the HAL links of its neighbours (and the sorting asked for). */
export function shapePaymentCollection(page: Page<NumberedPayment>, sort: PaymentSort[]): z.output<typeof paymentCollectionSchema> {
  const pages = Math.max(1, page.totalPages);
  const at = (number: number) => {
    const params = new URLSearchParams({ page: String(number), limit: String(page.limit) });
    for (const { field, direction } of sort) params.append(`sorting[${field}]`, direction.toUpperCase());
    return { href: `${syliusPaths.payments}?${params}` };
  };
  return {
    page: page.page,
    limit: page.limit,
    pages,
    total: page.total,
    _links: {
      self: at(page.page),
      first: at(1),
      last: at(pages),
      ...(page.page < pages ? { next: at(page.page + 1) } : {}),
      ...(page.page > 1 ? { previous: at(Math.min(page.page - 1, pages)) } : {}),
    },
    _embedded: { items: page.items.map(shapePaymentListItem) },
  };
}
