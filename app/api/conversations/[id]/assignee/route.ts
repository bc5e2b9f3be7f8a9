import { ZAssignBody } from "@/lib/conversations/schemas";
import { route } from "@/lib/http/route";
import { ZConversationAnswer } from "@/lib/conversations/summary";
import { assignConversation } from "@/lib/server/conversations/assign-conversation";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** Assign to an agent (or to nobody: `assigneeId: null`). 409 when someone changed it meanwhile. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, body: ZAssignBody, response: ZConversationAnswer },
  async ({ runtime, user, body, params, announce }) => {
    const { conversation, effects } = await assignConversation(runtime.db.prisma, {
      conversationId: params.id,
      actor: user,
      assigneeId: body.assigneeId,
      expectedAssigneeId: body.expectedAssigneeId,
    });
    announce(effects);
    return { conversation };
  },
);
