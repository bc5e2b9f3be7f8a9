import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TConversationSummary } from "../../conversations/summary";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { personId, type TAccessUser } from "../access/account-access";
import { eventsForAssignment } from "../../reports/measures";
import { recordReportFacts } from "../reports/record-report-facts";
import { findAccessibleConversation } from "./find-accessible-conversation";
import { recordSystemLine } from "./record-system-line";
import { CONVERSATION_ROW_INCLUDE, toConversationSummary, withLabels } from "./to-summary";

/**
 * Who acts: the signed-in user (their role and memberships decide what they may act on), or an
 * API token (its accounts decide; `name` is then "<token name> (API)", as lines show it).
 */
export interface TActor extends TAccessUser {
  name: string;
}

/** The columns of a thread line that say who acted: the person, or the API token. */
export function actorColumns(actor: TActor): { actorId: string | null; apiTokenId: string | null } {
  return { actorId: personId(actor), apiTokenId: actor.apiToken ? actor.id : null };
}

/**
 * Gives a conversation to an agent (or to nobody), with a line in the thread. The new holder
 * must be able to see the account (an admin, or a member of it). When the agent saw another
 * holder (`expectedAssigneeId`) and it changed meanwhile, nothing happens and the answer is 409:
 * two agents grabbing the same conversation never silently take it from each other.
 */
export async function assignConversation(
  prisma: PrismaClient,
  {
    conversationId,
    actor,
    assigneeId,
    expectedAssigneeId,
    now = new Date(),
  }: {
    conversationId: string;
    actor: TActor;
    assigneeId: string | null;
    expectedAssigneeId?: string | null | undefined;
    now?: Date;
  },
): Promise<{ conversation: TConversationSummary; effects: TEffects }> {
  const effects = noEffects();
  const conversation = await prisma.$transaction(async (tx) => {
    const current = await findAccessibleConversation(tx, { id: conversationId, user: actor });
    const assignee = assigneeId
      ? await tx.user.findFirst({
          where: {
            id: assigneeId,
            banned: { not: true },
            OR: [{ role: "admin" }, { memberships: { some: { accountId: current.accountId } } }],
          },
          select: { id: true, name: true },
        })
      : null;
    if (assigneeId && !assignee) {
      throw new AppError("BAD_REQUEST", "That agent cannot see this account: add them to its members first.");
    }
    // Row lock and re-check in one statement: the holder the agent saw must still hold it.
    const [updated] = await withLabels(
      tx,
      await tx.conversation.updateManyAndReturn({
        where: {
          id: conversationId,
          ...(expectedAssigneeId !== undefined ? { assigneeId: expectedAssigneeId } : {}),
        },
        data: { assigneeId },
        include: CONVERSATION_ROW_INCLUDE,
      }),
    );
    if (!updated) {
      throw new AppError("CONFLICT", "Someone else changed who holds this conversation meanwhile: look again.");
    }
    const previous = current.assignee;
    if ((previous?.id ?? null) !== assigneeId) {
      await recordReportFacts(tx, conversationId, eventsForAssignment({ at: now, agentId: assigneeId }));
      await recordSystemLine(
        tx,
        {
          conversationId,
          ...actorColumns(actor),
          at: now,
          content: assignee
            ? { event: "assigned", actorName: actor.name, assigneeName: assignee.name }
            : { event: "unassigned", actorName: actor.name, assigneeName: previous?.name ?? null },
        },
        effects,
      );
    }
    return toConversationSummary(updated);
  });
  effects.conversations.push(conversation);
  return { conversation, effects };
}
