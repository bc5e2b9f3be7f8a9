import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { resolvePeriod, type TPeriodInput } from "../../reports/period";
import type { TReportPeriod } from "../../reports/schemas";
import { accessibleAccountIds, type TAccessUser } from "../access/account-access";
import type { TReportScope } from "./report-sql";

export interface TScopeInput extends TPeriodInput {
  accountId?: string | undefined;
  agentId?: string | undefined;
  labelId?: string | undefined;
}

/**
 * Whose facts a report may count and over which period. An admin sees every account; anyone
 * else only their accounts' facts, and with `own` (My performance) only their own: the
 * filters narrow that, never widen it. The report's time zone is the filtered account's, else
 * UTC. An account the user may not see is answered as a missing one.
 */
export async function resolveReportScope(
  prisma: PrismaClient,
  { user, query, now, own = false }: { user: TAccessUser; query: TScopeInput; now: Date; own?: boolean },
): Promise<{ period: TReportPeriod; scope: TReportScope }> {
  const accountIds = await accessibleAccountIds(prisma, user);
  let timeZone = "UTC";
  if (query.accountId !== undefined) {
    const account = await prisma.instagramAccount.findUnique({
      where: { id: query.accountId },
      select: { id: true, timeZone: true },
    });
    if (!account || (accountIds !== null && !accountIds.includes(account.id))) {
      throw new AppError("NOT_FOUND", "No such Instagram account.");
    }
    timeZone = account.timeZone;
  }
  return {
    period: resolvePeriod(query, { now, timeZone }),
    scope: {
      accountIds,
      accountId: query.accountId,
      agentId: own ? user.id : query.agentId,
      labelId: query.labelId,
    },
  };
}
