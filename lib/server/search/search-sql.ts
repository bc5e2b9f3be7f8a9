import { Prisma } from "../../db/generated/client";

// The SQL of search. The two text expressions must stay exactly those of the indexes in
// prisma/migrations/20261130062000_search, or PostgreSQL cannot use them (a test checks that
// it does).

/** A message's searchable words, as indexed by "Message_search_idx". */
const MESSAGE_DOCUMENT = Prisma.sql`to_tsvector('simple', search_fold(m."searchText"))`;

/** A contact's name, username and the username's parts, as indexed by "Contact_search_idx". */
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
 * Conversations whose contact matches, most recently active first. The matching contacts are
 * found first, through the index, on their own: left to choose, the planner may walk every
 * conversation by activity and test each contact's text, which is slow when none matches.
 */
export function contactSearchSql(tsquery: string, accountIds: readonly string[] | null, limit: number): Prisma.Sql {
  return Prisma.sql`WITH matched AS MATERIALIZED (
      SELECT ct."id" FROM "Contact" ct WHERE ${CONTACT_DOCUMENT} @@ to_tsquery('simple', ${tsquery})
    )
    SELECT ${CONVERSATION_COLUMNS}
    FROM matched
    JOIN "Contact" ct ON ct."id" = matched."id"
    JOIN "Conversation" c ON c."contactId" = ct."id"
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    WHERE TRUE ${accessSql(accountIds)}
    ORDER BY c."lastMessageAt" DESC, c."id" DESC
    LIMIT ${limit}`;
}

/**
 * Customer and agent messages and agents' private notes that match, newest first, in keyset
 * pages (sentAt, id). Deleted messages and system lines never match: they are outside the partial index, and
 * the conditions say so again. The newest matches are picked on narrow rows first (a bounded
 * top-N sort however many messages match), then joined to what the results show.
 */
export function messageSearchSql(
  tsquery: string,
  accountIds: readonly string[] | null,
  limit: number,
  before: { at: Date; id: string } | undefined,
): Prisma.Sql {
  const page = before
    ? Prisma.sql`AND (m."sentAt", m."id") < (${before.at.toISOString()}::timestamp, ${before.id})`
    : Prisma.empty;
  const access =
    accountIds === null
      ? Prisma.empty
      : Prisma.sql`AND m."conversationId" IN (SELECT c."id" FROM "Conversation" c WHERE c."accountId" = ANY(${[...accountIds]}::text[]))`;
  return Prisma.sql`WITH hits AS (
      SELECT m."id", m."sentAt" FROM "Message" m
      WHERE ${MESSAGE_DOCUMENT} @@ to_tsquery('simple', ${tsquery})
        AND m."searchText" IS NOT NULL AND m."deletedAt" IS NULL
        AND m."kind" <> 'SYSTEM'
        ${access} ${page}
      ORDER BY m."sentAt" DESC, m."id" DESC
      LIMIT ${limit}
    )
    SELECT m."id", m."sentAt", m."direction"::text AS "direction", m."searchText" AS "text", ${CONVERSATION_COLUMNS}
    FROM hits h
    JOIN "Message" m ON m."id" = h."id"
    JOIN "Conversation" c ON c."id" = m."conversationId"
    JOIN "Contact" ct ON ct."id" = c."contactId"
    JOIN "InstagramAccount" a ON a."id" = c."accountId"
    ORDER BY h."sentAt" DESC, h."id" DESC`;
}
