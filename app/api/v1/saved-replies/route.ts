import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { listSavedReplies } from "@/lib/server/saved-replies/list-saved-replies";

export const dynamic = "force-dynamic";

/** The team shares its saved replies: every one a token may send is listed (as the composer offers them). */
export const GET = apiRoute(V1.listSavedReplies, async ({ runtime }) => ({
  data: await listSavedReplies({ prisma: runtime.db.prisma }),
  nextCursor: null,
}));
