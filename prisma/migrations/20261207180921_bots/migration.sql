-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "bot" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "botSilenceSeconds" INTEGER NOT NULL DEFAULT 300;

-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "botTokenId" TEXT;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_botTokenId_fkey" FOREIGN KEY ("botTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Bots answer first (issue 21). A conversation that opens because the customer wrote (created,
-- or reopened from snoozed or resolved, unless the transaction says the team reopened it: an
-- agent's reopening, a snooze's end, lib/server/bots/team-reopens.ts) and that no agent holds
-- goes to the account's bot, if a bot token not revoked reaches the account (the oldest such
-- token). Any change that gives it to a person or closes it (an owner, a status other than
-- open) takes it from the bot. In a trigger, so every path that opens a conversation (the
-- intake's one statement above all) routes it in the same row write. Bodies are escaped strings
-- (\073 for each semicolon): Prisma's PostgreSQL adapter splits a migration at every semicolon.
CREATE FUNCTION "conversation_route_bot"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' OR (OLD."status" <> \'OPEN\' AND NEW."status" = \'OPEN\'
      AND current_setting(\'inbox.reopened_by_team\', true) IS DISTINCT FROM \'on\') THEN
    IF NEW."assigneeId" IS NULL AND NEW."status" = \'OPEN\' THEN
      NEW."botTokenId" := (
        SELECT t."id" FROM "ApiToken" t
        WHERE t."bot" AND t."revokedAt" IS NULL
          AND (t."allAccounts" OR EXISTS (
            SELECT 1 FROM "ApiTokenAccount" a WHERE a."tokenId" = t."id" AND a."accountId" = NEW."accountId"))
        ORDER BY t."createdAt", t."id" LIMIT 1)\073
    END IF\073
  ELSIF NEW."botTokenId" IS NOT NULL AND (NEW."assigneeId" IS NOT NULL OR NEW."status" <> \'OPEN\') THEN
    NEW."botTokenId" := NULL\073
  END IF\073
  RETURN NEW\073
END
';
CREATE TRIGGER "Conversation_route_bot" BEFORE INSERT OR UPDATE ON "Conversation"
  FOR EACH ROW EXECUTE FUNCTION "conversation_route_bot"();

-- The bots' conversations, for the hand-over worker and the inbox's "With a bot" filter.
CREATE INDEX "Conversation_botTokenId_idx" ON "Conversation" ("botTokenId") WHERE "botTokenId" IS NOT NULL;
