import { z } from "zod";
import { route } from "@/lib/http/route";
import { ZViewCounts } from "@/lib/conversations/schemas";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { countViews } from "@/lib/server/conversations/count-views";

export const dynamic = "force-dynamic";

const ZQuery = z.object({ account: z.string().max(100).optional() });

/** Open conversations in Mine, Unassigned and All, for the tabs. */
export const GET = route(
  { access: "signed-in", query: ZQuery, response: ZViewCounts },
  async ({ runtime, user, query }) =>
    countViews(runtime.db.prisma, {
      userId: user.id,
      accountIds: await accessibleAccountIds(runtime.db.prisma, user),
      account: query.account,
    }),
);
