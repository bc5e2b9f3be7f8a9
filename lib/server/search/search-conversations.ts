import type { PrismaClient } from "../../db/generated/client";
import { snippetAround } from "../../search/highlight";
import type { TSearchConversation, TSearchResults } from "../../search/schemas";
import { decodeCursor, encodeCursor } from "../pagination/keyset-cursor";
import { pickTerms, toPrefixQuery } from "./prefix-query";
import { contactSearchSql, lexemesSql, messageSearchSql, type TConversationHit, type TMessageHit } from "./search-sql";

/** Contacts shown above the messages, on the first page. */
export const CONTACT_RESULTS = 5;

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
    before ? [] : prisma.$queryRaw<TConversationHit[]>(contactSearchSql(tsquery, accountIds, CONTACT_RESULTS)),
    prisma.$queryRaw<TMessageHit[]>(messageSearchSql(tsquery, accountIds, limit + 1, before)),
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

function toConversation(row: TConversationHit): TSearchConversation {
  return {
    id: row.conversationId,
    contactName: row.contactName,
    username: row.username,
    accountName: row.accountName,
    lastMessageAt: new Date(row.lastMessageAt).toISOString(),
  };
}
