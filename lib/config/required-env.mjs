// @ts-check
/**
 * What a production server must be told, checked when `next start` loads next.config.mjs (plain
 * JavaScript for that reason; types in required-env.d.mts):
 * - APP_URL: the public base URL. Links, QR codes and emails take their host from it, never
 *   from a request's Host or X-Forwarded-Host header, which any client can set.
 * - AUTH_SECRET: signs the dashboard sessions; without it next-auth has no key.
 * - TRUSTED_PROXIES, when set: every entry must parse (a typo would silently trust nobody).
 */
import { BlockList, isIP } from "node:net";

/** Shortest AUTH_SECRET accepted: `npx auth secret` and `openssl rand -base64 32` give 44 characters. */
export const MIN_AUTH_SECRET_LENGTH = 32;

/**
 * TRUSTED_PROXIES: addresses and CIDR ranges (IPv4 or IPv6) separated by commas or spaces, e.g.
 * `10.0.0.0/8, 127.0.0.1, fd00::/8`. Returns the set, or throws naming the first bad entry.
 * @param {string | undefined} value
 * @returns {{ entries: string[], has(address: string): boolean } | null} null when unset or empty
 */
export function parseTrustedProxies(value) {
  const entries = (value ?? "").split(/[\s,]+/).filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix, ...rest] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || rest.length || !/^\d*$/.test(prefix ?? "") || prefix === "" || !Number.isInteger(bits) || bits < 0 || bits > max) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.0/8, 127.0.0.1, fd00::/8)`);
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return {
    entries,
    has(address) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The problems of a production environment, in words an operator can act on (empty: all good).
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function productionEnvProblems(env) {
  const problems = [];
  const appUrl = env.APP_URL?.trim();
  if (!appUrl) {
    problems.push("APP_URL is not set: set it to the public base URL of the product (e.g. https://pay.example.com), which every link and QR code carries.");
  } else {
    let url;
    try {
      url = new URL(appUrl);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) {
      problems.push(`APP_URL must be an absolute http(s) URL, e.g. https://pay.example.com (got "${appUrl}").`);
    }
  }
  const secret = env.AUTH_SECRET ?? "";
  if (!secret.trim()) {
    problems.push("AUTH_SECRET is not set: set it to a random secret of at least 32 characters (e.g. `openssl rand -base64 32`); it signs the dashboard sessions.");
  } else if (secret.length < MIN_AUTH_SECRET_LENGTH) {
    problems.push(`AUTH_SECRET is too short (${secret.length} characters): use a random secret of at least ${MIN_AUTH_SECRET_LENGTH} (e.g. \`openssl rand -base64 32\`).`);
  }
  try {
    parseTrustedProxies(env.TRUSTED_PROXIES);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}

/**
 * Throws, with every problem listed, when a production server lacks what it needs.
 * @param {Record<string, string | undefined>} env
 */
export function assertProductionEnv(env) {
  const problems = productionEnvProblems(env);
  if (problems.length) {
    throw new Error(`Paylinks refuses to start in production:\n- ${problems.join("\n- ")}`);
  }
}
