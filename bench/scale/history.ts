// The scale benchmark's history (issue 20), written set-based in a few statements: accounts,
// agents who work one or two of them, labels, an SLA policy, contacts with names and
// @usernames, conversations spread over the period in every state (open, snoozed, resolved;
// assigned or not; waiting, handed over), and their messages: customers and agents in turn,
// with words drawn as the search benchmark draws them (bench/search.ts: a few very common,
// many rare, "zeppelin" and "quokka" now and then), agents' private notes and system lines
// between them, and a few very long threads. Then the webhook log of the last days, read
// receipts and surveys. Deterministic: every draw is a hash of a row's number (no random()).
import { FIRST, LAST, RARE, WORDS, sqlArray } from "../search";

export type TScaleSize = {
  messages: number;
  conversations: number;
  accounts: number;
  agents: number;
  days: number;
  /** Threads of `longThread` messages each (the first conversations), for the memory check. */
  longThreads: number;
  longThread: number;
  /** Days of webhook log kept (every customer message and status report of those days). */
  webhookDays: number;
};

export const SCALE_PREFIX = "sh";
const TIME_ZONES = ["Europe/Amsterdam", "America/New_York", "Asia/Tokyo", "UTC", "Europe/London"];
const LABELS = ["Order", "Return", "VIP", "Complaint", "Shipping", "Sales"];
/** Distinct message texts drawn once; each message picks one by a hash of its number. */
const PHRASES = 50_000;

export type TStep = { name: string; seconds: number };
/** One connection (the plan is a temporary table): a pg.Client. */
export type TSession = { query: (text: string, values?: unknown[]) => Promise<unknown> };

export async function writeScaleHistory(db: TSession, size: TScaleSize, now = new Date()): Promise<TStep[]> {
  const steps: TStep[] = [];
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const started = performance.now();
    await db.query(text, values);
    steps.push({ name, seconds: (performance.now() - started) / 1000 });
  };
  const p = SCALE_PREFIX;
  const spread = size.messages - size.longThreads * size.longThread - (size.conversations - size.longThreads);
  if (spread < 0) throw new Error("too few messages for the conversations and long threads asked for");
  await step(
    "accounts, agents, labels, SLA policy",
    `WITH a AS (
       INSERT INTO "InstagramAccount" ("id", "igAccountId", "displayName", "productTokenEncrypted",
         "productTokenLast4", "webhookSecret", "timeZone", "updatedAt")
       SELECT '${p}-a' || i, (17841470000000000 + i)::text, 'Scale shop ' || (i + 1), '', '',
         'scale-secret-' || i, ($1::text[])[1 + i % cardinality($1::text[])], now()
       FROM generate_series(0, $2 - 1) i RETURNING 1
     ), u AS (
       INSERT INTO "User" ("id", "email", "name", "role", "updatedAt")
       SELECT '${p}-u' || i, '${p}-agent-' || i || '@bench.local', 'Agent ' || (i + 1), 'agent', now()
       FROM generate_series(0, $3 - 1) i RETURNING 1
     ), l AS (
       INSERT INTO "Label" ("id", "name", "color")
       SELECT '${p}-l' || i, ($4::text[])[i + 1], 'blue' FROM generate_series(0, cardinality($4::text[]) - 1) i RETURNING 1
     ), s AS (
       INSERT INTO "SlaPolicy" ("id", "firstResponseMinutes", "nextResponseMinutes", "resolutionMinutes", "updatedAt")
       VALUES ('${p}-sla', 60, 240, 2880, now()) RETURNING 1
     )
     SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM u) + (SELECT count(*) FROM l) + (SELECT count(*) FROM s)`,
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
  // A phrase is 3 to 14 words; a word's index is drawn as n·r² (r uniform), as bench/search.ts does.
  await step(
    "phrases",
    `CREATE TEMP TABLE scale_phrases AS
     SELECT i, (SELECT string_agg(($1::text[])[1 + floor(cardinality($1::text[]) * power(u, 2))::int], ' ')
       FROM generate_series(1, 3 + i % 12) j
       CROSS JOIN LATERAL (SELECT (hashint8(i::bigint * 64 + j)::bigint + 2147483648) / 4294967296.0 AS u) r) AS text
     FROM generate_series(0, $2 - 1) i`,
    [WORDS, PHRASES],
  );
  await step("phrases index", `CREATE UNIQUE INDEX ON scale_phrases (i)`);
  // One row per conversation with the numbers everything else derives from: h is a hash of its
  // index (each choice reads other digits of it, so open is not also unassigned); n its
  // messages (long threads first, the rest spread by weight so they sum exactly);
  // the opening is in the daytime of its day and its messages are `gap` seconds apart.
  await step(
    "plan",
    `CREATE TEMP TABLE scale_plan AS
     WITH base AS (
       SELECT g AS idx, hashint8(g::bigint)::bigint + 2147483648 AS h FROM generate_series(0, $1 - 1) g
     ), weighted AS (
       SELECT idx, h, CASE WHEN idx < $5 THEN 0 ELSE 1 + h % 8 END AS w FROM base
     ), cum AS (
       SELECT idx, h, w, sum(w) OVER (ORDER BY idx) AS upto, sum(w) OVER () AS total FROM weighted
     ), sized AS (
       SELECT idx, h, '${p}-a' || (idx % $2) AS account,
         (CASE WHEN idx < $5 THEN $6 ELSE 1 + floor(upto * $7 / total) - floor((upto - w) * $7 / total) END)::int AS n,
         (CASE WHEN idx < $5 THEN 120 ELSE 60 + (h / 3000) % 1800 END)::int AS gap
       FROM cum
     ), timed AS (
       SELECT s.*, CASE WHEN idx < $5 THEN $4::timestamptz - ((n * gap + 3600) * interval '1 second')
         ELSE least(date_trunc('day', $4::timestamptz - $3::int * interval '1 day'
             + (idx::float8 * ($3 - 1) * 86400 / $1) * interval '1 second')
           + (8 + (h % 7) + ((h / 7) % 7)) * interval '1 hour' + ((h / 49) % 60) * interval '1 minute',
           $4::timestamptz - ((n * gap + 60) * interval '1 second')) END AS opened
       FROM sized s
     ), members AS (
       SELECT "accountId" AS account, array_agg("userId" ORDER BY "userId") AS ids
       FROM "AccountMember" WHERE "accountId" LIKE '${p}-a%' GROUP BY 1
     )
     SELECT t.idx, '${p}-v' || t.idx AS id, '${p}-c' || t.idx AS contact, t.account, t.h, t.n, t.gap, t.opened,
       t.opened + ((t.n - 1) * t.gap) * interval '1 second' AS last,
       t.opened + (((t.n - 1) / 2 * 2) * t.gap) * interval '1 second' AS last_in,
       st.status, (t.n - 1) % 2 = 0 AND st.status = 'OPEN' AS waiting,
       CASE WHEN t.h % 5 = 0 AND t.idx >= $5 THEN NULL ELSE m.ids[1 + (t.h / 50) % cardinality(m.ids)] END AS assignee,
       sum(t.n) OVER (ORDER BY t.idx) - t.n + 1 AS seq0,
       CASE WHEN t.idx % 4 = 0 AND (t.idx / 6) % 6 <> t.idx % 6
         THEN ARRAY['${p}-l' || t.idx % 6, '${p}-l' || (t.idx / 6) % 6] ELSE ARRAY['${p}-l' || t.idx % 6] END AS labels
     FROM timed t JOIN members m ON m.account = t.account
     CROSS JOIN LATERAL (SELECT CASE
       WHEN t.idx < $5 OR (t.h / 7) % 20 = 0 OR (t.opened > $4::timestamptz - interval '3 days' AND (t.h / 7) % 3 <> 0) THEN 'OPEN'
       WHEN (t.h / 140) % 97 = 1 THEN 'SNOOZED' ELSE 'RESOLVED' END AS status) st`,
    [size.conversations, size.accounts, size.days, now, size.longThreads, size.longThread, spread],
  );
  await step("plan index", `CREATE UNIQUE INDEX ON scale_plan (idx)`);
  await step("plan index by id", `CREATE UNIQUE INDEX ON scale_plan (id)`);
  await step(
    "contacts",
    `INSERT INTO "Contact" ("id", "accountId", "igsid", "name", "username", "notes", "notesUpdatedAt", "createdAt", "updatedAt")
     SELECT contact, account, (5000000000000000 + idx)::text,
       CASE WHEN h % 17 <> 0 THEN f.fname || ' ' || l.lname END,
       CASE WHEN h % 11 <> 0 THEN lower(f.fname || '.' || l.lname) || (idx % 1000) END,
       CASE WHEN idx % 9 = 0 THEN 'Prefers short answers. Ordered twice before, once returned.' ELSE '' END,
       CASE WHEN idx % 9 = 0 THEN last END, opened, opened
     FROM scale_plan
     CROSS JOIN LATERAL (SELECT (${sqlArray(FIRST)})[1 + (h / 7) % ${FIRST.length}] AS fname) f
     CROSS JOIN LATERAL (SELECT (${sqlArray(LAST)})[1 + (h / 131) % ${LAST.length}] AS lname) l`,
  );
  await step(
    "conversations",
    `INSERT INTO "Conversation" ("id", "accountId", "contactId", "lastMessageAt", "lastMessagePreview", "lastInboundAt",
       "handoverUntil", "status", "snoozedUntil", "assigneeId", "waitingSince", "openedAt", "firstResponseAt",
       "slaDueAt", "slaTarget", "slaAtRiskAt", "createdAt", "updatedAt")
     SELECT c.id, c.account, c.contact, c.last, left(ph.text, 120), c.last_in,
       CASE WHEN c.status = 'OPEN' AND c.h % 211 = 0 THEN $1::timestamptz + interval '3 days' END,
       c.status::"ConversationStatus", CASE WHEN c.status = 'SNOOZED' THEN $1::timestamptz + (1 + c.h % 96) * interval '1 hour' END,
       c.assignee, CASE WHEN c.waiting THEN c.last END, c.opened,
       CASE WHEN c.n > 1 THEN c.opened + c.gap * interval '1 second' END,
       CASE WHEN c.waiting THEN c.last + interval '1 hour' END,
       CASE WHEN c.waiting THEN (CASE WHEN c.n > 1 THEN 'NEXT_RESPONSE' ELSE 'FIRST_RESPONSE' END)::"SlaTarget" END,
       CASE WHEN c.waiting THEN c.last + interval '45 minutes' END, c.opened, c.last
     FROM scale_plan c
     JOIN scale_phrases ph ON ph.i = (hashint8(c.idx::bigint * 1000003 + c.n - 1)::bigint + 2147483648) % ${PHRASES}`,
    [now],
  );
  await step(
    "conversation labels",
    `INSERT INTO "ConversationLabel" ("conversationId", "labelId") SELECT id, unnest(labels) FROM scale_plan`,
  );
  await writeMessages(step);
  await step(
    "read receipts (each conversation's assignee, up to its last message or the one before)",
    `INSERT INTO "ConversationRead" ("userId", "conversationId", "lastReadAt")
     SELECT assignee, id, CASE WHEN waiting THEN last - gap * interval '1 second' ELSE last END
     FROM scale_plan WHERE assignee IS NOT NULL`,
  );
  await step(
    "surveys",
    `INSERT INTO "Survey" ("id", "conversationId", "accountId", "contactId", "agentId", "sentAt", "score", "answeredAt")
     SELECT '${p}-s' || idx, id, account, contact, assignee, last + interval '601 seconds',
       (ARRAY[5, 5, 5, 5, 4, 4, 4, 3, 2, 1])[1 + h % 10], last + interval '15 minutes'
     FROM scale_plan WHERE status = 'RESOLVED' AND idx % 6 = 0`,
  );
  await writeWebhookLog(step, size, now);
  await step("drop plan", `DROP TABLE scale_plan, scale_phrases`);
  return steps;
}

type TStepFn = (name: string, text: string, values?: unknown[]) => Promise<void>;

/**
 * Message k of a conversation: the customer at even places, the assignee at odd ones, where
 * now and then a private note or a system line stands instead of a reply. seq is given (the
 * thread's order, by k), and the sequence moved past it afterwards.
 */
async function writeMessages(step: TStepFn): Promise<void> {
  const p = SCALE_PREFIX;
  const rare = RARE.map(({ word, every }, i) => `|| CASE WHEN t.mh % ${every} = ${i} THEN ' ${word}' ELSE '' END`).join(
    " ",
  );
  await step(
    "messages",
    `INSERT INTO "Message" ("id", "conversationId", "direction", "kind", "content", "status", "authorId",
       "sentAt", "createdAt", "updatedAt", "searchText", "seq")
     SELECT '${p}-m' || c.idx || '-' || k, c.id,
       (CASE r.role WHEN 'in' THEN 'INBOUND' WHEN 'out' THEN 'OUTBOUND' ELSE 'INTERNAL' END)::"Direction",
       (CASE r.role WHEN 'system' THEN 'SYSTEM' WHEN 'note' THEN 'NOTE' ELSE 'TEXT' END)::"MessageKind",
       CASE r.role WHEN 'system' THEN jsonb_build_object('event', 'assigned', 'actorName', NULL, 'assigneeName', 'an agent')
         WHEN 'note' THEN jsonb_build_object('text', x.text, 'mentions', '[]'::jsonb)
         ELSE jsonb_build_object('text', x.text) END,
       (CASE WHEN r.role = 'out' THEN 'DELIVERED' ELSE 'RECEIVED' END)::"DeliveryStatus",
       CASE WHEN r.role IN ('out', 'note') THEN c.assignee END, t.at, t.at, t.at,
       CASE WHEN r.role <> 'system' THEN x.text END, c.seq0 + k
     FROM scale_plan c
     CROSS JOIN LATERAL generate_series(0, c.n - 1) k
     CROSS JOIN LATERAL (SELECT c.opened + (k * c.gap) * interval '1 second' AS at,
       hashint8(c.idx::bigint * 1000003 + k)::bigint + 2147483648 AS mh) t
     CROSS JOIN LATERAL (SELECT CASE WHEN k % 2 = 0 THEN 'in' WHEN (c.h + k) % 31 = 7 THEN 'system'
       WHEN (c.h + k) % 23 = 3 THEN 'note' ELSE 'out' END AS role) r
     JOIN scale_phrases ph ON ph.i = t.mh % ${PHRASES}
     CROSS JOIN LATERAL (SELECT ph.text ${rare} AS text) x`,
  );
  await step(
    "message sequence",
    `SELECT setval(pg_get_serial_sequence('"Message"', 'seq'), (SELECT max("seq") FROM "Message"))`,
  );
}

/**
 * The webhook log as the intake leaves it: every customer message and status report of the
 * last `webhookDays` days applied (DONE), and a few failed and retrying ones per account.
 */
async function writeWebhookLog(step: TStepFn, size: TScaleSize, now: Date): Promise<void> {
  const p = SCALE_PREFIX;
  await step(
    `webhook log (${size.webhookDays} days)`,
    `INSERT INTO "WebhookEvent" ("id", "accountId", "kind", "dedupeKey", "payload", "receivedAt", "processedAt",
       "orderKey", "state")
     SELECT '${p}-w' || m."id", c."accountId", k.kind::"WebhookKind", '${p}-' || m."id",
       json_build_object('messageId', m."id", 'from', c."contactId", 'text', m."searchText", 'timeUtc', m."sentAt")::text,
       m."sentAt", m."sentAt" + interval '40 milliseconds', c."accountId" || ':' || c."contactId", 'DONE'
     FROM "Message" m JOIN "Conversation" c ON c."id" = m."conversationId"
     CROSS JOIN LATERAL (SELECT CASE WHEN m."direction" = 'INBOUND' THEN 'MESSAGE' ELSE 'STATUS_REPORT' END AS kind) k
     WHERE m."sentAt" > $1::timestamptz - $2::int * interval '1 day' AND m."direction" <> 'INTERNAL'`,
    [now, size.webhookDays],
  );
  await step(
    "failing webhooks",
    `INSERT INTO "WebhookEvent" ("id", "accountId", "kind", "dedupeKey", "payload", "receivedAt", "orderKey", "state",
       "attempts", "lastError", "availableAt")
     SELECT '${p}-wf' || a || '-' || i, '${p}-a' || a, 'MESSAGE', '${p}-failing-' || a || '-' || i, '{}',
       $1::timestamptz - i * interval '7 minutes', '${p}-a' || a || ':x' || i,
       (CASE WHEN i % 5 = 0 THEN 'PENDING' ELSE 'FAILED' END)::"WebhookState", 1 + i % 5, 'payload rejected',
       $1::timestamptz + interval '1 minute'
     FROM generate_series(0, $2 - 1) a, generate_series(1, 15) i`,
    [now, size.accounts],
  );
}
