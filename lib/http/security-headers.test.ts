import fs from "node:fs";
import path from "node:path";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { NextRequest, NextResponse } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";
import { contentSecurityPolicy, forwardRequestHeaders, withSecurityHeaders } from "./security-headers";

const savedAppUrl = process.env.APP_URL;
afterEach(() => {
  if (savedAppUrl === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = savedAppUrl;
});

/** The request headers an answer hands on to the page (what NextResponse.next({ request }) encodes). */
function forwarded(response: Response): Record<string, string> {
  const keys = response.headers.get("x-middleware-override-headers")?.split(",") ?? [];
  return Object.fromEntries(keys.map((key) => [key, response.headers.get(`x-middleware-request-${key}`) ?? ""]));
}

function directives(policy: string): Record<string, string> {
  return Object.fromEntries(policy.split(/;\s*/).map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));
}

describe("contentSecurityPolicy", () => {
  it("runs only scripts with the nonce (and what they load), never inline ones, and forbids framing", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc123", https: false }));
    expect(policy["script-src"]).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy["script-src"]).not.toContain("unsafe-inline");
    expect(policy["script-src"]).not.toContain("unsafe-eval");
    expect(policy["frame-ancestors"]).toBe("'none'");
    expect(policy["object-src"]).toBe("'none'");
    expect(policy["base-uri"]).toBe("'none'");
    expect(policy["form-action"]).toBe("'self'");
    expect(policy["default-src"]).toBe("'self'");
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
  });

  it("upgrades insecure requests over https, and allows eval only in development (React's dev tools)", () => {
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toMatch(/; upgrade-insecure-requests$/);
    expect(directives(contentSecurityPolicy({ nonce: "n", https: false, dev: true }))["script-src"]).toContain("'unsafe-eval'");
  });
});

describe("withSecurityHeaders", () => {
  const request = (url: string, headers: Record<string, string> = {}) => new NextRequest(url, { headers });

  it("sets the headers on the answer and hands a fresh nonce and the policy to the page", async () => {
    const first = await withSecurityHeaders(request("http://app.test/signin", { "x-nonce": "forged", cookie: "a=b" }), () => NextResponse.next());
    const second = await withSecurityHeaders(request("http://app.test/signin"), () => NextResponse.next());
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1]!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.headers.get("content-security-policy")).not.toContain(nonce);
    expect(forwarded(first)).toMatchObject({ "x-nonce": nonce, "content-security-policy": policy, cookie: "a=b" });
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("x-frame-options")).toBe("DENY");
    expect(first.headers.get("strict-transport-security")).toBeNull();
  });

  it("keeps the request headers the rest of the proxy set", async () => {
    const response = await withSecurityHeaders(request("http://app.test/dashboard/links"), () => {
      const headers = new Headers({ "x-return-to": "/dashboard/links" });
      return NextResponse.next({ request: { headers }, status: 410 });
    });
    expect(response.status).toBe(410);
    expect(Object.keys(forwarded(response)).sort()).toEqual(["content-security-policy", "x-nonce", "x-return-to"]);
    expect(forwarded(response)["x-return-to"]).toBe("/dashboard/links");
  });

  it("secures answers the proxy writes itself, redirects included, and hands nothing on from them", async () => {
    const direct = await withSecurityHeaders(request("http://app.test/p/%zz"), () => new NextResponse("Payment link not found", { status: 404 }));
    expect(direct.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(direct.headers.get("x-middleware-override-headers")).toBeNull();
    const redirect = await withSecurityHeaders(request("http://app.test/x"), () => Response.redirect("http://app.test/y", 307));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("location")).toBe("http://app.test/y");
    expect(redirect.headers.get("content-security-policy")).toContain("script-src");
  });

  it("sends HSTS when the request came over https or APP_URL is https", async () => {
    const overHttps = await withSecurityHeaders(request("https://pay.example.com/"), () => NextResponse.next());
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(overHttps.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    process.env.APP_URL = "https://pay.example.com";
    const behindTls = await withSecurityHeaders(request("http://10.0.0.5:3000/"), () => NextResponse.next());
    expect(behindTls.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("forwardRequestHeaders leaves answers that do not go on alone", () => {
    const response = new Response("x");
    forwardRequestHeaders(response, new Headers({ a: "b" }), { "x-nonce": "n" });
    expect([...response.headers.keys()].filter((key) => key.startsWith("x-middleware"))).toEqual([]);
  });
});

describe("proxy.ts", () => {
  /** Every page and route handler of app/, as a URL with its dynamic segments filled in. */
  function appRoutes(): string[] {
    const found: string[] = [];
    const walk = (dir: string, url: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          const segment = entry.name.startsWith("(") ? "" : `/${entry.name.replace(/^\[\.\.\.(\w+)\]$/, "a/b").replace(/^\[(\w+)\]$/, "x1")}`;
          walk(path.join(dir, entry.name), url + segment);
        } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
          found.push(url || "/");
        }
      }
    };
    walk(path.resolve("app"), "");
    return found;
  }

  it("runs on every page and API route, and not on Next.js's static files", () => {
    const routes = appRoutes();
    expect(routes).toEqual(expect.arrayContaining(["/", "/signin", "/signup", "/pay/x1", "/dashboard/settings", "/api/payment-links", "/api/auth/a/b"]));
    for (const url of routes) expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    for (const url of ["/api/v1/payments/", "/nowhere", "/pay/x1/start"]) expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    for (const url of ["/_next/static/chunks/main.js", "/_next/image", "/favicon.ico"]) expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
  });

  it("secures pages it used not to see, and leaves them to the router", async () => {
    for (const url of ["http://app.test/", "http://app.test/signin", "http://app.test/docs/%zz", "http://app.test/paylink?id=1"]) {
      const response = await proxy(new NextRequest(url));
      expect(response.headers.get("x-middleware-next"), url).toBe("1");
      expect(response.status, url).toBe(200);
      expect(forwarded(response)["x-nonce"], url).toBeTruthy();
    }
  });

  it("still answers what it answered before, with the headers", async () => {
    const shortUrl = await proxy(new NextRequest("http://app.test/p/%zz"));
    expect(shortUrl.status).toBe(404);
    expect(shortUrl.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const dashboard = await proxy(new NextRequest("http://app.test/dashboard/links?status=PAID"));
    expect(forwarded(dashboard)).toMatchObject({ "x-return-to": "/dashboard/links?status=PAID", "x-nonce": expect.any(String) });
    const payNotFound = await proxy(new NextRequest("http://app.test/pay/%zz"));
    expect(payNotFound.status).toBe(404);
    expect(payNotFound.headers.get("x-middleware-rewrite")).toContain("/pay/not-found");
    expect(forwarded(payNotFound)["x-nonce"]).toBeTruthy();
  });
});
