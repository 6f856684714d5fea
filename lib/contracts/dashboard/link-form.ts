/**
 * The dashboard's create-link form, validated with this one schema in the browser (errors
 * beside the fields before any request) and again on the server. Amounts are typed in major
 * units and converted to minor units exactly.
 */
import { z } from "zod";
import { DELIVERY_METHODS, LINK_TYPES, MAX_USES_LIMIT, MODES, PROVIDERS } from "@/lib/domain/links/enums";
import type { CreateLinkInput } from "@/lib/domain/links/schemas";
import { FEATURED_CURRENCIES, MoneyFormatError, isKnownCurrency, toMinorUnits } from "@/lib/money";

export const LINK_FORM_CURRENCIES = FEATURED_CURRENCIES;

const optionalText = (max: number, label: string) => z.string().trim().max(max, `${label} must be at most ${max} characters`);

export const linkFormSchema = z
  .object({
    amount: z.string().trim().min(1, "Enter an amount"),
    currency: z.string().refine(isKnownCurrency, "Choose a currency"),
    description: optionalText(500, "Description"),
    expiresAt: z
      .string()
      .refine((v) => v === "" || !Number.isNaN(Date.parse(v)), "Enter a valid date and time")
      .refine((v) => v === "" || Date.parse(v) > Date.now(), "The expiry must be in the future"),
    maxUses: z.coerce
      .number({ error: `Enter a whole number from 1 to ${MAX_USES_LIMIT}` })
      .int(`Enter a whole number from 1 to ${MAX_USES_LIMIT}`)
      .min(1, `Enter a whole number from 1 to ${MAX_USES_LIMIT}`)
      .max(MAX_USES_LIMIT, `Enter a whole number from 1 to ${MAX_USES_LIMIT}`),
    provider: z.enum(["", ...PROVIDERS]),
    type: z.enum(LINK_TYPES),
    mode: z.enum(MODES),
    reference: optionalText(100, "Order or invoice number"),
    customerEmail: z.union([z.literal(""), z.email("Enter a valid email address")]),
    customerPhone: z.union([z.literal(""), z.string().regex(/^\+?[0-9 ]{6,20}$/, "Enter a valid phone number")]),
    deliveryMethod: z.coerce.number().pipe(z.union(DELIVERY_METHODS.map((m) => z.literal(m)))),
    metadata: z
      .array(z.object({ key: z.string().trim(), value: z.string() }))
      .max(20, "At most 20 metadata entries")
      .refine((pairs) => pairs.every((p) => p.key !== "" || p.value === ""), "Every metadata value needs a key")
      .refine((pairs) => new Set(pairs.filter((p) => p.key).map((p) => p.key)).size === pairs.filter((p) => p.key).length, "Metadata keys must be unique"),
  })
  .superRefine((form, ctx) => {
    if (!isKnownCurrency(form.currency)) return;
    try {
      if (toMinorUnits(form.amount, form.currency) < 1) ctx.addIssue({ code: "custom", path: ["amount"], message: "The amount must be more than zero" });
    } catch (error) {
      const message = error instanceof MoneyFormatError ? error.message.replace(/^amount/, "The amount") : "Enter a valid amount";
      ctx.addIssue({ code: "custom", path: ["amount"], message });
    }
    if ((form.deliveryMethod === 1 || form.deliveryMethod === 3) && !form.customerEmail) {
      ctx.addIssue({ code: "custom", path: ["customerEmail"], message: "An email address is needed to send the link by email" });
    }
    if ((form.deliveryMethod === 2 || form.deliveryMethod === 3) && !form.customerPhone) {
      ctx.addIssue({ code: "custom", path: ["customerPhone"], message: "A phone number is needed to send the link by SMS" });
    }
  });

export type LinkFormValues = z.input<typeof linkFormSchema>;
export type LinkFormErrors = Partial<Record<keyof LinkFormValues | "form", string>>;

export function linkFormErrors(error: z.ZodError): LinkFormErrors {
  const errors: LinkFormErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as keyof LinkFormErrors;
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A valid form -> the domain's input. */
export function toCreateLinkInput(form: z.output<typeof linkFormSchema>): CreateLinkInput {
  return {
    amountMinor: toMinorUnits(form.amount, form.currency),
    currency: form.currency,
    description: form.description || null,
    expiresAt: form.expiresAt ? new Date(form.expiresAt) : null,
    maxUses: form.maxUses,
    provider: form.provider || null,
    type: form.type,
    mode: form.mode,
    merchantReference: form.reference || null,
    customerEmail: form.customerEmail || null,
    customerPhone: form.customerPhone || null,
    deliveryMethod: form.deliveryMethod,
    metadata: Object.fromEntries(form.metadata.filter((p) => p.key).map((p) => [p.key, p.value])),
  };
}

/** The domain names fields as the APIs do (snake_case); the form as its inputs. */
const FORM_FIELD: Record<string, keyof LinkFormErrors> = {
  amount_minor: "amount",
  currency: "currency",
  description: "description",
  expires_at: "expiresAt",
  max_uses: "maxUses",
  provider: "provider",
  type: "type",
  mode: "mode",
  merchant_reference: "reference",
  customer_email: "customerEmail",
  customer_phone: "customerPhone",
  delivery_method: "deliveryMethod",
  metadata: "metadata",
};

export function formFieldOf(domainField: string | undefined): keyof LinkFormErrors {
  return (domainField && FORM_FIELD[domainField]) || "form";
}
