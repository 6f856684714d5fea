import { z } from "zod";
import { metaApi } from "./contracts";

export const getOpenApiDocument = metaApi.operation({
  method: "GET",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This OpenAPI 3.1 document",
  auth: "public",
  responses: { 200: { description: "The document", schema: z.object({ openapi: z.string() }).loose() } },
});

export const healthSchema = z
  .object({
    status: z.enum(["ok", "unavailable"]).meta({ description: "ok when this instance can serve requests" }),
    database: z.enum(["up", "down"]).meta({ description: "Whether the database answered within the check's time limit" }),
    checked_in_ms: z.number().int().meta({ description: "How long the database check took" }),
  })
  .meta({ id: "Health" });

export const getHealth = metaApi.operation({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Health check: whether this instance and its database answer",
  description:
    "For load balancers and uptime checks. Answers 200 when the database answers a query within 2 seconds, else 503 with the same body " +
    "(`status: unavailable`, `database: down`). Never cached, never rate limited, no authentication.",
  auth: "public",
  responses: {
    200: { description: "The instance and its database answer", schema: healthSchema },
    503: { description: "The database does not answer: take this instance out of rotation until it does", schema: healthSchema },
  },
});
