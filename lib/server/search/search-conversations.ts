import type { Prisma, PrismaClient } from "../../db/generated/client";
import { snippetAround } from "../../search/highlight";
import type { TSearchConversation, TSearchResults } from "../../search/schemas";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";
import { pickTerms, toPrefixQuery } from "./prefix-query";
import {
  contactSearchSql,
  lexemesSql,
  recentContactsSql,
  indexMatchesSql,
  recentMatchesSql,
  type TConversationHit,
  type TMessageHit,
  type TMessageSearchScope,
} from "./search-sql";

/** Contacts shown above the messages, on the first page. */
export const CONTACT_RESULTS = 5;

/** How many of the newest messages are tested one by one before the word index is used. */
export const RECENT_MESSAGES = 10_000;
/** How many of the most recently active conversations' contacts are tested before the index. */
export const RECENT_CONVERSATIONS = 1000;

export interface TSearchConversationsOptions {
  /** What the agent typed (already trimmed and at most 200 characters by the route). */
  query: string;
  /** The accounts the agent may see (accessibleAccountIds): null for every account. */
  accountIds: readonly string[] | null;
  limit: number;
  cursor?: string | undefined;
}

const NOTHING: TSearchResults = { terms: [], contacts: [], messages: [], nextCursor: null };

/**
 * One search over contact names, @usernames and the text of customer and agent messages, in
 * the accounts the agent may see. Every word must match, each as the start of a word, case
 * and accents aside. Contacts come first (first page only), then messages newest first.
 */
export async function searchConversations(
  prisma: PrismaClient,
  { query, accountIds, limit, cursor }: TSearchConversationsOptions,
): Promise<TSearchResults> {
  const before = cursor ? decodeCursor(cursor) : undefined;
  if (accountIds !== null && accountIds.length === 0) return NOTHING;
  // The database's own parser cuts the input into words, exactly as it cut the documents.
  // (PostgreSQL text cannot hold NUL characters: they separate words like any punctuation.)
  const lexemes = await prisma.$queryRaw<{ lexeme: string }[]>(lexemesSql(query.replace(/\0/g, " ")));
  const terms = pickTerms(lexemes.map((row) => row.lexeme));
  const tsquery = toPrefixQuery(terms);
  if (!tsquery) return NOTHING;

  const [contacts, rows] = await Promise.all([
    before ? [] : searchContacts(prisma, tsquery, accountIds),
    searchMessages(prisma, terms, { accountIds, before }, limit + 1),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    terms,
    contacts: contacts.map(toConversation),
    messages: page.map((row) => ({
      conversation: toConversation(row),
      message: {
        id: row.id,
        sentAt: new Date(row.sentAt).toISOString(),
        direction: row.direction,
        snippet: snippetAround(row.text, terms),
      },
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(new Date(last.sentAt), last.id) : null,
  };
}

/** The contacts shown above the messages: among the recently active first, else through the index. */
async function searchContacts(
  prisma: PrismaClient,
  tsquery: string,
  accountIds: readonly string[] | null,
): Promise<TConversationHit[]> {
  const recent = await prisma.$queryRaw<TConversationHit[]>(
    recentContactsSql(tsquery, accountIds, CONTACT_RESULTS, RECENT_CONVERSATIONS),
  );
  if (recent.length === CONTACT_RESULTS) return recent;
  return indexOnly<TConversationHit>(prisma, contactSearchSql(tsquery, accountIds, CONTACT_RESULTS));
}

/**
 * Up to `limit` matching messages before the cursor, newest first: among the newest
 * RECENT_MESSAGES (a common word or prefix is done there, however long the history), else
 * through the word index, whose work is the matches of every word together. Neither reads the
 * whole history of a common word (issue 20).
 */
async function searchMessages(
  prisma: PrismaClient,
  terms: readonly string[],
  scope: TMessageSearchScope,
  limit: number,
): Promise<TMessageHit[]> {
  const tsquery = toPrefixQuery(terms) ?? "";
  const recent = await prisma.$queryRaw<TMessageHit[]>(recentMatchesSql(tsquery, scope, limit, RECENT_MESSAGES));
  if (recent.length === limit) return recent;
  return indexOnly(prisma, indexMatchesSql(tsquery, scope, limit));
}

/**
 * What a statement that must read through a word index runs under: no sequential scan and no
 * walk of another index (the statement is fenced off from any ordering, so the other ways
 * would test every row), no parallel workers, whose start costs more than a rare word's
 * few matches, and room for the bitmap of a common prefix's matches: "order:*" at 5,000,000
 * messages touches 114,000 pages, more than the default 4 MB holds exactly, so the bitmap
 * turned lossy and every row of 76,000 pages was folded again to test it (1.8 million rows,
 * 14 s, past the transaction's 5 s: a 503); with 32 MB it stays exact (355 ms). 32 MB per
 * search at most, only while one runs, on at most the pool's 10 connections.
 */
export const INDEX_ONLY_SETTINGS = [
  // One statement (SET LOCAL each would be a round trip of its own); true: for this transaction.
  `SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_seqscan', 'off', true),
     set_config('enable_indexscan', 'off', true), set_config('work_mem', '32MB', true)`,
] as const;

async function indexOnly<T>(prisma: PrismaClient, sql: Prisma.Sql): Promise<T[]> {
  const settings = INDEX_ONLY_SETTINGS.map((setting) => prisma.$executeRawUnsafe(setting));
  const results = await prisma.$transaction([...settings, prisma.$queryRaw<T[]>(sql)]);
  return results.at(-1) as T[];
}

function toConversation(row: TConversationHit): TSearchConversation {
  return {
    id: row.conversationId,
    contactName: row.contactName,
    username: row.username,
    accountName: row.accountName,
    lastMessageAt: new Date(row.lastMessageAt).toISOString(),
  };
}
