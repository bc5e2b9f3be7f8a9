import { route } from "@/lib/http/route";
import { ZMarkedRead } from "@/lib/conversations/schemas";
import { assertConversationAccess } from "@/lib/server/access/assert-conversation-access";
import { markRead } from "@/lib/server/conversations/mark-read";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "signed-in", params: ZIdParams, response: ZMarkedRead },
  async ({ runtime, user, params }) => {
    await assertConversationAccess(runtime.db.prisma, user, params.id);
    await markRead(runtime.db.prisma, { userId: user.id, conversationId: params.id, now: new Date() });
    return { read: true } as const;
  },
);
