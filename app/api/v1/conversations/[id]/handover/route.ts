import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { assertTokenConversationAccess } from "@/lib/server/api-tokens/token-access";
import { botHandsOver } from "@/lib/server/bots/hand-over";

export const dynamic = "force-dynamic";

/** The bot lets go: the conversation joins the team's unassigned queue (see V1.handOver). */
export const POST = apiRoute(V1.handOver, async ({ runtime, principal, params, announce }) => {
  await assertTokenConversationAccess(runtime.db.prisma, principal, params.id);
  const { conversation, effects } = await botHandsOver(runtime.db.prisma, { conversationId: params.id });
  announce(effects);
  runtime.workers?.team?.consider(effects);
  return conversation;
});
