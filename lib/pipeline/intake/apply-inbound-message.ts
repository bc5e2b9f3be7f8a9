import { randomUUID } from "node:crypto";
import { handoverUntilAfter } from "../../channel/rules";
import { classifyCustomerMessage } from "../../cm/customer-message";
import type { TInboundMessage } from "../../cm/schemas/inbound-message";
import type { Prisma } from "../../db/generated/client";
import { previewOf, type TMessageKind } from "../../messages/schemas";
import { toConversationSummary } from "../../server/conversations/to-summary";
import { toMessageView, type TMessageRow } from "../../server/messages/to-message-view";
import type { TEffects } from "../../server/webhooks/effects";

const KIND = {
  text: "TEXT",
  image: "IMAGE",
  quick_reply: "QUICK_REPLY_ANSWER",
  story_reply: "STORY_REPLY",
  unsupported: "UNSUPPORTED",
} as const satisfies Record<string, TMessageKind>;

interface TRow extends Omit<TMessageRow, "author" | "id" | "content"> {
  messageId: string;
  content: unknown;
  accountId: string;
  accountName: string;
  igsid: string;
  name: string | null;
  username: string | null;
  lastMessageAt: Date;
  lastMessagePreview: string;
  lastInboundAt: Date | null;
  handoverUntil: Date | null;
  conversationUpdatedAt: Date;
}

/**
 * Stores a customer's message in ONE statement (the hot path of intake): the contact and the
 * conversation are created on first contact or moved along (`INSERT … ON CONFLICT … DO
 * UPDATE`, safe when a customer's first messages arrive together on several instances), the
 * message is inserted, and a MessageDelete that overtook it is applied. Webhooks arrive out of
 * order: the list's time and preview move only for a newer message, and the reply window's
 * start (lastInboundAt) only ever moves later.
 */
export async function applyInboundMessage(
  tx: Prisma.TransactionClient,
  { accountId, mo, dedupeKey, now }: { accountId: string; mo: TInboundMessage; dedupeKey: string; now: Date },
  effects: TEffects,
): Promise<void> {
  const classified = classifyCustomerMessage(mo);
  const { kind: _kind, ...content } = classified;
  const kind = KIND[classified.kind];
  const at = mo.timeUtc;
  // The customer asked for a human in the Instagram inbox: CM hands the chat over for 24 h.
  const handoverUntil = classified.kind === "quick_reply" ? handoverUntilAfter(classified.postbackData, at) : null;
  const preview = previewOf(kind, content).slice(0, 200);
  const deletedPreview = previewOf(kind, null);
  const [row] = await tx.$queryRaw<TRow[]>`
    WITH contact AS (
      INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "username", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${accountId}, ${mo.from.number}, ${mo.from.name || null}, ${mo.username || null}, ${now}, ${now})
      ON CONFLICT ("accountId", "igsid") DO UPDATE SET
        "name" = COALESCE(EXCLUDED."name", "Contact"."name"),
        "username" = COALESCE(EXCLUDED."username", "Contact"."username"),
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id", "igsid", "name", "username"
    ), early_delete AS (
      SELECT "id", "receivedAt" FROM "WebhookEvent"
      WHERE ${mo.messageId}::text IS NOT NULL AND "accountId" = ${accountId} AND "kind" = 'EVENT'
        AND "cmReference" = ${mo.messageId} AND "state" = 'WAITING'
      ORDER BY "seq" LIMIT 1
    ), conversation AS (
      INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview",
        "lastInboundAt", "handoverUntil", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, ${accountId}, contact."id", ${at},
        CASE WHEN EXISTS (SELECT 1 FROM early_delete) THEN ${deletedPreview} ELSE ${preview} END,
        ${at}, ${handoverUntil}::timestamp(3), ${now}, ${now}
      FROM contact
      ON CONFLICT ("accountId", "contactId") DO UPDATE SET
        "lastMessagePreview" = CASE WHEN EXCLUDED."lastMessageAt" >= "Conversation"."lastMessageAt"
          THEN EXCLUDED."lastMessagePreview" ELSE "Conversation"."lastMessagePreview" END,
        "lastMessageAt" = GREATEST("Conversation"."lastMessageAt", EXCLUDED."lastMessageAt"),
        "lastInboundAt" = GREATEST("Conversation"."lastInboundAt", EXCLUDED."lastInboundAt"),
        "handoverUntil" = COALESCE(EXCLUDED."handoverUntil", "Conversation"."handoverUntil"),
        "updatedAt" = EXCLUDED."updatedAt"
      RETURNING *
    ), message AS (
      INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "dedupeKey",
        "externalId", "deletedAt", "sentAt", "createdAt", "updatedAt")
      SELECT ${randomUUID()}, conversation."id", 'INBOUND', ${kind}::"MessageKind", ${JSON.stringify(content)}::jsonb,
        'RECEIVED', ${dedupeKey}, ${mo.messageId}, (SELECT "receivedAt" FROM early_delete), ${at}, ${now}, ${now}
      FROM conversation
      RETURNING *
    ), delete_applied AS (
      UPDATE "WebhookEvent" SET "state" = 'DONE', "processedAt" = ${now}
      WHERE "id" IN (SELECT "id" FROM early_delete)
    )
    SELECT m."id" AS "messageId", m."conversationId", m."direction", m."kind", m."content", m."deletedAt",
      m."status", m."statusReason", m."retryable", m."attempts", m."nextAttemptAt", m."maybeDuplicate",
      m."clientId", m."sentAt", m."updatedAt",
      c."accountId", a."displayName" AS "accountName", contact."igsid", contact."name", contact."username",
      c."lastMessageAt", c."lastMessagePreview", c."lastInboundAt", c."handoverUntil",
      c."updatedAt" AS "conversationUpdatedAt"
    FROM message m, conversation c, contact, "InstagramAccount" a
    WHERE a."id" = ${accountId}`;
  if (!row) throw new Error("storing the message returned no row");
  effects.conversations.push(
    toConversationSummary({
      id: row.conversationId,
      accountId: row.accountId,
      account: { displayName: row.accountName },
      contact: { igsid: row.igsid, name: row.name, username: row.username },
      lastMessageAt: row.lastMessageAt,
      lastMessagePreview: row.lastMessagePreview,
      lastInboundAt: row.lastInboundAt,
      handoverUntil: row.handoverUntil,
      updatedAt: row.conversationUpdatedAt,
    }),
  );
  effects.createdMessages.push(toMessageView({ ...row, id: row.messageId, author: null }));
}
