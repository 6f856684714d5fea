-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "reconcile_locked_until" TIMESTAMPTZ(3);
