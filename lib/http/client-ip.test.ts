import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/config/required-env.mjs";
import { clientIpFromForwardedFor, normalizeAddress } from "./client-ip";
import { clientIp } from "./request-info";

const request = (forwardedFor?: string) =>
  new Request("http://app.test/api/x", { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } });

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("clientIp without TRUSTED_PROXIES", () => {
  it("is the socket's address (the right-most entry, which Next.js appends), whatever the client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; Next.js appended the socket's 203.0.113.7.
    expect(clientIp(request("6.6.6.6, 203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIp(request("1.1.1.1, 2.2.2.2, 203.0.113.7"))).toBe("203.0.113.7");
    expect(clientIp(request("203.0.113.7"))).toBe("203.0.113.7");
    // So changing the forged part never changes the key.
    const keys = new Set(["1.2.3.4", "5.6.7.8", "", "garbage", "203.0.113.8"].map((forged) => clientIp(request(`${forged}, 203.0.113.7`))));
    expect([...keys]).toEqual(["203.0.113.7"]);
  });

  it("reads IPv4-mapped and bracketed forms as plain addresses, and says unknown with no header", () => {
    expect(clientIp(request("::ffff:127.0.0.1"))).toBe("127.0.0.1");
    expect(clientIp(request("[2001:db8::1]:4711"))).toBe("2001:db8::1");
    expect(clientIp(request("198.51.100.4:51000"))).toBe("198.51.100.4");
    expect(clientIp(request())).toBe("unknown");
    expect(clientIp(request(" , "))).toBe("unknown");
  });
});

describe("clientIp with TRUSTED_PROXIES", () => {
  it("is the right-most hop that is not a trusted proxy", () => {
    process.env.TRUSTED_PROXIES = "10.0.0.0/8, 127.0.0.1";
    // client -> load balancer 10.1.2.3 (appends the client) -> app (Next.js appends 10.1.2.3)
    expect(clientIp(request("198.51.100.9, 10.1.2.3"))).toBe("198.51.100.9");
    // The client's own forged entries sit to the left of what the proxy appended: ignored.
    expect(clientIp(request("6.6.6.6, 7.7.7.7, 198.51.100.9, 10.1.2.3"))).toBe("198.51.100.9");
    // Two trusted proxies in a row.
    expect(clientIp(request("6.6.6.6, 198.51.100.9, 127.0.0.1, 10.1.2.3"))).toBe("198.51.100.9");
    // A request straight from an untrusted address: that address, not what it wrote.
    expect(clientIp(request("10.9.9.9, 198.51.100.9"))).toBe("198.51.100.9");
    // Only trusted hops (a health check from the proxy itself): the left-most.
    expect(clientIp(request("10.0.0.1, 10.1.2.3"))).toBe("10.0.0.1");
  });

  it("matches IPv6 ranges and IPv4-mapped peers", () => {
    process.env.TRUSTED_PROXIES = "fd00::/8 127.0.0.0/8";
    expect(clientIp(request("2001:db8::5, fd12::1"))).toBe("2001:db8::5");
    expect(clientIp(request("198.51.100.9, ::ffff:127.0.0.1"))).toBe("198.51.100.9");
  });

  it("passes the parsed set explicitly too", () => {
    const proxies = parseTrustedProxies("192.0.2.0/24");
    expect(clientIpFromForwardedFor("198.51.100.1, 192.0.2.10", proxies)).toBe("198.51.100.1");
    expect(clientIpFromForwardedFor("198.51.100.1, 192.0.2.10", null)).toBe("192.0.2.10");
  });
});

describe("normalizeAddress", () => {
  it("keeps what is not an address, bounded, so that it never matches a proxy range", () => {
    expect(normalizeAddress(" UNKNOWN ")).toBe("unknown");
    expect(normalizeAddress("x".repeat(500))).toHaveLength(64);
    expect(normalizeAddress("2001:DB8::1")).toBe("2001:db8::1");
  });
});
