import { route } from "@/lib/http/route";
import { ZMarkedRead } from "@/lib/conversations/schemas";
import { markRead } from "@/lib/server/conversations/mark-read";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const POST = route(
  { access: "signed-in", params: ZIdParams, conversation: true, response: ZMarkedRead },
  async ({ runtime, user, conversation }) => {
    await markRead(runtime.db.prisma, { userId: user.id, conversationId: conversation.id, now: new Date() });
    return { read: true } as const;
  },
);
