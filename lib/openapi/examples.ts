/**
 * Examples made from an OpenAPI document's JSON Schemas, for the /docs page: a request body, a
 * response body and a curl command for each operation. A schema's own `example`, `examples`,
 * `default` or first `enum` value wins; otherwise a plausible value of its type and format.
 */
type Schema = Record<string, unknown>;

export interface ExampleContext {
  /** components.schemas of the document, to follow `$ref`s. */
  schemas: Record<string, Schema>;
}

const STRING_BY_FORMAT: Record<string, string> = {
  uuid: "3f2b8c1e-7d4a-4e8b-9c2f-5a1d6e7f8091",
  "date-time": "2026-12-31T23:59:59.000Z",
  date: "2026-12-31",
  email: "client@example.cm",
  uri: "https://shop.example.cm/return",
  url: "https://shop.example.cm/return",
};

export function exampleOf(schema: unknown, context: ExampleContext, depth = 0): unknown {
  if (!schema || typeof schema !== "object" || depth > 24) return null;
  const s = schema as Schema;
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop()!;
    return exampleOf(context.schemas[name], context, depth + 1);
  }
  if ("example" in s) return s.example;
  if (Array.isArray(s.examples) && s.examples.length) return s.examples[0];
  if ("const" in s) return s.const;
  if ("default" in s) return s.default;
  if (Array.isArray(s.enum) && s.enum.length) return s.enum[0];
  for (const key of ["allOf", "anyOf", "oneOf"] as const) {
    const options = s[key];
    if (Array.isArray(options) && options.length) {
      // A nullable field shows its non-null form.
      const chosen = options.find((o) => (o as Schema).type !== "null") ?? options[0];
      if (key === "allOf") return Object.assign({}, ...options.map((o) => exampleOf(o, context, depth + 1) as object));
      return exampleOf(chosen, context, depth + 1);
    }
  }
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== "null") as string | undefined) : (s.type as string | undefined);
  switch (type) {
    case "object": {
      // The required fields, and the optional ones the schema gives an example of.
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
      const shown = Object.entries(properties).filter(([name, property]) => required.has(name) || hasOwnExample(property));
      return Object.fromEntries(shown.map(([name, property]) => [name, exampleOf(property, context, depth + 1)]));
    }
    case "array":
      return [exampleOf(s.items, context, depth + 1)];
    case "integer":
      return within(s, 1);
    case "number":
      return within(s, 5000);
    case "boolean":
      return true;
    case "string": {
      const text = STRING_BY_FORMAT[String(s.format)] ?? "string";
      const min = typeof s.minLength === "number" ? s.minLength : 0;
      const max = typeof s.maxLength === "number" ? s.maxLength : Infinity;
      return text.length < min ? text.padEnd(min, "x") : text.slice(0, Math.max(1, Math.min(max, text.length)));
    }
    case "null":
      return null;
    default:
      return null;
  }
}

function hasOwnExample(schema: Schema): boolean {
  return "example" in schema || (Array.isArray(schema.examples) && schema.examples.length > 0);
}

/** A number in the schema's bounds: the preferred one, else the nearest bound. */
function within(schema: Schema, preferred: number): number {
  const min = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : -Infinity;
  const max = typeof schema.maximum === "number" ? schema.maximum : typeof schema.exclusiveMaximum === "number" ? schema.exclusiveMaximum - 1 : Infinity;
  return Math.min(Math.max(preferred, min), max);
}

export interface CurlInput {
  method: string;
  path: string;
  /** The operation's security schemes (OpenAPI), by name. */
  security: Record<string, string[]>[];
  securitySchemes: Record<string, Schema>;
  body?: { mediaType: string; example: unknown };
}

/**
 * A curl command that runs as pasted in bash once BASE (and API_KEY / TOKEN / KEY_ID / SECRET)
 * are set: path parameters are shell variables (`$ID`), never `<id>` placeholders, which the
 * shell would read as redirections.
 */
export function curlFor(input: CurlInput): string {
  const path = input.path.replace(/\{(\w+)\}/g, (_, name: string) => `$${name.toUpperCase()}`);
  const lines = [`curl -sS -X ${input.method.toUpperCase()} "$BASE${path}"`];
  const scheme = Object.keys(input.security[0] ?? {})[0];
  const definition = scheme ? input.securitySchemes[scheme] : undefined;
  if (definition) lines.push(authHeader(definition));
  if (input.body) {
    if (input.body.mediaType === "application/x-www-form-urlencoded") {
      const fields = Object.entries((input.body.example ?? {}) as Record<string, unknown>).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
      lines.push(`-H "Content-Type: application/x-www-form-urlencoded"`, `--data-urlencode ${shellQuote(fields.join("&"))}`);
    } else {
      lines.push(`-H "Content-Type: application/json"`, `-d ${shellQuote(JSON.stringify(input.body.example))}`);
    }
  }
  return lines.join(" \\\n  ");
}

function authHeader(definition: Schema): string {
  if (definition.type === "http" && definition.scheme === "basic") return `-u "$KEY_ID:$SECRET"`;
  if (definition.type === "http" && definition.scheme === "bearer") return `-H "Authorization: Bearer $TOKEN"`;
  if (definition.type === "oauth2") return `-H "Authorization: Bearer $TOKEN"`;
  if (definition.type === "apiKey" && definition.in === "header") {
    const name = String(definition.name);
    if (name.toLowerCase() === "cookie") return `-b "$SESSION_COOKIE"`;
    if (name.toLowerCase() === "user-id") return `-H "user-id: $KEY_ID" -H "user-api-key: $SECRET"`;
    if (name.toLowerCase() === "user-api-key") return `-H "user-id: $KEY_ID" -H "user-api-key: $SECRET"`;
    return `-H "${name}: $API_KEY"`;
  }
  return "";
}

/** Single-quotes a string for bash (a quote inside becomes '\''). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
