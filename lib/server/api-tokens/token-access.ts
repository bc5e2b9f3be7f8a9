import type { PrismaClient } from "../../db/generated/client";
import { assertConversationAccess } from "../access/assert-conversation-access";
import type { TActor } from "../conversations/assign-conversation";
import { VIA_API } from "../messages/to-message-view";
import type { TApiPrincipal } from "./authenticate-token";

/**
 * The token as the inbox's services see whoever acts: its accounts decide what it may reach,
 * and lines in the thread name it "via API: <token name>" (no person acted).
 */
export function apiActor(principal: TApiPrincipal): TActor {
  return {
    id: principal.tokenId,
    role: "api",
    name: `${VIA_API}${principal.name}`,
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
