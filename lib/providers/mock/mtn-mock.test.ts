import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMtnMock, type RunningMock } from ".";

let mock: RunningMock;
let token: string;

beforeAll(async () => {
  mock = await startMtnMock({ approvalDelayMs: 50 });
  const issued = await fetch(`${mock.url}/collection/token/`, {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from("user:key").toString("base64")}`, "Ocp-Apim-Subscription-Key": "sub" },
  });
  token = ((await issued.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await mock.close();
});

const validBody = {
  amount: "1000",
  currency: "XAF",
  externalId: "order-1",
  payer: { partyIdType: "MSISDN", partyId: "237670000001" },
  payerMessage: "Order 1",
  payeeNote: "Order 1",
};

function requestToPay(headers: Record<string, string>, body: unknown = validBody) {
  return fetch(`${mock.url}/collection/v1_0/requesttopay`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Ocp-Apim-Subscription-Key": "sub",
      "X-Target-Environment": "sandbox",
      "X-Reference-Id": randomUUID(),
      "Content-Type": "application/json",
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe("the MTN mock", () => {
  it("issues a token only for Basic credentials with a subscription key", async () => {
    const url = `${mock.url}/collection/token/`;
    const basic = `Basic ${Buffer.from("user:key").toString("base64")}`;
    expect((await fetch(url, { method: "POST", headers: { Authorization: basic } })).status).toBe(401);
    expect((await fetch(url, { method: "POST", headers: { "Ocp-Apim-Subscription-Key": "sub" } })).status).toBe(401);
    const emptyKey = `Basic ${Buffer.from("user:").toString("base64")}`;
    expect((await fetch(url, { method: "POST", headers: { Authorization: emptyKey, "Ocp-Apim-Subscription-Key": "sub" } })).status).toBe(401);
    const granted = await fetch(url, { method: "POST", headers: { Authorization: basic, "Ocp-Apim-Subscription-Key": "sub" } });
    expect(await granted.json()).toEqual({ access_token: expect.any(String), token_type: "access_token", expires_in: 3600 });
  });

  it("accepts a request to pay with 202 and an empty body", async () => {
    const response = await requestToPay({});
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
  });

  it("refuses a request without a valid Bearer token", async () => {
    expect((await requestToPay({ Authorization: "Bearer forged" })).status).toBe(401);
  });

  it.each([
    [{ "X-Reference-Id": "123" }, "INVALID_REFERENCE_ID"],
    [{ "X-Reference-Id": "6f1c1d1e-0b2a-1c3d-8e4f-5a6b7c8d9e0f" }, "INVALID_REFERENCE_ID"],
    [{ "X-Target-Environment": "" }, "NOT_ALLOWED_TARGET_ENVIRONMENT"],
    [{ "X-Callback-Url": "not a url" }, "INVALID_CALLBACK_URL_HOST"],
  ])("answers 400 to headers %o with code %s", async (headers, code) => {
    const response = await requestToPay(headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code });
  });

  it.each([
    [{ ...validBody, amount: 1000 }, "amount"],
    [{ ...validBody, amount: "0" }, "amount"],
    [{ ...validBody, currency: "xaf" }, "currency"],
    [{ ...validBody, payer: { partyIdType: "EMAIL", partyId: "a@b.c" } }, "payer.partyIdType"],
    [{ ...validBody, externalId: undefined }, "externalId"],
  ])("answers 400 MTN-style to body %o, naming %s", async (body, field) => {
    const response = await requestToPay({}, body);
    expect(response.status).toBe(400);
    const error = (await response.json()) as { code: string; message: string };
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toContain(`${field}:`);
  });

  it("answers 404 to an unknown reference and an unknown path", async () => {
    const headers = { Authorization: `Bearer ${token}`, "Ocp-Apim-Subscription-Key": "sub", "X-Target-Environment": "sandbox" };
    const unknown = await fetch(`${mock.url}/collection/v1_0/requesttopay/${randomUUID()}`, { headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: "RESOURCE_NOT_FOUND" });
    expect((await fetch(`${mock.url}/disbursement/v1_0/transfer`, { method: "POST", headers })).status).toBe(404);
  });

  it("lets the sandbox answer for the payer while the request is open, once", async () => {
    const referenceId = randomUUID();
    const pending = { ...validBody, payer: { partyIdType: "MSISDN", partyId: "237670000004" } };
    expect((await requestToPay({ "X-Reference-Id": referenceId }, pending)).status).toBe(202);
    const answer = (id: string, body: unknown) =>
      fetch(`${mock.url}/sandbox/payer/${id}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await answer(referenceId, { answer: "maybe" })).status).toBe(400);
    expect((await answer(randomUUID(), { answer: "approve" })).status).toBe(404);
    const approved = await answer(referenceId, { answer: "approve" });
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: "SUCCESSFUL", financialTransactionId: expect.any(String) });
    expect((await answer(referenceId, { answer: "reject" })).status).toBe(409);
  });
});

describe("the MTN mock's expiry of unapproved requests", () => {
  let short: RunningMock;
  let shortToken: string;

  beforeAll(async () => {
    short = await startMtnMock({ approvalDelayMs: 50, requestExpiryMs: 150 });
    const issued = await fetch(`${short.url}/collection/token/`, {
      method: "POST",
      headers: { Authorization: `Basic ${Buffer.from("user:key").toString("base64")}`, "Ocp-Apim-Subscription-Key": "sub" },
    });
    shortToken = ((await issued.json()) as { access_token: string }).access_token;
  });

  afterAll(async () => {
    await short.close();
  });

  const headers = () => ({ Authorization: `Bearer ${shortToken}`, "Ocp-Apim-Subscription-Key": "sub", "X-Target-Environment": "sandbox" });
  async function start(partyId: string) {
    const referenceId = randomUUID();
    const response = await fetch(`${short.url}/collection/v1_0/requesttopay`, {
      method: "POST",
      headers: { ...headers(), "X-Reference-Id": referenceId, "Content-Type": "application/json" },
      body: JSON.stringify({ ...validBody, payer: { partyIdType: "MSISDN", partyId } }),
    });
    expect(response.status).toBe(202);
    return async () => (await (await fetch(`${short.url}/collection/v1_0/requesttopay/${referenceId}`, { headers: headers() })).json()) as Record<string, unknown>;
  }

  it("fails a request nobody approves with reason EXPIRED once its time is up, and leaves answered ones alone", async () => {
    const unanswered = await start("237670000004");
    const approved = await start("237670000001");
    expect(await unanswered()).toMatchObject({ status: "PENDING" });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await unanswered()).toMatchObject({ status: "FAILED", reason: "EXPIRED" });
    expect(await approved()).toMatchObject({ status: "SUCCESSFUL" });
  });
});
