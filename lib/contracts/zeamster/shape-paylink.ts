/** Our link records -> Zeamster JSON: `{"paylink": {...}}` and `{"paylinks": [...], "meta": {...}}`. */
import { paylinkUrl } from "@/lib/domain/links/urls";
import type { LinkRecord } from "@/lib/services/links/link-records";
import type { Creator, LinkRelations } from "@/lib/services/links/link-relations";
import type { Page } from "@/lib/services/links/list-links";
import { currencyExponent, toMajorString } from "@/lib/money";
import type { Expand, PaylinkJson, PaylinksJson, SortableField } from "./schemas";
import { expireDateOf, userIdOf } from "./to-domain";

/** Where the contract lives on this server: the document's `{{url}}`. */
export const zeamsterBase = (baseUrl: string) => `${baseUrl}/api/zeamster`;
export const paylinkHref = (baseUrl: string, id: string) => `${zeamsterBase(baseUrl)}/v2/paylinks/${encodeURIComponent(id)}`;

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const bit = (value: boolean): 0 | 1 => (value ? 1 : 0);

/** decimal(10,2): exact, with its two decimals even in a currency that has none ("5000.00" XAF). */
export function amountDueOf(amountMinor: number, currency: string): string {
  const major = toMajorString(amountMinor, currency);
  const exponent = currencyExponent(currency);
  return exponent === 0 ? `${major}.00` : exponent === 1 ? `${major}0` : major;
}

export interface ShapeContext {
  baseUrl: string;
  merchantId: string;
  expand: Expand[];
  /** Needed for expand=location and expand=created_user. */
  relations?: LinkRelations;
}

export function shapePaylink(record: LinkRecord, context: ShapeContext): PaylinkJson {
  const { link, fields } = record;
  const locationId = fields.locationId ?? context.merchantId;
  const paylink: PaylinkJson = {
    id: link.id,
    cc_product_transaction_id: fields.cardProductId,
    ach_product_transaction_id: fields.bankProductId,
    location_id: locationId,
    paylink_api_id: fields.externalReference,
    contact_id: fields.contactId,
    amount_due: amountDueOf(link.amountMinor, link.currency),
    currency: link.currency,
    cell_phone: link.customerPhone,
    email: link.customerEmail,
    description: link.description,
    expire_date: expireDateOf(link.expiresAt),
    status_id: bit(record.paidInFull),
    display_product_transaction_receipt_details: bit(fields.showReceiptDetails),
    display_billing_fields: bit(fields.showBillingFields),
    delivery_method: link.deliveryMethod,
    active: bit(record.active),
    created_ts: seconds(link.createdAt),
    modified_ts: seconds(link.updatedAt),
    created_user_id: userIdOf(link.createdBy),
    modified_user_id: userIdOf(record.lastEditedBy),
    _links: { self: { href: paylinkHref(context.baseUrl, link.id) } },
  };
  for (const name of context.expand) {
    switch (name) {
      case "contact":
        paylink.contact = fields.contactId
          ? {
              id: fields.contactId,
              location_id: locationId,
              contact_api_id: null,
              first_name: null,
              last_name: null,
              email: link.customerEmail,
              cell_phone: link.customerPhone,
            }
          : null;
        break;
      case "created_user": {
        const creator = context.relations?.creators.get(link.createdBy);
        paylink.created_user = creator ? shapeUser(creator, context.merchantId) : null;
        break;
      }
      case "payment_url":
        paylink.payment_url = paylinkUrl(link.id, context.baseUrl);
        break;
      case "location": {
        const merchant = context.relations!.merchant;
        paylink.location = { id: locationId, name: merchant.name, location_api_id: null, created_ts: seconds(merchant.createdAt), modified_ts: seconds(merchant.updatedAt) };
        break;
      }
      case "tags":
        paylink.tags = [];
        break;
      case "email_blacklist":
        paylink.email_blacklist = null;
        break;
      case "sms_blacklist":
        paylink.sms_blacklist = null;
        break;
    }
  }
  return paylink;
}

function shapeUser(creator: Creator, merchantId: string): NonNullable<PaylinkJson["created_user"]> {
  if (creator.kind === "api_key") {
    return {
      id: creator.keyId,
      username: creator.name,
      first_name: null,
      last_name: null,
      email: null,
      primary_location_id: merchantId,
      api_only: true,
      created_ts: seconds(creator.createdAt),
    };
  }
  const [first, ...rest] = (creator.name ?? "").trim().split(/\s+/).filter(Boolean);
  return {
    id: creator.id,
    username: creator.email,
    first_name: first ?? null,
    last_name: rest.length ? rest.join(" ") : null,
    email: creator.email,
    primary_location_id: merchantId,
    api_only: false,
    created_ts: seconds(creator.createdAt),
  };
}

/**
 * A page as the document shows it: `meta.pagination` with absolute links that keep the query
 * (filters, sort, expand) and end with page_size and page; `currentPage` zero-based, as in the
 * document's example (page=1 is currentPage 0); `meta.sort.attributes` in the order applied.
 */
export function shapePaylinkList(
  page: Page<LinkRecord>,
  context: ShapeContext & { query: URLSearchParams; sort: { field: SortableField; direction: "asc" | "desc" }[] },
): PaylinksJson {
  const pageCount = Math.ceil(page.total / page.limit);
  const at = (number: number) => {
    const params = new URLSearchParams([...context.query].filter(([key]) => key !== "page" && key !== "page_size"));
    params.set("page_size", String(page.limit));
    params.set("page", String(number));
    return { href: `${zeamsterBase(context.baseUrl)}/v2/paylinks?${params}` };
  };
  return {
    paylinks: page.items.map((record) => shapePaylink(record, context)),
    meta: {
      pagination: {
        links: {
          self: at(page.page),
          ...(pageCount > 0 ? { first: at(1) } : {}),
          ...(page.page > 1 ? { prev: at(Math.min(page.page - 1, Math.max(pageCount, 1))) } : {}),
          ...(page.page < pageCount ? { next: at(page.page + 1) } : {}),
          ...(pageCount > 0 ? { last: at(pageCount) } : {}),
        },
        totalCount: page.total,
        pageCount,
        currentPage: page.page - 1,
        perPage: page.limit,
      },
      sort: { attributes: Object.fromEntries(context.sort.map(({ field, direction }) => [field, direction])) },
    },
  };
}
