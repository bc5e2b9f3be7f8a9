import type { PrismaClient } from "../../db/generated/client";
import type { TLabelsChanged } from "../../effects/effects";
import { listLabels } from "./list-labels";

/** After labels were created, renamed, recoloured or deleted: the whole list, for every browser. */
export async function labelsChanged(prisma: PrismaClient): Promise<TLabelsChanged> {
  return { kind: "labels-changed", labels: await listLabels(prisma) };
}
