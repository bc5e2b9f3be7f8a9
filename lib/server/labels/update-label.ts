import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TLabel, TUpdateLabel } from "../../labels/schemas";
import { LABEL_NOT_FOUND, assertLabelNameFree } from "./assert-label-name-free";
import { toLabel } from "./to-label";

/** Renames or recolours a label (admins); every conversation carrying it shows the change. */
export async function updateLabel(
  prisma: PrismaClient,
  { id, input }: { id: string; input: TUpdateLabel },
): Promise<TLabel> {
  return prisma.$transaction(async (tx) => {
    if (input.name !== undefined) await assertLabelNameFree(tx, input.name, id);
    const [row] = await tx.label.updateManyAndReturn({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.color !== undefined ? { color: input.color } : {}),
      },
      select: { id: true, name: true, color: true },
    });
    if (!row) throw new AppError("NOT_FOUND", LABEL_NOT_FOUND);
    return toLabel(row);
  });
}
