import { route } from "@/lib/http/route";
import { emitEffects } from "@/lib/realtime/emit";
import { deliverDeps } from "@/lib/server/messages/deliver-deps";
import { retryMessage } from "@/lib/server/messages/retry-message";

export const dynamic = "force-dynamic";

export const POST = route({ access: "signed-in" }, async ({ runtime, params }) => {
  const { message, effects } = await retryMessage(deliverDeps(runtime), params.id ?? "", emitEffects);
  emitEffects(effects);
  return { message };
});
