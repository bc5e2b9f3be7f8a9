import { V1 } from "@/lib/api-v1/operations";
import { apiRoute } from "@/lib/http/api-route";
import { listConversations } from "@/lib/server/conversations/list-conversations";

export const dynamic = "force-dynamic";

export const GET = apiRoute(V1.listConversations, async ({ runtime, principal, query }) => {
  const { limit, cursor, ...filters } = query;
  const page = await listConversations(runtime.db.prisma, {
    userId: principal.userId,
    accountIds: principal.accountIds,
    limit,
    cursor,
    filters,
  });
  return { data: page.conversations, nextCursor: page.nextCursor };
});
