import type { PrismaClient } from "../../db/generated/client";
import { oneLine } from "../../errors-one-line";
import { autoAssign, isAutoAssignCandidate } from "../../server/conversations/auto-assign";
import { wakeSnoozed } from "../../server/conversations/wake-snoozed";
import { handOverDue } from "../../server/bots/hand-over";
import type { TEffects } from "../../effects/inbox-effects";
import { startWorkerLoop, type TWorker } from "../worker-loop";
import { log as logger } from "../../log/logger";

export interface TTeamWorker extends TWorker {
  /** Looks at what a committed change did: open, unassigned conversations may be auto-assigned. */
  consider(effects: TEffects): void;
}

/** Accounts with automatic assignment on are read again after this long (an admin may switch it). */
const SETTINGS_TTL_MS = 5000;

/**
 * The inbox's own clock and dispatcher on this instance: wakes snoozed conversations when
 * their time comes (every few seconds; each wakes once whatever the number of instances), hands
 * bots' conversations to the team when that is due, and
 * gives new or reopened unassigned conversations to an online agent on accounts that want it.
 */
export function startTeamWorker({
  prisma,
  emit,
  online,
  now = () => new Date(),
  intervalMs = 5000,
  log = (line: string) => logger().error({ worker: "team" }, line),
}: {
  prisma: PrismaClient;
  emit: (effects: TEffects) => void;
  /** Ids of the users connected right now (on any instance). */
  online: () => Promise<Set<string>>;
  now?: () => Date;
  intervalMs?: number;
  log?: (line: string) => void;
}): TTeamWorker {
  let settings: { at: number; accounts: Set<string> } | undefined;
  const autoAssignAccounts = async () => {
    if (!settings || Date.now() - settings.at > SETTINGS_TTL_MS) {
      const rows = await prisma.instagramAccount.findMany({ where: { autoAssign: true }, select: { id: true } });
      settings = { at: Date.now(), accounts: new Set(rows.map((r) => r.id)) };
    }
    return settings.accounts;
  };
  // One assignment at a time on this instance, in arrival order.
  let queue = Promise.resolve();
  const consider = (effects: TEffects) => {
    const candidates = effects.conversations.filter(isAutoAssignCandidate);
    if (candidates.length === 0) return;
    queue = queue
      .then(async () => {
        const accounts = await autoAssignAccounts();
        const wanted = [...new Set(candidates.filter((c) => accounts.has(c.accountId)).map((c) => c.id))];
        if (wanted.length === 0) return;
        const who = await online();
        for (const conversationId of wanted) {
          const assigned = await autoAssign(prisma, { conversationId, online: who, now: now() });
          emit(assigned);
        }
      })
      .catch((error: unknown) => log(`auto-assignment failed (the conversation stays unassigned): ${oneLine(error)}`));
  };
  const loop = startWorkerLoop({
    name: "snooze",
    idleMs: intervalMs,
    log,
    tick: async () => {
      const woken = await wakeSnoozed(prisma, { now: now() });
      emit(woken);
      consider(woken);
      // Bots' conversations whose hand-over is due (the customer asked for a person, the bot
      // stayed silent, its token was revoked) go to the team.
      const handed = await handOverDue(prisma, { now: now() });
      emit(handed);
      consider(handed);
      return false;
    },
  });
  return {
    consider,
    wake: () => loop.wake(),
    stop: async () => {
      await loop.stop();
      await queue;
    },
  };
}
