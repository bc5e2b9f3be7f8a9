import type { PrismaClient } from "../../db/generated/client";
import type { TWebhookKind } from "../../webhooks/pipeline-status";

// The raw reads behind getPipelineStatus: a few grouped statements, each shaped to use an
// index, so the page stays cheap to poll however long the webhook log grows. The log (DONE
// webhooks, delivered replies) is the bulk of both tables and is only ever read by range.

export interface TKindRow {
  id: string;
  displayName: string;
  igAccountId: string;
  enabled: boolean;
  createdAt: Date;
  kind: TWebhookKind;
  lastAt: Date | null;
  lastHour: number;
}

/** Every account × kind: the newest webhook and the last hour's count, both off @@index([accountId, kind, receivedAt]). */
export function webhooksByKind(prisma: PrismaClient, { hourAgo }: { hourAgo: Date }) {
  return prisma.$queryRaw<TKindRow[]>`
    SELECT a."id", a."displayName", a."igAccountId", a."enabled", a."createdAt", k."kind"::text AS "kind",
      (SELECT max(w."receivedAt") FROM "WebhookEvent" w
        WHERE w."accountId" = a."id" AND w."kind" = k."kind") AS "lastAt",
      (SELECT count(*)::int FROM "WebhookEvent" w
        WHERE w."accountId" = a."id" AND w."kind" = k."kind" AND w."receivedAt" >= ${hourAgo}) AS "lastHour"
    FROM "InstagramAccount" a CROSS JOIN unnest(enum_range(NULL::"WebhookKind")) AS k("kind")
    ORDER BY a."displayName", a."id", k."kind"`;
}

export interface TStateRow {
  accountId: string;
  pending: number;
  retrying: number;
  failed: number;
  waiting: number;
  waitingOverAnHour: number;
  oldestPendingAt: Date | null;
}

/** Webhooks not DONE, per account: few rows, found through @@index([state, seq]). */
export function webhooksByState(prisma: PrismaClient, { hourAgo }: { hourAgo: Date }) {
  return prisma.$queryRaw<TStateRow[]>`
    SELECT "accountId",
      count(*) FILTER (WHERE "state" = 'PENDING')::int AS "pending",
      count(*) FILTER (WHERE "state" = 'PENDING' AND "attempts" > 0)::int AS "retrying",
      count(*) FILTER (WHERE "state" = 'FAILED')::int AS "failed",
      count(*) FILTER (WHERE "state" = 'WAITING')::int AS "waiting",
      count(*) FILTER (WHERE "state" = 'WAITING' AND "receivedAt" < ${hourAgo})::int AS "waitingOverAnHour",
      min("receivedAt") FILTER (WHERE "state" = 'PENDING') AS "oldestPendingAt"
    FROM "WebhookEvent"
    WHERE "state" IN ('PENDING', 'WAITING', 'FAILED') AND "accountId" IS NOT NULL
    GROUP BY "accountId"`;
}

export interface TFailingRow {
  id: string;
  accountId: string;
  kind: TWebhookKind;
  state: "PENDING" | "FAILED";
  receivedAt: Date;
  attempts: number;
  lastError: string | null;
  availableAt: Date;
}

/** The newest `limit` failed or retrying webhooks of each account (never their payload). */
export function failingWebhooks(prisma: PrismaClient, { limit }: { limit: number }) {
  return prisma.$queryRaw<TFailingRow[]>`
    SELECT "id", "accountId", "kind", "state", "receivedAt", "attempts", "lastError", "availableAt"
    FROM (
      SELECT "id", "accountId", "kind"::text, "state"::text, "receivedAt", "attempts", "lastError", "availableAt",
        row_number() OVER (PARTITION BY "accountId" ORDER BY "receivedAt" DESC, "seq" DESC) AS "rank"
      FROM "WebhookEvent"
      WHERE ("state" = 'FAILED' OR ("state" = 'PENDING' AND "attempts" > 0)) AND "accountId" IS NOT NULL
    ) ranked
    WHERE "rank" <= ${limit}
    ORDER BY "receivedAt" DESC, "id"`;
}

export interface TReplyRow {
  accountId: string;
  queued: number;
  nextQueuedAttemptAt: Date | null;
  failedLastDay: number;
  acceptedRecently: number;
  unreported: number;
  newestUnreportedAt: Date | null;
}

/**
 * Outbound replies per account. Queued ones through @@index([status, nextAttemptAt]); the last
 * day's through the conversations active in it (lastMessageAt is never older than a
 * conversation's newest message) and @@index([conversationId, sentAt]), so delivered replies
 * of the past are never scanned. CM's acceptance time is the row's updatedAt: a reply still
 * ACCEPTED has not changed since.
 */
export function repliesByAccount(
  prisma: PrismaClient,
  { dayAgo, recentSince, overdueBefore }: { dayAgo: Date; recentSince: Date; overdueBefore: Date },
) {
  return prisma.$queryRaw<TReplyRow[]>`
    WITH recent AS (
      SELECT c."accountId", m."status", m."sentAt", m."updatedAt"
      FROM "Conversation" c
      JOIN "Message" m ON m."conversationId" = c."id" AND m."sentAt" >= ${dayAgo}
      WHERE c."lastMessageAt" >= ${dayAgo} AND m."direction" = 'OUTBOUND'
    ), summary AS (
      SELECT "accountId",
        count(*) FILTER (WHERE "status" = 'FAILED')::int AS "failedLastDay",
        count(*) FILTER (WHERE "status" IN ('ACCEPTED', 'DELIVERED') AND "sentAt" >= ${recentSince})::int
          AS "acceptedRecently",
        count(*) FILTER (WHERE "status" = 'ACCEPTED' AND "updatedAt" <= ${overdueBefore})::int AS "unreported",
        max("updatedAt") FILTER (WHERE "status" = 'ACCEPTED' AND "updatedAt" <= ${overdueBefore})
          AS "newestUnreportedAt"
      FROM recent GROUP BY "accountId"
    ), queued AS (
      SELECT c."accountId", count(*)::int AS "queued", min(m."nextAttemptAt") AS "nextQueuedAttemptAt"
      FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
      WHERE m."status" = 'QUEUED'
      GROUP BY c."accountId"
    )
    SELECT coalesce(s."accountId", q."accountId") AS "accountId",
      coalesce(q."queued", 0)::int AS "queued", q."nextQueuedAttemptAt",
      coalesce(s."failedLastDay", 0)::int AS "failedLastDay",
      coalesce(s."acceptedRecently", 0)::int AS "acceptedRecently",
      coalesce(s."unreported", 0)::int AS "unreported", s."newestUnreportedAt"
    FROM summary s FULL JOIN queued q ON q."accountId" = s."accountId"`;
}

export interface TReplyFailureRow {
  accountId: string;
  at: Date;
  reason: string | null;
}

/** The newest `limit` failed replies of the last day, per account, with CM's reason. */
export function recentReplyFailures(prisma: PrismaClient, { dayAgo, limit }: { dayAgo: Date; limit: number }) {
  return prisma.$queryRaw<TReplyFailureRow[]>`
    SELECT "accountId", "at", "reason" FROM (
      SELECT c."accountId", m."updatedAt" AS "at", m."statusReason" AS "reason",
        row_number() OVER (PARTITION BY c."accountId" ORDER BY m."updatedAt" DESC, m."id") AS "rank"
      FROM "Conversation" c
      JOIN "Message" m ON m."conversationId" = c."id" AND m."sentAt" >= ${dayAgo}
      WHERE c."lastMessageAt" >= ${dayAgo} AND m."direction" = 'OUTBOUND' AND m."status" = 'FAILED'
    ) ranked
    WHERE "rank" <= ${limit}
    ORDER BY "at" DESC`;
}
