import { Prisma, type PrismaClient } from "../../db/generated/client";
import { MESSAGING_WINDOW_MS } from "../../channel/rules";

/** Windows that closed longer ago than this are not counted any more (a week's report, and a day's downtime). */
export const LOST_CATCH_UP_MS = 8 * 24 * 60 * 60 * 1000;
/** Conversations marked per statement; the worker goes on at once while a round is full. */
export const LOST_BATCH = 500;

/** The 24-hour window, as SQL (a constant, not an input). */
const WINDOW = Prisma.raw(`INTERVAL '${MESSAGING_WINDOW_MS / 1000} seconds'`);

/** A waiting customer's window that is not counted lost yet (alias `t`). */
function lostWhere(t: "c" | "w"): Prisma.Sql {
  const c = Prisma.raw(`"${t}"`);
  return Prisma.sql`${c}."waitingSince" IS NOT NULL
    AND ${c}."status" <> CAST('RESOLVED' AS "ConversationStatus")
    AND (${c}."windowLostAt" IS NULL OR ${c}."windowLostAt" < ${c}."lastInboundAt" + ${WINDOW})
    AND (${c}."handoverUntil" IS NULL OR ${c}."handoverUntil" < ${c}."lastInboundAt" + ${WINDOW})`;
}

export interface TLostWindow {
  conversationId: string;
  accountId: string;
  /** When the window closed. */
  at: Date;
}

/**
 * Marks the reply windows that closed while their customer waited for an answer ("lost
 * windows"): Conversation.windowLostAt becomes the closing time (the customer's last message +
 * 24 h) and one WINDOW_LOST fact is written for reports (the owner as agent, the
 * conversation's labels), in one statement.
 *
 * Once per window, whatever the number of instances: the UPDATE only takes a conversation
 * whose windowLostAt is older than its current window's closing, and PostgreSQL re-checks that
 * condition on the locked row, so a second sweep running at the same moment skips it. A window
 * that a newer customer message moved on is a new window, lost (or not) in its turn.
 * Not lost: a resolved conversation (nothing to answer) and one handed over to the Instagram
 * inbox when its window closed (answers there are not seen here: spec, handover protocol).
 */
export async function sweepLostWindows(
  prisma: PrismaClient,
  { now = new Date(), batch = LOST_BATCH }: { now?: Date; batch?: number } = {},
): Promise<TLostWindow[]> {
  const closedBy = new Date(now.getTime() - MESSAGING_WINDOW_MS);
  const since = new Date(now.getTime() - MESSAGING_WINDOW_MS - LOST_CATCH_UP_MS);
  return prisma.$queryRaw<TLostWindow[]>`
    WITH lost AS (
      UPDATE "Conversation" c
      SET "windowLostAt" = c."lastInboundAt" + ${WINDOW}
      WHERE c."id" IN (
          SELECT w."id" FROM "Conversation" w
          WHERE ${lostWhere("w")} AND w."lastInboundAt" > ${since} AND w."lastInboundAt" <= ${closedBy}
          ORDER BY w."lastInboundAt" ASC
          LIMIT ${batch})
        -- Checked again on the locked row: another sweep may have taken it meanwhile.
        AND ${lostWhere("c")} AND c."lastInboundAt" <= ${closedBy}
      RETURNING c."id", c."accountId", c."assigneeId", c."windowLostAt"
    )
    INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "agentId", "labelIds")
    SELECT CAST('WINDOW_LOST' AS "ReportEventKind"), lost."windowLostAt", lost."accountId", lost."id", lost."assigneeId",
      COALESCE(
        (SELECT array_agg(cl."labelId" ORDER BY cl."labelId") FROM "ConversationLabel" cl WHERE cl."conversationId" = lost."id"),
        ARRAY[]::TEXT[])
    FROM lost
    RETURNING "conversationId", "accountId", "at"`;
}
