import { route } from "@/lib/http/route";
import { ZMessageAnswer } from "@/lib/messages/schemas";
import { assertMessageAccess } from "@/lib/server/access/assert-message-access";
import { retryMessage } from "@/lib/server/messages/retry-message";
import { ZIdParams } from "@/lib/http/route-params";

export const dynamic = "force-dynamic";

/** A failed reply goes back to the outbox, queued. */
export const POST = route(
  { access: "signed-in", params: ZIdParams, response: ZMessageAnswer },
  async ({ runtime, user, params, announce }) => {
    // A message of another account's conversation answers 404 to an agent, like a missing one.
    await assertMessageAccess(runtime.db.prisma, user, params.id);
    const { message, effects } = await retryMessage(runtime.db.prisma, { messageId: params.id, now: new Date() });
    announce(effects);
    runtime.workers?.outbox?.wake();
    return { message };
  },
);
