import type { Prisma } from "../../db/generated/client";
import { accountClock } from "../../business-hours/schemas";
import type { TMeasureState, TReportClock } from "../../reports/measures";

/**
 * What the measures need to know of a conversation before a change: its state and its
 * account's clock. Locks the conversation's row until the transaction ends, so two changes at
 * once (two agents replying) are measured one after the other, never both from the same state.
 */
export async function loadReportState(
  tx: Prisma.TransactionClient,
  conversationId: string,
): Promise<{ state: TMeasureState; clock: TReportClock }> {
  const [row] = await tx.$queryRaw<
    (TMeasureState & { timeZone: string; businessHours: unknown })[]
  >`SELECT c."status"::text AS "status", c."openedAt", c."firstResponseAt", c."waitingSince",
      a."timeZone", a."businessHours"
    FROM "Conversation" c JOIN "InstagramAccount" a ON a."id" = c."accountId"
    WHERE c."id" = ${conversationId}
    FOR UPDATE OF c`;
  if (!row) throw new Error(`conversation ${conversationId} not found`);
  return {
    state: {
      status: row.status,
      openedAt: row.openedAt,
      firstResponseAt: row.firstResponseAt,
      waitingSince: row.waitingSince,
    },
    clock: accountClock(row),
  };
}
