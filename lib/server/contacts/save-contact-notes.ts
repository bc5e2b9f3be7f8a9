import type { PrismaClient } from "../../db/generated/client";
import type { TContactDetails, TSaveContactNotes } from "../../contacts/schemas";
import type { TContactUpdated } from "../../effects/effects";
import { AppError } from "../../errors";
import { personId, type TAccessUser } from "../access/account-access";
import {
  CONVERSATION_NOT_FOUND,
  accessibleConversationWhere,
  inAccessibleAccount,
} from "../access/assert-conversation-access";
import { CONTACT_NOT_FOUND } from "./get-contact";
import { getContactDetails } from "./get-contact-details";

/** Whose notes: a conversation's contact (the contact panel), or a contact by its id (the public API). */
type TWhose = { conversationId: string; contactId?: undefined } | { contactId: string; conversationId?: undefined };

/**
 * Saves the customer notes of a conversation's contact, for anyone who may see it (404
 * otherwise). Two agents editing at once must not overwrite each other silently: the write
 * happens only if the notes are still the version the agent started from (`notesUpdatedAt`),
 * checked in the UPDATE itself (the second of two racing writes re-reads the row and finds it
 * changed); otherwise 409 with the current notes in `details.contact`. Without a version
 * (`notesUpdatedAt` undefined: the public API's caller may send none) the save simply wins.
 * An API token's save names the token as its editor ("<token name> (API)"), no person.
 */
export async function saveContactNotes(
  prisma: PrismaClient,
  {
    actor,
    input,
    now = new Date(),
    ...whose
  }: TWhose & {
    actor: TAccessUser;
    input: Omit<TSaveContactNotes, "notesUpdatedAt"> & { notesUpdatedAt?: TSaveContactNotes["notesUpdatedAt"] };
    now?: Date;
  },
): Promise<TContactDetails & { accountId: string; effect: TContactUpdated | null }> {
  return prisma.$transaction(async (tx) => {
    // What the save needs (the panel's counts are read once, at the end).
    const conversation = await tx.conversation.findFirst({
      where:
        whose.contactId === undefined
          ? accessibleConversationWhere(actor, whose.conversationId)
          : { contactId: whose.contactId, ...inAccessibleAccount(actor) },
      select: { id: true, contact: { select: { id: true, notes: true, notesUpdatedAt: true } } },
    });
    if (!conversation) {
      throw new AppError("NOT_FOUND", whose.contactId === undefined ? CONVERSATION_NOT_FOUND : CONTACT_NOT_FOUND);
    }
    const conversationId = conversation.id;
    const current = conversation.contact;
    const version = current.notesUpdatedAt?.toISOString() ?? null;
    if (input.notes === current.notes && (input.notesUpdatedAt === undefined || input.notesUpdatedAt === version)) {
      return { ...(await getContactDetails(tx, { conversationId, user: actor })), effect: null };
    }
    const { count } = await tx.contact.updateMany({
      where: {
        id: current.id,
        ...(input.notesUpdatedAt === undefined
          ? {}
          : { notesUpdatedAt: input.notesUpdatedAt === null ? null : new Date(input.notesUpdatedAt) }),
      },
      data: {
        notes: input.notes,
        notesUpdatedAt: now,
        notesUpdatedById: personId(actor),
        notesUpdatedByApiTokenId: actor.apiToken ? actor.id : null,
      },
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
