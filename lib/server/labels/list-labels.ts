import type { PrismaClient } from "../../db/generated/client";
import { compareLabels, type TLabel } from "../../labels/schemas";
import { toLabel } from "./to-label";

/** Every label, by name: any signed-in user may see them (to filter by them and to label). */
export async function listLabels(prisma: PrismaClient): Promise<TLabel[]> {
  const rows = await prisma.label.findMany({ select: { id: true, name: true, color: true } });
  return rows.map(toLabel).sort(compareLabels);
}
