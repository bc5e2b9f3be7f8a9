import type { PrismaClient } from "../../db/generated/client";
import type { TConversationsRemoved } from "../../effects/effects";
import { deleteRetentionBatch } from "./delete-retention-batch";
import { startRetentionRun } from "./start-retention-run";

export interface TRetentionRoundOptions {
  /** The time now: runs start, and finish, at what it says then. */
  clock: () => Date;
  /** Conversations per batch (one transaction each). */
  batchSize?: number;
  /** Batches in this round, all accounts together: a round stays short, the next goes on. */
  maxBatches?: number;
  everyMs?: number;
  /** Tests: called after each batch's conversations are deleted, inside its transaction. */
  afterDelete?: () => Promise<void>;
  /** Each batch's deletions, once committed (the worker announces them). */
  onRemoved?: (effect: TConversationsRemoved) => void;
}

export interface TRetentionRound {
  /** A run stopped at the round's budget with more to delete: go again at once. */
  busy: boolean;
  conversations: number;
}

/**
 * The retention worker's round: for every account with retention on, start or resume its run
 * and delete batch after batch until the run is finished or the round's budget is spent. Every
 * instance may run it; an account's batches are taken by one at a time (an advisory lock).
 */
export async function runRetentionRound(
  prisma: PrismaClient,
  { clock, batchSize = 200, maxBatches = 20, everyMs, afterDelete, onRemoved }: TRetentionRoundOptions,
): Promise<TRetentionRound> {
  const accounts = await prisma.instagramAccount.findMany({
    where: { retentionEnabled: true },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  let batches = 0;
  let conversations = 0;
  for (const { id } of accounts) {
    const run = await startRetentionRun(prisma, {
      accountId: id,
      now: clock(),
      ...(everyMs === undefined ? {} : { everyMs }),
    });
    if (run === null) continue;
    for (;;) {
      if (batches >= maxBatches) return { busy: true, conversations };
      batches++;
      const batch = await deleteRetentionBatch(prisma, {
        accountId: id,
        cutoff: run.cutoff,
        limit: batchSize,
        now: clock(),
        ...(afterDelete ? { afterDelete } : {}),
      });
      if (batch.busy || batch.conversationIds.length === 0) break;
      conversations += batch.conversationIds.length;
      onRemoved?.({ kind: "conversations-removed", accountId: id, conversationIds: batch.conversationIds });
    }
  }
  return { busy: false, conversations };
}
