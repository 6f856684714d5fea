-- Sequential integer numbers for payment links, for contracts with integer ids (Sylius serves a
-- link as the "order" of its payments at /api/v1/orders/{number}). The same shape as a SERIAL
-- column, which is what `Int @default(autoincrement())` expects. Existing links are numbered
-- from the sequence in the order they were created. Written by hand.

-- CreateSequence
CREATE SEQUENCE "payment_links_number_seq" AS INTEGER;

-- AlterTable
ALTER TABLE "payment_links" ADD COLUMN "number" INTEGER;

-- Backfill in creation order (the sequence continues after the last number given)
UPDATE "payment_links" AS l
   SET "number" = o.n
  FROM (SELECT "id", nextval('payment_links_number_seq') AS n
          FROM (SELECT "id" FROM "payment_links" ORDER BY "created_at", "id") AS ordered) AS o
 WHERE l."id" = o."id";

ALTER TABLE "payment_links" ALTER COLUMN "number" SET DEFAULT nextval('payment_links_number_seq');
ALTER TABLE "payment_links" ALTER COLUMN "number" SET NOT NULL;
ALTER SEQUENCE "payment_links_number_seq" OWNED BY "payment_links"."number";

-- CreateIndex
CREATE UNIQUE INDEX "payment_links_number_key" ON "payment_links"("number");
