import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/contracts/openapi";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE } from "./events";
import { WEBHOOK_BODY_SCHEMAS } from "./payloads";

const link = {
  id: "7d2f5a4e-2b1c-4b8e-9a51-0f6f1c2d3e4a",
  slug: "pay_abcdEFGH12345678",
  short_code: "Ab12Cd34",
  status: "ACTIVE",
  active: true,
  mode: "SANDBOX",
  amount: 5000,
  currency: "XAF",
  dynamic_amount: false,
  description: null,
  max_uses: 1,
  current_uses: 0,
  expires_at: null,
  paid_at: null,
  cancelled_at: null,
  created_at: "2026-11-25T10:00:00.000Z",
  order_id: null,
  merchant_reference: null,
  invoice_reference: null,
  metadata: {},
  urls: { pay: "https://pay.example.com/pay/pay_abcdEFGH12345678", short: "https://pay.example.com/p/Ab12Cd34" },
};
const payment = {
  id: "1d2f5a4e-2b1c-4b8e-9a51-0f6f1c2d3e4a",
  transaction_id: "TX-1",
  status: "PENDING",
  amount: 5000,
  currency: "XAF",
  provider: "MTN_CAM",
  failure_reason: null,
  provider_reference: null,
  payer_phone: "237670000001",
  mode: "SANDBOX",
  created_at: "2026-11-25T10:00:00.000Z",
  settled_at: null,
  paid_late: false,
  over_collected: false,
  link: { id: link.id, slug: link.slug },
};
const timestamp = "2026-11-25T10:00:00.000Z";

describe("webhook body schemas", () => {
  it("accept the documented body of each type and refuse a mismatched, incomplete or extended one", () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      const data = type.startsWith("link.") ? link : payment;
      const schema = WEBHOOK_BODY_SCHEMAS[type];
      expect(schema.safeParse({ type, timestamp, data }).success, type).toBe(true);
      expect(schema.safeParse({ type: "link.other", timestamp, data }).success, type).toBe(false);
      expect(schema.safeParse({ type, timestamp: "yesterday", data }).success, type).toBe(false);
      expect(schema.safeParse({ type, timestamp, data: { ...data, extra: 1 } }).success, type).toBe(false);
      expect(schema.safeParse({ type, timestamp, data: { ...data, id: undefined } }).success, type).toBe(false);
      expect(schema.safeParse({ type, timestamp, data, more: true }).success, type).toBe(false);
    }
    expect(WEBHOOK_BODY_SCHEMAS["link.paid"].safeParse({ type: "link.paid", timestamp, data: payment }).success).toBe(false);
    expect(WEBHOOK_BODY_SCHEMAS["payment.failed"].safeParse({ type: "payment.failed", timestamp, data: { ...payment, amount: 10.5 } }).success).toBe(false);
    expect(
      WEBHOOK_BODY_SCHEMAS[WEBHOOK_TEST_TYPE].safeParse({ type: WEBHOOK_TEST_TYPE, timestamp, data: { endpoint_id: link.id, message: "hi" } }).success,
    ).toBe(true);
  });
});

describe("the OpenAPI document's webhooks section", () => {
  const document = openApiDocument() as ReturnType<typeof openApiDocument> & {
    webhooks: Record<string, { post: { operationId: string; parameters: { name: string; in: string }[]; requestBody: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, unknown> } }>;
  };

  it("documents every event type and the test event, each POST with the Standard Webhooks headers and its body schema", () => {
    expect(Object.keys(document.webhooks)).toEqual([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_TYPE]);
    const operationIds = new Set<string>();
    for (const [type, item] of Object.entries(document.webhooks)) {
      operationIds.add(item.post.operationId);
      expect(item.post.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(["header:webhook-id", "header:webhook-timestamp", "header:webhook-signature"]);
      const ref = item.post.requestBody.content["application/json"]!.schema.$ref;
      const body = document.components.schemas[ref.replace("#/components/schemas/", "")] as {
        properties: { type: { const: string }; data: { $ref: string } };
        required: string[];
        additionalProperties: boolean;
      };
      expect(body.properties.type.const, type).toBe(type);
      expect(body.required).toEqual(["type", "timestamp", "data"]);
      expect(body.additionalProperties).toBe(false);
      const data = body.properties.data.$ref;
      expect(data).toBe(
        type === WEBHOOK_TEST_TYPE ? "#/components/schemas/WebhookTest" : type.startsWith("link.") ? "#/components/schemas/WebhookPaymentLink" : "#/components/schemas/WebhookPayment",
      );
      expect(Object.keys(item.post.responses)).toContain("2XX");
    }
    expect(operationIds.size).toBe(WEBHOOK_EVENT_TYPES.length + 1);
    const linkSchema = document.components.schemas.WebhookPaymentLink as { required: string[] };
    expect(linkSchema.required).toEqual(expect.arrayContaining(["id", "slug", "amount", "currency", "status", "urls"]));
    const paymentSchema = document.components.schemas.WebhookPayment as { required: string[] };
    expect(paymentSchema.required).toEqual(
      expect.arrayContaining(["id", "transaction_id", "amount", "currency", "status", "provider", "failure_reason", "paid_late", "over_collected", "link"]),
    );
  });

  it("resolves every webhook $ref to a component schema", () => {
    const refs = JSON.stringify(document.webhooks).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = ref.slice(8, -1).replace("#/components/schemas/", "");
      expect(document.components.schemas[name], name).toBeDefined();
    }
  });
});
