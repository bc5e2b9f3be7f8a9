import { dailyLimit } from "@/lib/channel/rules";
import { route } from "@/lib/http/route";
import { ZInboxAccounts } from "@/lib/conversations/schemas";
import { accessibleAccountIds } from "@/lib/server/access/account-access";
import { countDailyUsage } from "@/lib/server/accounts/count-daily-usage";

export const dynamic = "force-dynamic";

/**
 * The Instagram accounts this agent works (all of them for an admin), for the inbox's account
 * filter, with each one's use of Instagram's daily limit (shown to admins, warned of in the composer).
 */
export const GET = route({ access: "signed-in", response: ZInboxAccounts }, async ({ runtime, user }) => {
  const ids = await accessibleAccountIds(runtime.db.prisma, user);
  const accounts = await runtime.db.prisma.instagramAccount.findMany({
    where: ids === null ? {} : { id: { in: ids } },
    select: { id: true, displayName: true, humanAgentTag: true },
    orderBy: { displayName: "asc" },
  });
  const usage = await countDailyUsage(runtime.db.prisma, { accountIds: accounts.map((a) => a.id), now: new Date() });
  return {
    accounts: accounts.map((account) => {
      const used = usage.get(account.id) ?? { sent: 0, reachable: 0 };
      const { limit, level } = dailyLimit(used);
      return { ...account, usage: { ...used, limit, level } };
    }),
  };
});
