import type { Prisma } from "../../db/generated/client";
import type { TSystemContent } from "../../messages/system-line";
import type { TEffects } from "../../effects/inbox-effects";
import { MESSAGE_VIEW_INCLUDE, toMessageView } from "../messages/to-message-view";

/**
 * Writes a line for agents into the thread (who assigned, resolved, reopened it): a message
 * of direction INTERNAL, never sent, not the list's preview, announced like any message.
 */
export async function recordSystemLine(
  tx: Prisma.TransactionClient,
  {
    conversationId,
    content,
    actorId,
    apiTokenId = null,
    at,
  }: {
    conversationId: string;
    content: TSystemContent;
    actorId: string | null;
    /** The API token that acted (issue 21), when no person did. */
    apiTokenId?: string | null;
    at: Date;
  },
  effects: TEffects,
): Promise<void> {
  const row = await tx.message.create({
    data: {
      conversationId,
      direction: "INTERNAL",
      kind: "SYSTEM",
      content,
      status: "RECEIVED",
      authorId: actorId,
      apiTokenId,
      sentAt: at,
    },
    include: MESSAGE_VIEW_INCLUDE,
  });
  effects.createdMessages.push(toMessageView(row));
}
