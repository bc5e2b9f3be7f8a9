import { classifyCustomerMessage } from "../../cm/customer-message";
import type { TInboundMessage } from "../../cm/schemas/inbound-message";
import type { Prisma } from "../../db/generated/client";
import type { TMessageKind } from "../../messages/schemas";
import { findOrStartConversation } from "../conversations/touch-conversation";
import { handoverUntilAfter } from "../../channel/rules";
import { recordMessage } from "../messages/record-message";
import type { TEffects } from "./effects";

const KIND = {
  text: "TEXT",
  image: "IMAGE",
  quick_reply: "QUICK_REPLY_ANSWER",
  story_reply: "STORY_REPLY",
  unsupported: "UNSUPPORTED",
} as const satisfies Record<string, TMessageKind>;

/** Stores a customer's message: contact and conversation on first contact, then the message. */
export async function ingestMessage(
  tx: Prisma.TransactionClient,
  { accountId, mo, dedupeKey }: { accountId: string; mo: TInboundMessage; dedupeKey: string },
  effects: TEffects,
): Promise<void> {
  const classified = classifyCustomerMessage(mo);
  const { kind: _kind, ...content } = classified;
  const kind = KIND[classified.kind];
  const conversation = await findOrStartConversation(tx, {
    accountId,
    igsid: mo.from.number,
    name: mo.from.name,
    username: mo.username,
    at: mo.timeUtc,
  });
  // A MessageDelete may have come before the message itself (webhooks are not ordered).
  const deletedEarlier = mo.messageId
    ? await tx.webhookEvent.findFirst({
        where: { accountId, kind: "EVENT", cmReference: mo.messageId, state: "WAITING" },
      })
    : null;
  // The customer asked for a human in the Instagram inbox: CM hands the chat over for 24 h.
  const handoverUntil =
    classified.kind === "quick_reply" ? handoverUntilAfter(classified.postbackData, mo.timeUtc) : null;
  if (handoverUntil) await tx.conversation.update({ where: { id: conversation.id }, data: { handoverUntil } });
  await recordMessage(
    tx,
    {
      conversationId: conversation.id,
      direction: "INBOUND",
      kind,
      content: content as Prisma.InputJsonValue,
      status: "RECEIVED",
      dedupeKey,
      externalId: mo.messageId,
      sentAt: mo.timeUtc,
      deletedAt: deletedEarlier ? deletedEarlier.receivedAt : null,
    },
    { effects, opensWindow: true },
  );
  if (deletedEarlier) {
    await tx.webhookEvent.update({
      where: { id: deletedEarlier.id },
      data: { processedAt: new Date(), state: "DONE" },
    });
  }
}
