import { ZStatusBody } from "@/lib/conversations/schemas";
import { route } from "@/lib/http/route";
import { ZConversationAnswer } from "@/lib/conversations/summary";
import { setConversationStatus } from "@/lib/server/conversations/set-conversation-status";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** Resolve, reopen, or snooze until a time. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, body: ZStatusBody, response: ZConversationAnswer },
  async ({ runtime, user, body, params, announce }) => {
    const { conversation, effects } = await setConversationStatus(runtime.db.prisma, {
      conversationId: params.id,
      actor: user,
      change: body,
    });
    announce(effects);
    // Resolving may have queued a satisfaction survey (issue 19).
    if (effects.createdMessages.some((m) => m.status === "QUEUED")) runtime.workers?.outbox?.wake();
    return { conversation };
  },
);
