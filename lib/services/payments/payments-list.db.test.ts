import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Provider } from "@/lib/domain/links/enums";
import type { MerchantScope, PaymentLink } from "@/lib/domain/links/types";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { createMerchant, createTestLink } from "@/lib/testing/factories";
import { exportPaymentsCsv } from "./export-payments-csv";
import { listPayments } from "./list-payments";
import { settlePayment } from "./settle-payment";
import { rejection } from "@/lib/testing/rejection";

type Outcome = "SUCCESSFUL" | "FAILED" | "PENDING";

async function pay(link: PaymentLink, outcome: Outcome, provider: Provider = "MTN_CAM") {
  const phoneNumber = provider === "MTN_CAM" ? "671000001" : "691000001";
  const { payment } = await redeemLink({ slug: link.slug, provider, phoneNumber });
  if (outcome !== "PENDING") {
    await settlePayment({ paymentId: payment.id, outcome, failureReason: "INSUFFICIENT_FUNDS", actor: "provider:test" });
  }
  return payment;
}

/** A merchant with 5 payments on two links in two currencies, and a neighbour with payments of its own. */
async function merchantWithPayments() {
  const scope = await createMerchant();
  const neighbour = await createMerchant();
  const theirs = await createTestLink(neighbour, { amountMinor: 777, maxUses: 5 });
  await pay(theirs, "SUCCESSFUL");
  await pay(theirs, "FAILED");

  const xaf = await createTestLink(scope, { amountMinor: 5000, maxUses: 10, description: "Sacs en raphia" });
  const eur = await createTestLink(scope, { amountMinor: 1050, currency: "EUR", maxUses: 10, description: "Consulting" });
  const p1 = await pay(xaf, "SUCCESSFUL");
  const p2 = await pay(xaf, "FAILED");
  const p3 = await pay(xaf, "PENDING", "ORANGE_CAM");
  const p4 = await pay(eur, "SUCCESSFUL", "ORANGE_CAM");
  const p5 = await pay(xaf, "SUCCESSFUL");
  return { scope, neighbour, theirs, xaf, eur, p: [p1, p2, p3, p4, p5] as const };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((p) => p.id);

describe("listPayments", () => {
  it("lists only the merchant's payments, newest first, with their link and per-currency totals", async () => {
    const { scope, xaf, eur, p } = await merchantWithPayments();
    const [p1, p2, p3, p4, p5] = p;
    const page = await listPayments(scope);
    expect(ids(page)).toEqual([p5.id, p4.id, p3.id, p2.id, p1.id]);
    expect(page).toMatchObject({ limit: 20, total: { count: 5, exact: true }, next: null, previous: null, totalsAsOf: null });
    expect(page.items[1]).toMatchObject({
      amountMinor: 1050,
      currency: "EUR",
      provider: "ORANGE_CAM",
      status: "SUCCESSFUL",
      link: { id: eur.id, slug: eur.slug, description: "Consulting" },
    });
    expect(page.items[3]).toMatchObject({ status: "FAILED", failureReason: "INSUFFICIENT_FUNDS", link: { slug: xaf.slug } });
    expect(page.items[0]).not.toHaveProperty("notificationToken");
    expect(page.totals).toEqual([
      { currency: "EUR", count: 1, successfulCount: 1, successfulAmountMinor: 1050 },
      { currency: "XAF", count: 4, successfulCount: 2, successfulAmountMinor: 10000 },
    ]);
  });

  it("filters by status, provider, link and creation time, with totals of the filtered set", async () => {
    const { scope, xaf, theirs, p } = await merchantWithPayments();
    const [p1, p2, p3, p4, p5] = p;

    const successful = await listPayments(scope, { status: "SUCCESSFUL" });
    expect(ids(successful)).toEqual([p5.id, p4.id, p1.id]);
    const failed = await listPayments(scope, { status: "FAILED" });
    expect(failed.totals).toEqual([{ currency: "XAF", count: 1, successfulCount: 0, successfulAmountMinor: 0 }]);

    expect(ids(await listPayments(scope, { provider: "ORANGE_CAM" }))).toEqual([p4.id, p3.id]);
    expect(ids(await listPayments(scope, { linkId: xaf.id }))).toEqual([p5.id, p3.id, p2.id, p1.id]);
    expect(await listPayments(scope, { linkId: theirs.id })).toMatchObject({ items: [], total: { count: 0, exact: true }, totals: [] });

    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await getDb().payment.update({ where: { id: p1.id }, data: { createdAt: tenDaysAgo } });
    const fiveDaysAgo = new Date(Date.now() - 5 * 86_400_000);
    expect(ids(await listPayments(scope, { from: fiveDaysAgo }))).toEqual([p5.id, p4.id, p3.id, p2.id]);
    expect(ids(await listPayments(scope, { to: fiveDaysAgo.toISOString() }))).toEqual([p1.id]);
    expect(ids(await listPayments(scope, { from: tenDaysAgo, to: tenDaysAgo }))).toEqual([p1.id]);
  });

  it("pages the items by cursor but totals the whole filtered set", async () => {
    const { scope, p } = await merchantWithPayments();
    const first = await listPayments(scope, { limit: 2 });
    expect(ids(first)).toEqual([p[4].id, p[3].id]);
    expect(first.previous).toBeNull();
    const page = await listPayments(scope, { after: first.next!, limit: 2 });
    expect(page).toMatchObject({ limit: 2, total: { count: 5, exact: true } });
    expect(ids(page)).toEqual([p[2].id, p[1].id]);
    expect(page.totals.map((t) => t.count)).toEqual([1, 4]);
    const last = await listPayments(scope, { after: page.next!, limit: 2 });
    expect(ids(last)).toEqual([p[0].id]);
    expect(last.next).toBeNull();
    expect(ids(await listPayments(scope, { before: last.previous!, limit: 2 }))).toEqual(ids(page));
    expect(ids(await listPayments(scope, { before: page.previous!, limit: 2 }))).toEqual(ids(first));
  });

  it("refuses bad filters with the field named", async () => {
    const scope = await createMerchant();
    const cases: [Parameters<typeof listPayments>[1], string][] = [
      [{ status: "DONE" as "PENDING" }, "status"],
      [{ provider: "WAVE" as "MTN_CAM" }, "provider"],
      [{ linkId: "not-a-uuid" }, "link_id"],
      [{ from: "yesterday" }, "from"],
      [{ from: "2026-03-02", to: "2026-03-01" }, "to"],
      [{ limit: 201 }, "limit"],
      [{ after: "e30" }, "after"],
      [{ before: "WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCJ4Il0" }, "before"],
    ];
    for (const [input, field] of cases) {
      const error = await rejection(listPayments(scope, input));
      expect(error.code).toBe("VALIDATION");
      expect(error.details.field).toBe(field);
    }
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted fields, doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) throw new Error("the last record does not end with CRLF");
  return rows;
}

const HEADER = [
  "created_at",
  "transaction_id",
  "status",
  "failure_reason",
  "provider",
  "payer_phone",
  "amount",
  "currency",
  "link_slug",
  "link_description",
  "settled_at",
];

describe("exportPaymentsCsv", () => {
  it("writes every matching payment with exact major-unit amounts, quoted and formula-safe", async () => {
    const scope = await createMerchant();
    const neighbour = await createMerchant();
    await pay(await createTestLink(neighbour), "SUCCESSFUL");
    const nasty = '=HYPERLINK("http://evil.example","click"), then\r\nmore';
    const eur = await createTestLink(scope, { amountMinor: 1050, currency: "EUR", description: nasty });
    const xaf = await createTestLink(scope, { amountMinor: 5000, maxUses: 3, description: "-2+3" });
    const failed = await pay(xaf, "FAILED", "ORANGE_CAM");
    const succeeded = await pay(eur, "SUCCESSFUL");

    const csv = await exportPaymentsCsv(scope);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(HEADER);
    expect(rows).toHaveLength(3);

    const stored = await getDb().payment.findUniqueOrThrow({ where: { id: succeeded.id } });
    expect(rows[1]).toEqual([
      stored.createdAt.toISOString(),
      succeeded.transactionId,
      "SUCCESSFUL",
      "",
      "MTN_CAM",
      "237671000001",
      "10.50",
      "EUR",
      eur.slug,
      `'${nasty}`,
      stored.settledAt!.toISOString(),
    ]);
    expect(rows[2]).toMatchObject({
      1: failed.transactionId,
      2: "FAILED",
      3: "INSUFFICIENT_FUNDS",
      4: "ORANGE_CAM",
      5: "237691000001",
      6: "5000",
      7: "XAF",
      9: "'-2+3",
    });
  });

  it("uses the list's filters and reads large exports in batches without losing or repeating a row", async () => {
    const scope = await createMerchant();
    const link = await createTestLink(scope, { maxUses: 100 });
    const paid = await pay(link, "SUCCESSFUL");
    await pay(link, "FAILED");
    expect(parseCsv(await exportPaymentsCsv(scope, { status: "SUCCESSFUL" })).slice(1).map((r) => r[1])).toEqual([
      paid.transactionId,
    ]);
    expect((await rejection(exportPaymentsCsv(scope, { provider: "WAVE" as "MTN_CAM" }))).details.field).toBe("provider");

    // 2 500 more payments, many sharing one creation time: the keyset batches must still cover each once.
    const base = Date.now() - 60_000;
    await getDb().payment.createMany({
      data: Array.from({ length: 2500 }, (_, i) => ({
        merchantId: scope.merchantId,
        linkId: link.id,
        amountMinor: 5000n,
        currency: "XAF",
        provider: "MTN_CAM" as const,
        payerPhone: "237671000001",
        status: "PENDING" as const,
        transactionId: `bulk_${randomUUID()}`,
        mode: "SANDBOX" as const,
        createdAt: new Date(base - Math.floor(i / 7) * 1000),
      })),
    });
    const rows = parseCsv(await exportPaymentsCsv(scope)).slice(1);
    expect(rows).toHaveLength(2502);
    expect(new Set(rows.map((r) => r[1])).size).toBe(2502);
    const times = rows.map((r) => Date.parse(r[0]!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("exports only a header when nothing matches", async () => {
    const scope: MerchantScope = await createMerchant();
    expect(await exportPaymentsCsv(scope)).toBe(HEADER.join(",") + "\r\n");
  });
});
