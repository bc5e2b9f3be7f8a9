-- CreateIndex
CREATE INDEX "Message_firstAttemptAt_idx" ON "Message"("firstAttemptAt");
