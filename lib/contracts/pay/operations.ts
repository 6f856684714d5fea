/** What the hosted pay page's browser code calls. */
import { z } from "zod";
import { payPageApi } from "@/lib/contracts/internal/contracts";
import { PAYMENT_STATUSES } from "@/lib/domain/links/enums";

export const getPayPagePaymentStatus = payPageApi.operation({
  method: "GET",
  path: "/api/pay/payments/{id}",
  operationId: "payPagePaymentStatus",
  summary: "Status of a payment the customer started",
  description: "Polled while the customer approves on the phone. Payment ids are random UUIDs; nothing else is exposed.",
  auth: "public",
  paramDocs: { id: "The payment UUID" },
  responses: {
    200: {
      description: "The status",
      schema: z.object({ id: z.uuid(), status: z.enum(PAYMENT_STATUSES), failure_reason: z.string().nullable() }),
    },
  },
  errors: { 400: "The id is not a valid path segment", 404: "Unknown payment" },
});
