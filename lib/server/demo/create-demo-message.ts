import type { PrismaClient } from "../../db/generated/client";
import type { TConversationSummary } from "../../queries/conversation-types";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "../conversations/to-summary";

export interface TCreateDemoMessageOptions {
  accountId: string;
  igsid: string;
  name: string;
  username: string;
  text: string;
  now: Date;
}

/**
 * Stores a customer message as if it had arrived from Instagram. Demo mode only: it lets a
 * new user see the inbox update live without a CM account.
 */
export async function createDemoMessage(
  prisma: PrismaClient,
  { accountId, igsid, name, username, text, now }: TCreateDemoMessageOptions,
): Promise<TConversationSummary> {
  return prisma.$transaction(async (tx) => {
    const contact = await tx.contact.upsert({
      where: { accountId_igsid: { accountId, igsid } },
      create: { accountId, igsid, name, username },
      update: { name, username },
    });
    const conversation = await tx.conversation.upsert({
      where: { accountId_contactId: { accountId, contactId: contact.id } },
      create: { accountId, contactId: contact.id, lastMessageAt: now, lastInboundAt: now, lastMessagePreview: text },
      update: { lastMessageAt: now, lastInboundAt: now, lastMessagePreview: text },
    });
    await tx.message.create({
      data: {
        conversationId: conversation.id,
        direction: "INBOUND",
        kind: "TEXT",
        content: { text },
        status: "RECEIVED",
        sentAt: now,
      },
    });
    const row = await tx.conversation.findUniqueOrThrow({
      where: { id: conversation.id },
      include: CONVERSATION_SUMMARY_INCLUDE,
    });
    return toConversationSummary(row);
  });
}
