/**
 * A link as an integrator's record of it: the link, the fields the integrator attached to it
 * (stored for it, not acted on), whether it is active, whether it is paid in money, and who
 * last changed it. One reading for every list and single read (no N+1: two queries per page).
 */
import { z } from "zod";
import type { Prisma, PaymentLink as PaymentLinkRow } from "@/lib/generated/prisma/client";
import { validationError } from "@/lib/errors";
import type { DeliveryMethod } from "@/lib/domain/links/enums";
import type { Actor, PaymentLink } from "@/lib/domain/links/types";
import { toPaymentLink } from "./to-payment-link";

/** What an integrator attaches to a link and reads back. */
export interface IntegrationFields {
  /** The integrator's location of the link; null: the merchant itself. */
  locationId: string | null;
  /** The integrator's own id for the link, unique per merchant, usable in place of the id. */
  externalReference: string | null;
  /** The integrator's contact (customer record) the link is for. */
  contactId: string | null;
  /** The integrator's card and bank (ACH) processing products the link is meant for. */
  cardProductId: string | null;
  bankProductId: string | null;
  /** Checkout options: show the receipt details after payment, show the billing fields. */
  showReceiptDetails: boolean;
  showBillingFields: boolean;
}

export const INTEGRATION_FIELD_NAMES = [
  "locationId",
  "externalReference",
  "contactId",
  "cardProductId",
  "bankProductId",
  "showReceiptDetails",
  "showBillingFields",
] as const satisfies readonly (keyof IntegrationFields)[];

export interface LinkRecord {
  link: PaymentLink;
  fields: IntegrationFields;
  /** Not deactivated (a deactivated link cannot be paid until it is reactivated). */
  active: boolean;
  /** Every use is paid with money that arrived: PAID, and no payment still pending. */
  paidInFull: boolean;
  /** The last dashboard user or API key that changed the link (its creator when none did). */
  lastEditedBy: Actor;
  deletedAt: Date | null;
}

/** What a record is read with: the row and how many of its payments are still pending. */
export const LINK_RECORD_INCLUDE = {
  _count: { select: { payments: { where: { status: "PENDING" } } } },
} as const satisfies Prisma.PaymentLinkInclude;

type RecordRow = PaymentLinkRow & { _count: { payments: number } };

export function fieldsOf(row: PaymentLinkRow): IntegrationFields {
  return Object.fromEntries(INTEGRATION_FIELD_NAMES.map((name) => [name, row[name]])) as unknown as IntegrationFields;
}

/** Rows (read with LINK_RECORD_INCLUDE) as records, in the same order; one query for the editors. */
export async function toLinkRecords(db: Prisma.TransactionClient, rows: RecordRow[], now: Date = new Date()): Promise<LinkRecord[]> {
  const editors = await lastEditors(db, rows.map((row) => row.id));
  return rows.map(({ _count, ...row }) => ({
    link: toPaymentLink(row, now),
    fields: fieldsOf(row),
    active: row.deactivatedAt === null,
    paidInFull: row.status === "PAID" && _count.payments === 0,
    lastEditedBy: editors.get(row.id) ?? row.createdBy,
    deletedAt: row.deletedAt,
  }));
}

/** The latest actor that is a dashboard user or an API key, per link (customers and providers do not edit). */
async function lastEditors(db: Prisma.TransactionClient, linkIds: string[]): Promise<Map<string, Actor>> {
  if (linkIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ link_id: string; actor: string }[]>`
    SELECT DISTINCT ON (link_id) link_id::text AS link_id, actor
      FROM events
     WHERE link_id = ANY(${linkIds}::uuid[])
       AND (actor LIKE 'user:%' OR actor LIKE 'api:%')
     ORDER BY link_id, created_at DESC, id DESC`;
  return new Map(rows.map((row) => [row.link_id, row.actor]));
}

/** The links whose last editor (as lastEditedBy reads it) is one of these actors, among a merchant's. */
export async function linkIdsLastEditedBy(db: Prisma.TransactionClient, merchantId: string, actors: Actor[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT l.id::text AS id
      FROM payment_links l
      LEFT JOIN LATERAL (
        SELECT e.actor FROM events e
         WHERE e.link_id = l.id AND (e.actor LIKE 'user:%' OR e.actor LIKE 'api:%')
         ORDER BY e.created_at DESC, e.id DESC
         LIMIT 1) last ON true
     WHERE l.merchant_id = ${merchantId}::uuid
       AND COALESCE(last.actor, l.created_by) = ANY(${actors}::text[])`;
  return rows.map((row) => row.id);
}

const reference = (field: string, max: number) =>
  z.string({ error: `${field} must be a string` }).trim().min(1, `${field} cannot be empty`).max(max, `${field} must be at most ${max} characters`).nullable();

/** The stored shapes of the integration fields (a contract checks its own formats first). */
export const integrationFieldsSchema = z
  .object({
    locationId: reference("location_id", 36),
    externalReference: reference("external_reference", 64),
    contactId: reference("contact_id", 64),
    cardProductId: reference("card_product_id", 36),
    bankProductId: reference("bank_product_id", 36),
    showReceiptDetails: z.boolean({ error: "show_receipt_details must be a boolean" }),
    showBillingFields: z.boolean({ error: "show_billing_fields must be a boolean" }),
  })
  .partial();
export type IntegrationFieldsInput = z.input<typeof integrationFieldsSchema>;

/** Checks that no other link of the merchant (deleted ones included) has this reference. */
export async function assertExternalReferenceFree(
  db: Prisma.TransactionClient,
  merchantId: string,
  reference: string | null | undefined,
  exceptLinkId?: string,
): Promise<void> {
  if (!reference) return;
  const taken = await db.paymentLink.findFirst({
    where: { merchantId, externalReference: reference, ...(exceptLinkId ? { id: { not: exceptLinkId } } : {}) },
    select: { id: true },
  });
  if (taken) throw externalReferenceTaken();
}

export const externalReferenceTaken = () =>
  validationError("external_reference", "external_reference is already used by another link of this merchant (deleted links keep theirs)");

/** What a delivery method needs: an email address for 1 and 3, a phone number for 2 and 3. */
export function deliveryIssues(method: DeliveryMethod, email: string | null, phone: string | null): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if ((method === 1 || method === 3) && !email) issues.push({ field: "customer_email", message: `customer_email is required when delivery_method is ${method}` });
  if ((method === 2 || method === 3) && !phone) issues.push({ field: "customer_phone", message: `customer_phone is required when delivery_method is ${method}` });
  return issues;
}
