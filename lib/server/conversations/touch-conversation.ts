import { randomUUID } from "node:crypto";
import type { Prisma } from "../../db/generated/client";
import type { TConversationSummary } from "../../conversations/summary";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

/**
 * Records a new message on its conversation. Webhooks arrive out of order, so the list's
 * time and preview move only for a message newer than the newest one seen, and the
 * messaging window's start (lastInboundAt) only ever moves later.
 */
export async function touchConversation(
  tx: Prisma.TransactionClient,
  {
    conversationId,
    at,
    preview,
    inbound,
    answered = false,
    opening,
  }: {
    conversationId: string;
    at: Date;
    preview: string;
    inbound: boolean;
    /** An agent's reply: the customer no longer waits for an answer. */
    answered?: boolean;
    /** The opening's start and first response, when this message moves them (lib/reports/measures.ts). */
    opening?: { openedAt: Date | null; firstResponseAt: Date | null } | undefined;
  },
  /** Something from the customer: a snoozed or resolved conversation opens again. */
  { reopen = false }: { reopen?: boolean } = {},
): Promise<TConversationSummary> {
  const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  const newest = at >= current.lastMessageAt;
  const row = await tx.conversation.update({
    where: { id: conversationId },
    data: {
      ...(newest ? { lastMessageAt: at, lastMessagePreview: preview.slice(0, 200) } : {}),
      ...(inbound && (!current.lastInboundAt || at > current.lastInboundAt) ? { lastInboundAt: at } : {}),
      ...(answered ? { waitingSince: null } : {}),
      ...(inbound && !current.waitingSince ? { waitingSince: at } : {}),
      ...(reopen ? { status: "OPEN" as const, snoozedUntil: null } : {}),
      ...opening,
    },
    include: CONVERSATION_SUMMARY_INCLUDE,
  });
  return toConversationSummary(row);
}

/**
 * The customer's conversation on this account, created on first contact. Both rows are
 * real `INSERT … ON CONFLICT` (one statement each): a Prisma upsert with nothing to update
 * runs SELECT then INSERT, so two first messages arriving together would clash on the unique
 * key and one of them would be lost (issue 8).
 */
export async function findOrStartConversation(
  tx: Prisma.TransactionClient,
  {
    accountId,
    igsid,
    name,
    username,
    at,
  }: { accountId: string; igsid: string; name: string | null; username: string | null; at: Date },
): Promise<{ id: string }> {
  const now = new Date();
  // Keep what we knew when a payload leaves a field empty.
  const [contact] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "username", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${accountId}, ${igsid}, ${name || null}, ${username || null}, ${now}, ${now})
    ON CONFLICT ("accountId", "igsid") DO UPDATE SET
      "name" = COALESCE(EXCLUDED."name", "Contact"."name"),
      "username" = COALESCE(EXCLUDED."username", "Contact"."username"),
      "updatedAt" = EXCLUDED."updatedAt"
    RETURNING "id"`;
  if (!contact) throw new Error("contact upsert returned no row");
  // DO UPDATE (not DO NOTHING) so that RETURNING yields the existing row too.
  const [conversation] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview", "createdAt", "updatedAt")
    VALUES (${randomUUID()}, ${accountId}, ${contact.id}, ${at}, '', ${now}, ${now})
    ON CONFLICT ("accountId", "contactId") DO UPDATE SET "accountId" = EXCLUDED."accountId"
    RETURNING "id"`;
  if (!conversation) throw new Error("conversation upsert returned no row");
  return conversation;
}
