import { handover } from "../../channel/rules";
import type { Prisma } from "../../db/generated/client";
import type { TEffects } from "../../effects/inbox-effects";
import { looksLikeSurveyAnswer, surveyAnswerOf, type TLatestSurvey } from "../../surveys/rules";
import { followUpTextOf, surveyFollowUpContent } from "../../surveys/survey-message";
import { recordSystemLine } from "../conversations/record-system-line";
import { queueAutomaticMessage } from "./queue-automatic-message";
import { recordSurveyEvent } from "./record-survey-event";

/** A customer's message as the intake stored it, found by its dedupe key. */
type TStored = { id: string; conversationId: string; kind: string; content: unknown; seq: bigint };

/**
 * The intake's second step for the rare messages that look like a survey's answer (a tap on
 * its quick reply, a lone digit): in the transaction that stored them (the statement already
 * left their conversation as it was: survey-answers-sql.ts), records the score on the survey,
 * SURVEY_ANSWERED for the agent who resolved the conversation, a "Rated 5/5" line in the
 * thread, and queues the follow-up question once. A survey is answered once: later taps
 * change nothing.
 */
export async function recordSurveyAnswers(
  tx: Prisma.TransactionClient,
  { dedupeKeys, now }: { dedupeKeys: readonly string[]; now: Date },
  effects: TEffects,
): Promise<number> {
  if (dedupeKeys.length === 0) return 0;
  const stored = await tx.message.findMany({
    where: { dedupeKey: { in: [...dedupeKeys] }, direction: "INBOUND" },
    select: { id: true, conversationId: true, kind: true, content: true, seq: true },
    orderBy: { seq: "asc" },
  });
  let recorded = 0;
  for (const message of stored) {
    const content = message.content as Record<string, unknown> | null;
    if (!looksLikeSurveyAnswer({ kind: message.kind, content })) continue;
    if (await recordOne(tx, message, content, now, effects)) recorded++;
  }
  return recorded;
}

async function recordOne(
  tx: Prisma.TransactionClient,
  message: TStored,
  content: Record<string, unknown> | null,
  now: Date,
  effects: TEffects,
): Promise<boolean> {
  const answer = surveyAnswerOf({ kind: message.kind, content }, await latestSurvey(tx, message));
  if (!answer) return false;
  const survey = await tx.survey.findFirst({
    where: { id: answer.surveyId, conversationId: message.conversationId, answeredAt: null },
  });
  if (!survey) return false;
  const claimed = await tx.survey.updateMany({
    where: { id: survey.id, answeredAt: null },
    data: { score: answer.score, answeredAt: now },
  });
  if (claimed.count === 0) return false;
  await recordSurveyEvent(tx, {
    kind: "SURVEY_ANSWERED",
    at: now,
    accountId: survey.accountId,
    conversationId: survey.conversationId,
    agentId: survey.agentId,
    score: answer.score,
  });
  await recordSystemLine(
    tx,
    {
      conversationId: survey.conversationId,
      actorId: null,
      at: now,
      content: { event: "survey_answered", actorName: null, score: answer.score },
    },
    effects,
  );
  await askFollowUp(tx, { conversationId: survey.conversationId, surveyId: survey.id, now }, effects);
  return true;
}

/** The conversation's newest survey before `message`, and whether the customer wrote in between. */
async function latestSurvey(tx: Prisma.TransactionClient, message: TStored): Promise<TLatestSurvey | null> {
  const latest = await tx.survey.findFirst({
    where: { conversationId: message.conversationId },
    orderBy: { sentAt: "desc" },
    select: { id: true, answeredAt: true, messageId: true },
  });
  if (!latest?.messageId) return null;
  const question = await tx.message.findUnique({ where: { id: latest.messageId }, select: { seq: true } });
  if (!question) return null;
  const between = await tx.message.count({
    where: {
      conversationId: message.conversationId,
      direction: "INBOUND",
      seq: { gt: question.seq, lt: message.seq },
    },
  });
  return { id: latest.id, answered: latest.answeredAt !== null, customerWroteSince: between > 0 };
}

async function askFollowUp(
  tx: Prisma.TransactionClient,
  { conversationId, surveyId, now }: { conversationId: string; surveyId: string; now: Date },
  effects: TEffects,
): Promise<void> {
  const conversation = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { account: true, contact: true },
  });
  const text = followUpTextOf(conversation.account);
  // The customer just wrote, so the window is open; a handover still forbids automatic messages.
  if (!text || handover(conversation, now).active || !conversation.account.enabled) return;
  await queueAutomaticMessage(tx, { conversation, content: surveyFollowUpContent(surveyId, text), now }, effects);
}
