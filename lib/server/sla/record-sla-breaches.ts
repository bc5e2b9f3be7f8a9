import type { PrismaClient } from "../../db/generated/client";
import type { TAccountSla } from "./load-sla-settings";

/**
 * Records the due times that passed as SLA_BREACHED facts for the reports (at the due time,
 * counted for the assignee, with the conversation's labels, slaMet false), each once whatever
 * the number of instances: the row is marked in the same transaction on the condition that it
 * is unmarked and still due then, and only the instance whose UPDATE returned it writes the fact.
 * A due time from before its policy was last saved is marked without a fact: a target counts
 * from when it is set, and saving one must not rewrite last week's reports.
 */
export async function recordSlaBreaches(
  prisma: PrismaClient,
  { settings, now, limit }: { settings: Map<string, TAccountSla>; now: Date; limit: number },
): Promise<{ recorded: number }> {
  const due = { status: "OPEN", slaBreachedAt: null, slaDueAt: { lte: now } } as const;
  const candidates = await prisma.conversation.findMany({
    where: due,
    select: { id: true },
    orderBy: { slaDueAt: "asc" },
    take: limit,
  });
  if (candidates.length === 0) return { recorded: 0 };
  return prisma.$transaction(async (tx) => {
    const marked = await tx.conversation.updateManyAndReturn({
      where: { ...due, id: { in: candidates.map((c) => c.id) } },
      data: { slaBreachedAt: now },
      select: { id: true, accountId: true, assigneeId: true, slaDueAt: true },
    });
    const counted = marked.filter((c) => {
      const policy = settings.get(c.accountId)?.policy;
      return c.slaDueAt !== null && (!policy || c.slaDueAt >= policy.updatedAt);
    });
    const labels = await tx.conversationLabel.findMany({
      where: { conversationId: { in: counted.map((c) => c.id) } },
      select: { conversationId: true, labelId: true },
    });
    await tx.reportEvent.createMany({
      data: counted.map((c) => ({
        kind: "SLA_BREACHED" as const,
        at: c.slaDueAt ?? now,
        accountId: c.accountId,
        conversationId: c.id,
        agentId: c.assigneeId,
        slaMet: false,
        labelIds: labels.filter((l) => l.conversationId === c.id).map((l) => l.labelId),
      })),
    });
    return { recorded: counted.length };
  });
}
