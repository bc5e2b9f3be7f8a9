import { Prisma, type PrismaClient } from "../../db/generated/client";

// The backfill of Message."searchVector" (issue 20): messages written since migration
// 20261207060000_search_vector get their stored words from a trigger; those written before get
// them here, newest first (the ones search's walk reads), a batch per round. Search is right
// meanwhile (a message without stored words is folded on the fly); only its walk is slower
// over what is not yet filled.
//
// One transaction per batch: the cursor row is locked (another instance skips the round), the
// batch filled, the cursor moved past it. A crash rolls the batch back with its cursor, so the
// next round does it again: nothing is skipped, nothing is half-done.

export const SEARCH_VECTOR_BACKFILL = "message-search-vector";

export interface TBackfillRound {
  /** Messages given their words this round. */
  filled: number;
  /** More to do: run again at once. */
  busy: boolean;
}

export async function backfillSearchVectors(
  prisma: PrismaClient,
  { batch = 2000 }: { batch?: number } = {},
): Promise<TBackfillRound> {
  return prisma.$transaction(
    async (tx) => {
      const [cursor] = await tx.$queryRaw<{ beforeAt: Date | null; beforeId: string | null }[]>`
        SELECT "beforeAt", "beforeId" FROM "BackfillCursor"
        WHERE "name" = ${SEARCH_VECTOR_BACKFILL} AND NOT "done"
        FOR UPDATE SKIP LOCKED`;
      if (!cursor) return { filled: 0, busy: false };
      const after =
        cursor.beforeAt && cursor.beforeId !== null
          ? Prisma.sql`AND (m."sentAt", m."id") < (${cursor.beforeAt}::timestamp, ${cursor.beforeId})`
          : Prisma.empty;
      const rows = await tx.$queryRaw<{ id: string; sentAt: Date }[]>`
        SELECT "id", "sentAt" FROM "Message" m
        WHERE m."searchText" IS NOT NULL AND m."deletedAt" IS NULL AND m."kind" <> 'SYSTEM' ${after}
        ORDER BY m."sentAt" DESC, m."id" DESC LIMIT ${batch}`;
      const last = rows.at(-1);
      const filled = rows.length
        ? await tx.$executeRaw`
            UPDATE "Message" SET "searchVector" = to_tsvector('simple', search_fold("searchText"))
            WHERE "id" = ANY(${rows.map((row) => row.id)}::text[]) AND "searchVector" IS NULL`
        : 0;
      const done = rows.length < batch;
      await tx.$executeRaw`
        UPDATE "BackfillCursor" SET "beforeAt" = ${last?.sentAt ?? cursor.beforeAt}, "beforeId" = ${last?.id ?? cursor.beforeId},
          "done" = ${done}, "updatedAt" = now()
        WHERE "name" = ${SEARCH_VECTOR_BACKFILL}`;
      return { filled, busy: !done };
    },
    { timeout: 60_000 },
  );
}
