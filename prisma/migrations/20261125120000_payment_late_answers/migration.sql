-- Uses held by PENDING payments, kept with current_uses: a link stored PAID with pending_uses > 0
-- is awaiting payment, not paid.
ALTER TABLE "payment_links" ADD COLUMN "pending_uses" INTEGER NOT NULL DEFAULT 0;

UPDATE "payment_links" l
   SET "pending_uses" = p.n
  FROM (SELECT "link_id", COUNT(*)::int AS n FROM "payments" WHERE "status" = 'PENDING' GROUP BY "link_id") p
 WHERE p."link_id" = l."id";

ALTER TABLE "payment_links" ADD CONSTRAINT "payment_links_pending_uses_check"
  CHECK ("pending_uses" >= 0 AND "pending_uses" <= "current_uses");

-- The provider's final word wins: a payment failed here without it can still succeed later.
ALTER TABLE "payments" ADD COLUMN "failed_locally_at" TIMESTAMPTZ(3);
ALTER TABLE "payments" ADD COLUMN "over_collected_at" TIMESTAMPTZ(3);

-- Payments the reconciler timed out before this change failed without the provider's final word.
UPDATE "payments" p
   SET "failed_locally_at" = p."settled_at"
 WHERE p."status" = 'FAILED'
   AND p."failure_reason" = 'TIMEOUT'
   AND EXISTS (SELECT 1 FROM "events" e WHERE e."payment_id" = p."id" AND e."type" = 'payment.failed' AND e."actor" = 'system:reconciler');

CREATE INDEX "payments_status_failed_locally_at_idx" ON "payments"("status", "failed_locally_at");
