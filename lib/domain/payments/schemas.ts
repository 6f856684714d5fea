/**
 * Filters of the dashboard's payment list and of its CSV export: one schema, so that the export
 * holds exactly the rows the list shows. Dates are a Date or an ISO 8601 string (query strings).
 */
import { z } from "zod";
import { PAYMENT_STATUSES, PROVIDERS } from "@/lib/domain/links/enums";

const isoDate = (field: string) => {
  const message = `${field} must be a valid ISO 8601 date`;
  return z
    .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true })], { error: message })
    .transform((value) => (value instanceof Date ? value : new Date(value)))
    .refine((date) => !Number.isNaN(date.getTime()), { error: message });
};

export const paymentFiltersSchema = z
  .object({
    status: z.enum(PAYMENT_STATUSES, { error: `status must be one of ${PAYMENT_STATUSES.join(", ")}` }).optional(),
    provider: z.enum(PROVIDERS, { error: `provider must be one of ${PROVIDERS.join(", ")}` }).optional(),
    linkId: z.uuid({ error: "link_id must be a UUID" }).optional(),
    /** Created at or after (inclusive). */
    from: isoDate("from").optional(),
    /** Created at or before (inclusive). */
    to: isoDate("to").optional(),
  })
  .refine((filters) => !filters.from || !filters.to || filters.from.getTime() <= filters.to.getTime(), {
    error: "to must not be before from",
    path: ["to"],
  });
export type PaymentFilters = z.input<typeof paymentFiltersSchema>;

export const listPaymentsInputSchema = paymentFiltersSchema.safeExtend({
  page: z.int({ error: "page must be a positive integer" }).min(1, "page must be a positive integer").default(1),
  limit: z
    .int({ error: "limit must be an integer between 1 and 200" })
    .min(1, "limit must be an integer between 1 and 200")
    .max(200, "limit must be an integer between 1 and 200")
    .default(20),
});
export type ListPaymentsInput = z.input<typeof listPaymentsInputSchema>;
