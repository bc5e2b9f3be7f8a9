import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TAccessUser } from "../access/account-access";
import { inAccessibleAccount } from "../access/assert-conversation-access";

/** Word for word what a missing contact answers, so a 404 tells nothing more (as for conversations). */
export const CONTACT_NOT_FOUND = "This contact does not exist (any more).";

export const CONTACT_ROW_SELECT = {
  id: true,
  accountId: true,
  igsid: true,
  name: true,
  username: true,
  notes: true,
  notesUpdatedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

/**
 * A contact as stored, for anyone who may see its account (404 otherwise, as for a missing one).
 * A contact is seen through its conversation (one per contact; retention removes the contact
 * with it), so one whose conversation is gone is missing here too, as it is in the inbox.
 */
export async function getContact(
  tx: Prisma.TransactionClient,
  { contactId, user }: { contactId: string; user: TAccessUser },
) {
  const row = await tx.contact.findFirst({
    where: { id: contactId, ...inAccessibleAccount(user), conversations: { some: {} } },
    select: CONTACT_ROW_SELECT,
  });
  if (!row) throw new AppError("NOT_FOUND", CONTACT_NOT_FOUND);
  return row;
}
