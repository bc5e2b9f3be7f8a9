import type { PrismaClient } from "../../db/generated/client";
import { assertConversationAccess } from "../access/assert-conversation-access";
import type { TActor } from "../conversations/assign-conversation";
import type { TApiPrincipal } from "./authenticate-token";

/**
 * The token as the inbox's services see whoever acts: its accounts decide what it may reach,
 * and lines in the thread name it "<token name> (API)" ("Resolved by Order system (API)"; no
 * person acted). Its messages are signed "via API: <token name>" (to-message-view.ts).
 */
export function apiActor(principal: TApiPrincipal): TActor {
  return {
    id: principal.tokenId,
    role: "api",
    name: `${principal.name} (API)`,
    apiToken: { accountIds: principal.accountIds },
  };
}

/**
 * The account of a conversation this token may reach, else NOT_FOUND in the very words of a
 * missing conversation: a token must not learn that another account's conversation exists.
 */
export async function assertTokenConversationAccess(
  prisma: PrismaClient,
  principal: TApiPrincipal,
  conversationId: string,
): Promise<{ accountId: string }> {
  return assertConversationAccess(prisma, apiActor(principal), conversationId);
}
