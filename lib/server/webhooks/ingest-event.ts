import type { TInboundEvent } from "../../cm/schemas/inbound-event";
import type { Prisma } from "../../db/generated/client";
import { previewOf } from "../../messages/schemas";
import { findOrStartConversation, touchConversation } from "../conversations/touch-conversation";
import { recordMessage } from "../messages/record-message";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "../messages/to-message-view";
import type { TEffects } from "../../effects/inbox-effects";

/**
 * Applies an Instagram event. Returns false when it must wait: a MessageDelete for a message
 * we have not received yet stays pending and is applied when that message arrives.
 */
export async function ingestEvent(
  tx: Prisma.TransactionClient,
  { accountId, event }: { accountId: string; event: TInboundEvent },
  effects: TEffects,
): Promise<boolean> {
  const { detail } = event;
  if (detail.type === "MessageDelete") {
    if (!detail.messageReference) return true;
    const message = await tx.message.findFirst({
      where: {
        externalId: detail.messageReference,
        direction: "INBOUND",
        conversation: { accountId, contact: { igsid: event.from.number } },
      },
    });
    if (!message) return false;
    if (message.deletedAt) return true;
    const updated = await tx.message.update({
      where: { id: message.id },
      data: { deletedAt: event.timeUtc },
      include: MESSAGE_VIEW_INCLUDE,
    });
    effects.updatedMessages.push(toMessageView(updated));
    effects.accounts.set(updated.conversationId, accountId);
    const conversation = await tx.conversation.findUniqueOrThrow({ where: { id: message.conversationId } });
    // The list's preview must not keep showing the deleted text.
    if (conversation.lastMessageAt.getTime() === message.sentAt.getTime()) {
      effects.conversations.push(
        await touchConversation(tx, {
          conversationId: conversation.id,
          at: message.sentAt,
          preview: previewOf(message.kind, null),
          inbound: false,
        }),
      );
    }
    return true;
  }
  if (detail.type === "StoryMention") {
    const conversation = await findOrStartConversation(tx, {
      accountId,
      igsid: event.from.number,
      name: event.from.name,
      username: null,
      at: event.timeUtc,
    });
    // A story mention opens the 24-hour window, like any message from the customer: Meta
    // delivers it as a message the customer sends (a `message` event whose sender is the
    // customer, attachment type `story_mention`: developers.facebook.com/docs/messenger-platform/
    // instagram/features/story-mention), and the standard messaging policy gives the business
    // 24 hours to respond to a user's message (…/messenger-platform/policy/policy-overview).
    // Answering a mention ("thanks for sharing!") is what businesses do with them. See README.
    await recordMessage(
      tx,
      {
        conversationId: conversation.id,
        direction: "INBOUND",
        kind: "STORY_MENTION",
        content: { url: detail.url },
        status: "RECEIVED",
        sentAt: event.timeUtc,
      },
      { effects, opensWindow: true },
    );
    return true;
  }
  // Unknown event types are kept in the webhook log, with no effect on the inbox.
  return true;
}
