import type { TConversationSummary } from "../../conversations/summary";
import type { PrismaClient } from "../../db/generated/client";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { AppError } from "../../errors";
import type { THandoverReason } from "../../messages/system-line";
import { recordSystemLine } from "../conversations/record-system-line";
import { CONVERSATION_ROW_INCLUDE, toConversationSummary, withLabels } from "../conversations/to-summary";

// A bot's conversation goes to the team (issue 21): the bot lets go of it (botTokenId null), it
// stays open and unassigned, so it joins the team's unassigned queue (and automatic assignment
// where an account has it), and the thread says why. The bot's own messages stay in the thread.

export async function handOverToTeam(
  prisma: PrismaClient,
  { conversationId, reason, now = new Date() }: { conversationId: string; reason: THandoverReason; now?: Date },
): Promise<TEffects> {
  const effects = noEffects();
  await prisma.$transaction(async (tx) => {
    const held = await tx.conversation.findUnique({
      where: { id: conversationId },
      select: { botToken: { select: { id: true, name: true } } },
    });
    if (!held?.botToken) return;
    const [updated] = await withLabels(
      tx,
      await tx.conversation.updateManyAndReturn({
        where: { id: conversationId, botTokenId: held.botToken.id },
        data: { botTokenId: null },
        include: CONVERSATION_ROW_INCLUDE,
      }),
    );
    if (!updated) return;
    const byBot = reason === "bot";
    await recordSystemLine(
      tx,
      {
        conversationId,
        actorId: null,
        apiTokenId: byBot ? held.botToken.id : null,
        at: now,
        content: {
          event: "handed_over",
          actorName: byBot ? `${held.botToken.name} (API)` : null,
          handover: reason,
          botName: held.botToken.name,
        },
      },
      effects,
    );
    effects.conversations.push(toConversationSummary(updated));
  });
  return effects;
}

/**
 * The bot's own call (POST /api/v1/conversations/{id}/handover): 409 when no bot holds it (an
 * agent took it, or it was handed over already).
 */
export async function botHandsOver(
  prisma: PrismaClient,
  { conversationId, now = new Date() }: { conversationId: string; now?: Date },
): Promise<{ conversation: TConversationSummary; effects: TEffects }> {
  const effects = await handOverToTeam(prisma, { conversationId, reason: "bot", now });
  const [conversation] = effects.conversations;
  if (!conversation) throw new AppError("CONFLICT", "No bot holds this conversation: the team has it already.");
  return { conversation, effects };
}

/**
 * The hand-overs that are due (the team worker looks every few seconds): the customer tapped
 * HUMAN_AGENT (the chat is handed over to a person), the bot stayed silent for its
 * `botSilenceSeconds` after the customer's last message, or its token was revoked.
 */
export async function handOverDue(prisma: PrismaClient, { now = new Date(), limit = 100 } = {}): Promise<TEffects> {
  const due = await prisma.$queryRaw<{ id: string; reason: THandoverReason }[]>`
    SELECT c."id",
      CASE WHEN t."revokedAt" IS NOT NULL OR NOT t."bot" THEN 'bot_revoked'
        WHEN c."handoverUntil" > ${now} THEN 'customer_asked'
        ELSE 'bot_silent' END AS "reason"
    FROM "Conversation" c JOIN "ApiToken" t ON t."id" = c."botTokenId"
    WHERE c."botTokenId" IS NOT NULL AND (
      t."revokedAt" IS NOT NULL OR NOT t."bot" OR c."handoverUntil" > ${now}
      OR (c."lastInboundAt" < ${now}::timestamp - make_interval(secs => t."botSilenceSeconds")
        AND NOT EXISTS (
          SELECT 1 FROM "Message" m WHERE m."conversationId" = c."id" AND m."apiTokenId" = t."id"
            AND m."direction" = 'OUTBOUND' AND m."createdAt" >= c."lastInboundAt")))
    LIMIT ${limit}`;
  const effects = noEffects();
  for (const { id, reason } of due) {
    const done = await handOverToTeam(prisma, { conversationId: id, reason, now });
    effects.conversations.push(...done.conversations);
    effects.createdMessages.push(...done.createdMessages);
  }
  return effects;
}
