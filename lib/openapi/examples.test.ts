/**
 * The /docs examples: for every operation, the example request body the docs show is accepted
 * by the operation's own schema, the example response fits the documented response schema, and
 * the curl command is valid bash with no `<placeholder>` the shell would read as a redirection.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { openApiDocument } from "@/lib/contracts/openapi";
import { CONTRACTS } from "@/lib/contracts/registry";
import { curlFor, exampleOf, shellQuote } from "./examples";

type Schema = Record<string, unknown>;
interface Operation {
  security: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: { "application/json": { schema: Schema } } }>;
}

const document = openApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
};
const context = { schemas: document.components.schemas };
const OPERATIONS = CONTRACTS.flatMap((contract) => contract.operations);

describe("the examples of /docs", () => {
  it.each(OPERATIONS.map((op) => [`${op.method} ${op.path}`, op] as const))("%s", (_name, op) => {
    const operation = document.paths[op.path]?.[op.method.toLowerCase()];
    expect(operation).toBeDefined();

    if (op.body) {
      const [mediaType, content] = Object.entries(operation!.requestBody!.content)[0]!;
      const example = exampleOf(content.schema, context);
      const parsed = (op.body.schema as z.ZodType).safeParse(example);
      expect(parsed.success, `${JSON.stringify(example)}: ${parsed.error?.message}`).toBe(true);
      const curl = curlFor({ method: op.method, path: op.path, security: operation!.security, securitySchemes: document.components.securitySchemes, body: { mediaType, example } });
      expectRunnableBash(curl);
    } else {
      expectRunnableBash(curlFor({ method: op.method, path: op.path, security: operation!.security, securitySchemes: document.components.securitySchemes }));
    }

    const success = Object.entries(op.responses ?? {}).find(([status, response]) => status.startsWith("2") && response.schema);
    if (success) {
      const content = operation!.responses[success[0]]!.content!["application/json"];
      const example = exampleOf(content.schema, context);
      const parsed = (success[1].schema as z.ZodType).safeParse(example);
      expect(parsed.success, `${JSON.stringify(example).slice(0, 400)}: ${parsed.error?.message.slice(0, 600)}`).toBe(true);
    }
  });

  it("quotes for bash", () => {
    expect(execFileSync("bash", ["-c", `printf %s ${shellQuote(`it's "$HOME" \\ <b>`)}`]).toString()).toBe(`it's "$HOME" \\ <b>`);
  });
});

/** Parses with `bash -n` and refuses `<word>` placeholders (a redirection to bash). */
function expectRunnableBash(command: string) {
  expect(command).not.toMatch(/(^|\s)<[a-z_]+>/i);
  expect(command).toMatch(/^curl -sS -X [A-Z]+ "\$BASE\/api\//);
  execFileSync("bash", ["-n", "-c", command]);
}
