/**
 * The Zeamster Paylinks wire format (contracts/zeamster-paylinks.txt), in zod: the request
 * bodies and queries are validated with these schemas (every bad field reported at once, under
 * its own name), the answers are typed by them, and the OpenAPI document is generated from them.
 */
import { z } from "zod";

// ---- building blocks -------------------------------------------------------------------------

/**
 * An object whose known fields are checked one by one; `ignored` fields are accepted and
 * dropped (what a GET answers, so that a client may PUT back what it read); any other field is
 * an issue of its own, so that every unknown field is named.
 */
function fieldsObject<S extends z.ZodRawShape>(shape: S, { ignored = [] as readonly string[], error }: { ignored?: readonly string[]; error: string }) {
  const known = new Set([...Object.keys(shape), ...ignored]);
  return z.looseObject(shape, { error }).check(
    z.superRefine(
      (value, ctx) => {
        if (typeof value !== "object" || value === null) return;
        for (const key of Object.keys(value)) {
          if (!known.has(key)) ctx.addIssue({ code: "custom", path: [key], message: `${key} is not a field of this request`, input: value });
        }
      },
      { when: () => true },
    ),
  );
}

/** The one check of a field, with the message that names it. */
const checked = <T extends z.ZodType>(schema: T, ok: (value: z.output<T>) => boolean, message: string) =>
  schema.check(
    z.superRefine((value, ctx) => {
      if (!ok(value as z.output<T>)) ctx.addIssue({ code: "custom", message, input: value });
    }),
  );

const lengthBetween = (field: string, min: number, max: number) =>
  checked(z.string({ error: `${field} must be a string of ${min} to ${max} characters` }), (v) => v.length >= min && v.length <= max, `${field} must be ${min} to ${max} characters long`);

/** ids of the integrator's other records: strings of 24 to 36 characters, as the document says. */
const recordId = (field: string, description: string) => lengthBetween(field, 24, 36).nullable().optional().meta({ description });

export const DECIMAL_10_2 = /^\d{1,8}(\.\d{1,2})?$/;

/** decimal(10,2) as a JSON number or a string, kept as the exact decimal text. */
export const amountDue = z
  .union([z.number(), z.string()], { error: "amount_due must be a decimal number such as 10.50 (a JSON number or a string)" })
  .transform((value) => (typeof value === "number" ? String(value) : value.trim()))
  .check(
    z.superRefine((text, ctx) => {
      if (!DECIMAL_10_2.test(text)) {
        ctx.addIssue({ code: "custom", input: text, message: `amount_due must be a decimal(10,2): at most 8 digits, then at most 2 decimals (e.g. 99999999.99); got "${text}"` });
      } else if (!/[1-9]/.test(text)) {
        ctx.addIssue({ code: "custom", input: text, message: "amount_due must be greater than 0" });
      }
    }),
  )
  .meta({ description: "decimal(10,2), as a JSON number or a string: 5000, 10.5, \"99999999.99\"", examples: [99999999.99, "5000.00"] });

const calendarDate = (text: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text) ? date : null;
};

const todayUtc = () => new Date().toISOString().slice(0, 10);

const expireDate = (mustBeFuture: boolean) =>
  z
    .string({ error: "expire_date must be a date written YYYY-MM-DD" })
    .check(
      z.superRefine((text, ctx) => {
        if (!calendarDate(text)) ctx.addIssue({ code: "custom", input: text, message: `expire_date must be a date written YYYY-MM-DD; got "${text}"` });
        else if (mustBeFuture && text < todayUtc()) ctx.addIssue({ code: "custom", input: text, message: "expire_date cannot be in the past" });
      }),
    )
    .nullable()
    .optional()
    .meta({
      description:
        "YYYY-MM-DD: the last day the paylink can be paid (it expires at the end of that day, UTC). null: it never expires. " +
        (mustBeFuture ? "Cannot be in the past." : "A new date cannot be in the past; the stored one may be sent back unchanged."),
      example: "2027-04-10",
    });

/** 0 or 1 (the document's booleans); true/false and "0"/"1" are read too. */
const flag = (field: string, description: string) =>
  z
    .union([z.literal(0), z.literal(1), z.boolean(), z.literal("0"), z.literal("1")], { error: `${field} must be 0 or 1` })
    .transform((value) => value === 1 || value === true || value === "1")
    .optional()
    .meta({ description });

const deliveryMethod = z
  .union([0, 1, 2, 3, "0", "1", "2", "3"].map((m) => z.literal(m)), { error: "delivery_method must be 0 (none), 1 (email), 2 (SMS) or 3 (both)" })
  .transform((value) => Number(value) as 0 | 1 | 2 | 3)
  .optional()
  .meta({
    description:
      "0 none, 1 email, 2 SMS, 3 both. 1 and 3 need `email`, 2 and 3 need `cell_phone`. When a create leaves it out, it follows the recipients given " +
      "(email only: 1, cell_phone only: 2, both: 3, neither: 0), as the document says the paylink is sent when those fields are filled.",
  });

const email = checked(z.email({ error: "email must be an email address" }), (v) => v.length >= 5 && v.length <= 128, "email must be 5 to 128 characters long")
  .nullable()
  .optional()
  .meta({ description: "The recipient of the paylink email (5 to 128 characters)" });

const cellPhone = checked(
  z.string({ error: "cell_phone must be a string of digits" }),
  (v) => /^\d{6,10}$/.test(v),
  "cell_phone must be 6 to 10 digits (a national number, e.g. 670000001 in Cameroon)",
)
  .nullable()
  .optional()
  .meta({
    description:
      "The recipient of the paylink SMS: 6 to 10 digits, a national number (Cameroon: 9 digits such as 670000001). The document allows 1 to 10 characters; fewer than 6 digits cannot receive an SMS.",
  });

const description = z
  .string({ error: "description must be a string" })
  .max(500, "description must be at most 500 characters")
  .nullable()
  .optional()
  .meta({ description: "Shown to the customer on the pay page (at most 500 characters)" });

const currency = z
  .string({ error: "currency must be a 3-letter ISO 4217 code such as XAF" })
  .regex(/^[A-Za-z]{3}$/, "currency must be a 3-letter ISO 4217 code such as XAF")
  .transform((value) => value.toUpperCase())
  .optional()
  .meta({
    description:
      "Not in the Zeamster document (an extension of this product): the ISO 4217 currency of amount_due. Default: the merchant's default currency " +
      "(Settings; XAF unless changed). A currency with more than 2 decimals cannot be used (amount_due is decimal(10,2)).",
    example: "XAF",
  });

/** What a GET answers and a create or update ignores (read-only fields and expanded records). */
export const READ_ONLY_FIELDS = [
  "id",
  "status_id",
  "created_ts",
  "modified_ts",
  "created_user_id",
  "modified_user_id",
  "_links",
  "contact",
  "created_user",
  "payment_url",
  "location",
  "tags",
  "email_blacklist",
  "sms_blacklist",
] as const;

const writableFields = (mustBeFuture: boolean) => ({
  location_id: recordId("location_id", "Location the paylink belongs to (24 to 36 characters). Default: the merchant's id (the merchant is its one location)."),
  cc_product_transaction_id: recordId(
    "cc_product_transaction_id",
    "Card product transaction the paylink is for (24 to 36 characters): stored and answered as given. Mobile money is the only way to pay here; there is no default product (null).",
  ),
  ach_product_transaction_id: recordId("ach_product_transaction_id", "ACH product transaction the paylink is for (24 to 36 characters): stored and answered as given; null by default."),
  email,
  cell_phone: cellPhone,
  contact_id: recordId("contact_id", "The contact the paylink is for (24 to 36 characters)"),
  contact_api_id: lengthBetween("contact_api_id", 1, 64)
    .nullable()
    .optional()
    .meta({ description: "1 to 64 characters. There is no contact book here: the value is stored as the paylink's contact and answered as `contact_id`. `contact_id` wins when both are sent." }),
  paylink_api_id: checked(z.string({ error: "paylink_api_id must be a string of at most 64 characters" }), (v) => v.length <= 64, "paylink_api_id must be at most 64 characters long")
    .nullable()
    .optional()
    .meta({
      description:
        "Your own id for the paylink (at most 64 characters; an empty string is null), usable in place of `id` in every path. Unique per merchant " +
        "(stricter than the document's per location, so that a path names one paylink); a deleted paylink keeps its paylink_api_id.",
    }),
  description,
  expire_date: expireDate(mustBeFuture),
  delivery_method: deliveryMethod,
  active: flag("active", "1: the paylink can be paid; 0: deactivated, it cannot be paid until set back to 1. Default 1."),
  display_product_transaction_receipt_details: flag("display_product_transaction_receipt_details", "Show the receipt details after a successful payment (stored; default 1)"),
  display_billing_fields: flag("display_billing_fields", "Show the billing field inputs in the paylink form (stored; default 1)"),
  currency,
});

const PAYLINK_OBJECT = 'paylink must be an object: send {"paylink": {...}}';

/** delivery_method 1 and 3 need an email, 2 and 3 a cell_phone (checked with the other fields, so that all are named at once). */
const recipientsFor = z.superRefine(
  (value: Record<string, unknown>, ctx) => {
    if (typeof value !== "object" || value === null) return;
    const method = value.delivery_method;
    if (typeof method !== "number") return;
    const missing = (key: string) => value[key] === undefined || value[key] === null;
    if ((method === 1 || method === 3) && missing("email")) {
      ctx.addIssue({ code: "custom", path: ["email"], input: value, message: `email is required when delivery_method is ${method}` });
    }
    if ((method === 2 || method === 3) && missing("cell_phone")) {
      ctx.addIssue({ code: "custom", path: ["cell_phone"], input: value, message: `cell_phone is required when delivery_method is ${method}` });
    }
  },
  { when: () => true },
);

export const createPaylinkFields = fieldsObject(
  { amount_due: amountDue, ...writableFields(true) },
  { ignored: READ_ONLY_FIELDS, error: PAYLINK_OBJECT },
)
  .check(recipientsFor)
  .meta({ id: "ZeamsterPaylinkCreate" });

export const updatePaylinkFields = fieldsObject(
  { amount_due: amountDue.optional(), ...writableFields(false) },
  { ignored: READ_ONLY_FIELDS, error: PAYLINK_OBJECT },
).meta({ id: "ZeamsterPaylinkUpdate" });

export const createPaylinkRequest = fieldsObject({ paylink: createPaylinkFields }, { error: PAYLINK_OBJECT }).meta({ id: "ZeamsterCreatePaylinkRequest" });
export const updatePaylinkRequest = fieldsObject({ paylink: updatePaylinkFields }, { error: PAYLINK_OBJECT }).meta({ id: "ZeamsterUpdatePaylinkRequest" });
export type CreatePaylinkFields = z.output<typeof createPaylinkFields>;
export type UpdatePaylinkFields = z.output<typeof updatePaylinkFields>;

// ---- queries ---------------------------------------------------------------------------------

export const EXPANDS = ["contact", "created_user", "payment_url", "location", "tags", "email_blacklist", "sms_blacklist"] as const;
export type Expand = (typeof EXPANDS)[number];

const expand = z
  .string({ error: "expand must be a comma-separated list" })
  .transform((value) => value.split(",").map((name) => name.trim()).filter(Boolean))
  .check(
    z.superRefine((names, ctx) => {
      const unknown = names.filter((name) => !(EXPANDS as readonly string[]).includes(name));
      if (unknown.length) ctx.addIssue({ code: "custom", input: names, message: `expand cannot include ${unknown.join(", ")}: use ${EXPANDS.join(", ")}` });
    }),
  )
  .transform((names) => [...new Set(names)] as Expand[])
  .optional()
  .meta({ description: `Related records to add to each paylink, comma-separated: ${EXPANDS.join(", ")}`, example: "created_user,contact,payment_url" });

export const paylinkQuery = fieldsObject({ expand }, { error: "the query must be key=value pairs" });

/** The list's sort: `sort=created_ts` (ascending), `sort=-created_ts` (descending), several comma-separated. */
export const SORTABLE = [
  "id",
  "created_ts",
  "modified_ts",
  "amount_due",
  "expire_date",
  "email",
  "cell_phone",
  "description",
  "delivery_method",
  "paylink_api_id",
  "location_id",
] as const;
export type SortableField = (typeof SORTABLE)[number];

const sort = z
  .string({ error: "sort must be a field name, - before it for descending order" })
  .transform((value) =>
    value
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => ({ field: part.replace(/^[-+]/, ""), direction: part.startsWith("-") ? ("desc" as const) : ("asc" as const) })),
  )
  .check(
    z.superRefine((parts, ctx) => {
      const unknown = parts.filter((part) => !(SORTABLE as readonly string[]).includes(part.field)).map((part) => part.field);
      if (unknown.length) ctx.addIssue({ code: "custom", input: parts, message: `sort cannot use ${unknown.join(", ")}: sort by ${SORTABLE.join(", ")}` });
    }),
  )
  .transform((parts) => parts as { field: SortableField; direction: "asc" | "desc" }[])
  .optional()
  .meta({ description: `A field to sort by, \`-\` before it for newest/largest first; several comma-separated. Default: -created_ts. Fields: ${SORTABLE.join(", ")}`, example: "-created_ts" });

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

const positiveInt = (field: string, description: string) =>
  z
    .string()
    .check(
      z.superRefine((text, ctx) => {
        if (!/^\d{1,9}$/.test(text) || Number(text) < 1) ctx.addIssue({ code: "custom", input: text, message: `${field} must be an integer of at least 1` });
      }),
    )
    .transform(Number)
    .optional()
    .meta({ description });

/** A filter value: an empty one is no filter. */
const text = (description: string) =>
  z
    .string()
    .transform((value) => (value === "" ? undefined : value))
    .optional()
    .meta({ description });

const choice = <const T extends readonly string[]>(field: string, values: T, description: string) =>
  z
    .enum(["", ...values], { error: `${field} must be ${values.join(" or ")}` })
    .transform((value) => (value === "" ? undefined : (value as T[number])))
    .optional()
    .meta({ description });

const matching = (field: string, pattern: RegExp, message: string, description: string) =>
  z
    .string()
    .check(
      z.superRefine((value, ctx) => {
        if (value !== "" && !pattern.test(value)) ctx.addIssue({ code: "custom", input: value, message: `${field} ${message}` });
      }),
    )
    .transform((value) => (value === "" ? undefined : value))
    .optional()
    .meta({ description });

export const paylinksQuery = fieldsObject(
  {
    id: text("Filter: this id"),
    cc_product_transaction_id: text("Filter: exact match"),
    ach_product_transaction_id: text("Filter: exact match"),
    location_id: text("Filter: exact match (the merchant's id also matches paylinks created without one)"),
    paylink_api_id: text("Filter: exact match"),
    contact_id: text("Filter: exact match"),
    contact_api_id: text("Filter: the same as contact_id (a contact_api_id is stored as the contact)"),
    amount_due: matching("amount_due", /^\d+(\.\d+)?$/, "must be a decimal such as 10.50", "Filter: this amount, in each paylink's currency"),
    cell_phone: text("Filter: exact match"),
    email: text("Filter: exact match, without regard to case"),
    description: text("Filter: exact match"),
    expire_date: z
      .string()
      .check(
        z.superRefine((value, ctx) => {
          if (value !== "" && !calendarDate(value)) ctx.addIssue({ code: "custom", input: value, message: "expire_date must be a date written YYYY-MM-DD" });
        }),
      )
      .transform((value) => (value === "" ? undefined : value))
      .optional()
      .meta({ description: "Filter: this expire_date" }),
    status_id: choice("status_id", ["0", "1"], "Filter: 0 unpaid, 1 paid"),
    display_product_transaction_receipt_details: choice("display_product_transaction_receipt_details", ["0", "1"], "Filter: 0 or 1"),
    display_billing_fields: choice("display_billing_fields", ["0", "1"], "Filter: 0 or 1"),
    delivery_method: choice("delivery_method", ["0", "1", "2", "3"], "Filter: 0, 1, 2 or 3"),
    active: choice("active", ["0", "1"], "Filter: 0 or 1"),
    created_ts: matching("created_ts", /^\d{1,12}$/, "must be a unix timestamp in seconds", "Filter: created in this second (unix seconds)"),
    modified_ts: matching("modified_ts", /^\d{1,12}$/, "must be a unix timestamp in seconds", "Filter: last modified in this second (unix seconds)"),
    created_user_id: text("Filter: created by this user (an API key id, the `user-id` header, or a dashboard user id)"),
    modified_user_id: text("Filter: last modified by this user"),
    currency: matching("currency", /^[A-Za-z]{3}$/, "must be a 3-letter ISO 4217 code", "Filter (extension): this currency"),
    page: positiveInt("page", "Page number, from 1 (default 1). A page past the last answers an empty list."),
    page_size: positiveInt("page_size", `Paylinks per page (default ${DEFAULT_PAGE_SIZE}; more than ${MAX_PAGE_SIZE} is read as ${MAX_PAGE_SIZE})`),
    sort,
    expand,
  },
  { error: "the query must be key=value pairs" },
);
export type PaylinksQuery = z.output<typeof paylinksQuery>;

// ---- answers ---------------------------------------------------------------------------------

/** Every error: `errors` names each bad field with its messages. */
export const zeamsterErrorSchema = z
  .object({ type: z.literal("Error"), status: z.int(), message: z.string(), errors: z.record(z.string(), z.array(z.string())).optional() })
  .meta({ id: "ZeamsterError" });

const href = z.object({ href: z.url() });
const zeroOne = z.union([z.literal(0), z.literal(1)]);
const unixSeconds = z.int().meta({ description: "Unix timestamp, seconds" });

export const contactSchema = z
  .object({
    id: z.string(),
    location_id: z.string(),
    contact_api_id: z.string().nullable(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    cell_phone: z.string().nullable(),
  })
  .meta({ id: "ZeamsterContact", description: "There is no contact book here: the paylink's contact_id with the paylink's email and cell_phone; names are null" });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    first_name: z.string().nullable(),
    last_name: z.string().nullable(),
    email: z.string().nullable(),
    primary_location_id: z.string(),
    api_only: z.boolean(),
    created_ts: unixSeconds,
  })
  .meta({
    id: "ZeamsterUser",
    description:
      "Who created the paylink: an API key (id = the key id, the `user-id` header; username = the key's name; api_only true) or a dashboard user (id, email, name; api_only false)",
  });

export const locationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    location_api_id: z.null(),
    created_ts: unixSeconds,
    modified_ts: unixSeconds,
  })
  .meta({ id: "ZeamsterLocation", description: "The merchant is its one location: the paylink's location_id with the merchant's business name" });

export const paylinkSchema = z
  .object({
    id: z.string().meta({ description: "The paylink's id: a UUID (36 characters, within the document's 24 to 36). /paylink?id={id} opens its pay page." }),
    cc_product_transaction_id: z.string().nullable(),
    ach_product_transaction_id: z.string().nullable(),
    location_id: z.string(),
    paylink_api_id: z.string().nullable(),
    contact_id: z.string().nullable(),
    amount_due: z.string().meta({ description: "decimal(10,2) as a string, exact: \"5000.00\" (XAF), \"10.50\" (EUR)" }),
    currency: z.string().meta({ description: "Extension: the ISO 4217 currency of amount_due" }),
    cell_phone: z.string().nullable(),
    email: z.string().nullable(),
    description: z.string().nullable(),
    expire_date: z.string().nullable().meta({ description: "YYYY-MM-DD, the last day it can be paid (UTC); null: no expiry" }),
    status_id: zeroOne.meta({ description: "0 unpaid, 1 paid: the money arrived (a payment still pending is not paid)" }),
    display_product_transaction_receipt_details: zeroOne,
    display_billing_fields: zeroOne,
    delivery_method: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    active: zeroOne,
    created_ts: unixSeconds,
    modified_ts: unixSeconds,
    created_user_id: z.string().meta({ description: "Who created it: an API key id (what `user-id` carries), a dashboard user id, or system:<name> for demo data" }),
    modified_user_id: z.string().meta({ description: "The last API key or dashboard user that changed it (the creator until someone does)" }),
    _links: z.object({ self: href }),
    contact: contactSchema.nullable().optional().meta({ description: "expand=contact: null when the paylink has no contact" }),
    created_user: userSchema.nullable().optional().meta({ description: "expand=created_user: null when it was not created by an API key or a dashboard user" }),
    payment_url: z.url().optional().meta({ description: "expand=payment_url: {public base URL}/paylink?id={id}, which opens the pay page" }),
    location: locationSchema.optional().meta({ description: "expand=location" }),
    tags: z.array(z.string()).optional().meta({ description: "expand=tags: always [] (there are no tags here)" }),
    email_blacklist: z.null().optional().meta({ description: "expand=email_blacklist: always null (no address is blacklisted here)" }),
    sms_blacklist: z.null().optional().meta({ description: "expand=sms_blacklist: always null (no number is blacklisted here)" }),
  })
  .meta({ id: "ZeamsterPaylink" });
export type PaylinkJson = z.output<typeof paylinkSchema>;

export const paylinkResponse = z.object({ paylink: paylinkSchema }).meta({ id: "ZeamsterPaylinkResponse" });

export const paylinksResponse = z
  .object({
    paylinks: z.array(paylinkSchema),
    meta: z.object({
      pagination: z.object({
        links: z.object({ self: href, first: href.optional(), prev: href.optional(), next: href.optional(), last: href.optional() }),
        totalCount: z.int(),
        pageCount: z.int(),
        currentPage: z.int().meta({ description: "Zero-based, as the document's example shows: page=1 is currentPage 0" }),
        perPage: z.int(),
      }),
      sort: z.object({ attributes: z.record(z.string(), z.enum(["asc", "desc"])) }),
    }),
  })
  .meta({ id: "ZeamsterPaylinkList" });
export type PaylinksJson = z.output<typeof paylinksResponse>;
