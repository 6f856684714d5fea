-- CreateTable
CREATE TABLE "link_view_days" (
    "link_id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "views" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "link_view_days_pkey" PRIMARY KEY ("link_id","day")
);

-- CreateIndex
CREATE INDEX "link_view_days_merchant_id_day_idx" ON "link_view_days"("merchant_id", "day");

-- AddForeignKey
ALTER TABLE "link_view_days" ADD CONSTRAINT "link_view_days_link_id_fkey" FOREIGN KEY ("link_id") REFERENCES "payment_links"("id") ON DELETE CASCADE ON UPDATE CASCADE;
