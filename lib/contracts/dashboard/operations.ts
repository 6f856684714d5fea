/** The dashboard's JSON routes, declared once (read by its react-query islands). */
import { z } from "zod";
import { dashboardApi } from "@/lib/contracts/internal/contracts";
import { LINK_STATUSES, PAYMENT_STATUSES, PROVIDERS } from "@/lib/domain/links/enums";

const link = z.object({
  id: z.uuid(),
  slug: z.string(),
  shortCode: z.string(),
  amountMinor: z.int().meta({ description: "Integer minor units of the currency" }),
  currency: z.string(),
  description: z.string().nullable(),
  status: z.enum(LINK_STATUSES),
  expiresAt: z.string().nullable(),
  maxUses: z.int(),
  currentUses: z.int(),
  pendingUses: z.int().meta({ description: "Of currentUses, those held by pending payments: with status PAID the link is awaiting payment, not paid" }),
  mode: z.enum(["SANDBOX", "LIVE"]),
  merchantReference: z.string().nullable(),
  createdAt: z.string(),
});

const filter = (description?: string) => z.string().optional().meta(description ? { description } : {});

export const listDashboardLinks = dashboardApi.operation({
  method: "GET",
  path: "/api/dashboard/links",
  operationId: "dashboardListLinks",
  summary: "The signed-in merchant's links",
  auth: "session",
  query: z.object({
    status: filter(`${LINK_STATUSES.join(", ")} or AWAITING_PAYMENT (PAID: paid in money only)`),
    q: filter("Search in description, references and slug"),
    sort: filter("created_at or amount"),
    order: filter("asc or desc"),
    after: filter("The page after this cursor (a page's `next`)"),
    before: filter("The page before this cursor (a page's `previous`)"),
    limit: filter("1-200, default 20"),
    from: filter("Created on or after (YYYY-MM-DD)"),
    to: filter("Created on or before (YYYY-MM-DD)"),
  }),
  responses: {
    200: {
      description: "A page of links, by cursor (every page as fast as the first)",
      schema: z.object({
        items: z.array(link),
        limit: z.int(),
        next: z.string().nullable().meta({ description: "Cursor of the next page, null on the last" }),
        previous: z.string().nullable().meta({ description: "Cursor of the previous page, null on the first" }),
        total: z
          .object({ count: z.int(), exact: z.boolean() })
          .meta({ description: "Links matching the filters: exactly `count`, or more than `count` (500) when `exact` is false" }),
      }),
    },
  },
  errors: { 400: "A filter is invalid", 401: "No dashboard session" },
});

export const exportDashboardPayments = dashboardApi.operation({
  method: "GET",
  path: "/api/dashboard/payments.csv",
  operationId: "dashboardExportPayments",
  summary: "The signed-in merchant's payments as CSV",
  description:
    "Same filters as the Payments page. Amounts are exact decimals in major units; text that a spreadsheet would run as a formula is prefixed with a quote.",
  auth: "session",
  query: z.object({
    status: filter(PAYMENT_STATUSES.join(", ")),
    provider: filter(PROVIDERS.join(", ")),
    from: filter("Created on or after (YYYY-MM-DD)"),
    to: filter("Created on or before (YYYY-MM-DD)"),
  }),
  responses: { 200: { description: "text/csv, one row per payment" } },
  errors: { 400: "A filter is invalid", 401: "No dashboard session" },
});
