import type { PrismaClient } from "../../db/generated/client";
import type { TSlaWarned } from "../../effects/effects";
import type { TEffects } from "../../effects/inbox-effects";
import { loadSlaSettings } from "../../server/sla/load-sla-settings";
import { recordSlaBreaches } from "../../server/sla/record-sla-breaches";
import { refreshSlaDue, type TChangePoint } from "../../server/sla/refresh-sla-due";
import { warnSlaDue } from "../../server/sla/warn-sla-due";

/** Changes are read again from this long before the last round began (clocks of other instances). */
const CHANGE_OVERLAP_MS = 30_000;

/** Where the SLA worker of this instance is: kept between rounds, lost on restart (the sweep starts over). */
export interface TSlaRoundState {
  changedSince: TChangePoint | null;
  sweepAfter: string | null;
}

export interface TSlaRoundResult {
  state: TSlaRoundState;
  inbox: TEffects;
  warned: TSlaWarned;
  breaches: number;
  /** More is waiting than one round takes: the next round starts at once. */
  busy: boolean;
}

/**
 * One round of the SLA worker: due times brought up to date (changed conversations and a page
 * of the sweep), then the warnings 10 minutes before, then the breaches; each step bounded by
 * `limit` rows. On a first round (no state) every conversation is swept, none "changed".
 */
export async function runSlaRound(
  prisma: PrismaClient,
  { now, state, limit }: { now: Date; state: TSlaRoundState; limit: number },
): Promise<TSlaRoundResult> {
  const settings = await loadSlaSettings(prisma);
  const refreshed = await refreshSlaDue(prisma, {
    settings,
    now,
    changedSince: state.changedSince,
    sweepAfter: state.sweepAfter,
    limit,
  });
  const warned = await warnSlaDue(prisma, { now, limit });
  const { recorded } = await recordSlaBreaches(prisma, { settings, now, limit });
  return {
    state: {
      changedSince: refreshed.changedUpTo ?? { at: new Date(now.getTime() - CHANGE_OVERLAP_MS), afterId: null },
      sweepAfter: refreshed.sweepAfter,
    },
    inbox: refreshed.effects,
    warned,
    breaches: recorded,
    busy: refreshed.changedUpTo !== null || warned.warnings.length >= limit || recorded >= limit,
  };
}
