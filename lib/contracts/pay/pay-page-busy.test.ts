import { describe, expect, it } from "vitest";
import { payPageBusyResponse } from "./pay-page-busy";

describe("the pay page while the database cannot answer", () => {
  it("says 'try again in a moment' in French by default, with 503 and Retry-After", async () => {
    const response = payPageBusyResponse(new Request("https://pay.example.cm/pay/pay_abc?payment=1"));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Réessayez dans un instant");
    expect(html).toContain('href="/pay/pay_abc?payment=1"');
    expect(html).not.toMatch(/<script/i);
  });

  it("follows ?lang= and then Accept-Language, and escapes the address it links back to", async () => {
    const english = await payPageBusyResponse(new Request("https://pay.example.cm/pay/x?lang=en")).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toContain("Try again in a moment");
    const byHeader = await payPageBusyResponse(new Request("https://pay.example.cm/pay/x", { headers: { "accept-language": "en-US,en;q=0.9" } })).text();
    expect(byHeader).toContain("Briefly unavailable");
    const hostile = await payPageBusyResponse(new Request('https://pay.example.cm/pay/x?a="><script>')).text();
    expect(hostile).not.toContain("<script>");
  });
});
