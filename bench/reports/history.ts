// A realistic history for the reports' benchmark (issue 19), written set-based in a few
// statements: accounts in several time zones, agents who are members of one or two of them,
// labels, and conversations spread over the period that open in the daytime (more around
// noon), alternate customer messages and agent replies a few minutes apart, mostly end
// resolved, now and then reopen, lose a window, breach an SLA or get a survey answer. The
// ReportEvent rows follow from the same numbers, as the recording code would have written them.
// Deterministic: the same sizes give the same history (no random()).
import type { TDatabase } from "../../lib/db/client";

export type THistorySize = { messages: number; conversations: number; accounts: number; agents: number; days: number };

export const HISTORY_PREFIX = "rh";
const TIME_ZONES = ["Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "UTC", "Europe/London"];
const LABELS = ["Order", "Return", "VIP", "Complaint", "Shipping", "Sales"];

/** The agent ids of one account (agent i works account i mod accounts, the first ten one more). */
export function historyAgentIds(size: THistorySize, account: number): string[] {
  return Array.from({ length: size.agents }, (_, i) => i)
    .filter((i) => i % size.accounts === account || (i < 10 && (i + 1) % size.accounts === account))
    .map((i) => `${HISTORY_PREFIX}-u${i}`);
}

export async function writeHistory(
  db: TDatabase,
  size: THistorySize,
  now = new Date(),
): Promise<{ steps: { name: string; seconds: number }[] }> {
  const steps: { name: string; seconds: number }[] = [];
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    await db.sql.query(text, values);
    steps.push({ name, seconds: (performance.now() - started) / 1000 });
  };
  const p = HISTORY_PREFIX;
  await step(
    "accounts, agents, memberships, labels",
    `WITH a AS (
       INSERT INTO "InstagramAccount" ("id", "igAccountId", "displayName", "productTokenEncrypted",
         "productTokenLast4", "webhookSecret", "timeZone", "surveyEnabled", "updatedAt")
       SELECT '${p}-a' || i, (17841460000000000 + i)::text, 'History shop ' || (i + 1), '', '',
         'history-secret-' || i, ($1::text[])[1 + i % cardinality($1::text[])], true, now()
       FROM generate_series(0, $2 - 1) i RETURNING 1
     ), u AS (
       INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
       SELECT '${p}-u' || i, '${p}-agent-' || i || '@bench.local', 'Agent ' || (i + 1), 'agent', now()
       FROM generate_series(0, $3 - 1) i RETURNING 1
     ), l AS (
       INSERT INTO "Label" ("id", "name", "color")
       SELECT '${p}-l' || i, ($4::text[])[i + 1], 'blue' FROM generate_series(0, cardinality($4::text[]) - 1) i RETURNING 1
     )
     SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM u) + (SELECT count(*) FROM l)`,
    [TIME_ZONES, size.accounts, size.agents, LABELS],
  );
  await step(
    "memberships",
    `INSERT INTO "AccountMember" ("accountId", "userId")
     SELECT '${p}-a' || (i % $1), '${p}-u' || i FROM generate_series(0, $2 - 1) i
     UNION
     SELECT '${p}-a' || ((i + 1) % $1), '${p}-u' || i FROM generate_series(0, least($2, 10) - 1) i`,
    [size.accounts, size.agents],
  );
  // One row per conversation with the numbers everything else derives from: h is a hash of
  // the index; the opening is in the daytime of its day; messages are `gap` seconds apart.
  await step(
    "plan",
    `CREATE TEMP TABLE history_plan AS
     SELECT g AS idx, '${p}-v' || g AS id, '${p}-c' || g AS contact, '${p}-a' || (g % $2) AS account,
       date_trunc('day', $4::timestamptz - $3::int * interval '1 day' + (g::float8 * ($3 - 1) * 86400 / $1) * interval '1 second')
         + (8 + (h % 7) + ((h / 7) % 7)) * interval '1 hour' + ((h / 49) % 60) * interval '1 minute' AS opened,
       60 + (h / 3000) % 1800 AS gap,
       h,
       $5::int / $1 + CASE WHEN g < $5::int % $1 THEN 1 ELSE 0 END AS n
     FROM generate_series(0, $1 - 1) g
     CROSS JOIN LATERAL (SELECT ((g::bigint * 2654435761) % 4294967296) AS h) hash`,
    [size.conversations, size.accounts, size.days, now, size.messages],
  );
  await step("plan index", `CREATE UNIQUE INDEX ON history_plan (idx)`);
  await step(
    "plan details",
    `ALTER TABLE history_plan
       ADD COLUMN assignee text, ADD COLUMN last timestamptz, ADD COLUMN resolved boolean, ADD COLUMN labels text[]`,
  );
  await step(
    "plan owners",
    `UPDATE history_plan SET
       assignee = (SELECT ids[1 + (h / 50) % cardinality(ids)] FROM (
         SELECT array_agg("userId" ORDER BY "userId") AS ids FROM "AccountMember" m WHERE m."accountId" = account) x),
       last = opened + ((n - 1) * gap) * interval '1 second',
       resolved = idx % 7 <> 0 AND opened + (n * gap + 600) * interval '1 second' < $1::timestamptz - interval '1 day',
       labels = CASE WHEN idx % 4 = 0 AND (idx / 6) % 6 <> idx % 6
         THEN ARRAY['${p}-l' || idx % 6, '${p}-l' || (idx / 6) % 6] ELSE ARRAY['${p}-l' || idx % 6] END`,
    [now],
  );
  await step(
    "contacts",
    `INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "createdAt", "updatedAt")
     SELECT contact, account, (4000000000000000 + idx)::text, 'Customer ' || idx, opened, opened FROM history_plan`,
  );
  await step(
    "conversations",
    `INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview", "lastInboundAt",
       "status", "assigneeId", "waitingSince", "openedAt", "firstResponseAt", "createdAt", "updatedAt")
     SELECT id, account, contact, last, 'message ' || (n - 1),
       opened + ((n - 1) / 2 * 2 * gap) * interval '1 second',
       CASE WHEN resolved THEN 'RESOLVED' ELSE 'OPEN' END::"ConversationStatus", assignee,
       CASE WHEN NOT resolved AND n % 2 = 1 THEN last END, opened,
       CASE WHEN n > 1 THEN opened + (gap) * interval '1 second' END, opened, last
     FROM history_plan`,
  );
  await step(
    "conversation labels",
    `INSERT INTO "ConversationLabel" ("conversationId", "labelId") SELECT id, unnest(labels) FROM history_plan`,
  );
  // Message g is the (g / conversations)-th of conversation g mod conversations: customers
  // write at even places, the owner answers at odd ones.
  await step(
    "messages",
    `INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "authorId",
       "sentAt", "createdAt", "updatedAt", "searchText")
     SELECT '${p}-m' || g, c.id, CASE WHEN k % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END::"Direction", 'TEXT',
       jsonb_build_object('text', 'message ' || k), CASE WHEN k % 2 = 0 THEN 'RECEIVED' ELSE 'DELIVERED' END::"DeliveryStatus",
       CASE WHEN k % 2 = 1 THEN c.assignee END, at, at, at, 'message ' || k
     FROM generate_series(0, $1 - 1) g
     CROSS JOIN LATERAL (SELECT g / $2 AS k) kk
     JOIN history_plan c ON c.idx = g % $2
     CROSS JOIN LATERAL (SELECT c.opened + (k * c.gap) * interval '1 second' AS at) t`,
    [size.messages, size.conversations],
  );
  await step(
    "report events: messages and replies",
    `INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "agentId", "seconds", "businessSeconds", "labelIds")
     SELECT ev::"ReportEventKind", m."sentAt", c.account, c.id, m."authorId", secs, secs, c.labels
     FROM "Message" m JOIN history_plan c ON c.id = m."conversationId"
     CROSS JOIN LATERAL (VALUES
       (CASE WHEN m."direction" = 'INBOUND' THEN 'MESSAGE_IN' ELSE 'MESSAGE_OUT' END, NULL::int),
       (CASE WHEN m."direction" = 'OUTBOUND' THEN 'REPLY' END, c.gap)) v(ev, secs)
     WHERE ev IS NOT NULL`,
  );
  await step(
    "report events: openings, owners, first responses, resolutions, surveys, lost windows",
    `INSERT INTO "ReportEvent" ("kind", "at", "accountId", "conversationId", "agentId", "seconds", "businessSeconds",
       "score", "slaMet", "labelIds")
     SELECT kind::"ReportEventKind", at, c.account, c.id, agent, secs, secs, score, met, c.labels
     FROM history_plan c
     CROSS JOIN LATERAL (SELECT c.last + interval '10 minutes' AS done) d
     CROSS JOIN LATERAL (VALUES
       ('OPENED', c.opened, NULL, NULL::int, NULL::int, NULL::boolean, true),
       ('ASSIGNED', c.opened + interval '20 seconds', c.assignee, NULL, NULL, NULL, true),
       ('FIRST_RESPONSE', c.opened + (c.gap) * interval '1 second', c.assignee, c.gap, NULL, c.gap <= 1200, c.n > 1),
       ('RESOLVED', d.done, c.assignee, extract(epoch FROM d.done - c.opened)::int, NULL, NULL, c.resolved),
       ('REOPENED', c.opened + (c.n / 2 * c.gap) * interval '1 second', NULL, NULL, NULL, NULL, c.resolved AND c.idx % 11 = 0),
       ('SURVEY_SENT', d.done + interval '1 second', c.assignee, NULL, NULL, NULL, c.resolved AND c.idx % 2 = 0),
       ('SURVEY_ANSWERED', d.done + interval '5 minutes', c.assignee, NULL,
         (ARRAY[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + c.h % 10], NULL, c.resolved AND c.idx % 6 = 0),
       ('WINDOW_LOST', c.opened + interval '24 hours', c.assignee, NULL, NULL, NULL, c.idx % 53 = 0),
       ('SLA_BREACHED', c.opened + interval '1 hour', c.assignee, NULL, NULL, false, c.idx % 13 = 0)
     ) v(kind, at, agent, secs, score, met, happened)
     WHERE happened`,
  );
  await step(
    "surveys",
    `INSERT INTO "Survey" ("id", "conversationId", "accountId", "contactId", "agentId", "sentAt", "score", "answeredAt")
     SELECT '${p}-s' || idx, id, account, contact, assignee, last + interval '601 seconds',
       CASE WHEN idx % 6 = 0 THEN (ARRAY[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + h % 10] END,
       CASE WHEN idx % 6 = 0 THEN last + interval '15 minutes' END
     FROM history_plan WHERE resolved AND idx % 2 = 0`,
  );
  await step("drop plan", `DROP TABLE history_plan`);
  await step("analyze", `ANALYZE`);
  return { steps };
}
