import { fetchJson } from "../http/fetch-json";
import { ZSearchResults, type TSearchResults } from "../search/schemas";

export const SEARCH_PAGE_SIZE = 20;

export const searchKeys = {
  all: ["search"] as const,
  results: (query: string) => [...searchKeys.all, "results", query] as const,
};

export function fetchSearchPage(query: string, cursor: string | null): Promise<TSearchResults> {
  const params = new URLSearchParams({ q: query, limit: String(SEARCH_PAGE_SIZE) });
  if (cursor) params.set("cursor", cursor);
  return fetchJson(`/api/search?${params}`, ZSearchResults);
}

/** Where a result leads: its conversation, opened at the matching message if there is one. */
export function resultHref(conversationId: string, messageId?: string): string {
  const path = `/c/${encodeURIComponent(conversationId)}`;
  return messageId ? `${path}?message=${encodeURIComponent(messageId)}` : path;
}
