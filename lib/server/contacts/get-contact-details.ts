import type { Prisma } from "../../db/generated/client";
import type { TContactDetails } from "../../contacts/schemas";
import { AppError } from "../../errors";
import type { TAccessUser } from "../access/account-access";
import { CONVERSATION_NOT_FOUND, accessibleConversationWhere } from "../access/assert-conversation-access";
import { lastAnsweredSurvey } from "../surveys/last-answered-survey";

/**
 * The customer of a conversation as the contact panel shows them, for anyone who may see the
 * conversation (404 otherwise, as for a missing one): one lookup and one aggregate over the
 * conversation's messages, read from the index on (conversationId, sentAt, direction) alone,
 * however long the thread.
 */
export async function getContactDetails(
  tx: Prisma.TransactionClient,
  { conversationId, user }: { conversationId: string; user: TAccessUser },
): Promise<TContactDetails & { accountId: string }> {
  const conversation = await tx.conversation.findFirst({
    where: accessibleConversationWhere(user, conversationId),
    select: {
      accountId: true,
      account: { select: { displayName: true } },
      contact: {
        select: {
          id: true,
          name: true,
          username: true,
          igsid: true,
          notes: true,
          notesUpdatedAt: true,
          notesUpdatedBy: { select: { id: true, name: true } },
          notesUpdatedByApiToken: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!conversation) throw new AppError("NOT_FOUND", CONVERSATION_NOT_FOUND);
  const [counts] = await tx.$queryRaw<{ customer: number; total: number; first: Date | null; last: Date | null }[]>`
    SELECT count(*) FILTER (WHERE "direction" = 'INBOUND')::int AS "customer", count(*)::int AS "total",
      min("sentAt") AS "first", max("sentAt") AS "last"
    FROM "Message" WHERE "conversationId" = ${conversationId} AND "direction" <> 'INTERNAL'`;
  const { contact } = conversation;
  return {
    accountId: conversation.accountId,
    id: contact.id,
    name: contact.name,
    username: contact.username,
    igsid: contact.igsid,
    accountName: conversation.account.displayName,
    firstContactAt: counts?.first?.toISOString() ?? null,
    lastContactAt: counts?.last?.toISOString() ?? null,
    messages: { customer: counts?.customer ?? 0, total: counts?.total ?? 0 },
    notes: contact.notes,
    notesUpdatedAt: contact.notesUpdatedAt?.toISOString() ?? null,
    // A token's save is shown under its name, marked as not a person's.
    notesUpdatedBy:
      contact.notesUpdatedBy ??
      (contact.notesUpdatedByApiToken
        ? { id: contact.notesUpdatedByApiToken.id, name: `${contact.notesUpdatedByApiToken.name} (API)` }
        : null),
    lastSurvey: await lastAnsweredSurvey(tx, contact.id),
  };
}
