import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { createLink } from "@/lib/services/links/create-link";
import { enqueueMessage } from "@/lib/services/outbox/enqueue-message";
import { createMerchant } from "@/lib/testing/factories";
import { rejection } from "@/lib/testing/rejection";
import { getPersonMessage, listPersonMessages } from "./outbox-messages";

describe("the Outbox page's reads", () => {
  it("list the merchant's emails and SMS only, newest first, with subject or first line, filtered and paged", async () => {
    const scope = await createMerchant("Boutique Akwa");
    const other = await createMerchant();
    await createLink(scope, { amountMinor: 5000, customerEmail: "awa@client.test", customerPhone: "670000001", deliveryMethod: 3 });
    await createLink(other, { amountMinor: 5000, customerEmail: "other@client.test", deliveryMethod: 1 });
    await getDb().$transaction(async (tx) => {
      await enqueueMessage(tx, { merchantId: scope.merchantId, channel: "WEBHOOK", kind: "link.created", destination: "https://shop.test/hook", payload: {} });
      await enqueueMessage(tx, { merchantId: scope.merchantId, channel: "SMS", kind: "sms.link", destination: "+237699000000", payload: { to: "+237699000000", text: "\nLater line one\nline two" } });
    });
    await getDb().outboxMessage.updateMany({ where: { merchantId: scope.merchantId, channel: "EMAIL" }, data: { status: "KEPT", attempts: 1 } });

    const all = await listPersonMessages(scope);
    expect(all).toMatchObject({ limit: 20, total: { count: 3, exact: true }, next: null, previous: null });
    // The newest first; the link's email and SMS were written in one transaction (same time).
    expect(all.items[0]).toMatchObject({ channel: "SMS", to: "+237699000000", status: "PENDING", summary: "Later line one" });
    expect(all.items.slice(1).map((m) => [m.channel, m.to, m.status]).sort()).toEqual([
      ["EMAIL", "awa@client.test", "KEPT"],
      ["SMS", "+237670000001", "PENDING"],
    ]);
    expect(all.items.find((m) => m.channel === "EMAIL")).toMatchObject({
      kind: "email.link",
      attempts: 1,
      summary: expect.stringMatching(/^Boutique Akwa vous demande un paiement de 5\s000\sFCFA$/),
    });

    expect((await listPersonMessages(scope, { channel: "EMAIL" })).items.map((m) => m.channel)).toEqual(["EMAIL"]);
    expect((await listPersonMessages(scope, { status: "KEPT" })).total).toEqual({ count: 1, exact: true });
    const first = await listPersonMessages(scope, { limit: 2 });
    expect(first.items.map((m) => m.id)).toEqual(all.items.slice(0, 2).map((m) => m.id));
    const second = await listPersonMessages(scope, { after: first.next!, limit: 2 });
    expect(second).toMatchObject({ total: { count: 3, exact: true }, next: null });
    expect(second.items.map((m) => m.id)).toEqual([all.items[2]!.id]);
    expect((await listPersonMessages(scope, { before: second.previous!, limit: 2 })).items.map((m) => m.id)).toEqual(first.items.map((m) => m.id));
    expect((await listPersonMessages(scope, { limit: 5000 })).limit).toBe(20);
    expect(await rejection(listPersonMessages(scope, { after: "not-a-cursor" }))).toMatchObject({ code: "VALIDATION", details: { field: "after" } });
  });

  it("read one email with its text and HTML; another merchant's, a webhook or a bad id is null", async () => {
    const scope = await createMerchant();
    const other = await createMerchant();
    await createLink(scope, { amountMinor: 5000, customerEmail: "awa@client.test", deliveryMethod: 1, language: "en" });
    const [row] = await getDb().outboxMessage.findMany({ where: { merchantId: scope.merchantId } });
    const message = await getPersonMessage(scope, row!.id);
    expect(message).toMatchObject({ channel: "EMAIL", to: "awa@client.test", language: "en", status: "PENDING", lastError: null });
    expect(message!.subject).toMatch(/requests a payment of/);
    expect(message!.text).toMatch(/^Hello,/);
    expect(message!.html).toMatch(/^<!DOCTYPE html>/);
    expect(await getPersonMessage(other, row!.id)).toBeNull();
    expect(await getPersonMessage(scope, "not-a-uuid")).toBeNull();

    await getDb().$transaction((tx) =>
      enqueueMessage(tx, { merchantId: scope.merchantId, channel: "WEBHOOK", kind: "link.created", destination: "https://shop.test/hook", payload: {} }),
    );
    const webhook = await getDb().outboxMessage.findFirstOrThrow({ where: { merchantId: scope.merchantId, channel: "WEBHOOK" } });
    expect(await getPersonMessage(scope, webhook.id)).toBeNull();
  });
});
