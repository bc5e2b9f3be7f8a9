import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { setConversationStatus } from "@/lib/server/conversations/set-conversation-status";

export const dynamic = "force-dynamic";

export const POST = apiRoute(V1.setStatus, async ({ runtime, principal, params, body, announce }) => {
  const { conversation, effects } = await setConversationStatus(runtime.db.prisma, {
    conversationId: params.id,
    actor: apiActor(principal),
    change: body,
  });
  announce(effects);
  // Resolving may have queued a satisfaction survey (issue 19).
  if (effects.createdMessages.some((m) => m.status === "QUEUED")) runtime.workers?.outbox?.wake();
  return conversation;
});
