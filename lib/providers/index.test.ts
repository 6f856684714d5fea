import { afterEach, describe, expect, it, vi } from "vitest";
import { readMtnConfig, readOrangeConfig } from "./config";
import { getProviderClient } from "./index";
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

  it("gives a new client when the settings change", () => {
    const before = getProviderClient("ORANGE_CAM");
    vi.stubEnv("ORANGE_BASE_URL", "http://127.0.0.1:5999");
    expect(getProviderClient("ORANGE_CAM")).not.toBe(before);
  });
});

describe("provider settings", () => {
  it("default to the local mocks", () => {
    expect(readMtnConfig({})).toEqual({
      baseUrl: "http://127.0.0.1:4010",
      apiUser: "mock-api-user",
      apiKey: "mock-api-key",
      subscriptionKey: "mock-subscription-key",
      targetEnvironment: "sandbox",
      timeoutMs: 10_000,
    });
    expect(readOrangeConfig({ ORANGE_CLIENT_ID: "" })).toEqual({
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
      MTN_TARGET_ENVIRONMENT: "mtncameroon",
      PROVIDER_TIMEOUT_MS: "2500",
    });
    expect(config).toMatchObject({ baseUrl: "https://sandbox.momodeveloper.mtn.com", targetEnvironment: "mtncameroon", timeoutMs: 2500 });
  });

  it("throw on a malformed value, naming the variable", () => {
    expect(() => readMtnConfig({ PROVIDER_TIMEOUT_MS: "ten" })).toThrow(/Invalid MTN MoMo settings: PROVIDER_TIMEOUT_MS/);
    expect(() => readOrangeConfig({ ORANGE_BASE_URL: "ftp://orange" })).toThrow(/Invalid Orange Money settings: ORANGE_BASE_URL/);
  });
});
