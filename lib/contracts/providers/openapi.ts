import { z } from "zod";
import type { ApiOperation, ApiSurface } from "@/lib/openapi/types";

const TAG = "Provider callbacks";
const paymentQuery = z.object({ payment: z.uuid().meta({ description: "Our payment id, put in the callback URL at initiation" }) });
const received = z.object({ received: z.literal(true), outcome: z.enum(["settled", "pending", "unreachable"]) });
const error = z.object({ error: z.string() });

const mtnCallback = (method: "post" | "put"): ApiOperation => ({
  method,
  path: "/api/providers/mtn/callback",
  operationId: `mtnCallback${method === "post" ? "Post" : "Put"}`,
  summary: "MTN MoMo request-to-pay callback",
  description: "Unsigned, so its body is only a hint: the status is fetched back from MTN before anything is recorded. Replays change nothing.",
  tag: TAG,
  security: null,
  query: paymentQuery,
  responses: { 200: { description: "Received", schema: received }, 404: { description: "Unknown payment", schema: error } },
});

export const providerCallbacksSurface: ApiSurface = {
  tag: { name: TAG, description: "Called by the mobile-money providers, not by integrators." },
  securitySchemes: {},
  operations: [
    mtnCallback("post"),
    mtnCallback("put"),
    {
      method: "post",
      path: "/api/providers/orange/notification",
      operationId: "orangeNotification",
      summary: "Orange Money web-payment notification",
      description: "Accepted only with the notif_token returned at initiation; the status is then confirmed with Orange's transactionstatus.",
      tag: TAG,
      security: null,
      query: paymentQuery,
      body: z.object({ status: z.string(), notif_token: z.string(), txnid: z.string().optional() }),
      responses: {
        200: { description: "Received", schema: received },
        401: { description: "notif_token does not match", schema: error },
        404: { description: "Unknown payment", schema: error },
      },
    },
  ],
};
