import type { Prisma } from "../../db/generated/client";

/**
 * A conversation's labels changed: every report fact of it now carries its current labels (a
 * report by label counts the whole history of the conversations that carry the label now).
 */
export async function syncReportLabels(tx: Prisma.TransactionClient, conversationId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ReportEvent" SET "labelIds" = COALESCE((SELECT array_agg(cl."labelId" ORDER BY cl."labelId")
      FROM "ConversationLabel" cl WHERE cl."conversationId" = ${conversationId}), ARRAY[]::text[])
    WHERE "conversationId" = ${conversationId}`;
}
