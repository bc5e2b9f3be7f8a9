import { z } from "zod";
import { route } from "@/lib/http/route";
import { listConversations } from "@/lib/server/conversations/list-conversations";

export const dynamic = "force-dynamic";

const ZQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().optional(),
  accountId: z.string().optional(),
});

export const GET = route({ access: "signed-in", query: ZQuery }, ({ runtime, user, query }) =>
  listConversations(runtime.db.prisma, { ...query, userId: user.id }),
);
