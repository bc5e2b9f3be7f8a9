import type { PrismaClient } from "../db/generated/client";
import { createDemoMessage } from "../server/demo/create-demo-message";
import { recordMessage } from "../server/messages/record-message";
import { noEffects } from "../effects/inbox-effects";

// Conversations with messages written the way the app writes them (searchText included), for
// the search and thread tests.

export interface TWritten {
  conversationId: string;
  messageId: string;
}

/** A customer's text message, through the same steps as a webhook. */
export async function customerWrites(
  prisma: PrismaClient,
  accountId: string,
  customer: { igsid: string; name: string; username: string },
  text: string,
  at: Date,
): Promise<TWritten> {
  const effects = await createDemoMessage(prisma, { accountId, ...customer, text, now: at });
  const message = effects.createdMessages[0];
  if (!message) throw new Error("no message stored");
  return { conversationId: message.conversationId, messageId: message.id };
}

/** An agent's text reply as the reply route stores it (delivered, to keep the outbox out of it). */
export async function agentReplies(
  prisma: PrismaClient,
  conversationId: string,
  text: string,
  at: Date,
): Promise<TWritten> {
  const { message: row } = await prisma.$transaction((tx) =>
    recordMessage(
      tx,
      { conversationId, direction: "OUTBOUND", kind: "TEXT", content: { text }, status: "DELIVERED", sentAt: at },
      { effects: noEffects(), opensWindow: false },
    ),
  );
  return { conversationId, messageId: row.id };
}
