import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { TConversationSummary } from "../../conversations/summary";
import { loadSummaries } from "./load-summaries";

export async function getConversation(
  prisma: PrismaClient,
  { id, userId }: { id: string; userId: string },
): Promise<TConversationSummary> {
  const [summary] = await loadSummaries(prisma, { ids: [id], userId });
  if (!summary) throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  return summary;
}
