/**
 * Zeamster requests -> domain input. Amounts arrive as decimal(10,2) major units and become
 * minor units of the paylink's currency here; expire_date (a day) becomes the end of that day,
 * UTC. What can only be checked once the currency is known is collected with the field it
 * concerns, so that one 422 still names every bad field.
 */
import { parseMajorAmount } from "@/lib/contracts/kit/amount";
import type { Mode } from "@/lib/domain/links/enums";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import type { Actor } from "@/lib/domain/links/types";
import { AppError, AppErrorCode, isAppError } from "@/lib/errors";
import type { IntegrationFieldsInput, LinkRecord } from "@/lib/services/links/link-records";
import type { LinkRecordFilter, LinkRecordQuery, LinkRecordSortField } from "@/lib/services/links/list-link-records";
import type { LinkRecordPatch } from "@/lib/services/links/update-link-record";
import { currencyExponent, isKnownCurrency } from "@/lib/money";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type CreatePaylinkFields, type PaylinksQuery, type SortableField, type UpdatePaylinkFields } from "./schemas";

const DAY_MS = 86_400_000;

type Issue = { field: string; message: string };

function throwIssues(issues: Issue[]): void {
  if (issues.length) throw new AppError(AppErrorCode.VALIDATION, issues[0]!.message, { field: issues[0]!.field, issues });
}

/** `2027-04-10` -> the end of that day, UTC (the paylink can be paid all that day). */
export function expiryOf(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
}

/** The last day (UTC) a link expiring at this instant can be paid. */
export function expireDateOf(expiresAt: Date | null): string | null {
  return expiresAt ? new Date(expiresAt.getTime() - 1).toISOString().slice(0, 10) : null;
}

/** amount_due (decimal text) in minor units of the currency, or the issue naming amount_due or currency. */
function amountIn(amount: string, currency: string, issues: Issue[]): number | undefined {
  if (!isKnownCurrency(currency)) {
    issues.push({ field: "currency", message: "currency must be an ISO 4217 currency code, such as XAF or EUR" });
    return undefined;
  }
  if (currencyExponent(currency) > 2) {
    issues.push({ field: "currency", message: `currency ${currency} has ${currencyExponent(currency)} decimals: amount_due is decimal(10,2), use a currency with at most 2` });
    return undefined;
  }
  try {
    return parseMajorAmount(amount, currency).amountMinor;
  } catch (error) {
    if (!isAppError(error)) throw error;
    issues.push({ field: "amount_due", message: error.message.replace(/^amount\b/, "amount_due") });
    return undefined;
  }
}

const orNull = (value: string | null | undefined) => (value === undefined ? undefined : value === "" ? null : value);

function integrationFields(fields: CreatePaylinkFields | UpdatePaylinkFields): IntegrationFieldsInput {
  const contact = fields.contact_id !== undefined ? fields.contact_id : fields.contact_api_id;
  const out: IntegrationFieldsInput = {
    locationId: fields.location_id,
    externalReference: orNull(fields.paylink_api_id),
    contactId: contact,
    cardProductId: fields.cc_product_transaction_id,
    bankProductId: fields.ach_product_transaction_id,
    showReceiptDetails: fields.display_product_transaction_receipt_details,
    showBillingFields: fields.display_billing_fields,
  };
  return Object.fromEntries(Object.entries(out).filter(([, value]) => value !== undefined));
}

/**
 * A create: the currency is `currency` (an extension) or the merchant's default; without a
 * delivery_method, the recipients given decide it (email 1, cell_phone 2, both 3, none 0).
 */
export function toCreateLink(
  fields: CreatePaylinkFields,
  defaults: { currency: string; mode: Mode },
): { input: CreateLinkInput; fields: IntegrationFieldsInput; active: boolean } {
  const issues: Issue[] = [];
  const currency = fields.currency ?? defaults.currency;
  const amountMinor = amountIn(fields.amount_due, currency, issues);
  throwIssues(issues);
  const email = fields.email ?? null;
  const phone = fields.cell_phone ?? null;
  const deliveryMethod = fields.delivery_method ?? ((email ? 1 : 0) + (phone ? 2 : 0)) as 0 | 1 | 2 | 3;
  return {
    input: {
      amountMinor: amountMinor!,
      currency,
      description: fields.description,
      expiresAt: fields.expire_date ? expiryOf(fields.expire_date) : null,
      customerEmail: email,
      customerPhone: phone,
      deliveryMethod,
      mode: defaults.mode,
    },
    fields: integrationFields(fields),
    active: fields.active ?? true,
  };
}

/** An update of a paylink as it stands: its currency cannot change, amount_due is read in it. */
export function toUpdateLink(fields: UpdatePaylinkFields, current: LinkRecord): LinkRecordPatch {
  const issues: Issue[] = [];
  if (fields.currency !== undefined && fields.currency !== current.link.currency) {
    issues.push({ field: "currency", message: `currency cannot change: the paylink is in ${current.link.currency} (create another paylink for another currency)` });
  }
  const amountMinor = fields.amount_due === undefined ? undefined : amountIn(fields.amount_due, current.link.currency, issues);
  throwIssues(issues);
  // What a GET answered, sent back as is, changes nothing: the day of the stored expiry (which may
  // be any instant of that day) and the merchant's id standing for "no location".
  const sameDay = fields.expire_date !== undefined && fields.expire_date === expireDateOf(current.link.expiresAt);
  const extra = integrationFields(fields);
  if (extra.locationId === (current.fields.locationId ?? current.link.merchantId)) delete extra.locationId;
  return {
    amountMinor,
    description: fields.description,
    expiresAt: fields.expire_date === undefined || sameDay ? undefined : fields.expire_date === null ? null : expiryOf(fields.expire_date),
    customerEmail: fields.email,
    customerPhone: fields.cell_phone,
    deliveryMethod: fields.delivery_method,
    fields: extra,
    active: fields.active,
  };
}

/** created_user_id / modified_user_id: an API key id (what `user-id` carries), a user id, or the actor itself. */
export function userIdOf(actor: Actor): string {
  const match = /^(?:api|user):(.+)$/.exec(actor);
  return match ? match[1]! : actor;
}

const actorsOf = (userId: string): Actor[] => [`api:${userId}`, `user:${userId}`, userId];

const SORT_FIELDS: Readonly<Record<SortableField, LinkRecordSortField>> = {
  id: "id",
  created_ts: "createdAt",
  modified_ts: "updatedAt",
  amount_due: "amount",
  expire_date: "expiresAt",
  email: "customerEmail",
  cell_phone: "customerPhone",
  description: "description",
  delivery_method: "deliveryMethod",
  paylink_api_id: "externalReference",
  location_id: "locationId",
};

export const DEFAULT_SORT = [{ field: "created_ts" as SortableField, direction: "desc" as const }];

const second = (text: string) => {
  const start = new Date(Number(text) * 1000);
  return { gte: start, lt: new Date(start.getTime() + 1000) };
};
const bit = (value: "0" | "1" | undefined) => (value === undefined ? undefined : value === "1");

/** The list's query: every documented field is an exact-match filter; page, page_size, sort. */
export function toListQuery(query: PaylinksQuery): LinkRecordQuery & { wireSort: { field: SortableField; direction: "asc" | "desc" }[] } {
  const wireSort = query.sort?.length ? query.sort : DEFAULT_SORT;
  const filter: LinkRecordFilter = {
    id: query.id,
    cardProductId: query.cc_product_transaction_id,
    bankProductId: query.ach_product_transaction_id,
    locationId: query.location_id,
    externalReference: query.paylink_api_id,
    contactId: query.contact_id ?? query.contact_api_id,
    amountMajor: query.amount_due,
    customerPhone: query.cell_phone,
    customerEmail: query.email,
    description: query.description,
    expiresAt: query.expire_date ? { gt: new Date(expiryOf(query.expire_date).getTime() - DAY_MS), lte: expiryOf(query.expire_date) } : undefined,
    paidInFull: bit(query.status_id),
    showReceiptDetails: bit(query.display_product_transaction_receipt_details),
    showBillingFields: bit(query.display_billing_fields),
    deliveryMethod: query.delivery_method === undefined ? undefined : (Number(query.delivery_method) as 0 | 1 | 2 | 3),
    active: bit(query.active),
    createdAt: query.created_ts ? second(query.created_ts) : undefined,
    updatedAt: query.modified_ts ? second(query.modified_ts) : undefined,
    createdBy: query.created_user_id ? actorsOf(query.created_user_id) : undefined,
    lastEditedBy: query.modified_user_id ? actorsOf(query.modified_user_id) : undefined,
    currency: query.currency?.toUpperCase(),
  };
  return {
    filter: Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)),
    sort: wireSort.map(({ field, direction }) => ({ field: SORT_FIELDS[field], direction })),
    wireSort,
    page: query.page ?? 1,
    pageSize: Math.min(query.page_size ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
  };
}
