import { route } from "@/lib/http/route";
import { ZSearchQuery, ZSearchResults } from "@/lib/search/schemas";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { searchConversations } from "@/lib/server/search/search-conversations";

export const dynamic = "force-dynamic";

/** GET /api/search?q=…: contacts and messages of the accounts this agent may see. */
export const GET = route(
  { access: "signed-in", query: ZSearchQuery, response: ZSearchResults },
  async ({ runtime, user, query }) =>
    searchConversations(runtime.db.prisma, {
      query: query.q,
      accountIds: await accessibleAccountIds(runtime.db.prisma, user),
      limit: query.limit,
      cursor: query.cursor,
    }),
);
