import { Prisma, type PrismaClient } from "../../db/generated/client";
import type { TLostWindowCount } from "../../windows/schemas";

/**
 * Lost windows per account: WINDOW_LOST facts (a waiting customer's 24-hour window closed
 * without an answer, lib/server/windows/sweep-lost-windows.ts) whose closing falls in
 * [from, to). Accounts with none are left out; the most lost first. Reads the reporting
 * table only (its index on accountId, at).
 */
export async function countLostWindows(
  prisma: PrismaClient,
  {
    accountIds,
    from,
    to,
  }: {
    /** The accounts asked about (null: every account, an admin). */
    accountIds: string[] | null;
    from: Date;
    to: Date;
  },
): Promise<TLostWindowCount[]> {
  if (accountIds !== null && accountIds.length === 0) return [];
  const only = accountIds === null ? Prisma.sql`TRUE` : Prisma.sql`r."accountId" IN (${Prisma.join(accountIds)})`;
  const rows = await prisma.$queryRaw<{ accountId: string; accountName: string; count: bigint | number }[]>`
    SELECT r."accountId", a."displayName" AS "accountName", COUNT(*) AS "count"
    FROM "ReportEvent" r JOIN "InstagramAccount" a ON a."id" = r."accountId"
    WHERE r."kind" = CAST('WINDOW_LOST' AS "ReportEventKind") AND r."at" >= ${from} AND r."at" < ${to} AND ${only}
    GROUP BY r."accountId", a."displayName"
    ORDER BY COUNT(*) DESC, a."displayName" ASC`;
  return rows.map((row) => ({ accountId: row.accountId, accountName: row.accountName, count: Number(row.count) }));
}
