import type { WebhookKind } from "../../db/generated/client";
import type { TQuery } from "./query";

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
  query: TQuery,
  {
    now,
    limit,
    onlyId = null,
    messagesOnly = false,
  }: {
    now: Date;
    limit: number;
    onlyId?: string | null;
    /** Customers' messages only, each up to its customer's first pending webhook of another kind. */
    messagesOnly?: boolean;
  },
): Promise<TClaimedWebhook[]> {
  return query<TClaimedWebhook>(CLAIM, [now.toISOString(), limit, onlyId, messagesOnly]);
}

const CLAIM = `
  WITH heads AS (
    SELECT e."orderKey" FROM "WebhookEvent" e
    WHERE e."state" = 'PENDING' AND e."availableAt" <= ($1::timestamptz AT TIME ZONE 'UTC')
      AND ($3::text IS NULL OR e."id" = $3) AND (NOT $4::boolean OR e."kind" = 'MESSAGE')
      AND NOT EXISTS (
        SELECT 1 FROM "WebhookEvent" p
        WHERE p."orderKey" = e."orderKey" AND p."state" = 'PENDING' AND p."seq" < e."seq"
      )
    ORDER BY e."seq"
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), claimed AS (
    SELECT w."id", w."kind", w."payload", w."dedupeKey", w."orderKey", w."accountId", w."attempts", w."seq"
    FROM "WebhookEvent" w
    WHERE w."state" = 'PENDING' AND w."orderKey" IN (SELECT "orderKey" FROM heads)
      AND ($3::text IS NULL OR w."id" = $3)
      AND (NOT $4::boolean OR (w."kind" = 'MESSAGE' AND NOT EXISTS (
        SELECT 1 FROM "WebhookEvent" p
        WHERE p."orderKey" = w."orderKey" AND p."state" = 'PENDING' AND p."kind" <> 'MESSAGE' AND p."seq" < w."seq"
      )))
    ORDER BY w."seq"
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  )
  SELECT c."id", c."kind", c."payload", c."dedupeKey", c."orderKey", c."accountId", c."attempts", a."igAccountId"
  FROM claimed c LEFT JOIN "InstagramAccount" a ON a."id" = c."accountId"
  ORDER BY c."seq"`;
