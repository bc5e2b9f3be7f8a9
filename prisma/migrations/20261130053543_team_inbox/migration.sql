-- CreateEnum
CREATE TYPE "ConversationStatus" AS ENUM ('OPEN', 'SNOOZED', 'RESOLVED');

-- AlterEnum
ALTER TYPE "Direction" ADD VALUE 'INTERNAL';

-- AlterEnum
ALTER TYPE "MessageKind" ADD VALUE 'SYSTEM';

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "snoozedUntil" TIMESTAMP(3),
ADD COLUMN     "status" "ConversationStatus" NOT NULL DEFAULT 'OPEN',
ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "InstagramAccount" ADD COLUMN     "autoAssign" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "autoAssignLimit" INTEGER NOT NULL DEFAULT 10;

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "searchText" TEXT;

-- CreateTable
CREATE TABLE "AccountMember" (
    "accountId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountMember_pkey" PRIMARY KEY ("accountId","userId")
);

-- CreateIndex
CREATE INDEX "AccountMember_userId_idx" ON "AccountMember"("userId");

-- CreateIndex
CREATE INDEX "Conversation_status_lastMessageAt_idx" ON "Conversation"("status", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "Conversation_assigneeId_status_idx" ON "Conversation"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Conversation_status_snoozedUntil_idx" ON "Conversation"("status", "snoozedUntil");

-- AddForeignKey
ALTER TABLE "AccountMember" ADD CONSTRAINT "AccountMember_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "InstagramAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountMember" ADD CONSTRAINT "AccountMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Hand-written below (Prisma has no words for them).

-- Full-text search over messages: PostgreSQL's own text search with the 'simple' configuration
-- (no language's stemming: customers write in any language), the same on PGlite and PostgreSQL.
CREATE INDEX "Message_searchText_fts_idx" ON "Message" USING GIN (to_tsvector('simple', COALESCE("searchText", '')));

-- What search finds existing messages by (new ones get it from lib/messages/search-text.ts).
UPDATE "Message" SET "searchText" = NULLIF(concat_ws(' ',
    "content"->>'text', "content"->>'caption', "content"->>'label',
    "content"#>>'{card,header}', "content"#>>'{card,text}',
    (SELECT string_agg(concat_ws(' ', c->>'header', c->>'text'), ' ')
       FROM jsonb_array_elements(CASE WHEN jsonb_typeof("content"->'cards') = 'array' THEN "content"->'cards' ELSE '[]'::jsonb END) c)
  ), '')
WHERE "kind" <> 'UNSUPPORTED';

-- Until now every agent saw every account: keep it so for the agents and accounts there are.
INSERT INTO "AccountMember" ("accountId", "userId")
SELECT a."id", u."id" FROM "InstagramAccount" a CROSS JOIN "User" u WHERE u."role" <> 'admin';

-- A customer waits from their oldest message after our newest reply.
UPDATE "Conversation" c SET "waitingSince" = (
  SELECT min(m."sentAt") FROM "Message" m
  WHERE m."conversationId" = c."id" AND m."direction" = 'INBOUND' AND m."sentAt" > COALESCE(
    (SELECT max(o."sentAt") FROM "Message" o WHERE o."conversationId" = c."id" AND o."direction" = 'OUTBOUND'),
    '-infinity'::timestamp));
