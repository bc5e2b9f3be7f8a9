import { Prisma } from "../../db/generated/client";
import type { TMessageView } from "../../messages/schemas";
import {
  messageViewColumns,
  rawToMessageView,
  type TRawMessageRow,
} from "../../server/messages/message-view-returning";
import type { TClaimedSend } from "./claim-due-sends";
import type { TOutbox } from "./outbox-deps";

/**
 * Hands back claims this worker will not send (its instance is stopping): each goes back to
 * QUEUED, due now, as if never claimed (the attempt it counted is taken back), so any instance's
 * next round sends it at once instead of after the lease runs out. Nothing left for CM, so no
 * doubt arises: a `maybeDuplicate` already set (a take-over) stays, as the claim left it.
 * Only rows still SENDING are touched: a claim this worker lost meanwhile is left to its owner.
 */
export async function releaseClaims(outbox: TOutbox, claims: readonly TClaimedSend[]): Promise<TMessageView[]> {
  if (claims.length === 0) return [];
  const now = outbox.now();
  const ids = claims.map((c) => c.view.id);
  const rows = await outbox.prisma.$queryRaw<TRawMessageRow[]>`
    UPDATE "Message" AS t SET
      "status" = 'QUEUED',
      "leaseUntil" = NULL,
      "attempts" = GREATEST(t."attempts" - 1, 0),
      "firstAttemptAt" = CASE WHEN t."attempts" <= 1 THEN NULL ELSE t."firstAttemptAt" END,
      "nextAttemptAt" = ${now},
      "updatedAt" = ${now}
    WHERE t."id" IN (${Prisma.join(ids)}) AND t."status" = 'SENDING'
    RETURNING ${messageViewColumns("t")}`;
  return rows.map(rawToMessageView);
}
