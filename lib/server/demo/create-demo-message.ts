import type { PrismaClient } from "../../db/generated/client";
import { findOrStartConversation } from "../conversations/touch-conversation";
import { recordMessage } from "../messages/record-message";
import { noEffects, type TEffects } from "../../effects/inbox-effects";

export interface TCreateDemoMessageOptions {
  accountId: string;
  igsid: string;
  name: string;
  username: string;
  text: string;
  now: Date;
}

/**
 * Stores a customer message as if it had arrived from Instagram, through the same steps as a
 * webhook. Demo mode only: it lets a new user see the inbox update live without a CM account.
 */
export async function createDemoMessage(
  prisma: PrismaClient,
  { accountId, igsid, name, username, text, now }: TCreateDemoMessageOptions,
): Promise<TEffects> {
  const effects = noEffects();
  await prisma.$transaction(async (tx) => {
    const conversation = await findOrStartConversation(tx, { accountId, igsid, name, username, at: now });
    await recordMessage(
      tx,
      {
        conversationId: conversation.id,
        direction: "INBOUND",
        kind: "TEXT",
        content: { text },
        status: "RECEIVED",
        sentAt: now,
      },
      { effects, opensWindow: true },
    );
  });
  return effects;
}
