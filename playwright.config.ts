import { defineConfig, devices } from "@playwright/test";

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against the production build
 * started by `next start`. `npm test` builds, prepares the database and sets E2E_DATABASE_URL.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;

/**
 * The environment of an app server of the browser tests: the one Playwright starts, and the
 * extra instances the reliability specs start themselves on other ports (same database).
 */
export function serverEnv(serverPort: number): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL ?? "",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
    APP_URL: `http://127.0.0.1:${serverPort}`,
    // Payments left pending time out quickly, so that the browser tests can watch it happen.
    PAYMENT_TIMEOUT_MS: "8000",
    RECONCILE_INTERVAL_MS: "1000",
    // Webhook and callback receivers of the browser tests listen on this machine.
    ALLOW_PRIVATE_URLS: process.env.ALLOW_PRIVATE_URLS ?? "1",
    // The browser and API tests share one client IP and the demo key: limits are tested in Vitest.
    RATE_LIMIT_PER_IP: process.env.RATE_LIMIT_PER_IP ?? "100000",
    RATE_LIMIT_PER_CREDENTIAL: process.env.RATE_LIMIT_PER_CREDENTIAL ?? "100000",
    // ...and so do the sign-ups, the demo login's sign-ins, the pay pages' polls and the mocks' callbacks.
    ...Object.fromEntries(
      ["SIGNUPS_PER_IP", "SIGNUP_EMAILS_PER_ADDRESS", "SIGNIN_ATTEMPTS_PER_ACCOUNT", "RATE_LIMIT_PAY_STATUS_PER_IP", "RATE_LIMIT_CALLBACKS_PER_IP"].map((name) => [
        name,
        process.env[name] ?? "100000",
      ]),
    ),
    // The mock providers npm test started (unset: the clients' defaults).
    ...Object.fromEntries(
      ["MTN_BASE_URL", "ORANGE_BASE_URL"].flatMap((name) => (process.env[name] ? [[name, process.env[name]!]] : [])),
    ),
  };
}

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", testIgnore: "ui/pay/**", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // The customer is on a phone: the pay page is tested on a phone's viewport and touch.
    { name: "phone", testMatch: "ui/pay/**/*.spec.ts", use: { ...devices["Pixel 5"], channel: undefined } },
  ],
  webServer: {
    command: `node_modules/.bin/next start -H 127.0.0.1 -p ${port}`,
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: serverEnv(port),
  },
});
