import type { Prisma } from "../../db/generated/client";
import { AppError } from "../../errors";

export const LABEL_NOT_FOUND = "This label does not exist (any more).";

/**
 * The unique index on Label.name is case-sensitive; "VIP" and "vip" must still be one label.
 * Names are checked under one transaction-scoped lock, so two admins creating "VIP" and "vip"
 * at the same moment cannot both pass the check. 409 when another label has the name.
 */
export async function assertLabelNameFree(
  tx: Prisma.TransactionClient,
  name: string,
  exceptId: string | null,
): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('label-names'))`;
  const taken = await tx.label.findFirst({
    where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true },
  });
  if (taken) throw new AppError("CONFLICT", `There is a label "${taken.name}" already: pick another name.`);
}
