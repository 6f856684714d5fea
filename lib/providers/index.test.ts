import { afterEach, describe, expect, it, vi } from "vitest";
import { isLiveConfigured, readMtnConfig, readOrangeConfig } from "./config";
import { collectableProviders, getProviderClient } from "./index";
import { MtnProvider } from "./mtn/mtn-provider";
import { OrangeProvider } from "./orange/orange-provider";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getProviderClient", () => {
  it("gives each provider its client, the same one while the settings stay the same", () => {
    const mtn = getProviderClient("MTN_CAM");
    expect(mtn).toBeInstanceOf(MtnProvider);
    expect(mtn.provider).toBe("MTN_CAM");
    expect(getProviderClient("MTN_CAM")).toBe(mtn);
    const orange = getProviderClient("ORANGE_CAM");
    expect(orange).toBeInstanceOf(OrangeProvider);
    expect(orange.provider).toBe("ORANGE_CAM");
  });

  it("gives LIVE its own client, from the live settings", () => {
    vi.stubEnv("MTN_LIVE_BASE_URL", "https://live.mtn.test");
    const live = getProviderClient("MTN_CAM", "LIVE");
    expect(live).toBeInstanceOf(MtnProvider);
    expect(live).not.toBe(getProviderClient("MTN_CAM", "SANDBOX"));
    vi.stubEnv("MTN_LIVE_BASE_URL", "");
    expect(() => getProviderClient("MTN_CAM", "LIVE")).toThrow(/MTN_LIVE_BASE_URL is not set/);
  });

  it("gives a new client when the settings change", () => {
    const before = getProviderClient("ORANGE_CAM");
    vi.stubEnv("ORANGE_BASE_URL", "http://127.0.0.1:5999");
    expect(getProviderClient("ORANGE_CAM")).not.toBe(before);
  });
});

describe("provider settings", () => {
  it("default to the local mocks", () => {
    expect(readMtnConfig({})).toEqual({
      mode: "SANDBOX",
      variablePrefix: "MTN",
      baseUrl: "http://127.0.0.1:4010",
      apiUser: "mock-api-user",
      apiKey: "mock-api-key",
      subscriptionKey: "mock-subscription-key",
      targetEnvironment: "sandbox",
      timeoutMs: 10_000,
    });
    expect(readOrangeConfig({ ORANGE_CLIENT_ID: "" })).toEqual({
      mode: "SANDBOX",
      variablePrefix: "ORANGE",
      baseUrl: "http://127.0.0.1:4020",
      clientId: "mock-client-id",
      clientSecret: "mock-client-secret",
      merchantKey: "mock-merchant-key",
      timeoutMs: 10_000,
    });
  });

  it("read the environment, without a trailing slash on base URLs", () => {
    const config = readMtnConfig({
      MTN_BASE_URL: "https://sandbox.momodeveloper.mtn.com/",
      MTN_TARGET_ENVIRONMENT: "sandbox",
      PROVIDER_TIMEOUT_MS: "2500",
    });
    expect(config).toMatchObject({ baseUrl: "https://sandbox.momodeveloper.mtn.com", targetEnvironment: "sandbox", timeoutMs: 2500 });
  });

  it("keep SANDBOX away from real money: the sandbox MTN settings take no live target environment", () => {
    expect(() => readMtnConfig({ MTN_TARGET_ENVIRONMENT: "mtncameroon" })).toThrow(/MTN_TARGET_ENVIRONMENT: must be "sandbox"/);
  });

  it("have no live defaults: LIVE exists only with its base URL, and then needs every credential", () => {
    expect(isLiveConfigured("MTN_CAM", {})).toBe(false);
    expect(isLiveConfigured("ORANGE_CAM", { ORANGE_LIVE_BASE_URL: " " })).toBe(false);
    expect(collectableProviders("SANDBOX", {})).toEqual(["MTN_CAM", "ORANGE_CAM"]);
    expect(collectableProviders("LIVE", {})).toEqual([]);
    expect(collectableProviders("LIVE", { ORANGE_LIVE_BASE_URL: "https://api.orange.test" })).toEqual(["ORANGE_CAM"]);
    expect(() => readMtnConfig({}, "LIVE")).toThrow(/MTN_LIVE_BASE_URL is not set/);
    expect(() => readMtnConfig({ MTN_LIVE_BASE_URL: "https://momo.test" }, "LIVE")).toThrow(/MTN_LIVE_API_USER is required/);
    expect(() => readOrangeConfig({ ORANGE_LIVE_BASE_URL: "https://orange.test", ORANGE_LIVE_CLIENT_ID: "id" }, "LIVE")).toThrow(
      /ORANGE_LIVE_CLIENT_SECRET is required/,
    );
  });

  it("read LIVE from the *_LIVE_* variables only, never pointing at the sandbox's service", () => {
    const live = { MTN_LIVE_BASE_URL: "https://proxy.momoapi.mtn.com/", MTN_LIVE_API_USER: "u", MTN_LIVE_API_KEY: "k", MTN_LIVE_SUBSCRIPTION_KEY: "s" };
    expect(readMtnConfig(live, "LIVE")).toEqual({
      mode: "LIVE",
      variablePrefix: "MTN_LIVE",
      baseUrl: "https://proxy.momoapi.mtn.com",
      apiUser: "u",
      apiKey: "k",
      subscriptionKey: "s",
      targetEnvironment: "mtncameroon",
      timeoutMs: 10_000,
    });
    expect(() => readMtnConfig({ ...live, MTN_LIVE_TARGET_ENVIRONMENT: "sandbox" }, "LIVE")).toThrow(/cannot be "sandbox"/);
    // The default sandbox is the mock: a live configuration pointing there is refused.
    expect(() => readMtnConfig({ ...live, MTN_LIVE_BASE_URL: "http://127.0.0.1:4010" }, "LIVE")).toThrow(/never go to the sandbox/);
    const orange = { ORANGE_LIVE_BASE_URL: "https://api.orange.com", ORANGE_LIVE_CLIENT_ID: "i", ORANGE_LIVE_CLIENT_SECRET: "c", ORANGE_LIVE_MERCHANT_KEY: "m" };
    expect(readOrangeConfig(orange, "LIVE")).toMatchObject({ mode: "LIVE", variablePrefix: "ORANGE_LIVE", baseUrl: "https://api.orange.com", merchantKey: "m" });
    expect(() => readOrangeConfig({ ...orange, ORANGE_BASE_URL: "https://api.orange.com" }, "LIVE")).toThrow(/ORANGE_LIVE_BASE_URL is the sandbox's ORANGE_BASE_URL/);
  });

  it("throw on a malformed value, naming the variable", () => {
    expect(() => readMtnConfig({ PROVIDER_TIMEOUT_MS: "ten" })).toThrow(/Invalid MTN MoMo settings: PROVIDER_TIMEOUT_MS/);
    expect(() => readOrangeConfig({ ORANGE_BASE_URL: "ftp://orange" })).toThrow(/Invalid Orange Money settings: ORANGE_BASE_URL/);
  });
});
