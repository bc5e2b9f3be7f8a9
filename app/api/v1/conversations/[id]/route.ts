import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { getConversation } from "@/lib/server/conversations/get-conversation";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.getConversation, async ({ runtime, principal, params }) => {
  await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
  return getConversation(runtime.db.prisma, { id: params.id, userId: principal.userId });
});
