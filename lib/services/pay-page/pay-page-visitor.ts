import "server-only";
import { createHash } from "node:crypto";

/**
 * Who is viewing the pay page, as far as the view counter needs to know: the client address
 * (as the rate limits read it) and the browser, hashed (no address is kept in memory), or null
 * when the address is unknown (such views are always counted).
 */
export function payPageVisitor(clientAddress: string, userAgent: string | null): string | null {
  if (!clientAddress || clientAddress === "unknown") return null;
  return createHash("sha256").update(`${clientAddress}\n${userAgent ?? ""}`).digest("base64url").slice(0, 16);
}
