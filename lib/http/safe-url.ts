/**
 * Merchant-supplied URLs (webhook endpoints, callback URLs) are fetched by the server, so they
 * must never become a door into our own network: loopback, private, link-local (cloud metadata
 * at 169.254.169.254), shared, multicast and reserved addresses are refused, unless
 * ALLOW_PRIVATE_URLS=1 (local development and tests, where receivers run on this machine).
 *
 * Two checks, one rule:
 * - when a URL is saved, `assertDeliverableUrl` (pure, no Node.js module, so any code may call
 *   it: scheme, credentials, IP literals and names that always mean this machine or network)
 *   turns a refused URL into a validation error naming the field; `assertDeliverableUrlResolves`
 *   (lib/http/safe-fetch.ts, server only) adds the addresses DNS gives now;
 * - when it is fetched, lib/http/safe-fetch.ts checks the address the socket actually connects
 *   to, since DNS may answer differently later (or on purpose: DNS rebinding).
 */
import { validationError } from "@/lib/errors";

export interface DeliverableUrlOptions {
  /** Refuse http: (ignored when private URLs are allowed: local receivers speak plain HTTP). */
  requireHttps?: boolean;
  /** Accept private and loopback destinations; default: ALLOW_PRIVATE_URLS=1 in the environment. */
  allowPrivate?: boolean;
}

/** ALLOW_PRIVATE_URLS=1 (or true), read on every use so that tests can switch it. */
export function privateUrlsAllowed(env: Readonly<Record<string, string | undefined>> = typeof process === "undefined" ? {} : process.env): boolean {
  const value = env.ALLOW_PRIVATE_URLS?.trim().toLowerCase();
  return value === "1" || value === "true";
}

/** Names that always mean this machine or its own network, whatever DNS says. */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/;

/**
 * What is wrong with a URL as a destination the server would call, in words that follow the
 * field name ("must be ...", "points at ..."), or null when it is acceptable. Pure: no DNS.
 */
export function deliverableUrlProblem(raw: string, options: DeliverableUrlOptions = {}): string | null {
  const allowPrivate = options.allowPrivate ?? privateUrlsAllowed();
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return "must be an absolute URL (https://...)";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must be an http or https URL, not ${url.protocol}`;
  if (options.requireHttps && !allowPrivate && url.protocol !== "https:") return "must be an https URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (allowPrivate) return null;

  const host = hostOf(url);
  if (host === "") return "names no host";
  if (ipVersion(host)) {
    const kind = nonPublicAddressKind(host);
    return kind ? `points at ${host}, a ${kind} address the server does not call` : null;
  }
  if (INTERNAL_NAME.test(host) || !host.includes(".")) return `points at ${host}, a name of our own network the server does not call`;
  return null;
}

/**
 * The check to call when a merchant saves a URL: returns the parsed URL, or throws a
 * validation error naming `field` (the API's field name, e.g. "callback_url").
 */
export function assertDeliverableUrl(raw: string, field: string, options: DeliverableUrlOptions = {}): URL {
  const problem = deliverableUrlProblem(raw, options);
  if (problem) throw validationError(field, `${field} ${problem}`);
  return new URL(raw.trim());
}

/** The URL's host without IPv6 brackets or a trailing dot, lower case. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
}

/**
 * Why an IP address is not a public unicast address ("loopback", "private", ...), or null when
 * it is one. An address that is not an IP at all is "invalid".
 */
export function nonPublicAddressKind(address: string): string | null {
  const version = ipVersion(address);
  if (version === 4) return ipv4Kind(parseIpv4(address));
  if (version === 6) return ipv6Kind(address);
  return "invalid";
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;

/** 4 or 6 for an IPv4 or IPv6 address (an IPv6 one may end in IPv4 and carry a %zone), else 0. */
export function ipVersion(text: string): 0 | 4 | 6 {
  if (IPV4.test(text)) return 4;
  if (!text.includes(":")) return 0;
  let address = text;
  const zone = address.indexOf("%");
  if (zone >= 0) {
    if (zone === address.length - 1) return 0;
    address = address.slice(0, zone);
  }
  // An IPv4 tail stands for two groups: count it as one group out of seven.
  let groups = 8;
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (tail) {
    if (!IPV4.test(tail[2]!)) return 0;
    address = `${tail[1]}0`;
    groups = 7;
  }
  const halves = address.split("::");
  if (halves.length > 2) return 0;
  const parts = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  if (!parts.every((group) => HEX_GROUP.test(group))) return 0;
  // "::" stands for at least one group of zeros.
  return (halves.length === 2 ? parts.length < groups : parts.length === groups) ? 6 : 0;
}

type V4Range = [base: number, bits: number, kind: string];

const V4_RANGES: V4Range[] = [
  [ip4("0.0.0.0"), 8, "\"this network\""],
  [ip4("10.0.0.0"), 8, "private"],
  [ip4("100.64.0.0"), 10, "shared (carrier-grade NAT)"],
  [ip4("127.0.0.0"), 8, "loopback"],
  [ip4("169.254.0.0"), 16, "link-local (cloud metadata)"],
  [ip4("172.16.0.0"), 12, "private"],
  [ip4("192.0.0.0"), 24, "reserved (IETF protocol)"],
  [ip4("192.0.2.0"), 24, "documentation"],
  [ip4("192.88.99.0"), 24, "reserved (6to4 relay)"],
  [ip4("192.168.0.0"), 16, "private"],
  [ip4("198.18.0.0"), 15, "reserved (benchmarking)"],
  [ip4("198.51.100.0"), 24, "documentation"],
  [ip4("203.0.113.0"), 24, "documentation"],
  [ip4("224.0.0.0"), 4, "multicast"],
  [ip4("240.0.0.0"), 4, "reserved"],
];

function ip4(text: string): number {
  return parseIpv4(text);
}

function parseIpv4(text: string): number {
  const parts = text.split(".").map(Number);
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function ipv4Kind(value: number): string | null {
  for (const [base, bits, kind] of V4_RANGES) {
    const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
    if ((value & mask) >>> 0 === base) return kind;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail expanded). */
function parseIpv6(text: string): number[] {
  let address = text.toLowerCase();
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (v4) {
    const value = parseIpv4(v4[1]!);
    address = `${address.slice(0, v4.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = address.split("::") as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16));
}

function ipv6Kind(text: string): string | null {
  if (text.includes("%")) return "link-local (scoped)";
  const g = parseIpv6(text);
  const embeddedV4 = (hi: number, lo: number) => ((hi << 16) | lo) >>> 0;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);

  if (zeros(0, 8)) return "unspecified";
  if (zeros(0, 7) && g[7] === 1) return "loopback";
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (IPv4-compatible): the IPv4 address decides.
  if (zeros(0, 5) && g[5] === 0xffff) return ipv4Kind(embeddedV4(g[6]!, g[7]!));
  if (zeros(0, 6)) return "reserved (IPv4-compatible)";
  // 64:ff9b::/96, NAT64 of a public IPv4 address; 64:ff9b:1::/48 is local use.
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return ipv4Kind(embeddedV4(g[6]!, g[7]!));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return "private (local NAT64)";
  // 2002::/16, 6to4: the IPv4 address in the next 32 bits decides.
  if (g[0] === 0x2002) return ipv4Kind(embeddedV4(g[1]!, g[2]!));
  if (g[0] === 0x2001 && g[1] === 0) return "reserved (Teredo)";
  if (g[0] === 0x2001 && g[1] === 0xdb8) return "documentation";
  if (g[0] === 0x2001 && g[1]! < 0x200) return "reserved (IETF protocol)";
  if ((g[0]! & 0xfe00) === 0xfc00) return "private (unique local)";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  if ((g[0]! & 0xffc0) === 0xfec0) return "private (site-local)";
  if ((g[0]! & 0xff00) === 0xff00) return "multicast";
  // Global unicast is 2000::/3; everything else is unassigned or reserved.
  if ((g[0]! & 0xe000) !== 0x2000) return "reserved";
  return null;
}
