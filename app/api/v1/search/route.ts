import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { apiActor } from "@/lib/server/api-tokens/token-access";
import { searchConversations } from "@/lib/server/search/search-conversations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.search, async ({ runtime, principal, query }) =>
  searchConversations(runtime.db.prisma, {
    query: query.q,
    accountIds: await accessibleAccountIds(runtime.db.prisma, apiActor(principal)),
    limit: query.limit,
    cursor: query.cursor,
  }),
);
