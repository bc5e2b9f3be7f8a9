import { ZV1Conversation } from "@/lib/api-v1/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { ZIdParams } from "@/lib/http/route-params";
import { assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { getConversation } from "@/lib/server/conversations/get-conversation";

export const dynamic = "force-dynamic";

/** One conversation; another account's answers 404, word for word like a missing one. */
export const GET = apiRoute(
  { scope: "conversations:read", params: ZIdParams, response: ZV1Conversation },
  async ({ runtime, principal, params }) => {
    await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
    return getConversation(runtime.db.prisma, { id: params.id, userId: principal.userId });
  },
);
