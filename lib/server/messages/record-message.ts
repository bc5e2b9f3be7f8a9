import type { Prisma } from "../../db/generated/client";
import { previewOf } from "../../messages/schemas";
import { searchTextOf } from "../../messages/search-text";
import { recordSystemLine } from "../conversations/record-system-line";
import { touchConversation } from "../conversations/touch-conversation";
import type { TEffects } from "../../effects/inbox-effects";
import {
  eventsForAgentReply,
  eventsForAutomaticMessage,
  eventsForCustomerMessage,
  type TMeasureState,
  type TMeasureStep,
} from "../../reports/measures";
import { loadReportState } from "../reports/load-report-state";
import { recordReportFacts } from "../reports/record-report-facts";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "./to-message-view";

/**
 * Stores a new message and moves its conversation along (time, preview, and for customer
 * messages the window's start), noting both as effects to announce after commit.
 * `opensWindow` is true only for what the customer wrote.
 */
export async function recordMessage(
  tx: Prisma.TransactionClient,
  data: Prisma.MessageUncheckedCreateInput & { sentAt: Date },
  { effects, opensWindow }: { effects: TEffects; opensWindow: boolean },
) {
  const searchText =
    data.searchText === undefined
      ? searchTextOf(data.kind, (data.content ?? null) as Record<string, unknown> | null)
      : data.searchText;
  const fromCustomer = data.direction === "INBOUND";
  // What reports count (lib/reports/measures.ts), measured from the state before this message.
  const { state: before, clock } = await loadReportState(tx, data.conversationId);
  const step: TMeasureStep | null = fromCustomer
    ? eventsForCustomerMessage(before, { at: data.sentAt })
    : data.direction !== "OUTBOUND"
      ? null
      : data.authorId
        ? eventsForAgentReply(before, { at: data.sentAt, agentId: data.authorId }, clock)
        : eventsForAutomaticMessage(before, { at: data.sentAt });
  const row = await tx.message.create({ data: { ...data, searchText }, include: MESSAGE_VIEW_INCLUDE });
  const view = toMessageView(row);
  effects.createdMessages.push(view);
  const conversation = await touchConversation(
    tx,
    {
      conversationId: data.conversationId,
      at: data.sentAt,
      preview: previewOf(view.kind, view.content),
      inbound: opensWindow,
      // An automatic message (no author) answers nobody: the customer still waits for a person.
      answered: data.direction === "OUTBOUND" && Boolean(data.authorId),
      opening: step ? opening(before, step) : undefined,
    },
    { reopen: fromCustomer },
  );
  if (step) await recordReportFacts(tx, data.conversationId, step.facts);
  if (fromCustomer && before.status !== "OPEN") {
    await recordSystemLine(
      tx,
      {
        conversationId: data.conversationId,
        actorId: null,
        at: new Date(),
        content: { event: "reopened", actorName: null, reason: "customer_wrote" },
      },
      effects,
    );
  }
  effects.conversations.push(conversation);
  return { message: row, conversation };
}

/** The opening's columns when this message changes them (an opening, a first response). */
function opening(before: TMeasureState, step: TMeasureStep) {
  const { openedAt, firstResponseAt } = step.state;
  return openedAt !== before.openedAt || firstResponseAt !== before.firstResponseAt
    ? { openedAt, firstResponseAt }
    : undefined;
}
