import type { QueryClient } from "@tanstack/react-query";
import { compareForSort, matchesFilters } from "../conversations/list-membership";
import { ZListFilters } from "../conversations/schemas";
import type { TConversationSummary } from "../conversations/summary";
import type { TLabel } from "../labels/schemas";
import type { TMessageView } from "../messages/schemas";
import { writeConversationDetail, writeMessage } from "./cache";
import { contactKeys } from "./contact";
import { bumpUnread, conversationKeys, upsertConversation, type TConversationPages } from "./conversations";
import type { TEventReplay } from "./event-replay";
import { labelKeys } from "./labels";
import { messageKeys } from "./messages";
import { windowKeys } from "./windows";

// What each live event does to React Query's cache, as plain functions of the cache and the
// event: the realtime provider calls them, tests call them on a QueryClient without a browser.

/** Moves a conversation into, along or out of every list held, by each list's own filters and order. */
export function applyConversationEvent(
  client: QueryClient,
  conversation: TConversationSummary,
  { userId, now }: { userId: string; now: Date },
): void {
  for (const query of client.getQueryCache().findAll({ queryKey: conversationKeys.lists() })) {
    const filters = ZListFilters.safeParse(query.queryKey[2]);
    if (!filters.success) continue;
    client.setQueryData<TConversationPages>(query.queryKey, (data) =>
      upsertConversation(data, conversation, {
        belongs: matchesFilters(conversation, filters.data, { userId, now }),
        compare: compareForSort(filters.data.sort),
      }),
    );
  }
  // The open conversation's header (reply window, handover) follows the same events.
  writeConversationDetail(client, conversation, "event");
}

/** A message created or changed: into its thread, if the thread is held. */
export function applyMessageEvent(client: QueryClient, message: TMessageView): void {
  writeMessage(client, message);
}

/** A customer's new message, not read here: one more unread on its row in every list. */
export function markUnread(client: QueryClient, conversationId: string): void {
  client.setQueriesData<TConversationPages>({ queryKey: conversationKeys.lists() }, (data) =>
    bumpUnread(data, conversationId),
  );
}

/** The contact panel's counts and notes are fetched again (they move with every message). */
export function refetchContact(client: QueryClient, conversationId: string): void {
  void client.invalidateQueries({ queryKey: contactKeys.ofConversation(conversationId) });
}

/**
 * The labels changed: the cache takes the whole list, and lists and open conversations are
 * fetched again, since the chips they hold may show an old name or colour or a deleted label
 * (a rename does not move the conversations' updatedAt, so no event could patch them).
 */
export function applyLabelsChanged(client: QueryClient, labels: TLabel[]): void {
  client.setQueryData(labelKeys.list(), labels);
  void client.invalidateQueries({ queryKey: conversationKeys.lists() });
  void client.invalidateQueries({ queryKey: conversationKeys.details() });
}

/** The view counts (Mine, Unassigned, All) are asked again. */
export function refetchCounts(client: QueryClient): void {
  void client.invalidateQueries({ queryKey: [...conversationKeys.all, "counts"] });
}

/** Everything live events keep up to date, fetched again (events may have been missed). */
export function refetchLive(client: QueryClient): void {
  for (const queryKey of [conversationKeys.all, messageKeys.all, contactKeys.all, labelKeys.all, windowKeys.all]) {
    void client.invalidateQueries({ queryKey });
  }
}

/**
 * Every freshly fetched list, conversation or thread gets the recent events again
 * (event-replay.ts): only what events patch, never counts or account lists, whose own refetch
 * must not replay (and so refetch) again. Returns what stops it.
 */
export function replayOntoFetches(client: QueryClient, recent: TEventReplay): () => void {
  return client.getQueryCache().subscribe((event) => {
    if (event.type !== "updated" || event.action.type !== "success" || event.action.manual) return;
    const [root, kind] = event.query.queryKey;
    const patched =
      root === messageKeys.all[0] ||
      (root === conversationKeys.all[0] &&
        (kind === conversationKeys.lists()[1] || kind === conversationKeys.details()[1]));
    if (patched) recent.replay();
  });
}
