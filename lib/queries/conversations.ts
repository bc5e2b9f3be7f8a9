import type { InfiniteData } from "@tanstack/react-query";
import { compareForSort } from "../conversations/list-membership";
import { ZViewCounts, filtersToParams, type TListFilters, type TViewCounts } from "../conversations/schemas";
import { fetchJson } from "../http/fetch-json";
import {
  ZConversationPage,
  keepSla,
  type TConversationPage,
  type TConversationSummary,
} from "../conversations/summary";

export const PAGE_SIZE = 50;

export const conversationKeys = {
  all: ["conversations"] as const,
  lists: () => [...conversationKeys.all, "list"] as const,
  details: () => [...conversationKeys.all, "detail"] as const,
  list: (filters: TListFilters) => [...conversationKeys.lists(), filters] as const,
  counts: (account: string | undefined) => [...conversationKeys.all, "counts", account ?? null] as const,
  /** The accounts the agent works, for the account filter and the empty list. */
  accounts: () => [...conversationKeys.all, "accounts"] as const,
};

export function fetchConversationPage(filters: TListFilters, cursor: string | null): Promise<TConversationPage> {
  const params = filtersToParams(filters);
  params.set("limit", String(PAGE_SIZE));
  if (cursor) params.set("cursor", cursor);
  return fetchJson(`/api/conversations?${params}`, ZConversationPage);
}

export function fetchViewCounts(account: string | undefined): Promise<TViewCounts> {
  return fetchJson(`/api/conversations/counts${account ? `?account=${encodeURIComponent(account)}` : ""}`, ZViewCounts);
}

export type TConversationPages = InfiniteData<TConversationPage, string | null>;

/**
 * Pure cache updater: puts a changed conversation where the list's order says it belongs.
 * An update older than the copy already held (by `updatedAt`) is dropped, so replaying
 * events, or receiving them out of order, never moves the list backwards.
 */
export function upsertConversation(
  data: TConversationPages | undefined,
  incoming: TConversationSummary,
  {
    belongs = true,
    compare = compareForSort("newest"),
  }: {
    /** False when the change took it out of this list (resolved, assigned elsewhere...): it is removed. */
    belongs?: boolean;
    compare?: (a: TConversationSummary, b: TConversationSummary) => number;
  } = {},
): TConversationPages | undefined {
  if (!data) return data;
  const existing = data.pages.flatMap((p) => p.conversations).find((c) => c.id === incoming.id);
  if (existing && existing.updatedAt >= incoming.updatedAt) return data;
  if (!belongs) {
    if (!existing) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        conversations: page.conversations.filter((c) => c.id !== incoming.id),
      })),
    };
  }
  // Live events do not know this agent's unread count: keep the one we hold.
  const known = keepSla(incoming, existing);
  const merged = known.unreadCount === null && existing ? { ...known, unreadCount: existing.unreadCount } : known;

  const pages = data.pages.map((page) => ({
    ...page,
    conversations: page.conversations.filter((c) => c.id !== incoming.id),
  }));
  // Insert into the first page whose range covers it; if it is older than everything loaded
  // and more pages exist, leave it for pagination to bring.
  const target = pages.findIndex((page, index) => {
    const last = page.conversations.at(-1);
    return !last || compare(incoming, last) <= 0 || (index === pages.length - 1 && page.nextCursor === null);
  });
  if (target === -1) return { ...data, pages };
  const page = pages[target];
  if (!page) return { ...data, pages };
  const at = page.conversations.findIndex((c) => compare(incoming, c) < 0);
  const conversations = [...page.conversations];
  conversations.splice(at === -1 ? conversations.length : at, 0, merged);
  pages[target] = { ...page, conversations };
  return { ...data, pages };
}

/** Adds one unread message to a conversation in the cached list (a customer wrote, elsewhere). */
export function bumpUnread(
  data: TConversationPages | undefined,
  conversationId: string,
  by = 1,
): TConversationPages | undefined {
  return mapConversation(data, conversationId, (c) => ({ ...c, unreadCount: (c.unreadCount ?? 0) + by }));
}

/** Clears a conversation's unread count in the cached list (this agent opened it). */
export function clearUnread(
  data: TConversationPages | undefined,
  conversationId: string,
): TConversationPages | undefined {
  return mapConversation(data, conversationId, (c) => (c.unreadCount === 0 ? c : { ...c, unreadCount: 0 }));
}

function mapConversation(
  data: TConversationPages | undefined,
  id: string,
  update: (c: TConversationSummary) => TConversationSummary,
): TConversationPages | undefined {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      conversations: page.conversations.map((c) => (c.id === id ? update(c) : c)),
    })),
  };
}

/**
 * The open conversation's header (its detail cache) after this agent's own change, from the
 * server's answer: taken unless the cache holds a newer copy already, keeping this agent's
 * unread count (the answer's is not per agent); an empty cache is filled.
 */
export function detailFromAnswer(
  current: TConversationSummary | undefined,
  answer: TConversationSummary,
): TConversationSummary {
  return current && current.updatedAt > answer.updatedAt
    ? current
    : { ...keepSla(answer, current), unreadCount: current?.unreadCount ?? 0 };
}

/**
 * The same after a live event: only a cached copy is refreshed, and only by a strictly newer one
 * (an event carries no unread count, so it never creates the entry).
 */
export function detailFromEvent(
  current: TConversationSummary | undefined,
  event: TConversationSummary,
): TConversationSummary | undefined {
  return current && current.updatedAt < event.updatedAt
    ? { ...keepSla(event, current), unreadCount: current.unreadCount }
    : current;
}
