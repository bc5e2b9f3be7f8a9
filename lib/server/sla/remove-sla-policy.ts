import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { DEFAULT_POLICY_ID } from "./load-sla-settings";

/** Removes the default SLA policy (accountId null) or an account's own (it falls back to the default). */
export async function removeSlaPolicy(
  prisma: PrismaClient,
  { accountId }: { accountId: string | null },
): Promise<void> {
  const { count } = await prisma.slaPolicy.deleteMany({
    where: accountId === null ? { id: DEFAULT_POLICY_ID } : { accountId },
  });
  if (count === 0) {
    throw new AppError(
      "NOT_FOUND",
      accountId === null ? "There is no default SLA policy." : "This account has no SLA policy of its own.",
    );
  }
}
