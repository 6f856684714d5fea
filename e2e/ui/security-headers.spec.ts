import { expect, test, type Page, type Response } from "@playwright/test";
import { createLink } from "../support/api";
import { signIn } from "../support/auth";

/**
 * Every page works under the Content-Security-Policy (no inline script without this response's
 * nonce), and every answer carries the security headers.
 */

/** Collects what the browser refuses because of the policy, and script errors, on a page. */
function watchViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

function scriptSrc(response: Response): string {
  const policy = response.headers()["content-security-policy"] ?? "";
  return policy.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
}

async function expectSecuredPage(page: Page, path: string) {
  const response = (await page.goto(path))!;
  const headers = response.headers();
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc(response))?.[1];
  expect(nonce, `${path}: a nonce in script-src`).toBeTruthy();
  expect(scriptSrc(response), path).toContain("'strict-dynamic'");
  expect(scriptSrc(response), path).not.toContain("'unsafe-inline'");
  expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  expect(headers["x-frame-options"], path).toBe("DENY");
  // Served over plain http here: no HSTS (a browser would ignore it anyway).
  expect(headers["strict-transport-security"], path).toBeUndefined();
  // Next.js put this response's nonce on every script, and its runtime started (hydration).
  const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.nonce));
  expect(scripts.length, path).toBeGreaterThan(0);
  for (const scriptNonce of scripts) expect(scriptNonce, `${path}: every script carries the nonce`).toBe(nonce);
  await page.waitForFunction(() => typeof (window as { next?: { version?: string } }).next?.version === "string");
}

test("public pages, the pay page and the dashboard run under the policy, with a fresh nonce each time", async ({ page, request }) => {
  const problems = watchViolations(page);
  for (const path of ["/", "/signin", "/signup", "/docs"]) await expectSecuredPage(page, path);
  const first = scriptSrc((await page.goto("/signin"))!);
  const second = scriptSrc((await page.goto("/signin"))!);
  expect(first).not.toBe(second);

  const link = await createLink(request, { description: "Pagne wax" });
  await expectSecuredPage(page, `/pay/${link.slug}`);
  // qrcode.react's code is drawn, and Tailwind's stylesheet applies (the body's bg-white).
  await expect(page.getByRole("img", { name: /Scan to pay/ })).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe("rgb(255, 255, 255)");

  await signIn(page);
  for (const path of ["/dashboard", "/dashboard/links", "/dashboard/links/new", "/dashboard/payments", "/dashboard/settings", "/dashboard/outbox", "/dashboard/webhooks", "/dashboard/developers", "/dashboard/orders"]) {
    await expectSecuredPage(page, path);
  }
  // Client code works: a server action (next-auth's session around it) on the create form...
  await page.goto("/dashboard/links/new");
  await page.getByLabel("Amount").fill("1500");
  await page.getByLabel("Description").fill("CSP check");
  await page.getByRole("button", { name: "Create payment link" }).click();
  await expect(page).toHaveURL(/\/dashboard\/links\/[0-9a-f-]{36}$/);
  // ...the links page's filters (react-query's island), and a fetch of the dashboard API from the page (connect-src).
  await page.goto("/dashboard/links");
  await page.getByLabel("Search").fill("CSP check");
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(/q=CSP\+check/);
  await expect(page.getByTestId("links").getByText("CSP check").first()).toBeVisible();
  expect(await page.evaluate(async () => (await fetch("/api/dashboard/links")).status)).toBe(200);
  expect(problems).toEqual([]);
});

test("no page can be framed, the pay page included", async ({ page, request }) => {
  const link = await createLink(request, { description: "Framed?" });
  await page.goto("/signin");
  const base = new URL(page.url()).origin;
  // A page of another origin (about:blank) that frames two of ours: the browser refuses both.
  await page.goto("about:blank");
  await page.setContent(`<iframe src="${base}/pay/${link.slug}" title="pay"></iframe><iframe src="${base}/signin" title="signin"></iframe>`);
  await page.waitForLoadState("load");
  const frames = page.frames().slice(1);
  expect(frames).toHaveLength(2);
  for (const frame of frames) {
    await expect.poll(() => frame.url(), { message: "the frame is replaced by the browser's error page" }).toMatch(/^chrome-error:/);
    expect(await frame.locator("form").count()).toBe(0);
  }
});

test("API answers and static files carry the headers too", async ({ request, page }) => {
  for (const path of ["/api/openapi.json", "/api/payment-links/does-not-exist", "/api/dashboard/links"]) {
    const response = await request.get(path);
    expect(response.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
  await page.goto("/signin");
  const script = await page.evaluate(() => [...document.scripts].map((s) => s.src).find((src) => src.includes("/_next/static/")));
  expect(script).toBeTruthy();
  const asset = await request.get(script!);
  expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  expect(asset.headers()["referrer-policy"]).toBe("same-origin");
});
