/**
 * Builds the product's OpenAPI 3.1 document from the zod schemas that validate its requests
 * and shape its responses, so the document cannot drift from the code.
 */
import { z } from "zod";
import type { ApiOperation, ApiSurface, ApiWebhook } from "./types";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function buildOpenApiDocument(surfaces: ApiSurface[], options: { version: string; webhooks?: ApiWebhook[] }) {
  const components: Record<string, JsonObject> = {};
  const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonObject => {
    const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonObject;
    const { $schema: _drop, $defs, ...rest } = json;
    for (const [name, def] of Object.entries(($defs as Record<string, JsonObject> | undefined) ?? {})) {
      components[name] = relink(def) as JsonObject;
    }
    return relink(rest) as JsonObject;
  };

  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const surface of surfaces) {
    for (const operation of surface.operations) {
      (paths[operation.path] ??= {})[operation.method] = describeOperation(operation, toSchema);
    }
  }

  // Requests the product sends (OpenAPI 3.1 `webhooks`), keyed by name, each a path item with a POST.
  const webhooks: Record<string, { post: JsonObject }> = {};
  for (const webhook of options.webhooks ?? []) webhooks[webhook.name] = { post: describeWebhook(webhook, toSchema) };

  return {
    openapi: "3.1.0",
    info: {
      title: "Paylinks API",
      version: options.version,
      description:
        "Every route of Paylinks. Five published payment-link contracts are served as documented, each under its own base path " +
        "with its own authentication and error envelope; where a document is silent, the choice made is written in the operation.",
    },
    servers: [{ url: "/", description: "This server" }],
    tags: surfaces.map((surface) => surface.tag),
    paths,
    ...(options.webhooks ? { webhooks } : {}),
    components: {
      schemas: components,
      securitySchemes: Object.assign({}, ...surfaces.map((surface) => surface.securitySchemes)),
      headers: Object.assign({}, ...surfaces.map((surface) => surface.headers ?? {})),
    },
  };
}

function describeOperation(operation: ApiOperation, toSchema: (schema: z.ZodType, io: "input" | "output") => JsonObject): JsonObject {
  const parameters: JsonObject[] = [];
  for (const param of operation.pathParams ?? []) {
    parameters.push({ name: param.name, in: "path", required: true, description: param.description, schema: { type: "string" } });
  }
  if (operation.query) {
    const query = toSchema(operation.query, "input");
    const properties = (query.properties ?? {}) as Record<string, JsonObject>;
    const required = new Set((query.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(properties)) {
      parameters.push({ name, in: "query", required: required.has(name), schema });
    }
  }
  for (const header of operation.headers ?? []) {
    parameters.push({ name: header.name, in: "header", required: header.required ?? false, description: header.description, schema: { type: "string" } });
  }

  const responses: JsonObject = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.headers ? { headers: Object.fromEntries(response.headers.map((h) => [h, { $ref: `#/components/headers/${h}` }])) } : {}),
      ...(response.schema ? { content: { "application/json": { schema: toSchema(response.schema, "output") } } } : {}),
    };
  }

  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    tags: [operation.tag],
    security: operation.security ? [{ [operation.security]: [] }] : [],
    ...(parameters.length ? { parameters } : {}),
    ...(operation.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries((operation.bodyMediaTypes ?? ["application/json"]).map((type) => [type, { schema: toSchema(operation.body!, "input") }])),
          },
        }
      : {}),
    responses,
  };
}

function describeWebhook(webhook: ApiWebhook, toSchema: (schema: z.ZodType, io: "input" | "output") => JsonObject): JsonObject {
  return {
    operationId: webhook.operationId,
    summary: webhook.summary,
    ...(webhook.description ? { description: webhook.description } : {}),
    ...(webhook.tag ? { tags: [webhook.tag] } : {}),
    ...(webhook.headers?.length
      ? {
          parameters: webhook.headers.map((h) => ({ name: h.name, in: "header", required: h.required ?? false, description: h.description, schema: { type: "string" } })),
        }
      : {}),
    requestBody: { required: true, content: { "application/json": { schema: toSchema(webhook.body, "output") } } },
    responses: Object.fromEntries(
      Object.entries(webhook.responses ?? { "2XX": { description: "Received: any 2xx status ends the delivery" } }).map(([status, r]) => [status, { description: r.description }]),
    ),
  };
}

/** zod writes local `#/$defs/X` references; in the document they live in components. */
function relink(value: Json): Json {
  if (Array.isArray(value)) return value.map(relink);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/") : relink(inner),
      ]),
    );
  }
  return value;
}
