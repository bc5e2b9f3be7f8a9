import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { LABEL_NOT_FOUND } from "./assert-label-name-free";

/** Deletes a label (admins); it goes from every conversation with it (the join rows cascade). */
export async function deleteLabel(prisma: PrismaClient, { id }: { id: string }): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.label.deleteMany({ where: { id } });
    if (count === 0) throw new AppError("NOT_FOUND", LABEL_NOT_FOUND);
    // Report facts carry their conversation's labels: this one is on none of them now.
    await tx.$executeRaw`UPDATE "ReportEvent" SET "labelIds" = array_remove("labelIds", ${id})
      WHERE "labelIds" @> ARRAY[${id}]::text[]`;
  });
}
