-- Lists at a million links (issue 13): keyset and numbered pages read the order from an index
-- alone, and the dashboard search uses trigram indexes.

-- The order of the link lists with its tie-break (created_at DESC, id DESC). It replaces the
-- index without the id, which it covers.
CREATE INDEX IF NOT EXISTS "payment_links_merchant_id_created_at_id_idx" ON "payment_links"("merchant_id", "created_at" DESC, "id" DESC);
DROP INDEX IF EXISTS "payment_links_merchant_id_created_at_idx";

-- The same for payments (created_at, number): the dashboard reads it newest first, Sylius oldest first.
CREATE INDEX IF NOT EXISTS "payments_merchant_id_created_at_number_idx" ON "payments"("merchant_id", "created_at" DESC, "number" DESC);
DROP INDEX IF EXISTS "payments_merchant_id_created_at_idx";

-- Search: ILIKE with a leading wildcard on description, references and slug. pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE INDEX IF NOT EXISTS "payment_links_description_trgm_idx" ON "payment_links" USING GIN ("description" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "payment_links_merchant_reference_trgm_idx" ON "payment_links" USING GIN ("merchant_reference" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "payment_links_invoice_reference_trgm_idx" ON "payment_links" USING GIN ("invoice_reference" gin_trgm_ops);
CREATE INDEX IF NOT EXISTS "payment_links_slug_trgm_idx" ON "payment_links" USING GIN ("slug" gin_trgm_ops);
