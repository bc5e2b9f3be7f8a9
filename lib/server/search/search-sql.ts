import { Prisma } from "../../db/generated/client";

// The SQL of search. The two text expressions must stay exactly those of the indexes in
// prisma/migrations/20261130062000_search, or PostgreSQL cannot use them (a test checks that
// it does).

/** A message's searchable words, as indexed by "Message_search_idx". */
const MESSAGE_DOCUMENT = Prisma.sql`to_tsvector('simple', search_fold(m."searchText"))`;

/**
 * The same words as stored beside the message ("searchVector", migration
 * 20261207060000_search_vector), to test a message without folding its text again: under a
 * microsecond. A message written before that migration and not yet reached by the backfill
 * (backfill-search-vectors.ts) has none, and is folded as before.
 */
const STORED_DOCUMENT = Prisma.sql`COALESCE(m."searchVector", ${MESSAGE_DOCUMENT})`;

/** A contact's name, username and the username's parts, as "Contact_search_idx" indexes them. */
const CONTACT_DOCUMENT = Prisma.sql`to_tsvector('simple', search_fold(
  COALESCE(ct."name", '') || ' ' || COALESCE(ct."username", '') || ' ' || translate(COALESCE(ct."username", ''), '._', '  ')))`;

/** The words of what the agent typed, as to_tsvector cuts and folds them for the documents. */
export function lexemesSql(input: string): Prisma.Sql {
  return Prisma.sql`SELECT lexeme FROM unnest(to_tsvector('simple', search_fold(${input})))`;
}

function accessSql(accountIds: readonly string[] | null): Prisma.Sql {
  return accountIds === null ? Prisma.empty : Prisma.sql`AND c."accountId" = ANY(${[...accountIds]}::text[])`;
}

const CONVERSATION_COLUMNS = Prisma.sql`c."id" AS "conversationId", c."lastMessageAt", ct."name" AS "contactName",
  ct."username", a."displayName" AS "accountName"`;

export interface TConversationHit {
  conversationId: string;
  lastMessageAt: Date;
  contactName: string | null;
  username: string | null;
  accountName: string;
}

export interface TMessageHit extends TConversationHit {
  id: string;
  sentAt: Date;
  /** INTERNAL: a private note (agents only, as search is). */
  direction: "INBOUND" | "OUTBOUND" | "INTERNAL";
  text: string;
}

/**
 * Conversations whose contact matches among the `recent` most recently active ones the agent
 * may see, most recent first: a walk down the conversations by activity that stops when it has
 * `limit`. A common name is found there, whatever the number of contacts.
 */
export function recentContactsSql(
  tsquery: string,
  accountIds: readonly string[] | null,
  limit: number,
  recent: number,
): Prisma.Sql {
  return Prisma.sql`SELECT ${CONVERSATION_COLUMNS}
    FROM (
      SELECT c."id", c."accountId", c."contactId", c."lastMessageAt" FROM "Conversation" c
      WHERE TRUE ${accessSql(accountIds)}
      ORDER BY c."lastMessageAt" DESC, c."id" DESC
      LIMIT ${recent}
    ) c
    JOIN "Contact" ct ON ct."id" = c."contactId"
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    WHERE ${CONTACT_DOCUMENT} @@ to_tsquery('simple', ${tsquery})
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${limit}`;
}

/**
 * Conversations whose contact matches, most recently active first, through the index: the way
 * to a rare name. The matching contacts are found first, on their own (left to choose, the
 * planner may walk every conversation by activity and test each contact's text, which is slow
 * when none matches), then each one's conversation by its unique key.
 */
export function contactSearchSql(tsquery: string, accountIds: readonly string[] | null, limit: number): Prisma.Sql {
  return Prisma.sql`WITH matched AS MATERIALIZED (
      SELECT ct."id", ct."accountId" FROM "Contact" ct WHERE ${CONTACT_DOCUMENT} @@ to_tsquery('simple', ${tsquery})
    )
    SELECT ${CONVERSATION_COLUMNS}
    FROM matched
    JOIN "Conversation" c ON c."accountId" = matched."accountId" AND c."contactId" = matched."id"
    JOIN "Contact" ct ON ct."id" = matched."id"
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    WHERE TRUE ${accessSql(accountIds)}
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${limit}`;
}

/** Where a page of message search looks: within the accounts, before the cursor. */
export interface TMessageSearchScope {
  accountIds: readonly string[] | null;
  before: { at: Date; id: string } | undefined;
}

/** Searchable (has words, not deleted) and before the page's cursor. */
function scopeSql({ before }: TMessageSearchScope): Prisma.Sql {
  const page = before
    ? Prisma.sql`AND (m."sentAt", m."id") < (${before.at.toISOString()}::timestamp, ${before.id})`
    : Prisma.empty;
  return Prisma.sql`m."searchText" IS NOT NULL AND m."deletedAt" IS NULL ${page}`;
}

/**
 * The newest matching messages the agent may see among the newest `recent` searchable ones,
 * newest first: a walk down "Message_search_recent_idx" that stops at the page's end, testing
 * each message's stored words (under a microsecond each): a common word or a short prefix fills
 * a page after a few hundred rows. A rarer word leaves the page short: indexMatchesSql then
 * finds it through the word index.
 */
export function recentMatchesSql(
  tsquery: string,
  scope: TMessageSearchScope,
  limit: number,
  recent: number,
): Prisma.Sql {
  // The account of each matching message, one primary-key lookup each: no join that would read
  // all of an account's conversations first. The walk counts every message, the agent's or
  // not, so an agent of a small account walks no further than an admin.
  const access =
    scope.accountIds === null
      ? Prisma.empty
      : Prisma.sql`AND (SELECT c."accountId" FROM "Conversation" c WHERE c."id" = m."conversationId") = ANY(${[...scope.accountIds]}::text[])`;
  return hitsSql(
    Prisma.sql`SELECT m."id", m."sentAt" FROM (
        SELECT m."id", m."sentAt", m."searchText", m."searchVector", m."conversationId" FROM "Message" m
        WHERE ${scopeSql(scope)} AND m."kind" <> 'SYSTEM'
        ORDER BY m."sentAt" DESC, m."id" DESC
        LIMIT ${recent}
      ) m
      WHERE ${STORED_DOCUMENT} @@ to_tsquery('simple', ${tsquery}) ${access}
      ORDER BY m."sentAt" DESC, m."id" DESC
      LIMIT ${limit}`,
  );
}

/**
 * The newest matching messages through the word index "Message_search_idx": the way to a word
 * that is rare (recently). The index intersects every term's matches itself (reading a common
 * term's list of matches costs a few nanoseconds a match, far less than fetching the rows of a
 * rarer term's matches to test the others), so only messages with every word are read. The
 * matches are read apart from the ordering (OFFSET 0), so PostgreSQL never walks the history in
 * time order looking for a word it misjudged as common (a prefix's frequency is a guess to it).
 * System lines are left out after the index (they have no words): so the time index, which
 * leaves them out in its condition, is never a way here.
 */
export function indexMatchesSql(tsquery: string, scope: TMessageSearchScope, limit: number): Prisma.Sql {
  // Each match's account by its conversation's primary key, as the walk does: the work is the
  // matches. (Asked as "conversationId IN (the accounts' conversations)", PostgreSQL read all of
  // an account's 60,000 conversations into a hash for a rare word's 99 matches: 56-126 ms at
  // 5,000,000 messages, against 8 ms.)
  const access =
    scope.accountIds === null
      ? Prisma.empty
      : Prisma.sql`AND (SELECT c."accountId" FROM "Conversation" c WHERE c."id" = m."conversationId") = ANY(${[...scope.accountIds]}::text[])`;
  return hitsSql(
    Prisma.sql`SELECT m."id", m."sentAt" FROM (
        SELECT m."id", m."sentAt", m."kind" FROM "Message" m
        WHERE ${MESSAGE_DOCUMENT} @@ to_tsquery('simple', ${tsquery}) AND ${scopeSql(scope)} ${access}
        OFFSET 0
      ) m
      WHERE m."kind" <> 'SYSTEM'
      ORDER BY m."sentAt" DESC, m."id" DESC
      LIMIT ${limit}`,
  );
}

/** The chosen messages (narrow rows, newest first) joined to what the results show. */
function hitsSql(hits: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`WITH hits AS (${hits})
    SELECT m."id", m."sentAt", m."direction"::text AS "direction", m."searchText" AS "text", ${CONVERSATION_COLUMNS}
    FROM hits h
    JOIN "Message" m ON m."id" = h."id"
    JOIN "Conversation" c ON c."id" = m."conversationId"
    JOIN "Contact" ct ON ct."id" = c."contactId"
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    ORDER BY h."sentAt" DESC, h."id" DESC`;
}
