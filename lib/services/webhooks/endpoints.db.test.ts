import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_WEBHOOK_ENDPOINTS } from "@/lib/domain/webhooks/schemas";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { createWebhookEndpoint } from "./create-endpoint";
import { deleteWebhookEndpoint, ENDPOINT_DELETED } from "./delete-endpoint";
import { assertEndpointUrl, endpointsRequireHttps } from "./endpoint-url";
import { listDeliveries } from "./list-deliveries";
import { listWebhookEndpoints } from "./list-endpoints";
import { resendDelivery } from "./resend-delivery";
import { sendTestEvent } from "./send-test-event";
import { DISABLED_BY_MERCHANT, disableWebhookEndpoint, enableWebhookEndpoint } from "./set-endpoint-enabled";
import { updateWebhookEndpoint } from "./update-endpoint";

const URL_A = "https://hooks.example.com/paylinks";

beforeEach(() => {
  vi.stubEnv("ALLOW_PRIVATE_URLS", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("createWebhookEndpoint and listWebhookEndpoints", () => {
  it("stores the normalised URL and the events in the documented order, enabled", async () => {
    const scope = await createMerchant();
    const created = await createWebhookEndpoint(scope, { url: "  https://Hooks.Example.com/paylinks?x=1 ", events: ["payment.succeeded", "link.created", "link.created"] });
    expect(created).toMatchObject({
      url: "https://hooks.example.com/paylinks?x=1",
      events: ["link.created", "payment.succeeded"],
      enabled: true,
      disabledAt: null,
      disabledReason: null,
    });
    const second = await createWebhookEndpoint(scope, { url: "http://hooks.example.com:8080/dev", events: ["link.paid"] });
    expect((await listWebhookEndpoints(scope)).map((e) => e.id)).toEqual([created.id, second.id]);
    expect(await listWebhookEndpoints(await createMerchant())).toEqual([]);
  });

  it("refuses bad input naming the field, and saves nothing", async () => {
    const scope = await createMerchant();
    const cases: [unknown, string, RegExp][] = [
      [{ url: "", events: ["link.created"] }, "url", /url is required/],
      [{ url: "hooks.example.com/x", events: ["link.created"] }, "url", /http\(s\) URL/],
      [{ url: "ftp://hooks.example.com/x", events: ["link.created"] }, "url", /http\(s\) URL/],
      [{ url: `https://hooks.example.com/${"a".repeat(2000)}`, events: ["link.created"] }, "url", /at most 2000/],
      [{ url: "https://user:secret@hooks.example.com/x", events: ["link.created"] }, "url", /user name or password/],
      [{ url: "http://127.0.0.1:8080/x", events: ["link.created"] }, "url", /loopback/],
      [{ url: "https://169.254.169.254/latest/meta-data", events: ["link.created"] }, "url", /link-local/],
      [{ url: "https://10.1.2.3/x", events: ["link.created"] }, "url", /private/],
      [{ url: "http://localhost:3000/x", events: ["link.created"] }, "url", /own network/],
      [{ url: URL_A, events: [] }, "events", /at least one event/],
      [{ url: URL_A, events: ["link.redeemed"] }, "events.0", /events must be among/],
      [{ url: URL_A, events: "link.created" }, "events", /list of event types/],
      [{ url: URL_A, events: ["link.created"], secret: "x" }, "secret", /unknown field/],
    ];
    for (const [input, field, message] of cases) {
      const error = await rejection(createWebhookEndpoint(scope, input as never));
      expect(error.code, JSON.stringify(input)).toBe("VALIDATION");
      expect(error.details.field, JSON.stringify(input)).toBe(field);
      expect(error.message).toMatch(message);
    }
    expect(await listWebhookEndpoints(scope)).toEqual([]);
  });

  it("requires https in production unless private URLs are allowed", async () => {
    expect(endpointsRequireHttps({ NODE_ENV: "production" })).toBe(true);
    expect(endpointsRequireHttps({ NODE_ENV: "development" })).toBe(false);
    expect(endpointsRequireHttps({ NODE_ENV: "test" })).toBe(false);
    expect(assertEndpointUrl("http://hooks.example.com/x", { NODE_ENV: "test" })).toBe("http://hooks.example.com/x");
    expect(assertEndpointUrl("https://hooks.example.com/x", { NODE_ENV: "production" })).toBe("https://hooks.example.com/x");

    const scope = await createMerchant();
    vi.stubEnv("NODE_ENV", "production");
    const refused = await rejection(createWebhookEndpoint(scope, { url: "http://hooks.example.com/x", events: ["link.created"] }));
    expect(refused).toMatchObject({ code: "VALIDATION", message: "url must be an https URL", details: { field: "url" } });
    vi.stubEnv("ALLOW_PRIVATE_URLS", "1");
    expect(await createWebhookEndpoint(scope, { url: "http://127.0.0.1:4999/hooks", events: ["link.created"] })).toMatchObject({ url: "http://127.0.0.1:4999/hooks" });
  });

  it("refuses the same URL twice and more than the most endpoints allowed", async () => {
    const scope = await createMerchant();
    await createWebhookEndpoint(scope, { url: URL_A, events: ["link.created"] });
    const twice = await rejection(createWebhookEndpoint(scope, { url: `${URL_A} `, events: ["link.paid"] }));
    expect(twice).toMatchObject({ code: "VALIDATION", details: { field: "url" }, message: "url is already one of your webhook endpoints" });
    // Another merchant may use the same URL.
    await createWebhookEndpoint(await createMerchant(), { url: URL_A, events: ["link.created"] });

    await Promise.all(
      Array.from({ length: MAX_WEBHOOK_ENDPOINTS + 3 }, (_, i) =>
        createWebhookEndpoint(scope, { url: `https://hooks.example.com/${i}`, events: ["link.created"] }).catch(() => null),
      ),
    );
    expect(await listWebhookEndpoints(scope)).toHaveLength(MAX_WEBHOOK_ENDPOINTS);
    const tooMany = await rejection(createWebhookEndpoint(scope, { url: "https://hooks.example.com/more", events: ["link.created"] }));
    expect(tooMany).toMatchObject({ code: "VALIDATION", details: { field: "url" } });
    expect(tooMany.message).toMatch(/at most 10 webhook endpoints/);
  });
});

describe("updateWebhookEndpoint", () => {
  it("replaces the events; refuses none or unknown ones", async () => {
    const scope = await createMerchant();
    const endpoint = await createWebhookEndpoint(scope, { url: URL_A, events: ["link.created"] });
    expect(await updateWebhookEndpoint(scope, endpoint.id, { events: ["payment.failed", "link.paid"] })).toMatchObject({
      id: endpoint.id,
      url: URL_A,
      events: ["link.paid", "payment.failed"],
    });
    expect(await rejection(updateWebhookEndpoint(scope, endpoint.id, { events: [] }))).toMatchObject({ code: "VALIDATION", details: { field: "events" } });
    expect(await rejection(updateWebhookEndpoint(scope, endpoint.id, { events: ["x"] } as never))).toMatchObject({ code: "VALIDATION", details: { field: "events.0" } });
    expect(await rejection(updateWebhookEndpoint(scope, endpoint.id, { events: ["link.paid"], url: "https://x.example.com" } as never))).toMatchObject({
      code: "VALIDATION",
      details: { field: "url" },
    });
    expect((await listWebhookEndpoints(scope))[0]!.events).toEqual(["link.paid", "payment.failed"]);
  });
});

describe("disable, enable, delete", () => {
  it("disabling stops new messages and keeps its reason; enabling brings them back", async () => {
    const scope = await createMerchant();
    const endpoint = await createWebhookEndpoint(scope, { url: URL_A, events: ["link.created"] });
    const now = new Date("2026-11-25T10:00:00Z");
    const disabled = await disableWebhookEndpoint(scope, endpoint.id, now);
    expect(disabled).toMatchObject({ enabled: false, disabledAt: now, disabledReason: DISABLED_BY_MERCHANT });
    // A second disable keeps the first time and reason (as one set by the worker after a 410 would be kept).
    expect(await disableWebhookEndpoint(scope, endpoint.id)).toMatchObject({ disabledAt: now, disabledReason: DISABLED_BY_MERCHANT });
    await createTestLink(scope);
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId } })).toBe(0);

    expect(await enableWebhookEndpoint(scope, endpoint.id)).toMatchObject({ enabled: true, disabledAt: null, disabledReason: null });
    await createTestLink(scope);
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId, endpointId: endpoint.id } })).toBe(1);
  });

  it("enabling clears what the worker set after a 410", async () => {
    const scope = await createMerchant();
    const endpoint = await createWebhookEndpoint(scope, { url: URL_A, events: ["link.created"] });
    await getDb().webhookEndpoint.update({ where: { id: endpoint.id }, data: { disabledAt: new Date(), disabledReason: "answered HTTP 410 Gone" } });
    expect((await listWebhookEndpoints(scope))[0]).toMatchObject({ enabled: false, disabledReason: "answered HTTP 410 Gone" });
    expect(await enableWebhookEndpoint(scope, endpoint.id)).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("deleting gives up its waiting deliveries, keeps them listed, and writes nothing more for it", async () => {
    const scope = await createMerchant();
    const endpoint = await createWebhookEndpoint(scope, { url: URL_A, events: ["link.created"] });
    const keep = await createWebhookEndpoint(scope, { url: "https://other.example.com/hooks", events: ["link.created"] });
    await createTestLink(scope);
    const sent = await sendTestEvent(scope, endpoint.id);
    await getDb().outboxMessage.update({ where: { id: sent.id }, data: { status: "SENT", sentAt: new Date() } });

    await deleteWebhookEndpoint(scope, endpoint.id);
    expect(await listWebhookEndpoints(scope)).toEqual([expect.objectContaining({ id: keep.id })]);
    const rows = await getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId, destination: URL_A } });
    expect(rows.map((r) => [r.kind, r.status, r.endpointId, r.lastError]).sort()).toEqual([
      ["link.created", "FAILED", null, ENDPOINT_DELETED],
      ["webhook.test", "SENT", null, null],
    ]);
    // The other endpoint's delivery is untouched.
    expect(await getDb().outboxMessage.findFirstOrThrow({ where: { endpointId: keep.id } })).toMatchObject({ status: "PENDING" });
    // Still listed, and not re-sendable.
    const listed = await listDeliveries(scope);
    expect(listed.total.count).toBe(3);
    expect(await rejection(resendDelivery(scope, rows[0]!.id))).toMatchObject({ code: "INVALID_STATE" });

    await createTestLink(scope);
    expect(await getDb().outboxMessage.count({ where: { merchantId: scope.merchantId, destination: URL_A } })).toBe(2);
  });
});

describe("tenant isolation", () => {
  it("another merchant's endpoint is NOT_FOUND everywhere, and stays as it was", async () => {
    const owner = await createMerchant();
    const intruder = await createMerchant();
    const endpoint = await createWebhookEndpoint(owner, { url: URL_A, events: ["link.created"] });
    const attempts = [
      () => updateWebhookEndpoint(intruder, endpoint.id, { events: ["link.paid"] }),
      () => disableWebhookEndpoint(intruder, endpoint.id),
      () => enableWebhookEndpoint(intruder, endpoint.id),
      () => deleteWebhookEndpoint(intruder, endpoint.id),
      () => sendTestEvent(intruder, endpoint.id),
      () => listDeliveries(intruder, { endpointId: endpoint.id }),
      () => updateWebhookEndpoint(owner, "not-a-uuid", { events: ["link.paid"] }),
      () => disableWebhookEndpoint(owner, "00000000-0000-4000-8000-000000000000"),
    ];
    for (const attempt of attempts) {
      expect(await rejection(attempt())).toMatchObject({ code: "NOT_FOUND", message: "Webhook endpoint not found" });
    }
    expect(await listWebhookEndpoints(owner)).toEqual([expect.objectContaining({ id: endpoint.id, events: ["link.created"], enabled: true })]);
    expect(await getDb().outboxMessage.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });
});
