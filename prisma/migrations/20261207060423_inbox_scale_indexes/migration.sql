-- The inbox at scale (issue 20). No semicolons in comments: the driver adapter splits on them.

-- CreateIndex
CREATE INDEX "Conversation_status_accountId_assigneeId_idx" ON "Conversation"("status", "accountId", "assigneeId");

-- Unread counts (lib/server/conversations/count-unread.ts): a conversation's customer messages
-- stored after the agent last read it, counted from this index alone, however long the thread.
-- Hand-written: Prisma has no words for a partial index. It leaves the system lines, notes,
-- replies and deleted messages out, which are never counted.
CREATE INDEX "Message_unread_idx" ON "Message" ("conversationId", "createdAt")
  WHERE "direction" = 'INBOUND' AND "deletedAt" IS NULL;

-- The contact panel's figures of a thread (counts by direction, first and last time) from the
-- index alone: the same index as before with direction after sentAt, so what used it still does.
-- DropIndex
DROP INDEX "Message_conversationId_sentAt_idx";

-- CreateIndex
CREATE INDEX "Message_conversationId_sentAt_direction_idx" ON "Message"("conversationId", "sentAt", "direction");
