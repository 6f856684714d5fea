import { afterEach, describe, expect, it } from "vitest";
import { appBaseUrl } from "@/lib/config/app-url";
import { publicBaseUrl, publicBaseUrlFromHeaders } from "./request-info";

const saved = { APP_URL: process.env.APP_URL, NODE_ENV: process.env.NODE_ENV };
const env = process.env as Record<string, string | undefined>;
afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
});

const hostile = () =>
  new Request("http://evil.example/api/payment-links", { headers: { host: "evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" } });

describe("the public base URL of the links the product hands out", () => {
  it("is APP_URL whatever Host or X-Forwarded-Host a request carries", () => {
    env.APP_URL = "https://pay.example.com/";
    expect(publicBaseUrl(hostile())).toBe("https://pay.example.com");
    expect(publicBaseUrlFromHeaders(hostile().headers)).toBe("https://pay.example.com");
  });

  it("in production never comes from the request: without APP_URL it is an error, not the Host header", () => {
    delete env.APP_URL;
    env.NODE_ENV = "production";
    expect(() => publicBaseUrl(hostile())).toThrow(/APP_URL is not set/);
    expect(() => publicBaseUrlFromHeaders(hostile().headers)).toThrow(/APP_URL is not set/);
    expect(() => appBaseUrl()).toThrow(/APP_URL is not set/);
  });

  it("outside production, without APP_URL, is the request's origin (next dev, tests)", () => {
    delete env.APP_URL;
    env.NODE_ENV = "development";
    expect(publicBaseUrl(new Request("http://localhost:3000/x"))).toBe("http://localhost:3000");
    expect(appBaseUrl()).toBe("http://localhost:3000");
  });
});
