import type { PrismaClient } from "../../db/generated/client";
import type { TCreateLabel, TLabel } from "../../labels/schemas";
import { assertLabelNameFree } from "./assert-label-name-free";
import { toLabel } from "./to-label";

/** A new label (admins). Its name must differ from every other's, whatever the case: 409 otherwise. */
export async function createLabel(prisma: PrismaClient, input: TCreateLabel): Promise<TLabel> {
  return prisma.$transaction(async (tx) => {
    await assertLabelNameFree(tx, input.name, null);
    return toLabel(await tx.label.create({ data: input, select: { id: true, name: true, color: true } }));
  });
}
