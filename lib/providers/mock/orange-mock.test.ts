import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrangeConfig } from "@/lib/providers/config";
import type { StatusQuery } from "@/lib/providers/interface";
import { OrangeApi } from "@/lib/providers/orange/orange-api";
import { OrangeProvider } from "@/lib/providers/orange/orange-provider";
import type { OrangeWebPaymentResponse } from "@/lib/providers/orange/types";
import { startCallbackListener, statusWhenFinal, type CallbackListener } from "@/lib/providers/test-servers";
import { startOrangeMock, type RunningMock } from ".";

let mock: RunningMock;
let listener: CallbackListener;
let config: OrangeConfig;

beforeAll(async () => {
  [mock, listener] = await Promise.all([startOrangeMock({ approvalDelayMs: 50 }), startCallbackListener()]);
  config = { mode: "SANDBOX", variablePrefix: "ORANGE", baseUrl: mock.url, clientId: "id", clientSecret: "secret", merchantKey: "merchant", timeoutMs: 2000 };
});

afterAll(async () => {
  await Promise.all([mock.close(), listener.close()]);
});

const RETURN_URL = "http://127.0.0.1:3000/pay/pay_test?back=1";
const CANCEL_URL = "http://127.0.0.1:3000/pay/pay_test?cancelled=1";

/** An initiation as real Orange knows it: no payer number, the payer types it on payment_url. */
async function hostedPayment(lang: "fr" | "en" = "fr") {
  const orderId = `o${randomUUID().slice(0, 8)}`;
  const created = await new OrangeApi(config).webPayment({
    merchant_key: "merchant",
    currency: "XAF",
    order_id: orderId,
    amount: 1500,
    return_url: RETURN_URL,
    cancel_url: CANCEL_URL,
    notif_url: `${listener.url}/notify/${orderId}`,
    lang,
    reference: "Boutique <Akwa>",
  });
  if (!created.ok) throw new Error(created.error.message);
  const query: StatusQuery = { paymentId: randomUUID(), orderId, amountMinor: 1500, providerReference: created.value.pay_token };
  return { orderId, created: created.value, query };
}

function submitNumber(created: OrangeWebPaymentResponse, msisdn: string) {
  return fetch(created.payment_url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ msisdn }).toString(),
    redirect: "manual",
  });
}

describe("the Orange mock's hosted payment page", () => {
  const provider = () => new OrangeProvider(config);

  it("shows the amount and an accessible form that works without JavaScript", async () => {
    const { created, query } = await hostedPayment();
    const response = await fetch(created.payment_url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toMatch(/1\s500\sFCFA/);
    expect(html).toContain("Boutique &#60;Akwa&#62;");
    expect(html).toContain('<label for="msisdn">Votre numéro Orange Money</label>');
    expect(html).toMatch(/<input id="msisdn" name="msisdn"[^>]*aria-describedby="msisdn-hint"/);
    expect(html).toContain(`<form method="post" action="/payment/${created.pay_token}">`);
    expect(html).toContain('<button type="submit">Confirmer</button>');
    expect(html).toContain(`<a href="/payment/${created.pay_token}/cancel">`);
    expect(html).not.toContain("<script");
    // Nothing happens until the payer acts: INITIATED reads as PENDING.
    expect(await provider().getStatus(query)).toEqual({ ok: true, value: { status: "PENDING" } });
  });

  it("takes the payer's number, sends them back to the merchant, then settles and notifies", async () => {
    const { orderId, created, query } = await hostedPayment();
    const response = await submitNumber(created, "+237 690 000 002");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(RETURN_URL);

    expect(await statusWhenFinal(provider(), query)).toMatchObject({ ok: true, value: { status: "FAILED", reason: "INSUFFICIENT_FUNDS" } });
    const notification = await listener.waitForCall(`/notify/${orderId}`);
    expect(notification.body).toMatchObject({ status: "FAILED", notif_token: created.notif_token });

    // The page no longer offers the form once the payer has acted.
    const again = await fetch(created.payment_url);
    expect(await again.text()).not.toContain("<form");
    expect((await submitNumber(created, "690000001")).status).toBe(409);
  });

  it("refuses a number that is not a Cameroon mobile, keeping what was typed", async () => {
    const { created, query } = await hostedPayment("en");
    const response = await submitNumber(created, "12345");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain("Enter a Cameroon mobile number");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('value="12345"');
    expect(await provider().getStatus(query)).toEqual({ ok: true, value: { status: "PENDING" } });
  });

  it("answers the provider-error number with a 503 and lets the payer try again", async () => {
    const { created, query } = await hostedPayment("en");
    const failed = await submitNumber(created, "690000005");
    expect(failed.status).toBe(503);
    expect(await failed.text()).toContain("Orange Money is unavailable for now");
    const retried = await submitNumber(created, "690000001");
    expect(retried.status).toBe(303);
    expect(await statusWhenFinal(provider(), query)).toMatchObject({ ok: true, value: { status: "SUCCESSFUL" } });
  });

  it("fails the payment when the payer cancels, and returns to cancel_url", async () => {
    const { orderId, created, query } = await hostedPayment();
    const response = await fetch(`${created.payment_url}/cancel`, { redirect: "manual" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(CANCEL_URL);
    expect(await provider().getStatus(query)).toEqual({
      ok: true,
      value: { status: "FAILED", reason: "PAYER_REJECTED", providerReference: null },
    });
    const notification = await listener.waitForCall(`/notify/${orderId}`);
    expect(notification.body).toEqual({ status: "FAILED", notif_token: created.notif_token });
  });

  it("answers an unknown pay_token with a 404 page", async () => {
    const response = await fetch(`${mock.url}/payment/0123abcd`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Ce paiement n'existe pas.");
  });
});

describe("the Orange mock's API", () => {
  it("issues a token only for Basic credentials and the client_credentials grant", async () => {
    const url = `${mock.url}/oauth/v3/token`;
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const basic = `Basic ${Buffer.from("id:secret").toString("base64")}`;
    const anonymous = await fetch(url, { method: "POST", headers: form, body: "grant_type=client_credentials" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: "invalid_client" });
    const wrongGrant = await fetch(url, { method: "POST", headers: { ...form, Authorization: basic }, body: "grant_type=password" });
    expect(wrongGrant.status).toBe(400);
    const granted = await fetch(url, { method: "POST", headers: { ...form, Authorization: basic }, body: "grant_type=client_credentials" });
    expect(granted.status).toBe(200);
    expect(await granted.json()).toMatchObject({ token_type: "Bearer", access_token: expect.any(String), expires_in: 3600 });
  });

  it("refuses a web payment without a valid Bearer token, Orange-style", async () => {
    const response = await fetch(`${mock.url}/orange-money-webpay/cm/v1/webpayment`, {
      method: "POST",
      headers: { Authorization: "Bearer forged", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ code: 41, message: "Invalid credentials", description: expect.any(String) });
  });

  it("refuses bad fields with 400, naming them", async () => {
    const api = new OrangeApi(config);
    const result = await api.webPayment({
      merchant_key: "merchant",
      currency: "XAF",
      order_id: "bad-fields",
      amount: 10.5,
      return_url: "not a url",
      cancel_url: CANCEL_URL,
      notif_url: CANCEL_URL,
      lang: "fr",
      reference: "x",
    });
    expect(result).toMatchObject({ ok: false, error: { kind: "rejected" } });
    expect(!result.ok && result.error.message).toMatch(/HTTP 400 \(1: Invalid request: amount: .*return_url: /);
  });
});

describe("the Orange mock: the payer's sandbox answers and the expiry of unfinished payments", () => {
  it("lets the sandbox approve an open payment for the payer, once, and notifies", async () => {
    const { orderId, created, query } = await hostedPayment();
    const answer = (token: string, body: unknown) =>
      fetch(`${mock.url}/sandbox/payer/${token}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await answer(created.pay_token, { answer: "later" })).status).toBe(400);
    expect((await answer("00ff", { answer: "approve" })).status).toBe(404);
    expect((await answer(created.pay_token, { answer: "approve" })).status).toBe(200);
    expect((await answer(created.pay_token, { answer: "reject" })).status).toBe(409);
    expect(await new OrangeProvider(config).getStatus(query)).toMatchObject({ ok: true, value: { status: "SUCCESSFUL" } });
    const notification = await listener.waitForCall(`/notify/${orderId}`);
    expect(notification.body).toMatchObject({ status: "SUCCESS", notif_token: created.notif_token });
  });

  it("reports EXPIRED for a payment nobody finishes in time, and notifies it as FAILED", async () => {
    const short = await startOrangeMock({ approvalDelayMs: 50, requestExpiryMs: 150 });
    try {
      const shortConfig: OrangeConfig = { ...config, baseUrl: short.url };
      const orderId = `o${randomUUID().slice(0, 8)}`;
      const created = await new OrangeApi(shortConfig).webPayment({
        merchant_key: "merchant",
        currency: "XAF",
        order_id: orderId,
        amount: 1500,
        return_url: RETURN_URL,
        cancel_url: CANCEL_URL,
        notif_url: `${listener.url}/notify/${orderId}`,
        lang: "en",
        reference: "Expiring",
        subscriber_msisdn: "237690000004",
      });
      if (!created.ok) throw new Error(created.error.message);
      const query: StatusQuery = { paymentId: randomUUID(), orderId, amountMinor: 1500, providerReference: created.value.pay_token };
      const provider = new OrangeProvider(shortConfig);
      expect(await provider.getStatus(query)).toEqual({ ok: true, value: { status: "PENDING" } });
      const notification = await listener.waitForCall(`/notify/${orderId}`, 2000);
      expect(notification.body).toMatchObject({ status: "FAILED", notif_token: created.value.notif_token });
      expect(await provider.getStatus(query)).toMatchObject({ ok: true, value: { status: "FAILED", reason: "TIMEOUT" } });
    } finally {
      await short.close();
    }
  });
});
