import type { PrismaClient } from "../../db/generated/client";
import { noEffects, type TEffects } from "../webhooks/effects";
import { recordSystemLine } from "./record-system-line";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

/**
 * Opens again the snoozed conversations whose time has come, each with a "Woke up from
 * snooze" line. Every instance runs this; each conversation wakes once: the UPDATE locks the
 * row and checks it is still snoozed, so an instance that comes second finds nothing to do.
 */
export async function wakeSnoozed(prisma: PrismaClient, { now }: { now: Date }): Promise<TEffects> {
  const effects = noEffects();
  await prisma.$transaction(async (tx) => {
    const woken = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "Conversation" SET "status" = 'OPEN', "snoozedUntil" = NULL, "updatedAt" = ${now}
      WHERE "status" = 'SNOOZED' AND "snoozedUntil" <= ${now}
      RETURNING "id"`;
    for (const { id } of woken) {
      await recordSystemLine(
        tx,
        { conversationId: id, actorId: null, at: now, content: { event: "woke", actorName: null } },
        effects,
      );
    }
    if (woken.length === 0) return;
    const rows = await tx.conversation.findMany({
      where: { id: { in: woken.map((w) => w.id) } },
      include: CONVERSATION_SUMMARY_INCLUDE,
    });
    effects.conversations.push(...rows.map((row) => toConversationSummary(row)));
  });
  return effects;
}
