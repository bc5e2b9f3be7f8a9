"use client";

import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { TMessagePage } from "@/lib/messages/schemas";
import { fetchMessagePage, messageKeys, type TMessagePages, type TThreadPageParam } from "@/lib/queries/messages";
import {
  holdsMessage,
  newerPageParam,
  olderPageParam,
  startedAround,
  stopsShortOfNewest,
  threadMessages,
} from "@/lib/queries/thread";

/** The element id of a message in the thread, for scrolling to it. */
export const messageElementId = (messageId: string) => `message-${messageId}`;

/**
 * A conversation's messages. With `?message=<id>` in the address (a search result), the thread
 * opens at that message however far back it is: the page around it is loaded, it is scrolled
 * into view once, and the view does not jump to the newest messages; newer pages load when
 * scrolled down. Without it, the thread starts at the newest message as always.
 */
export function useThread(conversationId: string) {
  const anchorId = useSearchParams().get("message");
  const queryClient = useQueryClient();
  const thread = useInfiniteQuery<
    TMessagePage,
    Error,
    TMessagePages,
    ReturnType<typeof messageKeys.thread>,
    TThreadPageParam
  >({
    queryKey: messageKeys.thread(conversationId),
    queryFn: ({ pageParam }) => fetchMessagePage(conversationId, pageParam),
    initialPageParam: anchorId ? { around: anchorId } : null,
    getNextPageParam: olderPageParam,
    getPreviousPageParam: newerPageParam,
  });
  const { data, hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage } = thread;

  // A thread cached from an earlier visit may not reach the message asked for or, without
  // one, may stop short of the newest messages: load it again from the right place.
  const misplaced =
    data !== undefined &&
    (anchorId ? !holdsMessage(data, anchorId) && !startedAround(data, anchorId) : stopsShortOfNewest(data));
  useEffect(() => {
    if (misplaced) void queryClient.resetQueries({ queryKey: messageKeys.thread(conversationId), exact: true });
  }, [misplaced, queryClient, conversationId]);

  const messages = useMemo(() => (data ? threadMessages(data) : []), [data]);
  const anchorShown = anchorId !== null && messages.some((m) => m.id === anchorId);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!anchorId) scrolledTo.current = null;
    if (!anchorId || !anchorShown || scrolledTo.current === anchorId) return;
    scrolledTo.current = anchorId;
    document.getElementById(messageElementId(anchorId))?.scrollIntoView({ block: "center" });
  }, [anchorId, anchorShown]);

  const loadNewer = useCallback(() => {
    if (hasPreviousPage && !isFetchingPreviousPage) void fetchPreviousPage();
  }, [hasPreviousPage, isFetchingPreviousPage, fetchPreviousPage]);

  return {
    ...thread,
    messages,
    /** The message the thread was opened at, if any. */
    anchorId,
    hasNewer: hasPreviousPage,
    isFetchingNewer: isFetchingPreviousPage,
    loadNewer,
    /** Whether the view should follow new messages to the bottom (not while opened at one). */
    followLatest: anchorId === null,
  };
}
