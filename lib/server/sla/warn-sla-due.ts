import type { PrismaClient } from "../../db/generated/client";
import type { TSlaWarned } from "../../effects/effects";
import { contactName } from "../../contacts/contact-name";
import { slaBadge } from "../../sla/badge";
import type { TSlaWarningNotice } from "../../sla/schemas";

/** How long before a due time the people on the conversation are warned. */
export const SLA_WARNING_MS = 10 * 60_000;

/**
 * Warns of the due times coming within SLA_WARNING_MS: the assignee, or, on an unassigned
 * conversation, the account's active members. Once per due time whatever the number of
 * instances: the UPDATE marks a row only while it is unmarked (row locks make a second
 * instance re-read it marked), and the warning goes to whoever marked it. A due time already
 * past is not warned of: it is a breach.
 */
export async function warnSlaDue(
  prisma: PrismaClient,
  { now, limit }: { now: Date; limit: number },
): Promise<TSlaWarned> {
  const soon = {
    status: "OPEN",
    slaWarnedAt: null,
    slaDueAt: { gt: now, lte: new Date(now.getTime() + SLA_WARNING_MS) },
  } as const;
  const ids = await prisma.conversation.findMany({
    where: soon,
    select: { id: true },
    orderBy: { slaDueAt: "asc" },
    take: limit,
  });
  if (ids.length === 0) return { kind: "sla-warned", warnings: [] };
  const marked = await prisma.conversation.updateManyAndReturn({
    where: { ...soon, id: { in: ids.map((row) => row.id) } },
    data: { slaWarnedAt: now },
    include: { contact: { select: { igsid: true, name: true, username: true } } },
  });
  const unassigned = [...new Set(marked.filter((c) => c.assigneeId === null).map((c) => c.accountId))];
  const members = await prisma.accountMember.findMany({
    where: { accountId: { in: unassigned }, user: { OR: [{ banned: false }, { banned: null }] } },
    select: { accountId: true, userId: true },
  });
  const warnings = marked.flatMap((c) => {
    if (!c.slaDueAt) return [];
    const badge = slaBadge({ dueAt: c.slaDueAt.toISOString(), atRiskAt: null, target: c.slaTarget }, now);
    const notice: TSlaWarningNotice = {
      conversationId: c.id,
      contactName: contactName(c.contact),
      target: c.slaTarget,
      dueAt: c.slaDueAt.toISOString(),
      text: badge.description,
    };
    const to = c.assigneeId ? [c.assigneeId] : members.filter((m) => m.accountId === c.accountId).map((m) => m.userId);
    return to.map((userId) => ({ userId, notice }));
  });
  return { kind: "sla-warned", warnings };
}
