import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";

/** The agent has now seen everything in the conversation. */
export async function markRead(
  prisma: PrismaClient,
  { userId, conversationId, now }: { userId: string; conversationId: string; now: Date },
) {
  if (!(await prisma.conversation.findUnique({ where: { id: conversationId }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "This conversation does not exist (any more).");
  }
  await prisma.conversationRead.upsert({
    where: { userId_conversationId: { userId, conversationId } },
    create: { userId, conversationId, lastReadAt: now },
    update: { lastReadAt: now },
  });
}
