import { route } from "@/lib/http/route";
import { ZConversationAnswer } from "@/lib/conversations/summary";
import { setConversationLabel } from "@/lib/server/labels/set-conversation-label";
import { ZConversationLabelParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

// Idempotent both ways: PUT puts the label on (again: nothing changes), DELETE takes it off.
// 404, word for word as for a missing conversation, when the agent may not see it.

export const PUT = route(
  { access: "signed-in", params: ZConversationLabelParams, response: ZConversationAnswer },
  async ({ runtime, user, params, announce }) => {
    const { conversation, effects } = await setConversationLabel(runtime.db.prisma, {
      conversationId: params.id,
      labelId: params.labelId,
      on: true,
      actor: user,
    });
    announce(effects);
    return { conversation };
  },
);

export const DELETE = route(
  { access: "signed-in", params: ZConversationLabelParams, response: ZConversationAnswer },
  async ({ runtime, user, params, announce }) => {
    const { conversation, effects } = await setConversationLabel(runtime.db.prisma, {
      conversationId: params.id,
      labelId: params.labelId,
      on: false,
      actor: user,
    });
    announce(effects);
    return { conversation };
  },
);
