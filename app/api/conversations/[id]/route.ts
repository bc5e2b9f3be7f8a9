import { route } from "@/lib/http/route";
import { ZConversationAnswer } from "@/lib/conversations/summary";
import { getConversation } from "@/lib/server/conversations/get-conversation";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

export const GET = route(
  // Another account's conversation answers 404 to an agent, word for word like a missing one.
  { access: "signed-in", params: ZIdParams, conversation: true, response: ZConversationAnswer },
  async ({ runtime, user, conversation }) => ({
    conversation: await getConversation(runtime.db.prisma, { id: conversation.id, userId: user.id }),
  }),
);
