import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import {
  displayWebhookSecret,
  newWebhookSecret,
  previousSecretExpiry,
  signingSecrets,
  webhookSecretKey,
} from "@/lib/domain/merchants/webhook-secret";

describe("webhook secrets (lib/domain/merchants/webhook-secret.ts)", () => {
  it("are whsec_ + 32 base64 characters (24 bytes), different every time, accepted by standardwebhooks", () => {
    const secrets = Array.from({ length: 200 }, newWebhookSecret);
    expect(new Set(secrets).size).toBe(200);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
      expect(webhookSecretKey(secret)).toHaveLength(24);
      expect(displayWebhookSecret(secret)).toBe(secret);
      expect(() => new Webhook(secret)).not.toThrow();
    }
    // Every alphanumeric character turns up: the alphabet is used evenly enough.
    expect(new Set(secrets.join("").replace(/whsec_/g, "")).size).toBe(62);
  });

  it("read older forms as the same key: whsec_test, base64url with or without padding", () => {
    expect(webhookSecretKey("whsec_test")).toEqual(Buffer.from("test", "base64"));
    expect(displayWebhookSecret("whsec_test")).toBe("whsec_test");
    const key = Buffer.from("fbff3e9a0c51d6c0bb7c8b2a4f6e1d3c5b7a9f8e7d6c5b4a", "hex");
    const url32 = `whsec_${key.toString("base64url")}`;
    expect(webhookSecretKey(url32)).toEqual(key);
    expect(webhookSecretKey(`${url32}=`)).toEqual(key);
    expect(displayWebhookSecret(url32)).toBe(`whsec_${key.toString("base64")}`);
    // Text that is not base64 at all is its UTF-8 bytes.
    expect(webhookSecretKey("whsec_a")).toEqual(Buffer.from("a"));
  });

  it("sign with the same key the standardwebhooks package derives from the shown secret", () => {
    const secret = newWebhookSecret();
    const [id, ts, body] = ["msg_2", 1_764_000_000, '{"type":"link.created"}'];
    const ours = `v1,${createHmac("sha256", webhookSecretKey(secret)).update(`${id}.${ts}.${body}`).digest("base64")}`;
    expect(new Webhook(displayWebhookSecret(secret)).sign(id, new Date(ts * 1000), body)).toBe(ours);
  });

  it("previous secret: valid for 24 hours after the rotation", () => {
    const at = new Date("2026-11-25T00:00:00Z");
    expect(previousSecretExpiry(at)).toEqual(new Date("2026-11-26T00:00:00Z"));
    const merchant = { webhookSecret: "whsec_new", previousWebhookSecret: "whsec_old", previousWebhookSecretExpiresAt: previousSecretExpiry(at) };
    expect(signingSecrets(merchant, at)).toEqual(["whsec_new", "whsec_old"]);
    expect(signingSecrets(merchant, new Date("2026-11-26T00:00:00Z"))).toEqual(["whsec_new"]);
    expect(signingSecrets({ ...merchant, previousWebhookSecret: null }, at)).toEqual(["whsec_new"]);
  });
});
