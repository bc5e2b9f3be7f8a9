import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { setConversationLabel } from "@/lib/server/labels/set-conversation-label";

export const dynamic = "force-dynamic";

export const POST = apiRoute(V1.addLabel, async ({ runtime, principal, params, body, announce }) => {
  const { conversation, effects } = await setConversationLabel(runtime.db.prisma, {
    conversationId: params.id,
    labelId: body.labelId,
    on: true,
    actor: apiActor(principal),
  });
  announce(effects);
  return conversation;
});
