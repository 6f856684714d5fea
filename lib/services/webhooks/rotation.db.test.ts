/**
 * The signing secret's rotation rule (lib/services/merchants/rotate-webhook-secret.ts): the old
 * secret keeps signing for 24 hours, and what the dashboard shows verifies with the
 * `standardwebhooks` package, seeded base64url secrets included.
 */
import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { signingSecrets, webhookSecretKey } from "@/lib/domain/merchants/webhook-secret";
import { rotateWebhookSecret } from "@/lib/services/merchants/rotate-webhook-secret";
import { createMerchant } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { getWebhookSigning } from "./get-signing";

const HOUR = 3_600_000;
const merchantRow = (merchantId: string) => getDb().merchant.findUniqueOrThrow({ where: { id: merchantId } });

describe("rotateWebhookSecret", () => {
  it("keeps the replaced secret valid for 24 hours, then only the new one signs", async () => {
    const scope = await createMerchant();
    const neighbour = await createMerchant();
    const now = new Date("2026-11-25T12:00:00.000Z");
    const fresh = await rotateWebhookSecret(scope, now);
    expect(fresh).toMatch(/^whsec_[A-Za-z0-9]{32}$/);
    expect(webhookSecretKey(fresh)).toHaveLength(24);

    const row = await merchantRow(scope.merchantId);
    expect(row).toMatchObject({ webhookSecret: fresh, previousWebhookSecret: "whsec_test", previousWebhookSecretExpiresAt: new Date("2026-11-26T12:00:00.000Z") });
    expect(signingSecrets(row, new Date(now.getTime() + 23 * HOUR))).toEqual([fresh, "whsec_test"]);
    expect(signingSecrets(row, new Date(now.getTime() + 24 * HOUR))).toEqual([fresh]);

    expect(await getWebhookSigning(scope, new Date(now.getTime() + HOUR))).toEqual({ secret: fresh, previousValidUntil: new Date("2026-11-26T12:00:00.000Z") });
    expect(await getWebhookSigning(scope, new Date(now.getTime() + 25 * HOUR))).toEqual({ secret: fresh, previousValidUntil: null });

    // A second rotation: the secret it replaces is the previous one now; the first is gone.
    const later = new Date(now.getTime() + 2 * HOUR);
    const third = await rotateWebhookSecret(scope, later);
    expect(third).not.toBe(fresh);
    expect(await merchantRow(scope.merchantId)).toMatchObject({
      webhookSecret: third,
      previousWebhookSecret: fresh,
      previousWebhookSecretExpiresAt: new Date(later.getTime() + 24 * HOUR),
    });
    expect((await merchantRow(neighbour.merchantId)).webhookSecret).toBe("whsec_test");
  });

  it("is NOT_FOUND for a merchant that does not exist", async () => {
    expect(await rejection(rotateWebhookSecret({ merchantId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(getWebhookSigning({ merchantId: "00000000-0000-4000-8000-000000000000" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the secret the dashboard shows", () => {
  it("verifies with the standardwebhooks package, for a seeded base64url secret too", async () => {
    const scope = await createMerchant();
    // The seed's format (and sign-ups' before): base64url, here with both - and _.
    const seeded = "whsec_ab-_cd-_ef-_gh-_ij-_kl-_mn-_op-_";
    await getDb().merchant.update({ where: { id: scope.merchantId }, data: { webhookSecret: seeded } });
    const { secret } = await getWebhookSigning(scope);
    expect(secret).toBe("whsec_ab+/cd+/ef+/gh+/ij+/kl+/mn+/op+/");
    expect(() => new Webhook(seeded)).toThrow();

    // Signed the way the sender does (Node's base64 reads base64url too), verified as a receiver would.
    const id = "msg_1";
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: "webhook.test", timestamp: new Date().toISOString(), data: {} });
    const mac = createHmac("sha256", Buffer.from(seeded.slice(6), "base64")).update(`${id}.${timestamp}.${body}`).digest("base64");
    const headers = { "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": `v1,${mac}` };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(webhookSecretKey(seeded)).toEqual(Buffer.from(seeded.slice(6), "base64"));
  });
});
