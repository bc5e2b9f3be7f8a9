import { route } from "@/lib/http/route";
import { ZConversationAnswer } from "@/lib/conversations/summary";
import { assertConversationAccess } from "@/lib/server/access/assert-conversation-access";
import { getConversation } from "@/lib/server/conversations/get-conversation";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const GET = route(
  { access: "signed-in", params: ZIdParams, response: ZConversationAnswer },
  async ({ runtime, user, params }) => {
    // Another account's conversation answers 404 to an agent, word for word like a missing one.
    await assertConversationAccess(runtime.db.prisma, user, params.id);
    return { conversation: await getConversation(runtime.db.prisma, { id: params.id, userId: user.id }) };
  },
);
