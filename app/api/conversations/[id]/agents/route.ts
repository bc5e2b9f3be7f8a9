import { route } from "@/lib/http/route";
import { ZAssignableAgents } from "@/lib/conversations/schemas";
import { onlineUserIdsNow } from "@/lib/realtime/server/presence";
import { listAssignableAgents } from "@/lib/server/conversations/list-assignable-agents";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** The agents this conversation can be assigned to, with who is online now. */
export const GET = route(
  { access: "signed-in", params: ZIdParams, response: ZAssignableAgents },
  async ({ runtime, user, params }) => ({
    agents: await listAssignableAgents(runtime.db.prisma, {
      conversationId: params.id,
      user,
      online: await onlineUserIdsNow(),
    }),
  }),
);
