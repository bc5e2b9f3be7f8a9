import type { PrismaClient } from "../../db/generated/client";
import type { TConversationSummary } from "../../conversations/summary";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { eventsForAssignment } from "../../reports/measures";
import { recordReportFacts } from "../reports/record-report-facts";
import { recordSystemLine } from "./record-system-line";
import { CONVERSATION_ROW_INCLUDE, toConversationSummary, withLabels } from "./to-summary";

/**
 * Automatic assignment of one conversation, when its account has it switched on: an open,
 * unassigned conversation goes to the online member of its account who holds the fewest open
 * conversations (a tie goes to the first by id), as long as they hold fewer than the
 * account's limit. Nobody online with room: it stays
 * unassigned. Per account one assignment at a time (an advisory lock), so two conversations
 * arriving together on two instances never push an agent over the limit.
 */
export async function autoAssign(
  prisma: PrismaClient,
  { conversationId, online, now }: { conversationId: string; online: Set<string>; now: Date },
): Promise<TEffects> {
  const effects = noEffects();
  if (online.size === 0) return effects;
  await prisma.$transaction(async (tx) => {
    const conversation = await tx.conversation.findUnique({
      where: { id: conversationId },
      select: { accountId: true, account: { select: { autoAssign: true, autoAssignLimit: true } } },
    });
    if (!conversation?.account.autoAssign) return;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`auto-assign:${conversation.accountId}`}))`;
    const candidates = await tx.$queryRaw<{ id: string; name: string; open: number }[]>`
      SELECT u."id", u."name",
        (SELECT count(*) FROM "Conversation" c WHERE c."assigneeId" = u."id" AND c."status" = 'OPEN')::int AS "open"
      FROM "AccountMember" m
      JOIN "User" u ON u."id" = m."userId"
      WHERE m."accountId" = ${conversation.accountId} AND u."id" = ANY(${[...online]}::text[])
        AND (u."banned" IS NULL OR u."banned" = false)
      ORDER BY "open" ASC, u."id" ASC`;
    const chosen = candidates.find((c) => c.open < conversation.account.autoAssignLimit);
    if (!chosen) return;
    const [updated] = await withLabels(
      tx,
      await tx.conversation.updateManyAndReturn({
        where: { id: conversationId, assigneeId: null, status: "OPEN", botTokenId: null },
        data: { assigneeId: chosen.id },
        include: CONVERSATION_ROW_INCLUDE,
      }),
    );
    if (!updated) return;
    await recordReportFacts(tx, conversationId, eventsForAssignment({ at: now, agentId: chosen.id }));
    await recordSystemLine(
      tx,
      {
        conversationId,
        actorId: null,
        at: now,
        content: { event: "assigned", actorName: null, assigneeName: chosen.name },
      },
      effects,
    );
    effects.conversations.push(toConversationSummary(updated));
  });
  return effects;
}

/** Whether automatic assignment should look at a changed conversation: open and unassigned. */
export function isAutoAssignCandidate(conversation: TConversationSummary): boolean {
  // A bot's conversation waits for its hand-over (the intake's live summaries do not say: the
  // assignment itself checks the row).
  return conversation.status === "OPEN" && !conversation.assignee && !conversation.bot;
}
