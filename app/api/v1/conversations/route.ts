import { ZV1ConversationList, ZV1ConversationQuery } from "@/lib/api-v1/schemas";
import { apiRoute } from "@/lib/http/api-route";
import { listConversations } from "@/lib/server/conversations/list-conversations";

export const dynamic = "force-dynamic";

/** Conversations the token may reach, with the inbox's filters and orders, in keyset pages. */
export const GET = apiRoute(
  { scope: "conversations:read", query: ZV1ConversationQuery, response: ZV1ConversationList },
  async ({ runtime, principal, query }) => {
    const { limit, cursor, ...filters } = query;
    const page = await listConversations(runtime.db.prisma, {
      userId: principal.userId,
      accountIds: principal.accountIds,
      limit,
      cursor,
      filters,
    });
    return { data: page.conversations, nextCursor: page.nextCursor };
  },
);
