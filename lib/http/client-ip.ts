/**
 * Who is asking, for per-IP rate limits, from X-Forwarded-For as the server receives it.
 *
 * Next.js (patches/next+16.4.6.patch) APPENDS the address of the TCP peer to X-Forwarded-For, as
 * a proxy does, so the right-most entry is always the socket's address; every entry to its left
 * was written by whoever sent the request, and anyone can write anything there.
 * - Without TRUSTED_PROXIES the client is the socket's address: a forged header changes nothing.
 * - With TRUSTED_PROXIES (the load balancers in front of the app), the client is the right-most
 *   entry that is not a trusted proxy: each trusted proxy appended the address it saw, so the
 *   first untrusted hop from the right is the last one nobody could forge. A request that came
 *   only through trusted proxies is keyed on the left-most entry.
 */
import { parseTrustedProxies, type TrustedProxies } from "@/lib/config/required-env.mjs";
import { isIP } from "node:net";

let cached: { value: string | undefined; proxies: TrustedProxies | null } | undefined;

/** TRUSTED_PROXIES, parsed once per value (read on every call, so tests can set it). */
export function trustedProxies(): TrustedProxies | null {
  const value = process.env.TRUSTED_PROXIES;
  if (!cached || cached.value !== value) cached = { value, proxies: parseTrustedProxies(value) };
  return cached.proxies;
}

/** The client's address from an X-Forwarded-For value (several header lines arrive joined by commas). */
export function clientIpFromForwardedFor(forwardedFor: string | null | undefined, proxies: TrustedProxies | null = trustedProxies()): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map(normalizeAddress)
    .filter((hop) => hop !== "");
  if (hops.length === 0) return "unknown";
  if (proxies) {
    for (let i = hops.length - 1; i >= 0; i--) {
      if (!proxies.has(hops[i]!)) return hops[i]!;
    }
    return hops[0]!;
  }
  return hops[hops.length - 1]!;
}

/**
 * One hop as an address: without a port (`1.2.3.4:5678`, `[::1]:80`), IPv4-mapped IPv6 as IPv4
 * (`::ffff:127.0.0.1`, how a dual-stack socket reports an IPv4 peer), lower case. What is not an
 * address is kept (bounded): it is still a key, and it never matches a trusted proxy.
 */
export function normalizeAddress(hop: string): string {
  let value = hop.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (mapped) value = mapped[1]!;
  return isIP(value) ? value : value.slice(0, 64);
}
