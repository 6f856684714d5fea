/**
 * Replays the example request of contracts/cyclesoftware-payment-links.md over real HTTP with
 * the demo key as HTTP Basic credentials, and compares the answer with the document's example
 * response: status, headers, keys and their types (and the values the seed makes known: sales
 * order 1012 of the demo merchant, 250000 in total, 10000 already paid). The QR code must read
 * back as the payment URL, and that URL must lead to the pay page.
 */
import { expect, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { paymentLinkResponse } from "@/lib/contracts/cyclesoftware/schemas";
import { demoAccounts } from "@/prisma/demo-accounts";

const apiKey = demoAccounts().demo.apiKey;
const dot = apiKey.indexOf(".");
const authorization = `Basic ${Buffer.from(`${apiKey.slice(0, dot)}:${apiKey.slice(dot + 1)}`).toString("base64")}`;

/** The document's example response, as written (the QR code and URL are the document's own). */
const documentExample = {
  error: false,
  error_message: null,
  data: {
    sales_order_id: 1012,
    sales_transaction_number: null,
    payment_url: "https://twsc.nl/p/xM4iatg",
    total_amount_cents: 250000,
    already_payed_cents: 10000,
    payment_link_amount_cents: 10000,
    dynamic_payment_amount: false,
    qr_code: "data:image/png;base64,iVBORw0KGgoAAAANSUhEU....",
  },
};
const RATE_HEADERS = [
  "x-ratelimit-minutely-limit",
  "x-ratelimit-minutely-remaining",
  "x-ratelimit-daily-limit",
  "x-ratelimit-daily-remaining",
  "x-ratelimit-daily-reset",
];

const typeOf = (value: unknown) => (value === null ? "null" : typeof value);

function decodeQr(dataUri: string): string | undefined {
  const png = PNG.sync.read(Buffer.from(dataUri.slice("data:image/png;base64,".length), "base64"));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data;
}

test("the document's example request answers as the document's example response", async ({ request, baseURL }) => {
  const response = await request.get("/api/v1/payments/order/1012/payment-link.json?payment_amount_cents=10000", {
    headers: { Authorization: authorization, "Accept-Encoding": "gzip", Accept: "application/json" },
  });

  expect(response.status()).toBe(200);
  const headers = response.headers();
  expect(headers["content-type"]).toBe("application/json; charset=utf-8");
  for (const name of RATE_HEADERS) expect(headers[name], name).toMatch(/^\d+$/);
  // The document's limits are the defaults (CYCLESOFTWARE_RATE_LIMIT_PER_MINUTE / _PER_DAY).
  expect(headers["x-ratelimit-minutely-limit"]).toBe("360");
  expect(headers["x-ratelimit-daily-limit"]).toBe("15000");
  const now = Date.now() / 1000;
  expect(Number(headers["x-ratelimit-daily-reset"])).toBeGreaterThan(now);
  expect(Number(headers["x-ratelimit-daily-reset"])).toBeLessThanOrEqual(now + 86_400 + 1);

  const body = await response.json();
  // The same keys, each of the same type, as the document's example.
  expect(Object.keys(body).sort()).toEqual(Object.keys(documentExample).sort());
  expect(Object.keys(body.data).sort()).toEqual(Object.keys(documentExample.data).sort());
  for (const [key, value] of Object.entries(documentExample.data)) expect(typeOf(body.data[key]), key).toBe(typeOf(value));
  expect(paymentLinkResponse.safeParse(body).error?.issues ?? []).toEqual([]);

  // The values the seed makes known, as in the document.
  const { payment_url: paymentUrl, qr_code: qrCode, ...figures } = body.data;
  const { payment_url: _url, qr_code: _qr, ...documentedFigures } = documentExample.data;
  expect(figures).toEqual(documentedFigures);
  expect(body).toMatchObject({ error: false, error_message: null });

  // payment_url is this server's short URL; the QR code reads back as exactly that URL.
  expect(paymentUrl).toMatch(new RegExp(`^${baseURL}/p/[A-Za-z0-9_-]+$`));
  expect(qrCode).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  expect(decodeQr(qrCode)).toBe(paymentUrl);

  // The same request again is the same link.
  const again = await request.get("/api/v1/payments/order/1012/payment-link.json?payment_amount_cents=10000", { headers: { Authorization: authorization } });
  expect((await again.json()).data.payment_url).toBe(paymentUrl);

  // The short URL leads to the link's pay page.
  const short = await request.get(paymentUrl, { maxRedirects: 0 });
  expect(short.status()).toBe(307);
  expect(short.headers().location).toMatch(/^\/pay\/[^/?]+$/);
  const page = await request.get(short.headers().location!);
  expect(page.status()).toBe(200);
});

test("refusals come as {error, error_message} with the rate-limit headers", async ({ request }) => {
  const cases: { path: string; headers: Record<string, string>; status: number; message: RegExp }[] = [
    { path: "/api/v1/payments/order/1012/payment-link.json", headers: {}, status: 401, message: /HTTP Basic/ },
    { path: "/api/v1/payments/order/999999/payment-link.json", headers: { Authorization: authorization }, status: 404, message: /not found/i },
    { path: "/api/v1/payments/order/abc/payment-link.json", headers: { Authorization: authorization }, status: 400, message: /^id must be/ },
    { path: "/api/v1/payments/order/1012/payment-link.json?payment_amount_cents=ten", headers: { Authorization: authorization }, status: 400, message: /^payment_amount_cents/ },
    { path: "/api/v1/payments/invoice/1012/payment-link.json?dynamic_payment_amount=maybe", headers: { Authorization: authorization }, status: 400, message: /^dynamic_payment_amount/ },
  ];
  for (const { path, headers, status, message } of cases) {
    const response = await request.get(path, { headers });
    expect(response.status(), path).toBe(status);
    const body = await response.json();
    expect(Object.keys(body).sort(), path).toEqual(["error", "error_message"]);
    expect(body.error, path).toBe(true);
    expect(body.error_message, path).toMatch(message);
    for (const name of RATE_HEADERS) expect(response.headers()[name], `${path} ${name}`).toMatch(/^\d+$/);
  }
});
