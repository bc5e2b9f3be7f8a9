import { contactName } from "../../contacts/contact-name";
import type { Prisma, PrismaClient } from "../../db/generated/client";
import { findMentions } from "../../notes/mentions";
import type { TMentionNotice } from "../../notes/schemas";
import { snippetAround } from "../../search/highlight";
import type { TMessageView } from "../../messages/schemas";
import { personId } from "../access/account-access";
import { actorColumns, type TActor } from "../conversations/assign-conversation";
import { findAccessibleConversation } from "../conversations/find-accessible-conversation";
import { listAccountAgents } from "../conversations/list-assignable-agents";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "../messages/to-message-view";
import { noEffects, type TEffects } from "../../effects/inbox-effects";

/**
 * A private note in a conversation's thread: a message of direction INTERNAL and kind NOTE,
 * for agents only. It is never sent to CM (the outbox claims only OUTBOUND messages QUEUED),
 * so it is allowed whatever the reply window or the handover. It changes nothing on the
 * conversation: not its place in the list (lastMessageAt), its preview, the window
 * (lastInboundAt), the handover or who waits (waitingSince) — those follow the customer's
 * conversation, and a note is not part of it. `@name` mentions agents who may see the
 * conversation (its account's members and the admins); the caller announces the note to
 * every agent of the account and `mentions` to each mentioned agent but the author.
 *
 * A resend with the same clientId (the first answer was lost) is answered with the note
 * already stored, and announces nothing again.
 *
 * An API token may write one too (issue 21): the note is then the token's (apiTokenId, shown
 * "via API: <token name>"), no person's.
 */
export async function addNote(
  prisma: PrismaClient,
  input: {
    conversationId: string;
    author: TActor;
    text: string;
    clientId?: string | undefined;
    now: Date;
    /** Runs in the transaction that stores the note, with its view (an API request's idempotency key). */
    alsoInTransaction?: (tx: Prisma.TransactionClient, message: TMessageView) => Promise<void>;
  },
): Promise<{ message: TMessageView; effects: TEffects; mentions: { userId: string; notice: TMentionNotice }[] }> {
  const { actorId: authorId, apiTokenId } = actorColumns(input.author);
  return prisma.$transaction(async (tx) => {
    const conversation = await findAccessibleConversation(tx, { id: input.conversationId, user: input.author });
    const effects = noEffects();
    if (input.clientId) {
      const earlier = await tx.message.findFirst({
        where: { conversationId: conversation.id, clientId: input.clientId, authorId, apiTokenId, kind: "NOTE" },
        include: MESSAGE_VIEW_INCLUDE,
      });
      if (earlier) return { message: toMessageView(earlier), effects, mentions: [] };
    }

    const mentioned = findMentions(input.text, await listAccountAgents(tx, conversation.accountId));
    const row = await tx.message.create({
      data: {
        conversationId: conversation.id,
        direction: "INTERNAL",
        kind: "NOTE",
        status: "RECEIVED",
        content: { text: input.text, mentions: mentioned },
        // Agents find notes in search (notes are agents-only, and so is search).
        searchText: input.text,
        authorId,
        apiTokenId,
        clientId: input.clientId ?? null,
        sentAt: input.now,
      },
      include: MESSAGE_VIEW_INCLUDE,
    });
    if (mentioned.length > 0) {
      await tx.mention.createMany({
        data: mentioned.map((m) => ({ messageId: row.id, userId: m.userId, createdAt: input.now })),
      });
    }
    const message = toMessageView(row);
    await input.alsoInTransaction?.(tx, message);
    effects.createdMessages.push(message);
    // The conversation itself is not part of the change: name its account for the routing.
    effects.accounts.set(conversation.id, conversation.accountId);

    const { contact } = conversation;
    const notice: TMentionNotice = {
      conversationId: conversation.id,
      messageId: row.id,
      authorName: input.author.name,
      contactName: contactName(contact),
      excerpt: snippetAround(input.text, []),
    };
    const mentions = mentioned
      .filter((m) => m.userId !== personId(input.author))
      .map((m) => ({ userId: m.userId, notice }));
    return { message, effects, mentions };
  });
}
