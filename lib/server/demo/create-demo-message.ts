import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";
import type { TConversationSummary } from "../../queries/conversation-types";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "../conversations/to-summary";

export const DEMO_ACCOUNT = { igAccountId: "17841400000000000", displayName: "Demo shop" } as const;

export interface TCreateDemoMessageOptions {
  igsid: string;
  name: string;
  username: string;
  text: string;
  now: Date;
}

/**
 * Stores a customer message on the demo account as if it had arrived from Instagram.
 * Demo mode only: it lets a new user (and the foundation's browser test) see the inbox
 * update live before any CM account is linked.
 */
export async function createDemoMessage(
  prisma: PrismaClient,
  { igsid, name, username, text, now }: TCreateDemoMessageOptions,
): Promise<TConversationSummary> {
  return prisma.$transaction(async (tx) => {
    const account = await tx.instagramAccount.upsert({
      where: { igAccountId: DEMO_ACCOUNT.igAccountId },
      create: {
        ...DEMO_ACCOUNT,
        // No CM product token is linked to the demo account yet.
        productTokenEncrypted: "",
        webhookSecret: randomBytes(24).toString("base64url"),
      },
      update: {},
    });
    const contact = await tx.contact.upsert({
      where: { accountId_igsid: { accountId: account.id, igsid } },
      create: { accountId: account.id, igsid, name, username },
      update: { name, username },
    });
    const conversation = await tx.conversation.upsert({
      where: { accountId_contactId: { accountId: account.id, contactId: contact.id } },
      create: {
        accountId: account.id,
        contactId: contact.id,
        lastMessageAt: now,
        lastInboundAt: now,
        lastMessagePreview: text,
      },
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
