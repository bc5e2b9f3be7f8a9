-- CreateEnum
CREATE TYPE "WebhookState" AS ENUM ('PENDING', 'WAITING', 'DONE', 'FAILED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DeliveryStatus" ADD VALUE 'QUEUED';
ALTER TYPE "DeliveryStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "firstAttemptAt" TIMESTAMP(3),
ADD COLUMN     "leaseUntil" TIMESTAMP(3),
ADD COLUMN     "maybeDuplicate" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "availableAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "orderKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "seq" BIGSERIAL NOT NULL,
ADD COLUMN     "state" "WebhookState" NOT NULL DEFAULT 'PENDING',
ALTER COLUMN "payload" SET DATA TYPE TEXT USING "payload"::text;

-- Webhooks stored before the intake pipeline were applied when stored, and those still
-- unprocessed were waiting for the message they refer to.
UPDATE "WebhookEvent" SET "state" = CASE WHEN "processedAt" IS NULL THEN 'WAITING'::"WebhookState" ELSE 'DONE'::"WebhookState" END;

-- CreateIndex
CREATE INDEX "Message_status_nextAttemptAt_idx" ON "Message"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_seq_key" ON "WebhookEvent"("seq");

-- CreateIndex
CREATE INDEX "WebhookEvent_state_seq_idx" ON "WebhookEvent"("state", "seq");

-- CreateIndex
CREATE INDEX "WebhookEvent_orderKey_state_seq_idx" ON "WebhookEvent"("orderKey", "state", "seq");

-- CreateIndex
CREATE INDEX "WebhookEvent_accountId_kind_receivedAt_idx" ON "WebhookEvent"("accountId", "kind", "receivedAt");
