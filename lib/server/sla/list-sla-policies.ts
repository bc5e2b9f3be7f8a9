import type { PrismaClient } from "../../db/generated/client";
import type { TSlaPolicies } from "../../sla/schemas";
import { SLA_POLICY_SELECT, toSlaPolicy } from "./to-sla-policy";

/** The default SLA policy and every account with its own (Admin → SLA policies). */
export async function listSlaPolicies(prisma: PrismaClient): Promise<TSlaPolicies> {
  const [policies, accounts] = await Promise.all([
    prisma.slaPolicy.findMany({ select: SLA_POLICY_SELECT }),
    prisma.instagramAccount.findMany({
      select: { id: true, displayName: true, timeZone: true, businessHours: true },
      orderBy: [{ displayName: "asc" }, { id: "asc" }],
    }),
  ]);
  const fallback = policies.find((p) => p.accountId === null);
  return {
    defaultPolicy: fallback ? toSlaPolicy(fallback) : null,
    accounts: accounts.map((account) => {
      const own = policies.find((p) => p.accountId === account.id);
      return {
        accountId: account.id,
        displayName: account.displayName,
        hasBusinessHours: account.businessHours !== null,
        timeZone: account.timeZone,
        policy: own ? toSlaPolicy(own) : null,
      };
    }),
  };
}
