import type { Metadata } from "next";
import Link from "next/link";
import { SkipLink } from "@/components/ui/skip-link";
import { openApiDocument } from "@/lib/contracts/openapi";
import { curlFor, exampleOf, type ExampleContext } from "@/lib/openapi/examples";
import { TEST_NUMBERS } from "@/lib/providers/test-numbers";

export const metadata: Metadata = { title: "API documentation" };

type Schema = Record<string, unknown>;
interface Operation {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
}

/** The first success answer of an operation that has a body: its status and schema. */
function successOf(operation: Operation): { status: string; schema: Schema } | undefined {
  const found = Object.entries(operation.responses).find(([status, response]) => status.startsWith("2") && response.content);
  return found ? { status: found[0], schema: found[1].content!["application/json"].schema } : undefined;
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
  put: "bg-amber-100 text-amber-900",
  delete: "bg-rose-100 text-rose-900",
};

export default function DocsPage() {
  const document = openApiDocument();
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation: operation as unknown as Operation })),
  );
  const schemes = document.components.securitySchemes as Record<string, { description: string }>;
  const context: ExampleContext = { schemas: document.components.schemas as Record<string, Schema> };

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <SkipLink />
      <header className="text-sm">
        <Link href="/" className="text-brand-700 underline">
          Paylinks
        </Link>
      </header>
      <main id="main">
        <h1 className="mt-2 text-3xl font-bold">API documentation</h1>
        <p className="mt-3 max-w-3xl text-slate-700">{document.info.description}</p>
        <p className="mt-3">
          The machine-readable OpenAPI {document.openapi} document:{" "}
          <a href="/api/openapi.json" className="font-mono text-brand-700 underline">
            /api/openapi.json
          </a>
        </p>

        <section aria-labelledby="try-it" className="mt-8">
          <h2 id="try-it" className="text-2xl font-semibold">
            Trying the examples
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">
            Every operation below has a curl command that runs as pasted in bash once these variables are set (the demo prints its URL and
            API key; path parameters such as <code>$ID</code> or <code>$SLUG</code> come from an earlier answer):
          </p>
          <pre className="mt-2 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0}>
            {`BASE=http://localhost:3000
API_KEY=pk_test_demo.sk_test_demo_c4f7e2a9b1d84e6f0a3b   # the demo key (Instanvi: x-api-key)
KEY_ID=\${API_KEY%%.*}; SECRET=\${API_KEY#*.}               # CycleSoftware (Basic) and Zeamster (user-id / user-api-key)
TOKEN=$(curl -sS -X POST "$BASE/api/cm/auth/v1/token" -d grant_type=client_credentials \\
  --data-urlencode "client_id=$KEY_ID" --data-urlencode "client_secret=$SECRET" | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
ID=$(curl -sS -X POST "$BASE/api/payment-links/create" -H "x-api-key: $API_KEY" -H "Content-Type: application/json" \\
  -d '{"amount":5000,"description":"Test"}' | sed -E 's/.*"id":"([^"]+)".*/\\1/')`}
          </pre>
        </section>

        <section aria-labelledby="payment-succeeded" className="mt-8">
          <h2 id="payment-succeeded" className="text-2xl font-semibold">
            How do I know a payment succeeded?
          </h2>
          <ol className="mt-2 max-w-3xl list-decimal space-y-2 pl-6 text-slate-700">
            <li>
              <strong>Webhooks first.</strong> Add an endpoint in the dashboard (Settings, Webhooks). We POST a signed{" "}
              <code>payment.succeeded</code> event (and <code>link.paid</code> when every use is paid) once the operator has confirmed that the
              money arrived, and retry until your endpoint answers 2xx. Verify the <code>webhook-signature</code> header and deduplicate on{" "}
              <code>webhook-id</code>.
            </li>
            <li>
              <strong>Then polling, as a fallback.</strong> A payment is <code>PENDING</code> until the operator&apos;s final answer, then{" "}
              <code>SUCCESSFUL</code> or <code>FAILED</code>. Read it with <code>GET /api/payment-links/id/$ID/payments</code> (Instanvi), the
              Sylius payments, or the CM and Zeamster reads; poll every few seconds for at most a few minutes.
            </li>
            <li>
              <strong>A link that reads PAID is not money.</strong> Its uses can be held by payments still pending: only a{" "}
              <code>SUCCESSFUL</code> payment (or its webhook) says the money arrived.
            </li>
          </ol>
        </section>

        <section aria-labelledby="test-numbers" className="mt-8">
          <h2 id="test-numbers" className="text-2xl font-semibold">
            Sandbox test numbers
          </h2>
          <p className="mt-2 max-w-3xl text-slate-700">
            In test mode (SANDBOX keys and links) no money moves: the payer&apos;s number decides what happens. Any other number is approved after a
            moment.
          </p>
          <div className="relative mt-3 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Sandbox test numbers and what they do</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-4">Number</th>
                  <th scope="col" className="py-1 pr-4">Operator</th>
                  <th scope="col" className="py-1">What happens</th>
                </tr>
              </thead>
              <tbody>
                {TEST_NUMBERS.map((test) => (
                  <tr key={test.number} className="border-b border-slate-100">
                    <td className="py-1 pr-4 font-mono">{test.number}</td>
                    <td className="py-1 pr-4">{test.provider === "MTN_CAM" ? "MTN MoMo" : "Orange Money"}</td>
                    <td className="py-1">{test.description.en}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>

        {document.tags.map((tag) => (
          <section key={tag.name} aria-labelledby={slugify(tag.name)} className="mt-10">
            <h2 id={slugify(tag.name)} className="text-2xl font-semibold">
              {tag.name}
            </h2>
            <p className="mt-2 max-w-3xl text-slate-700">{tag.description}</p>
            <nav aria-label={`${tag.name} operations`} className="mt-4">
              <ul className="space-y-1">
                {operations
                  .filter(({ operation }) => operation.tags.includes(tag.name))
                  .map(({ path, method, operation }) => (
                    <li key={operation.operationId}>
                      <a href={`#${operation.operationId}`} className="font-mono text-sm hover:underline">
                        <span className="inline-block w-16 uppercase">{method}</span>
                        {path}
                      </a>
                    </li>
                  ))}
              </ul>
            </nav>

            {operations
              .filter(({ operation }) => operation.tags.includes(tag.name))
              .map(({ path, method, operation }) => (
                <article key={operation.operationId} id={operation.operationId} className="mt-6 rounded-lg border border-slate-200 p-4 sm:p-5">
                  <h3 className="flex flex-wrap items-center gap-2 font-mono text-base">
                    <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${METHOD_STYLE[method] ?? ""}`}>{method}</span>
                    <span className="break-all">{path}</span>
                  </h3>
                  <p className="mt-2 font-semibold">{operation.summary}</p>
                  {operation.description && <p className="mt-1 whitespace-pre-line text-slate-700">{operation.description}</p>}
                  <p className="mt-2 text-sm text-slate-600">
                    Authentication:{" "}
                    {operation.security.length
                      ? operation.security.map((s) => Object.keys(s).map((name) => schemes[name]?.description ?? name)).join(", ")
                      : "none (public)"}
                  </p>

                  {operation.parameters && (
                    <div className="relative mt-4 overflow-x-auto">
                      <table className="w-full text-left text-sm">
                        <caption className="text-left font-semibold">Parameters</caption>
                        <thead>
                          <tr className="border-b border-slate-200">
                            <th scope="col" className="py-1 pr-4">Name</th>
                            <th scope="col" className="py-1 pr-4">In</th>
                            <th scope="col" className="py-1">Description</th>
                          </tr>
                        </thead>
                        <tbody>
                          {operation.parameters.map((param) => (
                            <tr key={`${param.in}-${param.name}`} className="border-b border-slate-100 align-top">
                              <td className="py-1 pr-4 font-mono">
                                {param.name}
                                {param.required ? " *" : ""}
                              </td>
                              <td className="py-1 pr-4">{param.in}</td>
                              <td className="py-1">{param.description ?? describeSchema(param.schema)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}

                  {operation.requestBody && (
                    <details className="mt-4">
                      <summary className="cursor-pointer font-semibold">Request body ({Object.keys(operation.requestBody.content).join(" or ")})</summary>
                      <SchemaBlock schema={Object.values(operation.requestBody.content)[0]!.schema} />
                    </details>
                  )}

                  <h4 className="mt-4 font-semibold">Example request</h4>
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100" tabIndex={0} data-example="curl">
                    {curlFor({
                      method,
                      path,
                      security: operation.security,
                      securitySchemes: document.components.securitySchemes as Record<string, Schema>,
                      body: operation.requestBody
                        ? {
                            mediaType: Object.keys(operation.requestBody.content)[0]!,
                            example: exampleOf(Object.values(operation.requestBody.content)[0]!.schema, context),
                          }
                        : undefined,
                    })}
                  </pre>
                  {(() => {
                    const success = successOf(operation);
                    return success ? (
                      <>
                        <h4 className="mt-4 font-semibold">Example response ({success.status})</h4>
                        <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-3 text-xs" tabIndex={0} data-example="response">
                          {JSON.stringify(exampleOf(success.schema, context), null, 2)}
                        </pre>
                      </>
                    ) : null;
                  })()}

                  <h4 className="mt-4 font-semibold">Responses</h4>
                  <ul className="mt-1 space-y-2">
                    {Object.entries(operation.responses).map(([status, response]) => (
                      <li key={status}>
                        <details>
                          <summary className="cursor-pointer">
                            <span className="font-mono font-semibold">{status}</span> {response.description}
                          </summary>
                          {response.content && <SchemaBlock schema={response.content["application/json"].schema} />}
                        </details>
                      </li>
                    ))}
                  </ul>
                </article>
              ))}
          </section>
        ))}

        <section aria-labelledby="schemas" className="mt-12">
          <h2 id="schemas" className="text-2xl font-semibold">
            Schemas
          </h2>
          {Object.entries(document.components.schemas).map(([name, schema]) => (
            <details key={name} id={`schema-${name}`} className="mt-3">
              <summary className="cursor-pointer font-mono">{name}</summary>
              <SchemaBlock schema={schema} />
            </details>
          ))}
        </section>
      </main>
    </div>
  );
}

function SchemaBlock({ schema }: { schema: unknown }) {
  return (
    <pre className="mt-2 max-h-96 overflow-auto rounded bg-slate-50 p-3 text-xs" tabIndex={0}>
      {JSON.stringify(schema, null, 2)}
    </pre>
  );
}

function describeSchema(schema: Schema): string {
  const parts = [schema.type, schema.enum ? `one of ${(schema.enum as string[]).join(", ")}` : null, schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null];
  return parts.filter(Boolean).join(", ");
}

function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
