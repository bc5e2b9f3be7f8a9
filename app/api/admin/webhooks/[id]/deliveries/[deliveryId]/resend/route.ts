import { z } from "zod";
import { ZHookSent } from "@/lib/hooks/schemas";
import { route } from "@/lib/http/route";
import { ZId } from "@/lib/http/route-params";
import { resendHookDelivery } from "@/lib/server/hooks/hook-deliveries";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: ZId, deliveryId: z.string().regex(/^\d{1,19}$/, "must be a delivery id") });

/** The delivery's event again (same webhook-id), after the conversation's other pending ones. */
export const POST = route(
  { access: "admin", params: ZParams, response: ZHookSent, status: 201 },
  async ({ runtime, params }) => {
    const deliveryId = await resendHookDelivery(runtime.db.prisma, params.id, params.deliveryId);
    runtime.workers?.hooks?.wake();
    return { deliveryId };
  },
);
