import { z } from "zod";
import { ZListFilters } from "@/lib/conversations/schemas";
import { route } from "@/lib/http/route";
import { ZConversationPage } from "@/lib/conversations/summary";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { listConversations } from "@/lib/server/conversations/list-conversations";

export const dynamic = "force-dynamic";

const ZQuery = ZListFilters.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
});

/** The inbox list: a view (mine, unassigned, all), filters and an order, in keyset pages. */
export const GET = route(
  { access: "signed-in", query: ZQuery, response: ZConversationPage },
  async ({ runtime, user, query }) => {
    const { limit, cursor, ...filters } = query;
    return listConversations(runtime.db.prisma, {
      userId: user.id,
      accountIds: await accessibleAccountIds(runtime.db.prisma, user),
      limit,
      cursor,
      filters,
    });
  },
);
