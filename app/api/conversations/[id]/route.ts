import { route } from "@/lib/http/route";
import { getConversation } from "@/lib/server/conversations/get-conversation";

export const dynamic = "force-dynamic";

export const GET = route({ access: "signed-in" }, async ({ runtime, user, params }) => ({
  conversation: await getConversation(runtime.db.prisma, { id: params.id ?? "", userId: user.id }),
}));
