import type { Prisma } from "../../db/generated/client";

/**
 * A survey's fact for reports (ReportEvent SURVEY_SENT or SURVEY_ANSWERED), with the
 * conversation's labels as they are now, as every report row carries them.
 */
export async function recordSurveyEvent(
  tx: Prisma.TransactionClient,
  event: {
    kind: "SURVEY_SENT" | "SURVEY_ANSWERED";
    at: Date;
    accountId: string;
    conversationId: string;
    agentId: string | null;
    score?: number;
  },
): Promise<void> {
  const labels = await tx.conversationLabel.findMany({
    where: { conversationId: event.conversationId },
    select: { labelId: true },
  });
  await tx.reportEvent.create({ data: { ...event, labelIds: labels.map((l) => l.labelId) } });
}
