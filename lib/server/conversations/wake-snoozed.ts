import type { PrismaClient } from "../../db/generated/client";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { reopenForTheTeam } from "../bots/team-reopens";
import { recordSystemLine } from "./record-system-line";
import { CONVERSATION_ROW_INCLUDE, toConversationSummary, withLabels } from "./to-summary";

/**
 * Opens again the snoozed conversations whose time has come, each with a "Woke up from
 * snooze" line. Every instance runs this; each conversation wakes once: the UPDATE locks the
 * row and checks it is still snoozed, so an instance that comes second finds nothing to do.
 */
export async function wakeSnoozed(prisma: PrismaClient, { now }: { now: Date }): Promise<TEffects> {
  const effects = noEffects();
  await prisma.$transaction(async (tx) => {
    await reopenForTheTeam(tx);
    const woken = await withLabels(
      tx,
      await tx.conversation.updateManyAndReturn({
        where: { status: "SNOOZED", snoozedUntil: { lte: now } },
        data: { status: "OPEN", snoozedUntil: null, updatedAt: now },
        include: CONVERSATION_ROW_INCLUDE,
      }),
    );
    for (const row of woken) {
      await recordSystemLine(
        tx,
        { conversationId: row.id, actorId: null, at: now, content: { event: "woke", actorName: null } },
        effects,
      );
      effects.conversations.push(toConversationSummary(row));
    }
  });
  return effects;
}
