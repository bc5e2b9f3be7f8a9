import type { Prisma, PrismaClient } from "../../db/generated/client";
import { noEffects, type TEffects } from "../../effects/inbox-effects";
import { nextSlaDue } from "../../sla/next-due";
import { CONVERSATION_ROW_INCLUDE, toConversationSummary, withLabels } from "../conversations/to-summary";
import type { TAccountSla } from "./load-sla-settings";

/** What the rule reads of a conversation, and what it last wrote. */
const CLOCK_SELECT = {
  id: true,
  accountId: true,
  status: true,
  openedAt: true,
  firstResponseAt: true,
  waitingSince: true,
  slaDueAt: true,
  slaTarget: true,
  slaAtRiskAt: true,
  updatedAt: true,
} as const;

type TClockRow = Prisma.ConversationGetPayload<{ select: typeof CLOCK_SELECT }>;

/** A point in the changed conversations' (updatedAt, id) order. */
export interface TChangePoint {
  at: Date;
  afterId: string | null;
}

export interface TRefreshSlaOptions {
  settings: Map<string, TAccountSla>;
  now: Date;
  /**
   * Conversations changed since this point are looked at first (null: none): at or after `at`,
   * or, with `afterId`, after that row in (updatedAt, id) order: where the previous page ended
   * (a round writes every row it changes with one updatedAt, so a page may end inside a run of
   * equal times, which a time alone would read again and again).
   */
  changedSince: TChangePoint | null;
  /** The sweep over every conversation with a clock goes on after this id (null: from the start). */
  sweepAfter: string | null;
  /** At most this many rows are read by each of the two passes. */
  limit: number;
}

export interface TRefreshSlaResult {
  effects: TEffects;
  /** Where the next sweep goes on (null: it went round: start again). */
  sweepAfter: string | null;
  /** The last change read, or null when the changes read were all there were. */
  changedUpTo: TChangePoint | null;
  written: number;
}

/**
 * Brings the conversations' next SLA due times up to date, in two bounded passes: those changed
 * since the last round (a customer wrote, an agent replied, it was resolved), then a page of a
 * sweep over every open conversation and every one that still has a due time (which catches a
 * changed policy or business hours, and writes that bypass `updatedAt`). Only what changed is
 * written, each row on the condition that its inputs are still what was read, so a change
 * committed meanwhile is never overwritten with a stale due time (the next round sees it).
 * A new due time clears the warning and breach marks: they are per due time.
 */
export async function refreshSlaDue(
  prisma: PrismaClient,
  { settings, now, changedSince, sweepAfter, limit }: TRefreshSlaOptions,
): Promise<TRefreshSlaResult> {
  const changed = changedSince
    ? await prisma.conversation.findMany({
        where: changedSince.afterId
          ? {
              OR: [
                { updatedAt: { gt: changedSince.at } },
                { updatedAt: changedSince.at, id: { gt: changedSince.afterId } },
              ],
            }
          : { updatedAt: { gte: changedSince.at } },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: limit,
        select: CLOCK_SELECT,
      })
    : [];
  const swept = await prisma.conversation.findMany({
    where: {
      OR: [{ status: "OPEN" }, { slaDueAt: { not: null } }],
      ...(sweepAfter ? { id: { gt: sweepAfter } } : {}),
    },
    orderBy: { id: "asc" },
    take: limit,
    select: CLOCK_SELECT,
  });
  const rows = new Map([...changed, ...swept].map((row) => [row.id, row]));
  const effects = noEffects();
  let written = 0;
  for (const row of rows.values()) {
    const summary = await writeIfChanged(prisma, row, settings.get(row.accountId), now);
    if (summary) {
      effects.conversations.push(summary);
      written++;
    }
  }
  return {
    effects,
    sweepAfter: swept.length < limit ? null : (swept.at(-1)?.id ?? null),
    changedUpTo: lastOf(changed, limit),
    written,
  };
}

/** Where a full page of changes ended (null: it was not full, so nothing more is waiting). */
function lastOf(changed: TClockRow[], limit: number): TChangePoint | null {
  const last = changed.at(-1);
  return changed.length < limit || !last ? null : { at: last.updatedAt, afterId: last.id };
}

async function writeIfChanged(prisma: PrismaClient, row: TClockRow, sla: TAccountSla | undefined, now: Date) {
  const due = sla ? nextSlaDue(row, sla.policy, sla.businessHours, sla.timeZone) : null;
  const dueAt = due?.dueAt ?? null;
  const same =
    (row.slaDueAt?.getTime() ?? null) === (dueAt?.getTime() ?? null) &&
    row.slaTarget === (due?.target ?? null) &&
    (row.slaAtRiskAt?.getTime() ?? null) === (due?.atRiskAt.getTime() ?? null);
  if (same) return null;
  const moved = (row.slaDueAt?.getTime() ?? null) !== (dueAt?.getTime() ?? null);
  return prisma.$transaction(async (tx) => {
    const [updated] = await withLabels(
      tx,
      await tx.conversation.updateManyAndReturn({
        where: {
          id: row.id,
          status: row.status,
          openedAt: row.openedAt,
          firstResponseAt: row.firstResponseAt,
          waitingSince: row.waitingSince,
          slaDueAt: row.slaDueAt,
        },
        data: {
          slaDueAt: dueAt,
          slaTarget: due?.target ?? null,
          slaAtRiskAt: due?.atRiskAt ?? null,
          ...(moved ? { slaWarnedAt: null, slaBreachedAt: null } : {}),
          // The browsers take a conversation only when it is newer than the one they hold.
          updatedAt: now > row.updatedAt ? now : new Date(row.updatedAt.getTime() + 1),
        },
        include: CONVERSATION_ROW_INCLUDE,
      }),
    );
    return updated ? toConversationSummary(updated, null, now) : null;
  });
}
