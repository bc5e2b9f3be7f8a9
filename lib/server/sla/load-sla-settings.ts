import { accountClock, type TAccountClock } from "../../business-hours/schemas";
import type { PrismaClient } from "../../db/generated/client";
import type { TSlaPolicyInput } from "../../sla/schemas";
import { SLA_POLICY_SELECT } from "./to-sla-policy";

/** What the SLA clocks of one account's conversations run by: its policy and its clock. */
export interface TAccountSla extends TAccountClock {
  /** The account's own policy, else the default; null: no SLA. */
  policy: (TSlaPolicyInput & { updatedAt: Date }) | null;
}

/** The id of the default policy's row: one fixed id, so two saves cannot make two defaults. */
export const DEFAULT_POLICY_ID = "default";

/** Every account's SLA settings (a handful of rows: read whole each round of the SLA worker). */
export async function loadSlaSettings(prisma: PrismaClient): Promise<Map<string, TAccountSla>> {
  const [policies, accounts] = await Promise.all([
    prisma.slaPolicy.findMany({ select: SLA_POLICY_SELECT }),
    prisma.instagramAccount.findMany({ select: { id: true, timeZone: true, businessHours: true } }),
  ]);
  const own = new Map(policies.flatMap((p) => (p.accountId ? [[p.accountId, p] as const] : [])));
  const fallback = policies.find((p) => p.accountId === null) ?? null;
  return new Map(
    accounts.map((account) => {
      const policy = own.get(account.id) ?? fallback;
      return [
        account.id,
        {
          policy: policy && {
            firstResponseMinutes: policy.firstResponseMinutes,
            nextResponseMinutes: policy.nextResponseMinutes,
            resolutionMinutes: policy.resolutionMinutes,
            businessHoursOnly: policy.businessHoursOnly,
            updatedAt: policy.updatedAt,
          },
          ...accountClock(account),
        },
      ];
    }),
  );
}
