import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TConversationSummary } from "../../conversations/summary";
import type { TAccessUser } from "../access/account-access";
import { findAccessibleConversation } from "../conversations/find-accessible-conversation";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "../conversations/to-summary";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { syncReportLabels } from "../reports/sync-report-labels";
import { LABEL_NOT_FOUND } from "./assert-label-name-free";

/**
 * Puts a label on a conversation (`on`) or takes it off, for anyone who may see the
 * conversation (404 otherwise, as for a missing one). Repeating it changes nothing and tells
 * nobody. A change moves the conversation's updatedAt, so every browser's list takes the new
 * labels (older copies are dropped by updatedAt). The row is updated after the label is
 * written: two agents labelling at once queue on the row, and the second one's answer, read
 * after the first committed, carries both labels.
 */
export async function setConversationLabel(
  prisma: PrismaClient,
  {
    conversationId,
    labelId,
    on,
    actor,
    now = new Date(),
  }: { conversationId: string; labelId: string; on: boolean; actor: TAccessUser; now?: Date },
): Promise<{ conversation: TConversationSummary; effects: TEffects }> {
  const effects = noEffects();
  const conversation = await prisma.$transaction(async (tx) => {
    const current = await findAccessibleConversation(tx, { id: conversationId, user: actor });
    const label = await tx.label.findUnique({ where: { id: labelId }, select: { id: true } });
    if (!label) throw new AppError("NOT_FOUND", LABEL_NOT_FOUND);
    const { count } = on
      ? await tx.conversationLabel.createMany({ data: [{ conversationId, labelId }], skipDuplicates: true })
      : await tx.conversationLabel.deleteMany({ where: { conversationId, labelId } });
    if (count === 0) return toConversationSummary(current);
    await syncReportLabels(tx, conversationId);
    const updated = await tx.conversation.update({
      where: { id: conversationId },
      data: { updatedAt: now },
      include: CONVERSATION_SUMMARY_INCLUDE,
    });
    const summary = toConversationSummary(updated);
    effects.conversations.push(summary);
    return summary;
  });
  return { conversation, effects };
}
