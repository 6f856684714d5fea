/** The routes the mobile-money providers call back; the provider only needs the status code. */
import { z } from "zod";
import { providerCallbacks } from "@/lib/contracts/internal/contracts";

const paymentQuery = z.object({
  payment: z.string().default("").meta({ description: "Our payment id (a UUID), put in the callback URL at initiation" }),
});
const callbackReceived = z.object({ received: z.literal(true), outcome: z.enum(["settled", "pending", "unreachable"]) });
const anyJson = { schema: z.record(z.string(), z.unknown()), optional: true };

const mtnCallback = (method: "POST" | "PUT") =>
  providerCallbacks.operation({
    method,
    path: "/api/providers/mtn/callback",
    operationId: `mtnCallback${method === "POST" ? "Post" : "Put"}`,
    summary: "MTN MoMo request-to-pay callback",
    description: "Unsigned, so its body is only a hint: the status is fetched back from MTN before anything is recorded. Replays change nothing.",
    auth: "public",
    query: paymentQuery,
    body: anyJson,
    responses: { 200: { description: "Received", schema: callbackReceived } },
    errors: { 400: "Malformed body", 404: "Unknown payment" },
  });

export const mtnCallbackPost = mtnCallback("POST");
export const mtnCallbackPut = mtnCallback("PUT");

export const orangeNotification = providerCallbacks.operation({
  method: "POST",
  path: "/api/providers/orange/notification",
  operationId: "orangeNotification",
  summary: "Orange Money web-payment notification",
  description: "Accepted only with the notif_token returned at initiation; the status is then confirmed with Orange's transactionstatus.",
  auth: "public",
  query: paymentQuery,
  body: anyJson,
  responses: { 200: { description: "Received", schema: callbackReceived } },
  errors: { 400: "Malformed body", 401: "notif_token does not match", 404: "Unknown payment" },
});
