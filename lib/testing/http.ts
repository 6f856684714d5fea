/** Calls a route handler in-process with a real Request, as Next.js would. */
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { hashSecret } from "@/lib/crypto/api-keys";
import type { Mode } from "@/lib/domain/links/enums";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export interface CallOptions<P> {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string is sent as is. */
  body?: unknown;
  params?: P;
}

export interface CallResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
  json: any;
  /** The body as sent (a CSV, say, that is not JSON). */
  text: string;
}

export async function call<P>(handler: Handler<P>, options: CallOptions<P>): Promise<CallResult> {
  const headers = new Headers(options.headers);
  let body: string | undefined;
  if (typeof options.body === "string") body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", testIp());
  const request = new Request(`http://paylinks.test${options.path}`, { method: options.method ?? "GET", headers, body });
  const response = await handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
  const text = await response.text();
  const isJson = /json/i.test(response.headers.get("content-type") ?? "") || /^\s*[[{"]/.test(text);
  return { status: response.status, headers: response.headers, json: text && isJson ? JSON.parse(text) : undefined, text };
}

/** An API credential for a merchant; returns the `x-api-key` value. */
export async function createApiKey(merchantId: string, mode: Mode = "SANDBOX", scopes: string[] = ["payment_links"]) {
  const keyId = `pk_test_${randomBytes(6).toString("hex")}`;
  const secret = `sk_test_${randomBytes(16).toString("hex")}`;
  const credential = await getDb().apiCredential.create({
    data: { merchantId, name: "test", keyId, secretHash: hashSecret(secret), secretLast4: secret.slice(-4), scopes, mode },
  });
  return { apiKey: `${keyId}.${secret}`, credentialId: credential.id, keyId, secret };
}

/** A distinct client IP per test, so per-IP rate limits of one test do not touch another. */
export function testIp(): string {
  return `client-${randomBytes(6).toString("hex")}`;
}
