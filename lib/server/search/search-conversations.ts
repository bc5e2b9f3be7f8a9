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
/**
 * At most this many more, when the first walk found some matches but too few for the page and,
 * at the rate it found them, the rest of the page is nearer than this (furtherWalk).
 */
export const FURTHER_MESSAGES = 50_000;
/** How many of the most recently active conversations' contacts are tested before the index. */
export const RECENT_CONVERSATIONS = 1000;

export interface TSearchConversationsOptions {
  /** What the agent typed (already trimmed and at most 200 characters by the route). */
  query: string;
  /** The accounts the agent may see (accessibleAccountIds): null for every account. */
  accountIds: readonly string[] | null;
  limit: number;
  cursor?: string | undefined;
  /** How far the newest-first walks go (tests: small sizes); RECENT_MESSAGES and FURTHER_MESSAGES. */
  walk?: TWalk | undefined;
}

export interface TWalk {
  recent: number;
  further: number;
}

const NOTHING: TSearchResults = { terms: [], contacts: [], messages: [], nextCursor: null };

/**
 * One search over contact names, @usernames and the text of customer and agent messages, in
 * the accounts the agent may see. Every word must match, each as the start of a word, case
 * and accents aside. Contacts come first (first page only), then messages newest first.
 */
export async function searchConversations(
  prisma: PrismaClient,
  {
    query,
    accountIds,
    limit,
    cursor,
    walk = { recent: RECENT_MESSAGES, further: FURTHER_MESSAGES },
  }: TSearchConversationsOptions,
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
    searchMessages(prisma, terms, { accountIds, before }, limit + 1, walk),
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
 * RECENT_MESSAGES (a common word or prefix is done there, however long the history), then, if
 * that walk found some, further down when the rate it found them at says the page is near
 * (furtherWalk), else through the word index, whose work is the matches of every word
 * together. None reads the whole history of a common word (issue 20).
 */
async function searchMessages(
  prisma: PrismaClient,
  terms: readonly string[],
  scope: TMessageSearchScope,
  limit: number,
  walk: TWalk,
): Promise<TMessageHit[]> {
  const tsquery = toPrefixQuery(terms) ?? "";
  const recent = await prisma.$queryRaw<TMessageHit[]>(recentMatchesSql(tsquery, scope, limit, walk.recent));
  if (recent.length === limit) return recent;
  const further = furtherWalk(recent.length, limit, walk);
  const last = recent.at(-1);
  if (further > 0 && last) {
    // On from the last match: the first walk tested every message between it and where it
    // stopped and found none, so the two walks' matches are the newest, without a gap.
    const after = { ...scope, before: { at: new Date(last.sentAt), id: last.id } };
    const more = await prisma.$queryRaw<TMessageHit[]>(
      recentMatchesSql(tsquery, after, limit - recent.length, further),
    );
    if (recent.length + more.length === limit) return [...recent, ...more];
  }
  return indexOnly(prisma, indexMatchesSql(tsquery, scope, limit));
}

/**
 * How many more messages to walk after a first walk of `walk.recent` found `found` of `limit`
 * matches: twice what its rate says the rest of the page needs, if that is at most
 * `walk.further`; else none, and the word index is asked. Words common apart but rare together
 * ("refund order"), searched by an agent of one account of several, are the case: the first
 * walk finds a few of the agent's, and the word index would read every account's matches of
 * both common words (merging their lists alone took 360 ms at 5,000,000 messages); a second
 * walk of a few thousand messages takes about 10 ms. A word with no match in the first walk is
 * rare, and the index finds it at once.
 */
export function furtherWalk(found: number, limit: number, walk: TWalk): number {
  if (found === 0 || found >= limit) return 0;
  const needed = 2 * Math.ceil(((limit - found) * walk.recent) / found);
  return needed <= walk.further ? needed : 0;
}

/**
 * What a statement that must read through a word index runs under: no sequential scan and no
 * walk of another index (the statement is fenced off from any ordering, so the other ways
 * would test every row), no parallel workers, whose start costs more than a rare word's
 * few matches, and room for the bitmap of a common prefix's matches: "order:*" at 5,000,000
 * messages touches 114,000 pages, more than the default 4 MB holds exactly, so the bitmap
 * turned lossy and every row of 76,000 pages was folded again to test it (1.8 million rows,
 * 14 s, past the transaction's 5 s: a 503); with 32 MB it stays exact (355 ms). 32 MB per
 * search at most, only while one runs, on at most the pool's 10 connections. And no JIT
 * compilation: the disabled ways' penalty makes the plan's cost look huge, and PostgreSQL
 * compiled an agent's rare-word search for a page of 20 rows (14 ms, in a statement of 50-70
 * ms without it). PGlite has no JIT: the setting is there and does nothing.
 */
export const INDEX_ONLY_SETTINGS = [
  // One statement (SET LOCAL each would be a round trip of its own); true: for this transaction.
  `SELECT set_config('max_parallel_workers_per_gather', '0', true), set_config('enable_seqscan', 'off', true),
     set_config('enable_indexscan', 'off', true), set_config('work_mem', '32MB', true), set_config('jit', 'off', true)`,
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
