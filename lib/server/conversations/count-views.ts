import { Prisma, type PrismaClient } from "../../db/generated/client";
import { DEFAULT_FILTERS, type TViewCounts } from "../../conversations/schemas";
import { conversationWhere } from "./list-conversations";

/**
 * Open conversations in each view (Mine, Unassigned, All) for the tabs, in one statement:
 * over the accounts the agent may see, narrowed to one account when the list is.
 */
export async function countViews(
  prisma: PrismaClient,
  {
    userId,
    accountIds,
    account,
    now = new Date(),
  }: { userId: string; accountIds: string[] | null; account?: string | undefined; now?: Date },
): Promise<TViewCounts> {
  const where = conversationWhere({
    userId,
    accountIds,
    filters: { ...DEFAULT_FILTERS, status: "open", account },
    now,
  });
  const [row] = await prisma.$queryRaw<TViewCounts[]>`
    SELECT count(*) FILTER (WHERE c."assigneeId" = ${userId})::int AS "mine",
      count(*) FILTER (WHERE c."assigneeId" IS NULL)::int AS "unassigned",
      count(*)::int AS "all"
    FROM "Conversation" c
    WHERE ${Prisma.join(where, " AND ")}`;
  return row ?? { mine: 0, unassigned: 0, all: 0 };
}
