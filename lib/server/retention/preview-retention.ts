import type { PrismaClient } from "../../db/generated/client";
import { retentionCutoff } from "../../retention/cutoff";
import type { TRetentionPreview } from "../../retention/schemas";
import { AppError } from "../../errors";

/** Conversations a preview counts at most: its cost stays bounded on an account of any size. */
export const PREVIEW_MAX_CONVERSATIONS = 10_000;

/**
 * What a run with `months` would delete if it ran now: the account's conversations whose last
 * message is before the cutoff, their messages (notes and system lines included), and the
 * uploads only they use (not one a kept message or a saved reply uses). The same rules as the
 * run's batches, so the figures are what a run deletes. Read only, on demand.
 */
export async function previewRetention(
  prisma: PrismaClient,
  {
    accountId,
    months,
    now,
    maxConversations = PREVIEW_MAX_CONVERSATIONS,
  }: { accountId: string; months: number; now: Date; maxConversations?: number },
): Promise<TRetentionPreview> {
  const account = await prisma.instagramAccount.findUnique({ where: { id: accountId }, select: { id: true } });
  if (!account) throw new AppError("NOT_FOUND", "This account does not exist (any more).");
  const cutoff = retentionCutoff(now, months);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Conversation" WHERE "accountId" = ${accountId} AND "lastMessageAt" < ${cutoff}
    ORDER BY "lastMessageAt", "id" LIMIT ${maxConversations + 1}`;
  const ids = rows.slice(0, maxConversations).map((row) => row.id);
  const [counted] = await prisma.$queryRaw<{ messages: number; uploads: number }[]>`
    SELECT
      (SELECT count(*)::int FROM "Message" WHERE "conversationId" = ANY(${ids}::text[])) AS messages,
      (SELECT count(*)::int FROM (
        SELECT DISTINCT mu."uploadId" FROM "MessageUpload" mu JOIN "Message" m ON m."id" = mu."messageId"
        WHERE m."conversationId" = ANY(${ids}::text[])
      ) x
      WHERE NOT EXISTS (
          SELECT 1 FROM "MessageUpload" o JOIN "Message" om ON om."id" = o."messageId"
          WHERE o."uploadId" = x."uploadId" AND NOT (om."conversationId" = ANY(${ids}::text[])))
        AND NOT EXISTS (SELECT 1 FROM "SavedReplyUpload" s WHERE s."uploadId" = x."uploadId")) AS uploads`;
  return {
    months,
    cutoff: cutoff.toISOString(),
    conversations: ids.length,
    messages: counted?.messages ?? 0,
    uploads: counted?.uploads ?? 0,
    capped: rows.length > maxConversations,
  };
}
