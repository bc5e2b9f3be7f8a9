import { route } from "@/lib/http/route";
import { emitEffects } from "@/lib/realtime/emit";
import { retryMessage } from "@/lib/server/messages/retry-message";

export const dynamic = "force-dynamic";

/** A failed reply goes back to the outbox, queued. */
export const POST = route({ access: "signed-in" }, async ({ runtime, params }) => {
  const { message, effects } = await retryMessage(runtime.db.prisma, { messageId: params.id ?? "", now: new Date() });
  emitEffects(effects);
  runtime.workers?.outbox?.wake();
  return { message };
});
