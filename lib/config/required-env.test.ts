import { describe, expect, it } from "vitest";
import { assertProductionEnv, parseTrustedProxies, productionEnvProblems } from "./required-env.mjs";

const GOOD = { APP_URL: "https://pay.example.com", AUTH_SECRET: "s".repeat(44) };

describe("productionEnvProblems", () => {
  it("accepts a production environment with APP_URL and AUTH_SECRET", () => {
    expect(productionEnvProblems(GOOD)).toEqual([]);
    expect(() => assertProductionEnv({ ...GOOD, TRUSTED_PROXIES: "10.0.0.0/8" })).not.toThrow();
  });

  it("names every missing or bad setting, and how to fix it", () => {
    expect(productionEnvProblems({})).toEqual([
      expect.stringMatching(/^APP_URL is not set: set it to the public base URL/),
      expect.stringMatching(/^AUTH_SECRET is not set: .*openssl rand -base64 32/),
    ]);
    expect(productionEnvProblems({ ...GOOD, APP_URL: "pay.example.com" })).toEqual([expect.stringMatching(/^APP_URL must be an absolute http\(s\) URL/)]);
    expect(productionEnvProblems({ ...GOOD, APP_URL: "ftp://pay.example.com" })).toHaveLength(1);
    expect(productionEnvProblems({ ...GOOD, AUTH_SECRET: "short" })).toEqual([expect.stringMatching(/^AUTH_SECRET is too short \(5 characters\)/)]);
    expect(productionEnvProblems({ ...GOOD, TRUSTED_PROXIES: "10.0.0.0/8, lb.internal" })).toEqual([expect.stringContaining('"lb.internal" is not an IP address')]);
    expect(() => assertProductionEnv({})).toThrow(/^Paylinks refuses to start in production:\n- APP_URL is not set.*\n- AUTH_SECRET is not set/s);
  });
});

describe("parseTrustedProxies", () => {
  it("reads addresses and CIDR ranges, IPv4 and IPv6, separated by commas or spaces", () => {
    expect(parseTrustedProxies(undefined)).toBeNull();
    expect(parseTrustedProxies(" , ")).toBeNull();
    const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.1 fd00::/8")!;
    expect(proxies.entries).toEqual(["10.0.0.0/8", "192.0.2.1", "fd00::/8"]);
    expect(["10.255.0.1", "192.0.2.1", "fd00::1"].map((a) => proxies.has(a))).toEqual([true, true, true]);
    expect(["11.0.0.1", "192.0.2.2", "fe00::1", "not-an-ip"].map((a) => proxies.has(a))).toEqual([false, false, false, false]);
  });

  it("refuses what is not an address or a range", () => {
    for (const bad of ["10.0.0.0/33", "10.0.0.0/", "10.0.0.0/8/1", "10.0.0.256", "fd00::/129", "proxy", "10.0.0.0/x"]) {
      expect(() => parseTrustedProxies(bad), bad).toThrow(/TRUSTED_PROXIES/);
    }
  });
});
