import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TMessageView } from "../../messages/schemas";
import { messageUpdated, noEffects, type TEffects } from "../../effects/inbox-effects";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";
import { messageViewColumns, rawToMessageView, type TRawMessageRow } from "./message-view-returning";

/**
 * An agent withdraws a reply that has not left yet. Only a QUEUED message can be cancelled,
 * decided in the UPDATE itself, so a cancel and the outbox claiming the message cannot both
 * win. Once cancelled, the conversation's next reply may leave. If an earlier try's outcome
 * was unknown, CM may still deliver that one: its status report then overrules the cancel
 * (lib/messages/delivery.ts), so the agent sees what the customer got.
 */
export async function cancelMessage(
  prisma: PrismaClient,
  { messageId, now }: { messageId: string; now: Date },
): Promise<{ message: TMessageView; effects: TEffects }> {
  const [row] = await prisma.$queryRaw<(TRawMessageRow & { accountId: string })[]>`
    UPDATE "Message" AS m SET
      "status" = 'CANCELLED',
      "statusReason" = NULL,
      "nextAttemptAt" = NULL,
      "retryable" = false,
      "updatedAt" = ${now}
    WHERE m."id" = ${messageId} AND m."direction" = 'OUTBOUND' AND m."status" = 'QUEUED'
    RETURNING ${messageViewColumns("m")},
      (SELECT c."accountId" FROM "Conversation" c WHERE c."id" = m."conversationId") AS "accountId"`;
  if (row) {
    const view = rawToMessageView(row);
    return { message: view, effects: messageUpdated(view, row.accountId) };
  }
  const message = await prisma.message.findUnique({ where: { id: messageId }, include: MESSAGE_VIEW_INCLUDE });
  if (!message || message.direction !== "OUTBOUND")
    throw new AppError("NOT_FOUND", "There is no such message of ours.");
  switch (message.status) {
    case "CANCELLED":
      // A second click, or another agent was quicker: it is cancelled, as asked.
      return { message: toMessageView(message), effects: noEffects() };
    case "SENDING":
      throw new AppError("CONFLICT", "It is being sent right now and can no longer be cancelled.", {
        status: message.status,
      });
    case "ACCEPTED":
    case "DELIVERED":
      throw new AppError("CONFLICT", "It was already sent.", { status: message.status });
    default:
      throw new AppError("CONFLICT", "It is not waiting to be sent, so there is nothing to cancel.", {
        status: message.status,
      });
  }
}
