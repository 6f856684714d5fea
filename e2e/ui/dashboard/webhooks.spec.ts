/**
 * Webhook endpoints (Settings) and the webhook deliveries pages, for a merchant of its own (other
 * tests create links for the demo merchant at the same time), whose links are created through the
 * API with a key made on the Developers page. The worker runs in the app, so a delivery may already be
 * delivered, retrying or failed when it is looked at: the test asserts what does not depend on it,
 * and that every request the local receiver did get verifies with the secret the dashboard shows
 * (the `standardwebhooks` package, as a merchant's server would).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signUpNewMerchant } from "../../support/auth";
import { expectNoA11yViolations } from "../../support/axe";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/events";

interface Received {
  headers: Record<string, string>;
  body: string;
}

/** A merchant's server on this machine (the browser tests allow private URLs): answers 204 to everything. */
async function startReceiver() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function noSidewaysScroll(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, what).toBeLessThanOrEqual(0);
}

test("webhook endpoints and deliveries: add, see a delivery, its detail, re-send, test event, disable, remove", async ({ page, request }) => {
  test.setTimeout(90_000);
  const receiver = await startReceiver();
  try {
    const url = `http://127.0.0.1:${receiver.port}/hooks/${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    await signUpNewMerchant(page, "Webhook shop");
    await page.goto("/dashboard/developers");
    await page.getByLabel("Name").fill("Webhook backend");
    await page.getByRole("button", { name: "Create key" }).click();
    const apiKey = (await page.getByTestId("new-api-key").textContent())!;

    // Nothing yet: the empty states.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Webhooks" }).click();
    await expect(page).toHaveURL(/\/dashboard\/webhooks$/);
    await expect(page.getByRole("heading", { level: 1, name: "Webhook deliveries" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "No deliveries yet." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Send a test event" })).toContainText("No enabled endpoint");
    await expectNoA11yViolations(page);

    await page.getByRole("link", { name: "Add a webhook endpoint" }).click();
    await expect(page).toHaveURL(/\/dashboard\/settings$/);
    const endpoints = page.getByRole("region", { name: "Webhook endpoints" });
    await expect(endpoints).toContainText("No webhook endpoints yet.");
    await expect(endpoints.getByRole("heading", { name: "Add an endpoint" })).toBeVisible();

    // A URL the server refuses (credentials in it): a 4xx naming `url`, shown beside the field.
    await endpoints.getByLabel("Endpoint URL").fill("https://user:secret@hooks.example.com/paylinks");
    await endpoints.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("#endpoint-url-error")).toHaveText("url must not carry a user name or password");
    await expect(endpoints.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");

    // No event picked: refused in the browser. Then "Link created" only, with the keyboard.
    await endpoints.getByLabel("Endpoint URL").fill(url);
    const boxes = endpoints.getByRole("group", { name: "Events to send" }).getByRole("checkbox");
    await expect(boxes).toHaveCount(WEBHOOK_EVENT_TYPES.length);
    for (const box of await boxes.all()) await box.uncheck();
    await endpoints.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page.locator("#new-endpoint-events-error")).toHaveText("Pick at least one event");
    await endpoints.getByRole("checkbox", { name: /Link created/ }).focus();
    await page.keyboard.press("Space");
    await expect(endpoints.getByRole("checkbox", { name: /Link created/ })).toBeChecked();
    await endpoints.getByRole("button", { name: "Add endpoint" }).focus();
    await page.keyboard.press("Enter");
    await expect(endpoints.getByRole("status").filter({ hasText: "Endpoint added." })).toBeVisible();

    const card = endpoints.getByRole("article", { name: url });
    await expect(card.getByTestId("endpoint-status")).toHaveText("Enabled");
    await expect(card.getByTestId("endpoint-events")).toHaveText("Events: Link created");
    await expectNoA11yViolations(page);

    await page.getByRole("button", { name: "Reveal" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

    // A link created through the API writes a delivery to the endpoint at once.
    const created = await request.post("/api/payment-links/create", {
      headers: { "x-api-key": apiKey },
      data: { amount: 5000, description: "Webhook e2e" },
    });
    expect(created.status()).toBe(200);
    const link = (await created.json()).data as { id: string };
    await card.getByRole("link", { name: /^Deliveries/ }).click();
    await expect(page).toHaveURL(/\/dashboard\/webhooks\?endpoint=[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: "Webhook deliveries" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Webhooks", exact: true })).toHaveAttribute("aria-current", "page");
    const deliveries = page.getByTestId("delivery");
    await expect(deliveries).toHaveCount(1);
    await expect(deliveries.first().getByRole("heading", { name: "link.created" })).toBeVisible();
    await expect(deliveries.first().getByTestId("delivery-endpoint")).toHaveText(url);
    await expectNoA11yViolations(page);

    // Its page: what is (or will be) sent, then re-send it.
    await deliveries.first().getByRole("link", { name: "link.created" }).click();
    await expect(page).toHaveURL(/\/dashboard\/webhooks\/[0-9a-f-]{36}$/);
    const deliveryPath = new URL(page.url()).pathname;
    await expect(page.getByRole("heading", { level: 1, name: "link.created delivery" })).toBeVisible();
    const requestSection = page.getByRole("region", { name: "Request" });
    await expect(requestSection).toContainText(link.id);
    await expect(requestSection).toContainText('"type": "link.created"');
    await expect(page.getByRole("region", { name: "Response" })).toBeVisible();
    await expectNoA11yViolations(page);

    // Re-send (refused only while an attempt is in flight, for an instant: then try again).
    for (let attempt = 0; ; attempt++) {
      await page.getByRole("button", { name: "Re-send" }).click();
      const outcome = page.getByText(/Queued again|being sent right now/);
      await expect(outcome).toBeVisible();
      if ((await outcome.textContent())!.startsWith("Queued again") || attempt === 3) break;
      await page.reload();
    }
    await expect(page.getByRole("status").filter({ hasText: "Queued again: it is sent within seconds." })).toBeVisible();

    // A test event from the deliveries page, followed to its own page.
    await page.getByRole("link", { name: "Webhook deliveries" }).click();
    const testEvent = page.getByRole("region", { name: "Send a test event" });
    await testEvent.getByLabel("Send to").selectOption({ label: url });
    await testEvent.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "webhook.test delivery" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Request" })).toContainText("A test event from Paylinks");

    // At 360 px, nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 740 });
    await noSidewaysScroll(page, "a delivery");
    await page.goto(deliveryPath);
    await noSidewaysScroll(page, "another delivery");
    await page.goto("/dashboard/webhooks");
    await noSidewaysScroll(page, "deliveries");
    await page.goto("/dashboard/settings");
    await noSidewaysScroll(page, "settings");
    await page.setViewportSize({ width: 1280, height: 720 });

    // Disable, enable, and a test event from Settings.
    await page.goto("/dashboard/settings");
    const settingsCard = page.getByRole("region", { name: "Webhook endpoints" }).getByRole("article", { name: url });
    await settingsCard.getByRole("button", { name: /^Disable/ }).click();
    await expect(settingsCard.getByTestId("endpoint-status")).toHaveText("Disabled");
    await expect(settingsCard).toContainText("Disabled by the merchant");
    await expect(settingsCard.getByRole("button", { name: /^Send test event/ })).toHaveCount(0);
    await settingsCard.getByRole("button", { name: /^Enable/ }).click();
    await expect(settingsCard.getByTestId("endpoint-status")).toHaveText("Enabled");
    await settingsCard.getByRole("button", { name: /^Send test event/ }).click();
    await expect(settingsCard.getByRole("status")).toContainText("Test event queued.");

    // Every request that reached the receiver verifies with the secret shown (none may have yet).
    const webhook = new Webhook(secret);
    for (const got of receiver.received) {
      const body = webhook.verify(got.body, got.headers) as { type: string };
      expect(["link.created", "webhook.test"]).toContain(body.type);
    }

    // Remove it: gone from Settings.
    page.once("dialog", (dialog) => dialog.accept());
    await settingsCard.getByRole("button", { name: /^Remove/ }).click();
    await expect(page.getByRole("region", { name: "Webhook endpoints" }).getByRole("article", { name: url })).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});
