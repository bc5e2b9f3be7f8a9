import type { PrismaClient } from "../../db/generated/client";
import type { TContactDetails, TSaveContactNotes } from "../../contacts/schemas";
import type { TContactUpdated } from "../../effects/effects";
import { AppError } from "../../errors";
import type { TAccessUser } from "../access/account-access";
import { CONVERSATION_NOT_FOUND, accessibleConversationWhere } from "../access/assert-conversation-access";
import { getContactDetails } from "./get-contact-details";

/**
 * Saves the customer notes of a conversation's contact, for anyone who may see it (404
 * otherwise). Two agents editing at once must not overwrite each other silently: the write
 * happens only if the notes are still the version the agent started from (`notesUpdatedAt`),
 * checked in the UPDATE itself (the second of two racing writes re-reads the row and finds it
 * changed); otherwise 409 with the current notes in `details.contact`.
 */
export async function saveContactNotes(
  prisma: PrismaClient,
  {
    conversationId,
    actor,
    input,
    now = new Date(),
  }: { conversationId: string; actor: TAccessUser; input: TSaveContactNotes; now?: Date },
): Promise<TContactDetails & { accountId: string; effect: TContactUpdated | null }> {
  return prisma.$transaction(async (tx) => {
    // What the save needs (the panel's counts are read once, at the end).
    const conversation = await tx.conversation.findFirst({
      where: accessibleConversationWhere(actor, conversationId),
      select: { contact: { select: { id: true, notes: true, notesUpdatedAt: true } } },
    });
    if (!conversation) throw new AppError("NOT_FOUND", CONVERSATION_NOT_FOUND);
    const current = conversation.contact;
    if (input.notes === current.notes && input.notesUpdatedAt === (current.notesUpdatedAt?.toISOString() ?? null)) {
      return { ...(await getContactDetails(tx, { conversationId, user: actor })), effect: null };
    }
    const { count } = await tx.contact.updateMany({
      where: {
        id: current.id,
        notesUpdatedAt: input.notesUpdatedAt === null ? null : new Date(input.notesUpdatedAt),
      },
      data: { notes: input.notes, notesUpdatedAt: now, notesUpdatedById: actor.id },
    });
    const saved = await getContactDetails(tx, { conversationId, user: actor });
    if (count === 0) {
      const by = saved.notesUpdatedBy?.name ?? "Someone";
      throw new AppError("CONFLICT", `${by} changed these notes meanwhile: look at their version first.`, {
        contact: saved,
      });
    }
    const effect = {
      kind: "contact-updated",
      accountId: saved.accountId,
      conversationId,
      contactId: saved.id,
    } as const;
    return { ...saved, effect };
  });
}
