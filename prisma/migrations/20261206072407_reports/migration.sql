-- CreateEnum
CREATE TYPE "ReportEventKind" AS ENUM ('OPENED', 'REOPENED', 'MESSAGE_IN', 'MESSAGE_OUT', 'FIRST_RESPONSE', 'REPLY', 'RESOLVED', 'ASSIGNED', 'SURVEY_SENT', 'SURVEY_ANSWERED', 'WINDOW_LOST', 'SLA_BREACHED');

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "firstResponseAt" TIMESTAMP(3),
ADD COLUMN     "openedAt" TIMESTAMP(3),
ADD COLUMN     "windowLostAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InstagramAccount" ADD COLUMN     "businessHours" JSONB,
ADD COLUMN     "surveyCooldownDays" INTEGER NOT NULL DEFAULT 7,
ADD COLUMN     "surveyEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "surveyFollowUpText" TEXT,
ADD COLUMN     "surveyText" TEXT,
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateTable
CREATE TABLE "ReportEvent" (
    "id" BIGSERIAL NOT NULL,
    "kind" "ReportEventKind" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "accountId" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "agentId" TEXT,
    "seconds" INTEGER,
    "businessSeconds" INTEGER,
    "score" INTEGER,
    "slaMet" BOOLEAN,
    "labelIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "ReportEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "conversationId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "agentId" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL,
    "score" INTEGER,
    "answeredAt" TIMESTAMP(3),
    "comment" TEXT,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportEvent_at_idx" ON "ReportEvent"("at");

-- CreateIndex
CREATE INDEX "ReportEvent_accountId_at_idx" ON "ReportEvent"("accountId", "at");

-- CreateIndex
CREATE INDEX "ReportEvent_agentId_at_idx" ON "ReportEvent"("agentId", "at");

-- CreateIndex
CREATE INDEX "ReportEvent_conversationId_idx" ON "ReportEvent"("conversationId");

-- CreateIndex
CREATE INDEX "ReportEvent_labelIds_idx" ON "ReportEvent" USING GIN ("labelIds");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_messageId_key" ON "Survey"("messageId");

-- CreateIndex
CREATE INDEX "Survey_conversationId_sentAt_idx" ON "Survey"("conversationId", "sentAt");

-- CreateIndex
CREATE INDEX "Survey_contactId_answeredAt_idx" ON "Survey"("contactId", "answeredAt");

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportEvent" ADD CONSTRAINT "ReportEvent_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
