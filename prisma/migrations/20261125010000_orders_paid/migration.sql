-- Orders that know what is paid: amounts recorded as paid outside the product, and the sales
-- order an invoice belongs to. Written by hand (see STACK.md), matching prisma/schema.prisma.
-- (No semicolons inside comments: the migration runner splits the script on them.)

-- AlterTable
ALTER TABLE "orders" ADD COLUMN "paid_elsewhere_minor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN "parent_id" UUID;

-- Never negative, whatever writes to the table (the services check it too)
ALTER TABLE "orders" ADD CONSTRAINT "orders_paid_elsewhere_minor_check" CHECK ("paid_elsewhere_minor" >= 0);

-- CreateIndex
CREATE INDEX "orders_parent_id_idx" ON "orders"("parent_id");

-- AddForeignKey
ALTER TABLE "orders" ADD CONSTRAINT "orders_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "orders"("id") ON DELETE SET NULL ON UPDATE CASCADE;
