-- AlterTable
ALTER TABLE "InstagramAccount" ADD COLUMN     "retentionChangedAt" TIMESTAMP(3),
ADD COLUMN     "retentionEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "retentionMonths" INTEGER NOT NULL DEFAULT 24;

-- CreateTable
CREATE TABLE "RetentionRun" (
    "accountId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "cutoff" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "conversations" INTEGER NOT NULL DEFAULT 0,
    "messages" INTEGER NOT NULL DEFAULT 0,
    "uploads" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "MessageUpload" (
    "messageId" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,

    CONSTRAINT "MessageUpload_pkey" PRIMARY KEY ("messageId","uploadId")
);

-- CreateTable
CREATE TABLE "SavedReplyUpload" (
    "savedReplyId" TEXT NOT NULL,
    "uploadId" TEXT NOT NULL,

    CONSTRAINT "SavedReplyUpload_pkey" PRIMARY KEY ("savedReplyId","uploadId")
);

-- CreateIndex
CREATE INDEX "MessageUpload_uploadId_idx" ON "MessageUpload"("uploadId");

-- CreateIndex
CREATE INDEX "SavedReplyUpload_uploadId_idx" ON "SavedReplyUpload"("uploadId");

-- AddForeignKey
ALTER TABLE "RetentionRun" ADD CONSTRAINT "RetentionRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "InstagramAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageUpload" ADD CONSTRAINT "MessageUpload_messageId_fkey" FOREIGN KEY ("messageId") REFERENCES "Message"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageUpload" ADD CONSTRAINT "MessageUpload_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedReplyUpload" ADD CONSTRAINT "SavedReplyUpload_savedReplyId_fkey" FOREIGN KEY ("savedReplyId") REFERENCES "SavedReply"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedReplyUpload" ADD CONSTRAINT "SavedReplyUpload_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
