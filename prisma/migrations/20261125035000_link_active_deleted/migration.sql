-- A link can be deactivated (and reactivated) and deleted from an API, keeping its payments.
ALTER TABLE "payment_links"
  ADD COLUMN "deactivated_at" TIMESTAMPTZ(3),
  ADD COLUMN "deleted_at" TIMESTAMPTZ(3);
