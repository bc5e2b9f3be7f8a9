import { route } from "@/lib/http/route";
import { emitEffects } from "@/lib/realtime/emit";
import { cancelMessage } from "@/lib/server/messages/cancel-message";

export const dynamic = "force-dynamic";

/** A queued reply is withdrawn before it leaves; 409 once it is being sent or was sent. */
export const POST = route({ access: "signed-in" }, async ({ runtime, params }) => {
  const { message, effects } = await cancelMessage(runtime.db.prisma, { messageId: params.id ?? "", now: new Date() });
  emitEffects(effects);
  return { message };
});
