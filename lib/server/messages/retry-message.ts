import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TMessageView } from "../../messages/schemas";
import { messageUpdated, type TEffects } from "../../effects/inbox-effects";
import { messageViewColumns, rawToMessageView, type TRawMessageRow } from "./message-view-returning";

/**
 * An agent sends a failed message again: it goes back to the outbox as a fresh queued message
 * (new retry window), with the same reference, so CM's late reports of an earlier try still
 * find it. `leaseUntil` is left as it was: if the last try's outcome was unknown, the outbox
 * flags the resend as a possible duplicate. The caller announces it and wakes the outbox.
 */
export async function retryMessage(
  prisma: PrismaClient,
  { messageId, now }: { messageId: string; now: Date },
): Promise<{ message: TMessageView; effects: TEffects }> {
  const [row] = await prisma.$queryRaw<(TRawMessageRow & { accountId: string })[]>`
    UPDATE "Message" AS m SET
      "status" = 'QUEUED',
      "statusReason" = NULL,
      "retryable" = false,
      "attempts" = 0,
      "firstAttemptAt" = NULL,
      "nextAttemptAt" = ${now},
      "updatedAt" = ${now}
    WHERE m."id" = ${messageId} AND m."direction" = 'OUTBOUND' AND m."status" = 'FAILED'
    RETURNING ${messageViewColumns("m")},
      (SELECT c."accountId" FROM "Conversation" c WHERE c."id" = m."conversationId") AS "accountId"`;
  if (!row) {
    const message = await prisma.message.findUnique({ where: { id: messageId }, select: { direction: true } });
    if (!message || message.direction !== "OUTBOUND") {
      throw new AppError("NOT_FOUND", "There is no such message of ours.");
    }
    throw new AppError("CONFLICT", "Only a failed message can be sent again.");
  }
  const view = rawToMessageView(row);
  return { message: view, effects: messageUpdated(view, row.accountId) };
}
