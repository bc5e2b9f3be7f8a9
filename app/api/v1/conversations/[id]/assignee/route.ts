import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { assignConversation } from "@/lib/server/conversations/assign-conversation";

export const dynamic = "force-dynamic";

export const POST = apiRoute(V1.assign, async ({ runtime, principal, params, body, announce }) => {
  const { conversation, effects } = await assignConversation(runtime.db.prisma, {
    conversationId: params.id,
    actor: apiActor(principal),
    assigneeId: body.assigneeId,
    expectedAssigneeId: body.expectedAssigneeId,
  });
  announce(effects);
  return conversation;
});
