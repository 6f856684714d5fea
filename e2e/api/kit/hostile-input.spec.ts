/**
 * Hostile input over real HTTP against the production server: every case is a 4xx in the
 * envelope of the contract that owns the path (or the pay page's not-found page), and no table
 * changes. Raw requests go through node:http so that nothing normalises the path on the way.
 */
import http from "node:http";
import { expect, test } from "@playwright/test";
import { baseURL } from "../../../playwright.config";
import { createLink, DEMO_API_KEY } from "../../support/api";
import { writeFingerprint } from "../../support/db";

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawResponse> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, method, path, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

const json = (body: unknown) => ({ "content-type": "application/json", "x-api-key": DEMO_API_KEY, body: JSON.stringify(body) });
const instanviError = (status: number, message: RegExp) => ({ status_code: status, message: expect.stringMatching(message), data: {} });

test.describe.configure({ mode: "serial" });

test("hostile paths, bodies and forms are 4xx in the owning envelope and change nothing", async ({ request }) => {
  const link = await createLink(request);
  const before = await writeFingerprint();
  const deep = "[".repeat(5000) + "]".repeat(5000);

  const cases: { name: string; send: () => Promise<RawResponse>; status: number; body?: unknown; text?: RegExp }[] = [
    { name: "malformed encoding in a pay page path", send: () => raw("GET", "/pay/%zz"), status: 404, text: /introuvable|not found/i },
    { name: "a NUL in a pay page slug", send: () => raw("GET", "/pay/abc%00def"), status: 404, text: /introuvable|not found/i },
    { name: "malformed encoding in an Instanvi path", send: () => raw("GET", "/api/payment-links/%ff%fe"), status: 400, body: instanviError(400, /malformed percent-encoding/) },
    { name: "a NUL in an Instanvi id", send: () => raw("GET", "/api/payment-links/abc%00def"), status: 400, body: instanviError(400, /NUL/) },
    { name: "a NUL in an authenticated id", send: () => raw("GET", "/api/payment-links/id/abc%00", { "x-api-key": DEMO_API_KEY }), status: 400, body: instanviError(400, /NUL/) },
    {
      name: "encoded traversal in an id",
      send: () => raw("POST", "/api/payment-links/..%2F..%2Fetc%2Fpasswd/cancel", { "x-api-key": DEMO_API_KEY }),
      status: 400,
      body: instanviError(400, /single path segment/),
    },
    {
      // The URL standard resolves dot segments before any routing: this is /etc/passwd/cancel, a page that does not exist.
      name: "literal traversal segments",
      send: () => raw("POST", "/api/payment-links/../../etc/passwd/cancel", { "x-api-key": DEMO_API_KEY }),
      status: 404,
    },
    { name: "malformed encoding under CM", send: () => raw("GET", "/api/cm/paymentlink/v1/%zz"), status: 400, body: { errors: [expect.objectContaining({ code: "validation" })] } },
    { name: "malformed encoding in a short URL", send: () => raw("GET", "/p/%zz"), status: 404 },
    { name: "malformed encoding in the pay form's target", send: () => raw("POST", "/pay/%zz/start", { "content-type": "application/x-www-form-urlencoded" }, "provider=MTN_CAM"), status: 404 },
    { name: "a NUL in a query value", send: () => raw("GET", "/api/payment-links?status=%00", { "x-api-key": DEMO_API_KEY }), status: 400, body: instanviError(400, /NUL/) },
    {
      name: "a NUL in a JSON string field",
      send: () => { const { body, ...headers } = json({ amount: 100, description: "a\u0000b" }); return raw("POST", "/api/payment-links/create", headers, body); },
      status: 400,
      body: instanviError(400, /description must not contain a NUL/),
    },
    {
      name: "a lone surrogate in a JSON string field",
      send: () => raw("POST", "/api/payment-links/create", { "content-type": "application/json", "x-api-key": DEMO_API_KEY }, '{"amount":100,"description":"\\ud800"}'),
      status: 400,
      body: instanviError(400, /not valid Unicode/),
    },
    {
      name: "5,000-deep JSON",
      send: () => raw("POST", "/api/payment-links/create", { "content-type": "application/json", "x-api-key": DEMO_API_KEY }, `{"amount":100,"metadata":{"a":${deep}}}`),
      status: 400,
      body: instanviError(400, /nested too deeply/),
    },
    {
      name: "a NUL in a redeem phone number",
      send: () => raw("POST", `/api/payment-links/${link.slug}/redeem`, { "content-type": "application/json" }, '{"phone_number":"67\\u00001234567","provider":"MTN_CAM"}'),
      status: 400,
      body: instanviError(400, /phone_number must not contain a NUL/),
    },
    { name: "JSON posted to the pay page's form", send: () => raw("POST", `/pay/${link.slug}/start`, { "content-type": "application/json" }, '{"provider":"MTN_CAM"}'), status: 400, text: /x-www-form-urlencoded/ },
    { name: "garbage posted to the pay page's form", send: () => raw("POST", `/pay/${link.slug}/start`, { "content-type": "application/x-www-form-urlencoded" }, "provider=%%%"), status: 400, text: /malformed/ },
    { name: "an unserved method", send: () => raw("DELETE", "/api/payment-links/create", { "x-api-key": DEMO_API_KEY }), status: 405, body: instanviError(405, /Method DELETE is not allowed/) },
  ];

  for (const item of cases) {
    const response = await item.send();
    expect(response.status, item.name).toBe(item.status);
    if (item.body) expect(JSON.parse(response.text), item.name).toMatchObject(item.body as Record<string, unknown>);
    if (item.text) expect(response.text, item.name).toMatch(item.text);
  }
  expect(await writeFingerprint()).toBe(before);
});

test("unknown paths answer in the envelope of the contract that owns the prefix", async ({ request }) => {
  const expectations: [string, number, Record<string, unknown>][] = [
    ["/api/nope", 404, { status_code: 404, status: "NOT FOUND", data: {} }],
    ["/api/cm/nope", 404, { errors: [expect.objectContaining({ code: "route_not_found" })] }],
    ["/api/zeamster/v2/nope", 404, { type: "Error", status: 404 }],
    ["/api/v1/payments/order/1/nope", 404, { error: true, error_message: expect.stringContaining("Route not found") }],
    ["/api/v1/nope", 404, { code: 404, message: expect.stringContaining("Route not found") }],
    ["/api/dashboard/nope", 404, { error: expect.stringContaining("Route not found") }],
  ];
  for (const [path, status, body] of expectations) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(status);
    expect(await response.json(), path).toMatchObject(body);
  }
  const notAllowed = await request.put("/api/payment-links", { headers: { "x-api-key": DEMO_API_KEY } });
  expect(notAllowed.status()).toBe(405);
  expect(notAllowed.headers()["allow"]).toBe("GET");
});
