import { randomUUID } from "node:crypto";
import type { ConversationStatus, Prisma } from "../../db/generated/client";
import type { TConversationSummary } from "../../conversations/summary";
import type { TEffects } from "../../effects/inbox-effects";
import { shouldSendSurvey, type TSurveySkip } from "../../surveys/rules";
import { surveyQuestionContent, surveyTextOf } from "../../surveys/survey-message";
import { queueAutomaticMessage } from "./queue-automatic-message";
import { recordSurveyEvent } from "./record-survey-event";

/**
 * Called in the transaction that changes a conversation's status, when it resolves it (set-conversation-status.ts): when
 * the account's survey rules allow (lib/surveys/rules.ts), stores a Survey, queues its question
 * with five quick replies in the outbox, and records SURVEY_SENT for the agent who resolved it.
 * Answers "sent", with the conversation as the question left it, or why not.
 */
export async function sendSurveyOnResolve(
  tx: Prisma.TransactionClient,
  {
    conversationId,
    status,
    agentId,
    now,
  }: { conversationId: string; status: ConversationStatus; agentId: string | null; now: Date },
  effects: TEffects,
): Promise<
  | { sent: true; surveyId: string; conversation: TConversationSummary }
  | { sent: false; reason: TSurveySkip | "refused" | "not_resolved"; conversation?: undefined }
> {
  if (status !== "RESOLVED") return { sent: false, reason: "not_resolved" };
  const conversation = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { account: true, contact: true },
  });
  // Resolving twice at once sends once: the caller's update of the conversation holds its row
  // lock, so a second resolve waits for this commit and then finds this survey.
  const [lastSurvey, lastAnswer] = await Promise.all([
    tx.survey.findFirst({ where: { conversationId }, orderBy: { sentAt: "desc" }, select: { sentAt: true } }),
    tx.survey.findFirst({
      where: { contactId: conversation.contactId, answeredAt: { not: null } },
      orderBy: { answeredAt: "desc" },
      select: { answeredAt: true },
    }),
  ]);
  const verdict = shouldSendSurvey(
    {
      account: conversation.account,
      conversation,
      // One survey per resolution of what the customer last wrote: an agent's reopening starts
      // a new opening for reports, but resolving it again, with nothing new from the customer,
      // asks nothing twice.
      customerWroteAt: conversation.lastInboundAt ?? conversation.openedAt,
      lastSurveySentAt: lastSurvey?.sentAt ?? null,
      lastAnsweredAt: lastAnswer?.answeredAt ?? null,
    },
    now,
  );
  if (!verdict.send) return { sent: false, reason: verdict.reason };

  const surveyId = randomUUID();
  const content = surveyQuestionContent(surveyId, surveyTextOf(conversation.account));
  const message = await queueAutomaticMessage(tx, { conversation, content, now }, effects);
  if (!message) return { sent: false, reason: "refused" };
  await tx.survey.create({
    data: {
      id: surveyId,
      conversationId,
      accountId: conversation.accountId,
      contactId: conversation.contactId,
      agentId,
      messageId: message.id,
      sentAt: now,
    },
  });
  await recordSurveyEvent(tx, {
    kind: "SURVEY_SENT",
    at: now,
    accountId: conversation.accountId,
    conversationId,
    agentId,
  });
  return { sent: true, surveyId, conversation: message.conversation };
}
