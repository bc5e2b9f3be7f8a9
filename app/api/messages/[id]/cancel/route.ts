import { route } from "@/lib/http/route";
import { ZMessageAnswer } from "@/lib/messages/schemas";
import { assertMessageAccess } from "@/lib/server/access/assert-message-access";
import { cancelMessage } from "@/lib/server/messages/cancel-message";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** A queued reply is withdrawn before it leaves; 409 once it is being sent or was sent. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, response: ZMessageAnswer },
  async ({ runtime, user, params, announce }) => {
    // A message of another account's conversation answers 404 to an agent, like a missing one.
    await assertMessageAccess(runtime.db.prisma, user, params.id);
    const { message, effects } = await cancelMessage(runtime.db.prisma, { messageId: params.id, now: new Date() });
    announce(effects);
    return { message };
  },
);
