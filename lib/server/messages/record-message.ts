import type { Prisma } from "../../db/generated/client";
import { previewOf } from "../../messages/schemas";
import { searchTextOf } from "../../messages/search-text";
import { recordSystemLine } from "../conversations/record-system-line";
import { touchConversation } from "../conversations/touch-conversation";
import type { TEffects } from "../../effects/inbox-effects";
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
  const before = fromCustomer
    ? await tx.conversation.findUniqueOrThrow({ where: { id: data.conversationId }, select: { status: true } })
    : null;
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
      answered: data.direction === "OUTBOUND",
    },
    { reopen: fromCustomer },
  );
  if (before && before.status !== "OPEN") {
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
  return row;
}
