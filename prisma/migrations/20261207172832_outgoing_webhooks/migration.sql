-- CreateEnum
CREATE TYPE "HookDeliveryState" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "HookEndpoint" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "events" TEXT[],
    "includeNotes" BOOLEAN NOT NULL DEFAULT false,
    "allAccounts" BOOLEAN NOT NULL DEFAULT false,
    "secretEncrypted" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabledAt" TIMESTAMP(3),
    "disabledReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HookEndpointAccount" (
    "endpointId" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,

    CONSTRAINT "HookEndpointAccount_pkey" PRIMARY KEY ("endpointId","accountId")
);

-- CreateTable
CREATE TABLE "HookEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "changes" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "preparedAt" TIMESTAMP(3),
    "conversationId" TEXT,
    "accountId" TEXT,
    "payload" JSONB,

    CONSTRAINT "HookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HookDelivery" (
    "id" BIGSERIAL NOT NULL,
    "endpointId" TEXT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "orderKey" TEXT NOT NULL,
    "state" "HookDeliveryState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMP(3),
    "firstAttemptAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "failReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HookAttempt" (
    "id" BIGSERIAL NOT NULL,
    "deliveryId" BIGINT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "status" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "error" TEXT,
    "response" TEXT,

    CONSTRAINT "HookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "HookEndpointAccount_accountId_idx" ON "HookEndpointAccount"("accountId");

-- CreateIndex
CREATE INDEX "HookDelivery_endpointId_id_idx" ON "HookDelivery"("endpointId", "id");

-- CreateIndex
CREATE INDEX "HookAttempt_endpointId_id_idx" ON "HookAttempt"("endpointId", "id");

-- AddForeignKey
ALTER TABLE "HookEndpoint" ADD CONSTRAINT "HookEndpoint_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookEndpointAccount" ADD CONSTRAINT "HookEndpointAccount_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "HookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookEndpointAccount" ADD CONSTRAINT "HookEndpointAccount_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "InstagramAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookDelivery" ADD CONSTRAINT "HookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "HookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookDelivery" ADD CONSTRAINT "HookDelivery_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "HookEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HookAttempt" ADD CONSTRAINT "HookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "HookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Outgoing webhooks' events (issue 21) are written by these triggers, in the transaction of the
-- change that causes them: whichever code path changes a conversation, a message, a label, a
-- contact or a survey, the event is committed with it or not at all. Statement-level triggers
-- with transition tables, one INSERT per statement, and nothing at all while no endpoint is
-- enabled. Only the fields webhooks tell count as a change (a conversation's lastMessageAt,
-- an outbound message's lease do not). Bodies are escaped strings (\073 for each semicolon):
-- Prisma's PostgreSQL adapter splits a migration at every semicolon, even inside quotes.
CREATE FUNCTION "hook_conversation_created"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "occurredAt")
  SELECT \'conversation.created\', n."id", clock_timestamp() AT TIME ZONE \'UTC\' FROM "new_rows" n ORDER BY n."id"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Conversation_hook_insert" AFTER INSERT ON "Conversation"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_conversation_created"();

CREATE FUNCTION "hook_conversation_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'conversation.updated\', n."id",
    (CASE WHEN o."assigneeId" IS DISTINCT FROM n."assigneeId" THEN jsonb_build_object(\'assigneeId\', n."assigneeId") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."status" IS DISTINCT FROM n."status" THEN jsonb_build_object(\'status\', n."status") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."snoozedUntil" IS DISTINCT FROM n."snoozedUntil" THEN jsonb_build_object(\'snoozedUntil\', to_char(n."snoozedUntil", \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\')) ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."handoverUntil" IS DISTINCT FROM n."handoverUntil" THEN jsonb_build_object(\'handoverUntil\', to_char(n."handoverUntil", \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\')) ELSE \'{}\'::jsonb END),
    clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE o."assigneeId" IS DISTINCT FROM n."assigneeId" OR o."status" IS DISTINCT FROM n."status"
    OR o."snoozedUntil" IS DISTINCT FROM n."snoozedUntil" OR o."handoverUntil" IS DISTINCT FROM n."handoverUntil"
  ORDER BY n."id"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Conversation_hook_update" AFTER UPDATE ON "Conversation"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_conversation_updated"();

CREATE FUNCTION "hook_label_added"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'conversation.updated\', n."conversationId", jsonb_build_object(\'labelAdded\', n."labelId"), clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n ORDER BY n."conversationId", n."labelId"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "ConversationLabel_hook_insert" AFTER INSERT ON "ConversationLabel"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_label_added"();

CREATE FUNCTION "hook_label_removed"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'conversation.updated\', o."conversationId", jsonb_build_object(\'labelRemoved\', o."labelId"), clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "old_rows" o ORDER BY o."conversationId", o."labelId"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "ConversationLabel_hook_delete" AFTER DELETE ON "ConversationLabel"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_label_removed"();

CREATE FUNCTION "hook_message_created"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'message.created\', n."id", jsonb_build_object(\'kind\', n."kind", \'status\', n."status"), clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n ORDER BY n."seq"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Message_hook_insert" AFTER INSERT ON "Message"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_message_created"();

CREATE FUNCTION "hook_message_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'message.updated\', n."id",
    (CASE WHEN o."status" IS DISTINCT FROM n."status" THEN jsonb_build_object(\'status\', n."status") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."deletedAt" IS DISTINCT FROM n."deletedAt" THEN jsonb_build_object(\'deletedAt\', to_char(n."deletedAt", \'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"\')) ELSE \'{}\'::jsonb END),
    clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE o."status" IS DISTINCT FROM n."status" OR o."deletedAt" IS DISTINCT FROM n."deletedAt"
  ORDER BY n."seq"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Message_hook_update" AFTER UPDATE ON "Message"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_message_updated"();

CREATE FUNCTION "hook_contact_updated"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'contact.updated\', n."id",
    (CASE WHEN o."name" IS DISTINCT FROM n."name" THEN jsonb_build_object(\'name\', n."name") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."username" IS DISTINCT FROM n."username" THEN jsonb_build_object(\'username\', n."username") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."notes" IS DISTINCT FROM n."notes" THEN jsonb_build_object(\'notes\', n."notes") ELSE \'{}\'::jsonb END),
    clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE o."name" IS DISTINCT FROM n."name" OR o."username" IS DISTINCT FROM n."username" OR o."notes" IS DISTINCT FROM n."notes"
  ORDER BY n."id"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Contact_hook_update" AFTER UPDATE ON "Contact"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_contact_updated"();

CREATE FUNCTION "hook_survey_answered"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "HookEndpoint" WHERE "enabled") THEN RETURN NULL\073 END IF\073
  INSERT INTO "HookEvent" ("type", "resourceId", "changes", "occurredAt")
  SELECT \'survey.answered\', n."id",
    (CASE WHEN o."score" IS DISTINCT FROM n."score" THEN jsonb_build_object(\'score\', n."score") ELSE \'{}\'::jsonb END)
    || (CASE WHEN o."comment" IS DISTINCT FROM n."comment" THEN jsonb_build_object(\'comment\', n."comment") ELSE \'{}\'::jsonb END),
    clock_timestamp() AT TIME ZONE \'UTC\'
  FROM "new_rows" n JOIN "old_rows" o ON o."id" = n."id"
  WHERE n."answeredAt" IS NOT NULL AND (o."score" IS DISTINCT FROM n."score" OR o."comment" IS DISTINCT FROM n."comment")
  ORDER BY n."id"\073
  RETURN NULL\073
END
';
CREATE TRIGGER "Survey_hook_update" AFTER UPDATE ON "Survey"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "hook_survey_answered"();

-- What the hooks worker looks for: events not prepared yet, deliveries pending.
CREATE INDEX "HookEvent_unprepared_idx" ON "HookEvent" ("id") WHERE "preparedAt" IS NULL;
CREATE INDEX "HookDelivery_pending_idx" ON "HookDelivery" ("nextAttemptAt", "id") WHERE "state" = 'PENDING';
-- A delivery waits for the older pending ones of its endpoint and conversation (the order).
CREATE INDEX "HookDelivery_pending_order_idx" ON "HookDelivery" ("endpointId", "orderKey", "id") WHERE "state" = 'PENDING';
