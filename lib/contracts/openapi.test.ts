import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const API_DIR = path.resolve("app", "api");
/** Routes that are not part of the API surface: the JSON 404 fallback and next-auth's own. */
const NOT_API_ROUTES = ["/api/{path}", "/api/auth/{nextauth}"];

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/payment-links/[key]/route.ts -> /api/payment-links/{key} */
function templateOf(file: string): string {
  const relative = path.relative(path.resolve("app"), path.dirname(file)).split(path.sep);
  return "/" + relative.map((part) => part.replace(/^\[(?:\.\.\.)?(.+)\]$/, "{$1}")).join("/");
}

describe("the OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with operation ids that are unique", () => {
    expect(document.openapi).toBe("3.1.0");
    const ids = Object.values(document.paths).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes every route handler under app/api, method by method", () => {
    const documented = new Set(
      Object.entries(document.paths).flatMap(([p, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${p.replace(/\{[^}]+\}/g, "{}")}`),
      ),
    );
    const missing: string[] = [];
    for (const file of routeFiles(API_DIR)) {
      const template = templateOf(file);
      if (NOT_API_ROUTES.includes(template)) continue;
      const source = fs.readFileSync(file, "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b|\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]);
      for (const method of methods) {
        const key = `${method} ${template.replace(/\{[^}]+\}/g, "{}")}`;
        if (!documented.has(key)) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });

  it("resolves every $ref to a component schema", () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const target = ref.slice(8, -1);
      const [, section, name] = /^#\/components\/(schemas|headers)\/(.+)$/.exec(target) ?? [];
      expect(section, target).toBeDefined();
      expect((document.components as Record<string, Record<string, unknown>>)[section!]![name!], target).toBeDefined();
    }
  });

  it("documents the Instanvi create request from the validating schema, defaults included", () => {
    const body = document.paths["/api/payment-links/create"]!.post!.requestBody as {
      content: { "application/json": { schema: { $ref: string } } };
    };
    const name = body.content["application/json"].schema.$ref.split("/").pop()!;
    const schema = document.components.schemas[name] as { properties: Record<string, { default?: unknown }>; required: string[] };
    expect(schema.required).toEqual(["amount"]);
    expect(schema.properties.currency!.default).toBe("XAF");
    expect(schema.properties.max_uses!.default).toBe(1);
    expect(schema.properties.type!.default).toBe("COLLECTION");
  });
});
