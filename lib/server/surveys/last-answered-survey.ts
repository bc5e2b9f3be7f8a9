import type { Prisma } from "../../db/generated/client";

/** A customer's newest answered survey, for the contact panel (Survey's contactId, answeredAt index). */
export async function lastAnsweredSurvey(
  tx: Prisma.TransactionClient,
  contactId: string,
): Promise<{ score: number; answeredAt: string; comment: string | null } | null> {
  const survey = await tx.survey.findFirst({
    where: { contactId, answeredAt: { not: null }, score: { not: null } },
    orderBy: { answeredAt: "desc" },
    select: { score: true, answeredAt: true, comment: true },
  });
  if (!survey?.answeredAt || survey.score === null) return null;
  return { score: survey.score, answeredAt: survey.answeredAt.toISOString(), comment: survey.comment };
}
