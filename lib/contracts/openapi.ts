import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import { toApiSurface } from "./kit/openapi";
import { CONTRACTS } from "./registry";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 document of every contract's declared operations. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument(
    CONTRACTS.filter((contract) => contract.operations.length > 0).map(toApiSurface),
    { version: "1.0.0" },
  );
  return cached;
}
