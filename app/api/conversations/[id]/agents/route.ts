import { route } from "@/lib/http/route";
import { listOnlineUserIds } from "@/lib/realtime/presence";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { listAssignableAgents } from "@/lib/server/conversations/list-assignable-agents";

export const dynamic = "force-dynamic";

/** The agents this conversation can be assigned to, with who is online now. */
export const GET = route({ access: "signed-in" }, async ({ runtime, user, params }) => ({
  agents: await listAssignableAgents(runtime.db.prisma, {
    conversationId: params.id ?? "",
    accountIds: await accessibleAccountIds(runtime.db.prisma, user),
    online: await listOnlineUserIds(runtime.io),
  }),
}));
