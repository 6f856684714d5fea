-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "notification_token" TEXT,
ADD COLUMN     "payment_url" TEXT;
