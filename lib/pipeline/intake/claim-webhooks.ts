import type { Prisma, WebhookKind } from "../../db/generated/client";

export interface TClaimedWebhook {
  id: string;
  kind: WebhookKind;
  payload: string;
  dedupeKey: string;
  orderKey: string;
  accountId: string | null;
  igAccountId: string | null;
  attempts: number;
}

/**
 * Claims, inside the caller's transaction, webhooks to apply, locking them (FOR UPDATE SKIP
 * LOCKED) so that other instances' processors take other ones. One customer's webhooks are
 * applied in arrival order: a webhook is claimable only when no earlier one of its customer
 * (orderKey) is still pending — that earlier one is being applied by someone, or waits for a
 * retry — and with it come that customer's later pending webhooks, which nobody else can
 * claim while it is pending. `onlyId` claims that one webhook, under the same rule.
 */
export async function claimWebhooks(
  tx: Prisma.TransactionClient,
  { now, limit, onlyId = null }: { now: Date; limit: number; onlyId?: string | null },
): Promise<TClaimedWebhook[]> {
  return tx.$queryRaw<TClaimedWebhook[]>`
    WITH heads AS (
      SELECT e."orderKey" FROM "WebhookEvent" e
      WHERE e."state" = 'PENDING' AND e."availableAt" <= ${now}
        AND (${onlyId}::text IS NULL OR e."id" = ${onlyId})
        AND NOT EXISTS (
          SELECT 1 FROM "WebhookEvent" p
          WHERE p."orderKey" = e."orderKey" AND p."state" = 'PENDING' AND p."seq" < e."seq"
        )
      ORDER BY e."seq"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ), claimed AS (
      SELECT w."id", w."kind", w."payload", w."dedupeKey", w."orderKey", w."accountId", w."attempts", w."seq"
      FROM "WebhookEvent" w
      WHERE w."state" = 'PENDING' AND w."orderKey" IN (SELECT "orderKey" FROM heads)
        AND (${onlyId}::text IS NULL OR w."id" = ${onlyId})
      ORDER BY w."seq"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    SELECT c."id", c."kind", c."payload", c."dedupeKey", c."orderKey", c."accountId", c."attempts",
      a."igAccountId"
    FROM claimed c LEFT JOIN "InstagramAccount" a ON a."id" = c."accountId"
    ORDER BY c."seq"`;
}
