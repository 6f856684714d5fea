import { buildOpenApiDocument } from "@/lib/openapi/build-document";
import type { ApiWebhook } from "@/lib/openapi/types";
import { WEBHOOK_REQUEST_HEADERS, webhookDocs } from "@/lib/domain/webhooks/payloads";
import { toApiSurface } from "./kit/openapi";
import { CONTRACTS } from "./registry";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The signed webhooks sent to merchants' endpoints, from the zod schemas of their bodies. */
function webhooks(): ApiWebhook[] {
  return webhookDocs().map((doc) => ({
    name: doc.type,
    operationId: `webhook${doc.type.replace(/(^|[._])([a-z])/g, (_m, _sep: string, c: string) => c.toUpperCase())}`,
    summary: doc.summary,
    description: doc.description,
    tag: "Webhooks",
    headers: WEBHOOK_REQUEST_HEADERS.map((h) => ({ ...h })),
    body: doc.schema,
    responses: {
      "2XX": { description: "Received. Any 2xx ends the delivery; the body is not read." },
      "410": { description: "Gone: the endpoint is disabled and receives nothing more until the merchant enables it again." },
      default: { description: "Any other answer (or none within the delivery timeout) is retried with exponential backoff." },
    },
  }));
}

/** The OpenAPI 3.1 document of every contract's declared operations, and of the webhooks the product sends. */
export function openApiDocument() {
  cached ??= buildOpenApiDocument(
    CONTRACTS.filter((contract) => contract.operations.length > 0).map(toApiSurface),
    { version: "1.0.0", webhooks: webhooks() },
  );
  return cached;
}
