-- Notifications: webhook endpoints, secret rotation, merchant notification settings, and what
-- the dashboard shows of each delivery attempt.
ALTER TYPE "OutboxStatus" ADD VALUE 'KEPT';

ALTER TABLE "merchants"
  ADD COLUMN "previous_webhook_secret" TEXT,
  ADD COLUMN "previous_webhook_secret_expires_at" TIMESTAMPTZ(3),
  ADD COLUMN "notification_email" TEXT,
  ADD COLUMN "notify_payments" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "webhook_endpoints" (
  "id" UUID NOT NULL,
  "merchant_id" UUID NOT NULL,
  "url" TEXT NOT NULL,
  "events" TEXT[] DEFAULT ARRAY[]::TEXT[],
  "disabled_at" TIMESTAMPTZ(3),
  "disabled_reason" TEXT,
  "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "updated_at" TIMESTAMPTZ(3) NOT NULL,
  CONSTRAINT "webhook_endpoints_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "webhook_endpoints_merchant_id_idx" ON "webhook_endpoints"("merchant_id");
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_merchant_id_fkey"
  FOREIGN KEY ("merchant_id") REFERENCES "merchants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "outbox_messages"
  ADD COLUMN "endpoint_id" UUID,
  ADD COLUMN "kind" TEXT NOT NULL DEFAULT '',
  ADD COLUMN "last_status_code" INTEGER,
  ADD COLUMN "last_latency_ms" INTEGER,
  ADD COLUMN "last_request" JSONB,
  ADD COLUMN "last_response" TEXT;
CREATE INDEX "outbox_messages_endpoint_id_created_at_idx" ON "outbox_messages"("endpoint_id", "created_at" DESC);
ALTER TABLE "outbox_messages" ADD CONSTRAINT "outbox_messages_endpoint_id_fkey"
  FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;
