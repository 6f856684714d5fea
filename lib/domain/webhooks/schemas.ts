/**
 * Input rules of webhook endpoints and of the deliveries list, shared by the services and the
 * dashboard's form (no server imports here). Errors name the field as the APIs spell it (url,
 * events, endpoint_id, ...). Where a URL may point (no private network, https in production) is
 * the services' check on top of this one (lib/services/webhooks/endpoint-url.ts).
 */
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./events";

/** Most endpoints one merchant may register. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

export const endpointUrlSchema = z
  .string({ error: "url must be a string" })
  .trim()
  .min(1, "url is required")
  .max(2000, "url must be at most 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "url must be an http(s) URL, such as https://example.com/webhooks" }));

export const endpointEventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `events must be among ${WEBHOOK_EVENT_TYPES.join(", ")}` }), {
    error: "events must be a list of event types",
  })
  .min(1, "Pick at least one event")
  .transform((events) => WEBHOOK_EVENT_TYPES.filter((type) => events.includes(type)));

export const createEndpointSchema = z.object({ url: endpointUrlSchema, events: endpointEventsSchema }).strict();
export type CreateEndpointInput = z.input<typeof createEndpointSchema>;

export const updateEndpointSchema = z.object({ events: endpointEventsSchema }).strict();
export type UpdateEndpointInput = z.input<typeof updateEndpointSchema>;

export const DELIVERY_STATUSES = ["PENDING", "SENDING", "SENT", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const listDeliveriesSchema = z
  .object({
    endpointId: z.uuid({ error: "endpoint_id must be an endpoint's id" }).optional(),
    status: z.enum(DELIVERY_STATUSES, { error: `status must be one of ${DELIVERY_STATUSES.join(", ")}` }).optional(),
    page: z.coerce.number({ error: "page must be a whole number of at least 1" }).int("page must be a whole number of at least 1").min(1, "page must be a whole number of at least 1").default(1),
    limit: z.coerce
      .number({ error: "limit must be a whole number between 1 and 100" })
      .int("limit must be a whole number between 1 and 100")
      .min(1, "limit must be a whole number between 1 and 100")
      .max(100, "limit must be a whole number between 1 and 100")
      .default(20),
  })
  .strict();
export type ListDeliveriesInput = z.input<typeof listDeliveriesSchema>;
