import { buildInstagramMessage } from "../../cm/build-send-request";
import { newCmReference } from "../../cm/reference";
import { validateInstagramMessage } from "../../cm/validate-instagram-message";
import type { TConversationSummary } from "../../conversations/summary";
import type { Prisma } from "../../db/generated/client";
import type { TEffects } from "../../effects/inbox-effects";
import { outboundKind } from "../../messages/compose-schemas";
import { searchTextOf } from "../../messages/search-text";
import type { TSurveyContent } from "../../surveys/survey-message";
import { recordMessage } from "../messages/record-message";

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
  // Through the one door every message takes: its MESSAGE_OUT fact (for nobody) is recorded,
  // and with no author it answers nobody (lib/server/messages/record-message.ts).
  const { message: row, conversation: touched } = await recordMessage(
    tx,
    {
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
    { effects, opensWindow: false },
  );
  return { id: row.id, conversation: touched };
}
