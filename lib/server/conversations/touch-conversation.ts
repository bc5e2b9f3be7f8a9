import type { Prisma } from "../../db/generated/client";
import type { TConversationSummary } from "../../queries/conversation-types";
import { CONVERSATION_SUMMARY_INCLUDE, toConversationSummary } from "./to-summary";

/**
 * Records a new message on its conversation. Webhooks arrive out of order, so the list's
 * time and preview move only for a message newer than the newest one seen, and the
 * messaging window's start (lastInboundAt) only ever moves later.
 */
export async function touchConversation(
  tx: Prisma.TransactionClient,
  { conversationId, at, preview, inbound }: { conversationId: string; at: Date; preview: string; inbound: boolean },
): Promise<TConversationSummary> {
  const current = await tx.conversation.findUniqueOrThrow({ where: { id: conversationId } });
  const newest = at >= current.lastMessageAt;
  const row = await tx.conversation.update({
    where: { id: conversationId },
    data: {
      ...(newest ? { lastMessageAt: at, lastMessagePreview: preview.slice(0, 200) } : {}),
      ...(inbound && (!current.lastInboundAt || at > current.lastInboundAt) ? { lastInboundAt: at } : {}),
    },
    include: CONVERSATION_SUMMARY_INCLUDE,
  });
  return toConversationSummary(row);
}

/** The customer's conversation on this account, created on first contact. */
export async function findOrStartConversation(
  tx: Prisma.TransactionClient,
  {
    accountId,
    igsid,
    name,
    username,
    at,
  }: { accountId: string; igsid: string; name: string | null; username: string | null; at: Date },
): Promise<{ id: string }> {
  const contact = await tx.contact.upsert({
    where: { accountId_igsid: { accountId, igsid } },
    create: { accountId, igsid, name, username },
    // Keep what we knew when a payload leaves a field empty.
    update: { ...(name ? { name } : {}), ...(username ? { username } : {}) },
  });
  return tx.conversation.upsert({
    where: { accountId_contactId: { accountId, contactId: contact.id } },
    create: { accountId, contactId: contact.id, lastMessageAt: at, lastMessagePreview: "" },
    update: {},
    select: { id: true },
  });
}
