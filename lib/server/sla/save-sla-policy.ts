import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TSlaPolicy, TSlaPolicyInput } from "../../sla/schemas";
import { DEFAULT_POLICY_ID } from "./load-sla-settings";
import { SLA_POLICY_SELECT, toSlaPolicy } from "./to-sla-policy";

/**
 * Saves the default SLA policy (accountId null) or an account's own. The SLA worker applies it
 * to open conversations within a sweep; due times already past when it is saved are not
 * counted as breaches (lib/server/sla/record-sla-breaches.ts).
 */
export async function saveSlaPolicy(
  prisma: PrismaClient,
  { accountId, input }: { accountId: string | null; input: TSlaPolicyInput },
): Promise<TSlaPolicy> {
  return prisma.$transaction(async (tx) => {
    if (accountId !== null) {
      const account = await tx.instagramAccount.findUnique({ where: { id: accountId }, select: { id: true } });
      if (!account) throw new AppError("NOT_FOUND", "There is no Instagram account with this id.");
    }
    const saved =
      accountId === null
        ? await tx.slaPolicy.upsert({
            where: { id: DEFAULT_POLICY_ID },
            create: { id: DEFAULT_POLICY_ID, accountId: null, ...input },
            update: input,
            select: SLA_POLICY_SELECT,
          })
        : await tx.slaPolicy.upsert({
            where: { accountId },
            create: { accountId, ...input },
            update: input,
            select: SLA_POLICY_SELECT,
          });
    return toSlaPolicy(saved);
  });
}
