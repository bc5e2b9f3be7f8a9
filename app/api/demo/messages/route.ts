import { z } from "zod";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { ZDemoMessageAnswer } from "@/lib/conversations/schemas";
import { createDemoMessage } from "@/lib/server/demo/create-demo-message";
import { findDemoAccountId } from "@/lib/server/demo/find-demo-account";

export const dynamic = "force-dynamic";

const ZDemoMessage = z.object({
  igsid: z.string().regex(/^\d{5,32}$/, "must be digits (an Instagram-scoped ID)"),
  name: z.string().trim().min(1).max(100),
  username: z.string().trim().min(1).max(30),
  text: z.string().trim().min(1, "must not be empty").max(1000),
});

/** Demo mode only: stores a customer message on the demo account as if it had come from Instagram. */
export const POST = route(
  { access: "signed-in", body: ZDemoMessage, response: ZDemoMessageAnswer },
  async ({ runtime, body, announce }) => {
    if (!runtime.config.demoMode) throw new AppError("NOT_FOUND", "Demo endpoints are off (DEMO_MODE is not set).");
    const accountId = await findDemoAccountId(runtime.db.prisma);
    const effects = await createDemoMessage(runtime.db.prisma, { ...body, accountId, now: new Date() });
    announce(effects);
    return { conversation: effects.conversations.at(-1) };
  },
);
