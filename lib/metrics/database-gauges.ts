import type { TSql } from "../db/client";

// The gauges read from the database at scrape time, with index-only look-ups so a scrape stays
// cheap however big the tables grow: pending webhooks by (state, seq), queued replies by
// (status, nextAttemptAt), each account's latest webhook by (accountId, kind, receivedAt),
// outgoing webhooks' pending deliveries by their partial index.
// Times are stored as UTC without a zone: EXTRACT(EPOCH …) reads them as UTC.

export interface TDatabaseGauges {
  backlog: number;
  oldestPendingAgeSeconds: number;
  outbox: { queued: number; sending: number };
  /** Enabled accounts that ever had a webhook → seconds since their latest one. */
  lastWebhookAgeSeconds: Map<string, number>;
  /** Outgoing webhooks (issue 21): deliveries waiting, the oldest one's age, endpoints turned off. */
  hooks: { pending: number; oldestPendingAgeSeconds: number; disabledEndpoints: number };
}

export async function readDatabaseGauges(sql: TSql, nowMs: number): Promise<TDatabaseGauges> {
  const [pending] = await sql.query<{ n: number; oldest: number | null }>(
    `SELECT count(*)::int AS n,
       (SELECT EXTRACT(EPOCH FROM w."receivedAt")::float8 FROM "WebhookEvent" w
        WHERE w."state" = 'PENDING' ORDER BY w."seq" LIMIT 1) AS oldest
     FROM "WebhookEvent" WHERE "state" = 'PENDING'`,
  );
  const outbox = await sql.query<{ status: string; n: number }>(
    `SELECT "status"::text AS status, count(*)::int AS n FROM "Message"
     WHERE "status" IN ('QUEUED', 'SENDING') GROUP BY "status"`,
  );
  const accounts = await sql.query<{ id: string; latest: number | null }>(
    `SELECT a."id" AS id, EXTRACT(EPOCH FROM GREATEST(
       (SELECT max(w."receivedAt") FROM "WebhookEvent" w WHERE w."accountId" = a."id" AND w."kind" = 'MESSAGE'),
       (SELECT max(w."receivedAt") FROM "WebhookEvent" w WHERE w."accountId" = a."id" AND w."kind" = 'EVENT'),
       (SELECT max(w."receivedAt") FROM "WebhookEvent" w WHERE w."accountId" = a."id" AND w."kind" = 'STATUS_REPORT')
     ))::float8 AS latest
     FROM "InstagramAccount" a WHERE a."enabled"`,
  );
  const [hooks] = await sql.query<{ pending: number; oldest: number | null; disabled: number }>(
    `SELECT (SELECT count(*)::int FROM "HookDelivery" WHERE "state" = 'PENDING') AS pending,
       EXTRACT(EPOCH FROM LEAST(
         (SELECT min("createdAt") FROM "HookDelivery" WHERE "state" = 'PENDING'),
         -- an event not prepared yet (the worker gives way to a busy intake) waits too
         (SELECT "occurredAt" FROM "HookEvent" WHERE "preparedAt" IS NULL ORDER BY "id" LIMIT 1)
       ))::float8 AS oldest,
       (SELECT count(*)::int FROM "HookEndpoint" WHERE NOT "enabled") AS disabled`,
  );
  const nowSeconds = nowMs / 1000;
  const age = (at: number | null) => (at === null ? 0 : Math.max(0, nowSeconds - Number(at)));
  const count = (status: string) => Number(outbox.find((row) => row.status === status)?.n ?? 0);
  return {
    backlog: Number(pending?.n ?? 0),
    oldestPendingAgeSeconds: age(pending?.oldest ?? null),
    outbox: { queued: count("QUEUED"), sending: count("SENDING") },
    hooks: {
      pending: Number(hooks?.pending ?? 0),
      oldestPendingAgeSeconds: age(hooks?.oldest ?? null),
      disabledEndpoints: Number(hooks?.disabled ?? 0),
    },
    lastWebhookAgeSeconds: new Map(
      accounts.filter((row) => row.latest !== null).map((row) => [row.id, age(row.latest)]),
    ),
  };
}
