import { getOpenApiDocument } from "@/lib/contracts/internal/operations";
import { route } from "@/lib/contracts/kit/route";
import { openApiDocument } from "@/lib/contracts/openapi";

/** GET /api/openapi.json: the OpenAPI 3.1 document of every route. */
export const GET = route(getOpenApiDocument, async () => ({ body: openApiDocument(), headers: { "Cache-Control": "public, max-age=300" } }));
