import { Prisma, type PrismaClient } from "../../db/generated/client";
import { unusedUpload } from "../uploads/upload-uses";

// One batch of a retention run (issue 20): up to `limit` of an account's conversations whose last
// message is before the run's cutoff, deleted for good in ONE transaction with everything that
// is theirs: messages, private notes and system lines (messages too), mentions, labels, read
// markers, surveys and report facts (foreign keys, cascade: the facts' triggers mark the rolled
// days dirty, so reports re-roll them), the uploads nothing else uses, and the contacts left
// without a conversation. The run's figures grow in the same transaction. A crash at any
// point rolls the whole batch back: nothing is half-deleted, and the next round takes it again.
// When nothing older than the cutoff is left, the batch finishes the run instead.

export interface TRetentionBatch {
  /** Another instance holds this account's retention: nothing was done. */
  busy: boolean;
  conversationIds: string[];
  messages: number;
  uploads: number;
}

export interface TRetentionBatchOptions {
  accountId: string;
  cutoff: Date;
  limit: number;
  now: Date;
  /** Tests: runs inside the transaction after the conversations are deleted (throw to simulate a crash). */
  afterDelete?: () => Promise<void>;
}

export async function deleteRetentionBatch(
  prisma: PrismaClient,
  { accountId, cutoff, limit, now, afterDelete }: TRetentionBatchOptions,
): Promise<TRetentionBatch> {
  return prisma.$transaction(
    async (tx) => {
      // One instance at a time per account (the lock ends with the transaction): two would
      // only skip each other's rows, and the run's figures would interleave.
      const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`
        SELECT pg_try_advisory_xact_lock(hashtext(${`retention:${accountId}`})) AS locked`;
      if (lock?.locked !== true) return { busy: true, conversationIds: [], messages: 0, uploads: 0 };
      // SKIP LOCKED: a conversation the intake is writing to right now (a new message that may
      // make it recent) is left alone; the next run sees it as it then is.
      const doomed = await tx.$queryRaw<{ id: string; contactId: string }[]>`
        SELECT "id", "contactId" FROM "Conversation"
        WHERE "accountId" = ${accountId} AND "lastMessageAt" < ${cutoff}
        ORDER BY "lastMessageAt", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      if (doomed.length === 0) {
        await tx.$executeRaw`
          UPDATE "RetentionRun" SET "finishedAt" = ${now} WHERE "accountId" = ${accountId} AND "finishedAt" IS NULL`;
        return { busy: false, conversationIds: [], messages: 0, uploads: 0 };
      }
      const ids = doomed.map((c) => c.id);
      const [counted] = await tx.$queryRaw<{ messages: number }[]>`
        SELECT count(*)::int AS messages FROM "Message" WHERE "conversationId" = ANY(${ids}::text[])`;
      const used = await tx.$queryRaw<{ uploadId: string }[]>`
        SELECT DISTINCT mu."uploadId" FROM "MessageUpload" mu JOIN "Message" m ON m."id" = mu."messageId"
        WHERE m."conversationId" = ANY(${ids}::text[])`;
      await tx.$executeRaw`DELETE FROM "Conversation" WHERE "id" = ANY(${ids}::text[])`;
      await afterDelete?.();
      // Their last use went with these messages: a kept message or a saved reply keeps one.
      const uploads = await tx.$executeRaw`
        DELETE FROM "Upload" u WHERE u."id" = ANY(${used.map((u) => u.uploadId)}::text[]) AND ${unusedUpload("u")}`;
      // A contact is one customer of one account; with no conversation left nothing shows it,
      // and its name and notes are theirs. One the intake is using right now is skipped.
      await tx.$executeRaw`
        DELETE FROM "Contact" WHERE "id" IN (
          SELECT ct."id" FROM "Contact" ct
          WHERE ct."id" = ANY(${[...new Set(doomed.map((c) => c.contactId))]}::text[])
            AND NOT EXISTS (SELECT 1 FROM "Conversation" c WHERE c."contactId" = ct."id")
          FOR UPDATE SKIP LOCKED)`;
      const messages = counted?.messages ?? 0;
      await tx.$executeRaw`
        UPDATE "RetentionRun" SET "conversations" = "conversations" + ${ids.length},
          "messages" = "messages" + ${messages}, "uploads" = "uploads" + ${uploads}, "batches" = "batches" + 1
        WHERE "accountId" = ${accountId}`;
      return { busy: false, conversationIds: ids, messages, uploads };
    },
    { timeout: 60_000, isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
