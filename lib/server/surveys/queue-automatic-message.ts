import { buildInstagramMessage } from "../../cm/build-send-request";
import { newCmReference } from "../../cm/reference";
import { validateInstagramMessage } from "../../cm/validate-instagram-message";
import type { TConversationSummary } from "../../conversations/summary";
import type { Prisma } from "../../db/generated/client";
import type { TEffects } from "../../effects/inbox-effects";
import { previewOf } from "../../messages/schemas";
import { outboundKind } from "../../messages/compose-schemas";
import { searchTextOf } from "../../messages/search-text";
import type { TSurveyContent } from "../../surveys/survey-message";
import { touchConversation } from "../conversations/touch-conversation";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "../messages/to-message-view";

/**
 * Queues a message the inbox sends by itself (a survey's question or follow-up) in the outbox,
 * the way an agent's reply is queued (QUEUED, with its CM reference; lib/pipeline/outbox sends
 * it), but with no author, and without counting as an answer: the customer who waits still
 * waits. Null when Instagram would refuse it (an account's text too long): then nothing is sent.
 */
export async function queueAutomaticMessage(
  tx: Prisma.TransactionClient,
  {
    conversation,
    content,
    now,
  }: {
    conversation: { id: string; account: { igAccountId: string }; contact: { igsid: string } };
    content: TSurveyContent;
    now: Date;
  },
  effects: TEffects,
): Promise<{ id: string; conversation: TConversationSummary } | null> {
  const reference = newCmReference();
  const { problems } = validateInstagramMessage(
    buildInstagramMessage({
      from: conversation.account.igAccountId,
      to: conversation.contact.igsid,
      reference,
      content,
    }),
  );
  if (problems.length > 0) return null;
  const kind = outboundKind(content);
  const row = await tx.message.create({
    data: {
      conversationId: conversation.id,
      direction: "OUTBOUND",
      kind,
      content,
      status: "QUEUED",
      nextAttemptAt: now,
      cmReference: reference,
      authorId: null,
      sentAt: now,
      searchText: searchTextOf(kind, content),
    },
    include: MESSAGE_VIEW_INCLUDE,
  });
  const view = toMessageView(row);
  effects.createdMessages.push(view);
  const touched = await touchConversation(tx, {
    conversationId: conversation.id,
    at: now,
    preview: previewOf(view.kind, view.content),
    inbound: false,
  });
  effects.conversations.push(touched);
  return { id: row.id, conversation: touched };
}
