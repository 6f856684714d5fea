import { openApiDocument } from "@/lib/openapi/document";

/** GET /api/openapi.json: the OpenAPI 3.1 document of every route. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
