import { route } from "@/lib/http/route";
import { markRead } from "@/lib/server/conversations/mark-read";

export const dynamic = "force-dynamic";

export const POST = route({ access: "signed-in" }, async ({ runtime, user, params }) => {
  await markRead(runtime.db.prisma, { userId: user.id, conversationId: params.id ?? "", now: new Date() });
  return { read: true };
});
