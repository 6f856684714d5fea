import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** One route of the product, described with the zod schemas that validate and shape it. */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/payment-links/{slug}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Name of a security scheme in the document, or null for a public route. */
  security: string | null;
  pathParams?: { name: string; description: string }[];
  query?: z.ZodType;
  headers?: { name: string; description: string; required?: boolean }[];
  body?: z.ZodType;
  /** How the body may be sent (default: application/json). */
  bodyMediaTypes?: string[];
  responses: Record<number, { description: string; schema?: z.ZodType; headers?: string[] }>;
}

export interface SecurityScheme {
  type: "apiKey" | "http" | "oauth2";
  in?: "header" | "query";
  name?: string;
  scheme?: string;
  description: string;
}

/** What each contract contributes to the one document. */
export interface ApiSurface {
  tag: { name: string; description: string };
  securitySchemes: Record<string, SecurityScheme>;
  headers?: Record<string, { description: string; schema: { type: string } }>;
  operations: ApiOperation[];
}

/**
 * A webhook: a request the product sends to its users' servers (OpenAPI 3.1's top-level
 * `webhooks`), described with the zod schema of its body.
 */
export interface ApiWebhook {
  /** The key under `webhooks` (the event type, e.g. link.created). */
  name: string;
  operationId: string;
  summary: string;
  description?: string;
  tag?: string;
  /** Headers every request carries. */
  headers?: { name: string; description: string; required?: boolean }[];
  body: z.ZodType;
  /** What the receiver answers (default: any 2xx). */
  responses?: Record<string, { description: string }>;
}
