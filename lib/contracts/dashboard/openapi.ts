import { z } from "zod";
import type { ApiSurface } from "@/lib/openapi/types";

const TAG = "Dashboard";

const link = z.object({
  id: z.uuid(),
  slug: z.string(),
  shortCode: z.string(),
  amountMinor: z.int().meta({ description: "Integer minor units of the currency" }),
  currency: z.string(),
  description: z.string().nullable(),
  status: z.enum(["ACTIVE", "PAID", "EXPIRED", "CANCELLED"]),
  expiresAt: z.string().nullable(),
  maxUses: z.int(),
  currentUses: z.int(),
  mode: z.enum(["SANDBOX", "LIVE"]),
  merchantReference: z.string().nullable(),
  createdAt: z.string(),
});

export const dashboardSurface: ApiSurface = {
  tag: {
    name: TAG,
    description: "The merchant dashboard's own JSON routes. They need a dashboard session (cookie); without one they answer 401.",
  },
  securitySchemes: {
    dashboardSession: { type: "apiKey", in: "header", name: "Cookie", description: "The dashboard's session cookie (sign in at /signin)" },
  },
  operations: [
    {
      method: "get",
      path: "/api/dashboard/links",
      operationId: "dashboardListLinks",
      summary: "The signed-in merchant's links",
      tag: TAG,
      security: "dashboardSession",
      query: z.object({
        status: z.enum(["ACTIVE", "PAID", "EXPIRED", "CANCELLED"]).optional(),
        q: z.string().optional().meta({ description: "Search in description, references and slug" }),
        sort: z.enum(["created_at", "amount"]).optional(),
        order: z.enum(["asc", "desc"]).optional(),
        page: z.string().optional(),
        limit: z.string().optional().meta({ description: "1-200, default 20" }),
        from: z.string().optional().meta({ description: "Created on or after (YYYY-MM-DD)" }),
        to: z.string().optional().meta({ description: "Created on or before (YYYY-MM-DD)" }),
      }),
      responses: {
        200: { description: "A page of links", schema: z.object({ items: z.array(link), page: z.int(), limit: z.int(), total: z.int(), totalPages: z.int() }) },
        400: { description: "A filter is invalid", schema: z.object({ error: z.string(), field: z.string().optional() }) },
        401: { description: "No dashboard session", schema: z.object({ error: z.string() }) },
      },
    },
    {
      method: "get",
      path: "/api/dashboard/payments.csv",
      operationId: "dashboardExportPayments",
      summary: "The signed-in merchant's payments as CSV",
      description:
        "Same filters as the Payments page. Amounts are exact decimals in major units; text that a spreadsheet would run as a formula is prefixed with a quote.",
      tag: TAG,
      security: "dashboardSession",
      query: z.object({
        status: z.enum(["PENDING", "SUCCESSFUL", "FAILED"]).optional(),
        provider: z.enum(["MTN_CAM", "ORANGE_CAM"]).optional(),
        from: z.string().optional().meta({ description: "Created on or after (YYYY-MM-DD)" }),
        to: z.string().optional().meta({ description: "Created on or before (YYYY-MM-DD)" }),
      }),
      responses: {
        200: { description: "text/csv, one row per payment" },
        400: { description: "A filter is invalid", schema: z.object({ error: z.string(), field: z.string().optional() }) },
        401: { description: "No dashboard session", schema: z.object({ error: z.string() }) },
      },
    },
  ],
};
