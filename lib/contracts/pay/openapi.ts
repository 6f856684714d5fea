import { z } from "zod";
import type { ApiSurface } from "@/lib/openapi/types";

const TAG = "Pay page";

export const payPageSurface: ApiSurface = {
  tag: { name: TAG, description: "What the hosted pay page (/pay/{slug}) calls from the customer's browser." },
  securitySchemes: {},
  operations: [
    {
      method: "get",
      path: "/api/pay/payments/{id}",
      operationId: "payPagePaymentStatus",
      summary: "Status of a payment the customer started",
      description: "Polled while the customer approves on the phone. Payment ids are random UUIDs; nothing else is exposed.",
      tag: TAG,
      security: null,
      pathParams: [{ name: "id", description: "The payment UUID" }],
      responses: {
        200: {
          description: "The status",
          schema: z.object({ id: z.uuid(), status: z.enum(["PENDING", "SUCCESSFUL", "FAILED"]), failure_reason: z.string().nullable() }),
        },
        404: { description: "Unknown payment", schema: z.object({ error: z.string() }) },
      },
    },
  ],
};
