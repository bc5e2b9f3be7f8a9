import { reopenForTheTeam } from "../bots/team-reopens";
import type { PrismaClient } from "../../db/generated/client";
import type { TStatusBody } from "../../conversations/schemas";
import { AppError } from "../../errors";
import type { TConversationSummary } from "../../conversations/summary";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { eventsForStatusChange } from "../../reports/measures";
import { loadReportState } from "../reports/load-report-state";
import { recordReportFacts } from "../reports/record-report-facts";
import { personId } from "../access/account-access";
import { actorColumns, type TActor } from "./assign-conversation";
import { findAccessibleConversation } from "./find-accessible-conversation";
import { recordSystemLine } from "./record-system-line";
import { sendSurveyOnResolve } from "../surveys/send-survey-on-resolve";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

/** A snooze ends within a year: further than that is a typo. */
const MAX_SNOOZE_MS = 366 * 24 * 60 * 60 * 1000;

/**
 * Resolves, reopens or snoozes a conversation, with a line in the thread. Setting the status
 * it already has changes nothing (no line), except a new snooze time.
 */
export async function setConversationStatus(
  prisma: PrismaClient,
  {
    conversationId,
    actor,
    change,
    now = new Date(),
  }: { conversationId: string; actor: TActor; change: TStatusBody; now?: Date },
): Promise<{ conversation: TConversationSummary; effects: TEffects }> {
  const until = change.status === "SNOOZED" ? new Date(change.until) : null;
  if (until && (until.getTime() <= now.getTime() || until.getTime() > now.getTime() + MAX_SNOOZE_MS)) {
    throw new AppError("BAD_REQUEST", "Snooze until a time in the future, within a year.");
  }
  const effects = noEffects();
  const conversation = await prisma.$transaction(async (tx) => {
    const current = await findAccessibleConversation(tx, { id: conversationId, user: actor });
    await reopenForTheTeam(tx);
    const same =
      current.status === change.status && (until === null || current.snoozedUntil?.getTime() === until.getTime());
    if (same) return toConversationSummary(current);
    // Reports: a resolution measures the opening; an agent's reopening starts a new one.
    const { state, clock } = await loadReportState(tx, conversationId);
    const step = eventsForStatusChange(state, { at: now, agentId: personId(actor), status: change.status }, clock);
    await recordReportFacts(tx, conversationId, step.facts);
    const updated = await tx.conversation.update({
      where: { id: conversationId },
      data: {
        status: change.status,
        snoozedUntil: until,
        openedAt: step.state.openedAt,
        firstResponseAt: step.state.firstResponseAt,
      },
      include: CONVERSATION_SUMMARY_INCLUDE,
    });
    await recordSystemLine(
      tx,
      {
        conversationId,
        ...actorColumns(actor),
        at: now,
        content:
          change.status === "RESOLVED"
            ? { event: "resolved", actorName: actor.name }
            : change.status === "SNOOZED"
              ? { event: "snoozed", actorName: actor.name, until: until?.toISOString() ?? "" }
              : { event: "reopened", actorName: actor.name, reason: "agent" },
      },
      effects,
    );
    // Issue 19: a satisfaction survey when the account's rules allow (lib/server/surveys).
    const survey = await sendSurveyOnResolve(
      tx,
      { conversationId, status: change.status, agentId: personId(actor), now },
      effects,
    );
    return survey.conversation ?? toConversationSummary(updated);
  });
  effects.conversations.push(conversation);
  return { conversation, effects };
}
