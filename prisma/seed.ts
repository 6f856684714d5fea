/**
 * Demo data: a demo merchant with a login, a SANDBOX API key, ~30 links in every status with
 * payments in every state and a few sales orders and invoices (CycleSoftware's), plus a second merchant (to try isolation by hand). Idempotent: a
 * second run changes nothing. Logins and keys are fixed (see README) and can be overridden.
 */
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import { hashSecret, splitApiKey } from "@/lib/crypto/api-keys";
import { hashPassword, verifyPassword } from "@/lib/crypto/password";
import type { LinkType, Mode, Provider } from "@/lib/domain/links/enums";
import { createLink } from "@/lib/services/links/create-link";
import { cancelLink } from "@/lib/services/links/cancel-link";
import { redeemLink } from "@/lib/services/links/redeem-link";
import { createOrder } from "@/lib/services/orders/create-order";
import { recordPaymentElsewhere } from "@/lib/services/orders/record-payment-elsewhere";
import { isModeAvailable } from "@/lib/services/payments/payment-modes";
import { settlePayment } from "@/lib/services/payments/settle-payment";

import { demoAccounts, type DemoAccount, type Env } from "./demo-accounts";

export { demoAccounts };

type Outcome = "PENDING" | "SUCCESSFUL" | { failed: string };

interface LinkSpec {
  amountMinor: number;
  currency?: string;
  description: string;
  status: "ACTIVE" | "PAID" | "EXPIRED" | "CANCELLED";
  daysAgo: number;
  maxUses?: number;
  provider?: Provider;
  mode?: Mode;
  type?: LinkType;
  expiresInDays?: number;
  merchantReference?: string;
  metadata?: Record<string, string>;
  payments?: Outcome[];
}

const MTN_PHONE = "671000001";
const ORANGE_PHONE = "691000001";

const DEMO_LINKS: LinkSpec[] = [
  // ACTIVE
  { amountMinor: 5000, description: "Facture #1001 - sacs en raphia", status: "ACTIVE", daysAgo: 0, merchantReference: "INV-1001" },
  { amountMinor: 15000, description: "Abonnement mensuel - atelier couture", status: "ACTIVE", daysAgo: 2, maxUses: 10, payments: ["SUCCESSFUL", "SUCCESSFUL", { failed: "INSUFFICIENT_FUNDS" }] },
  { amountMinor: 2500, description: "Livraison Douala - Bonapriso", status: "ACTIVE", daysAgo: 1, payments: [{ failed: "PAYER_REJECTED" }] },
  { amountMinor: 75000, description: "Formation Excel - session de mars", status: "ACTIVE", daysAgo: 3, maxUses: 5, payments: ["PENDING"] },
  { amountMinor: 1999, currency: "EUR", description: "Consulting hour (remote)", status: "ACTIVE", daysAgo: 4 },
  { amountMinor: 4900, currency: "USD", description: "Workshop ticket - Yaounde tech week", status: "ACTIVE", daysAgo: 5, maxUses: 50 },
  { amountMinor: 1500000, currency: "NGN", description: "Lagos wholesale order #88", status: "ACTIVE", daysAgo: 6 },
  { amountMinor: 25000, currency: "GHS", description: "Accra showroom deposit", status: "ACTIVE", daysAgo: 7, type: "DEPOSIT" },
  { amountMinor: 10000, description: "Panier de fruits - livraison samedi", status: "ACTIVE", daysAgo: 1, expiresInDays: 7 },
  { amountMinor: 3000, description: "Carte cadeau 3 000 FCFA", status: "ACTIVE", daysAgo: 8, mode: "LIVE" },
  { amountMinor: 50000, description: "Chaise en bambou", status: "ACTIVE", daysAgo: 9, provider: "ORANGE_CAM", payments: [{ failed: "TIMEOUT" }] },
  { amountMinor: 120000, description: "Loyer boutique - avril", status: "ACTIVE", daysAgo: 10, merchantReference: "LOYER-04", metadata: { tenant: "Akwa Nord", month: "2026-04" } },
  // PAID
  { amountMinor: 8000, description: "Facture #0998 - paniers", status: "PAID", daysAgo: 0, payments: ["SUCCESSFUL"], provider: "MTN_CAM" },
  { amountMinor: 22000, description: "Robe wax sur mesure", status: "PAID", daysAgo: 2, payments: ["SUCCESSFUL"], provider: "ORANGE_CAM" },
  { amountMinor: 4500, description: "Livraison Yaounde - Bastos", status: "PAID", daysAgo: 5, payments: [{ failed: "INSUFFICIENT_FUNDS" }, "SUCCESSFUL"] },
  { amountMinor: 12000, description: "Atelier enfants (3 places)", status: "PAID", daysAgo: 6, maxUses: 3, payments: ["SUCCESSFUL", "SUCCESSFUL", "SUCCESSFUL"] },
  { amountMinor: 6500, description: "Commande #2231 - en attente d'approbation", status: "PAID", daysAgo: 0, payments: ["PENDING"] },
  { amountMinor: 990, currency: "EUR", description: "E-book: vendre en ligne au Cameroun", status: "PAID", daysAgo: 12, payments: ["SUCCESSFUL"] },
  { amountMinor: 35000, description: "Table basse en iroko", status: "PAID", daysAgo: 15, payments: ["SUCCESSFUL"], provider: "MTN_CAM" },
  { amountMinor: 18000, description: "Facture #0950 - sandales", status: "PAID", daysAgo: 25, payments: ["SUCCESSFUL"], merchantReference: "INV-0950" },
  // EXPIRED
  { amountMinor: 7000, description: "Promo fin d'annee - tote bag", status: "EXPIRED", daysAgo: 20 },
  { amountMinor: 9500, description: "Reservation atelier (expiree)", status: "EXPIRED", daysAgo: 18, payments: [{ failed: "PAYER_REJECTED" }] },
  { amountMinor: 4000, currency: "USD", description: "Webinar replay access", status: "EXPIRED", daysAgo: 22 },
  { amountMinor: 60000, description: "Acompte evenement - salle", status: "EXPIRED", daysAgo: 28, maxUses: 2 },
  { amountMinor: 1500, description: "Frais de dossier", status: "EXPIRED", daysAgo: 14 },
  // CANCELLED
  { amountMinor: 45000, description: "Commande annulee #2190", status: "CANCELLED", daysAgo: 11 },
  { amountMinor: 13000, description: "Doublon - facture #1002", status: "CANCELLED", daysAgo: 9, payments: [{ failed: "INSUFFICIENT_FUNDS" }] },
  { amountMinor: 2900, currency: "EUR", description: "Old pricing - cancelled", status: "CANCELLED", daysAgo: 26 },
  { amountMinor: 100000, description: "Devis refuse - mobilier bureau", status: "CANCELLED", daysAgo: 17 },
  { amountMinor: 5500, description: "Test interne (annule)", status: "CANCELLED", daysAgo: 29 },
];

interface OrderSpec {
  kind: "SALES_ORDER" | "INVOICE";
  number: number;
  totalMinor: number;
  currency: string;
  description: string;
  paidElsewhereMinor?: number;
  /** The number of the sales order it belongs to. */
  parentNumber?: number;
}

/** Sales order 1012 is the CycleSoftware document's example (250.00 EUR, 100.00 paid elsewhere). */
const DEMO_ORDERS: OrderSpec[] = [
  { kind: "SALES_ORDER", number: 1012, totalMinor: 250000, currency: "EUR", description: "Velo cargo + installation", paidElsewhereMinor: 10000 },
  { kind: "INVOICE", number: 2001, totalMinor: 50000, currency: "EUR", description: "Acompte - velo cargo", parentNumber: 1012 },
  { kind: "SALES_ORDER", number: 1013, totalMinor: 89900, currency: "EUR", description: "Casque et eclairage" },
];

const SECOND_LINKS: LinkSpec[] = [
  { amountMinor: 1200, description: "Croissants x12", status: "ACTIVE", daysAgo: 0 },
  { amountMinor: 15000, description: "Gateau d'anniversaire", status: "PAID", daysAgo: 3, payments: ["SUCCESSFUL"] },
  { amountMinor: 3500, description: "Pain complet x5", status: "CANCELLED", daysAgo: 6 },
];

export async function seed(env: Env = process.env): Promise<string> {
  const accounts = demoAccounts(env);
  const lines: string[] = [];
  for (const [account, links] of [
    [accounts.demo, DEMO_LINKS],
    [accounts.second, SECOND_LINKS],
  ] as const) {
    await upsertAccount(account);
    const created = await seedLinks(account.merchantId, links);
    lines.push(`${account.business}: ${created ? `${created} links created` : "links already present, unchanged"}`);
  }
  const orders = await seedOrders(accounts.demo.merchantId, DEMO_ORDERS);
  lines.push(`${accounts.demo.business}: ${orders ? `${orders} orders and invoices created` : "orders already present, unchanged"}`);
  return lines.join("\n");
}

/** Creates the orders that are missing (by kind and number) through the domain services. */
async function seedOrders(merchantId: string, specs: readonly OrderSpec[]): Promise<number> {
  const db = getDb();
  const scope = { merchantId, actor: "system:seed" };
  let created = 0;
  for (const spec of specs) {
    const key = { merchantId, kind: spec.kind, number: BigInt(spec.number) };
    if (await db.order.findUnique({ where: { merchantId_kind_number: key } })) continue;
    const parent = spec.parentNumber
      ? await db.order.findUniqueOrThrow({ where: { merchantId_kind_number: { merchantId, kind: "SALES_ORDER", number: BigInt(spec.parentNumber) } } })
      : null;
    const { kind, number, totalMinor, currency, description } = spec;
    const order = await createOrder(scope, { kind, number, totalMinor, currency, description, parentOrderId: parent?.id ?? null });
    if (spec.paidElsewhereMinor) await recordPaymentElsewhere(scope, order.id, spec.paidElsewhereMinor);
    created++;
  }
  return created;
}

async function upsertAccount(account: DemoAccount): Promise<void> {
  const db = getDb();
  const key = splitApiKey(account.apiKey);
  if (!key) throw new Error(`The demo API key "${account.apiKey}" must look like <key id>.<secret>`);

  await db.merchant.upsert({
    where: { id: account.merchantId },
    create: { id: account.merchantId, name: account.business, webhookSecret: `whsec_${randomBytes(24).toString("base64url")}` },
    update: {},
  });

  const email = account.email.toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await db.user.create({ data: { merchantId: account.merchantId, email, name: "Demo", passwordHash: await hashPassword(account.password) } });
  } else if (!(await verifyPassword(account.password, user.passwordHash))) {
    await db.user.update({ where: { email }, data: { passwordHash: await hashPassword(account.password) } });
  }

  const secretHash = hashSecret(key.secret);
  await db.apiCredential.upsert({
    where: { keyId: key.keyId },
    create: {
      merchantId: account.merchantId,
      name: "Demo sandbox key",
      keyId: key.keyId,
      secretHash,
      secretLast4: key.secret.slice(-4),
      // Every scope: payment_links (Instanvi, CM.com, Zeamster), e-commerce (CycleSoftware), payments (Sylius).
      scopes: ["payment_links", "e-commerce", "payments"],
      mode: "SANDBOX",
    },
    update: { secretHash, secretLast4: key.secret.slice(-4), scopes: ["payment_links", "e-commerce", "payments"], revokedAt: null },
  });
}

/** Creates the links through the domain services (so events are real), then ages them. */
async function seedLinks(merchantId: string, specs: readonly LinkSpec[]): Promise<number> {
  const db = getDb();
  if ((await db.paymentLink.count({ where: { merchantId } })) > 0) return 0;
  const scope = { merchantId, actor: "system:seed" };

  for (const spec of specs) {
    const link = await createLink(scope, {
      amountMinor: spec.amountMinor,
      currency: spec.currency ?? "XAF",
      description: spec.description,
      maxUses: spec.maxUses ?? 1,
      provider: spec.provider ?? null,
      // A LIVE link needs live providers (MTN_LIVE_*, ORANGE_LIVE_*): without them it is seeded in SANDBOX.
      mode: spec.mode === "LIVE" && isModeAvailable("LIVE") ? "LIVE" : "SANDBOX",
      type: spec.type ?? "COLLECTION",
      merchantReference: spec.merchantReference ?? null,
      metadata: spec.metadata ?? {},
      expiresAt: spec.expiresInDays || spec.status === "EXPIRED" ? new Date(Date.now() + (spec.expiresInDays ?? 1) * 86_400_000) : null,
    });

    for (const [index, outcome] of (spec.payments ?? []).entries()) {
      const provider = spec.provider ?? (index % 2 === 0 ? "MTN_CAM" : "ORANGE_CAM");
      const { payment } = await redeemLink({
        slug: link.slug,
        provider,
        phoneNumber: provider === "MTN_CAM" ? MTN_PHONE : ORANGE_PHONE,
      });
      if (outcome === "PENDING") continue;
      await settlePayment({
        paymentId: payment.id,
        outcome: outcome === "SUCCESSFUL" ? "SUCCESSFUL" : "FAILED",
        failureReason: typeof outcome === "object" ? outcome.failed : undefined,
        providerReference: `${provider === "MTN_CAM" ? "MTN" : "OM"}${payment.number.toString().padStart(10, "0")}`,
        actor: `provider:${provider}`,
      });
    }
    if (spec.status === "CANCELLED") await cancelLink(scope, link.id);

    // Age the link and everything that happened to it, keeping their order.
    const age = `${spec.daysAgo} days ${(specs.indexOf(spec) * 37) % 600} minutes`;
    await db.$executeRaw`UPDATE payment_links SET created_at = created_at - ${age}::interval, updated_at = updated_at - ${age}::interval,
      paid_at = paid_at - ${age}::interval, cancelled_at = cancelled_at - ${age}::interval WHERE id = ${link.id}::uuid`;
    // Payments still PENDING stay recent: the reconciler would time out an old one at once.
    await db.$executeRaw`UPDATE payments SET created_at = created_at - ${age}::interval, updated_at = updated_at - ${age}::interval,
      settled_at = settled_at - ${age}::interval WHERE link_id = ${link.id}::uuid AND status <> 'PENDING'`;
    // Pay-page views, so that the dashboard's conversion figure has something to show.
    const views = 2 + ((specs.indexOf(spec) * 7) % 13);
    await db.$executeRaw`INSERT INTO link_view_days (link_id, merchant_id, day, views)
      SELECT id, merchant_id, created_at::date, ${views} FROM payment_links WHERE id = ${link.id}::uuid`;
    await db.$executeRaw`UPDATE events SET created_at = created_at - ${age}::interval WHERE link_id = ${link.id}::uuid`;
    if (spec.status === "EXPIRED") {
      await db.$executeRaw`UPDATE payment_links SET expires_at = created_at + interval '2 days' WHERE id = ${link.id}::uuid`;
    }
  }
  return specs.length;
}
