import type { InfiniteData } from "@tanstack/react-query";
import { fetchJson } from "../http/fetch-json";
import { ZConversationPage, type TConversationPage, type TConversationSummary } from "./conversation-types";

export const PAGE_SIZE = 50;

export const conversationKeys = {
  all: ["conversations"] as const,
  lists: () => [...conversationKeys.all, "list"] as const,
  list: (filters: { accountId?: string }) => [...conversationKeys.lists(), filters] as const,
};

export function fetchConversationPage(
  filters: { accountId?: string },
  cursor: string | null,
): Promise<TConversationPage> {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor) params.set("cursor", cursor);
  if (filters.accountId) params.set("accountId", filters.accountId);
  return fetchJson(`/api/conversations?${params}`, ZConversationPage);
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
): TConversationPages | undefined {
  if (!data) return data;
  const existing = data.pages.flatMap((p) => p.conversations).find((c) => c.id === incoming.id);
  if (existing && existing.updatedAt >= incoming.updatedAt) return data;
  // Live events do not know this agent's unread count: keep the one we hold.
  const merged =
    incoming.unreadCount === null && existing ? { ...incoming, unreadCount: existing.unreadCount } : incoming;

  const pages = data.pages.map((page) => ({
    ...page,
    conversations: page.conversations.filter((c) => c.id !== incoming.id),
  }));
  // Insert into the first page whose range covers it; if it is older than everything loaded
  // and more pages exist, leave it for pagination to bring.
  const target = pages.findIndex((page, index) => {
    const last = page.conversations.at(-1);
    return !last || compareRecency(incoming, last) <= 0 || (index === pages.length - 1 && page.nextCursor === null);
  });
  if (target === -1) return { ...data, pages };
  const page = pages[target];
  if (!page) return { ...data, pages };
  const at = page.conversations.findIndex((c) => compareRecency(incoming, c) < 0);
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

/** Negative when `a` sorts before `b` (newer activity first, then id descending, as the API). */
function compareRecency(a: TConversationSummary, b: TConversationSummary): number {
  if (a.lastMessageAt !== b.lastMessageAt) return a.lastMessageAt > b.lastMessageAt ? -1 : 1;
  return a.id === b.id ? 0 : a.id > b.id ? -1 : 1;
}
