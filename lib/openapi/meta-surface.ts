import { z } from "zod";
import type { ApiSurface } from "./types";

/** The routes that describe the API itself. */
export const metaSurface: ApiSurface = {
  tag: { name: "About this API", description: "The document you are reading, in machine-readable form." },
  securitySchemes: {},
  operations: [
    {
      method: "get",
      path: "/api/openapi.json",
      operationId: "getOpenApiDocument",
      summary: "This OpenAPI 3.1 document",
      tag: "About this API",
      security: null,
      responses: { 200: { description: "The document", schema: z.object({ openapi: z.string() }).loose() } },
    },
  ],
};
