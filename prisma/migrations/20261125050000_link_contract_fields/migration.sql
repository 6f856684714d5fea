-- Fields an integrator attaches to a link and reads back (Zeamster paylinks): its location, its own
-- id for the link (unique per merchant, NULLs allowed), a contact, card and bank processing
-- products, and two checkout options. Stored for the integrator, not acted on.
ALTER TABLE "payment_links"
  ADD COLUMN "location_id" VARCHAR(36),
  ADD COLUMN "external_reference" VARCHAR(64),
  ADD COLUMN "contact_id" VARCHAR(64),
  ADD COLUMN "card_product_id" VARCHAR(36),
  ADD COLUMN "bank_product_id" VARCHAR(36),
  ADD COLUMN "show_receipt_details" BOOLEAN NOT NULL DEFAULT true,
  ADD COLUMN "show_billing_fields" BOOLEAN NOT NULL DEFAULT true;

CREATE UNIQUE INDEX "payment_links_merchant_id_external_reference_key" ON "payment_links"("merchant_id", "external_reference");
