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
