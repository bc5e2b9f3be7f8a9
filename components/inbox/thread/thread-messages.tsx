"use client";

import { useCallback, useEffect, useRef } from "react";
import { useLoadMore } from "@/components/hooks/use-load-more";
import type { TMessageView } from "@/lib/messages/schemas";
import { MessageBubble } from "./message-bubble";
import { NewerMessages } from "./newer-messages";
import type { useThread } from "./use-thread";

/**
 * The thread's messages, oldest first: older pages load as the top comes into view, newer ones
 * on demand (a thread opened at a search result); the view follows new messages to the bottom.
 */
export function ThreadMessages({
  thread,
  onRetry,
  onCancel,
  retryError,
  cancelError,
}: {
  thread: ReturnType<typeof useThread>;
  onRetry: (message: TMessageView) => void;
  onCancel: (message: TMessageView) => void;
  retryError: Error | null;
  cancelError: Error | null;
}) {
  const { hasNextPage, isFetchingNextPage, fetchNextPage, messages, followLatest } = thread;
  const loadOlder = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const sentinel = useLoadMore<HTMLLIElement>(loadOlder, hasNextPage);

  const newestId = messages.at(-1)?.id;
  const bottom = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (followLatest) bottom.current?.scrollIntoView({ block: "end" });
  }, [newestId, followLatest]);

  return (
    // Focusable, so the keyboard scrolls a thread of text bubbles (nothing else in it takes focus).
    <div role="region" aria-label="Thread" tabIndex={0} className="min-h-0 flex-1 overflow-y-auto bg-white px-4 py-3">
      {thread.isPending && (
        <p role="status" className="text-sm text-neutral-500">
          Loading messages…
        </p>
      )}
      {thread.isError && (
        <p role="alert" className="text-sm text-red-800">
          Messages could not be loaded: {thread.error.message}
        </p>
      )}
      <ol aria-label="Messages" className="flex flex-col gap-2">
        {hasNextPage && (
          <li ref={sentinel} aria-hidden className="text-center text-xs text-neutral-500">
            {isFetchingNextPage ? "Loading older messages…" : ""}
          </li>
        )}
        {messages.map((message) => (
          <MessageBubble
            key={message.clientId ?? message.id}
            message={message}
            onRetry={onRetry}
            onCancel={onCancel}
            targeted={message.id === thread.anchorId}
          />
        ))}
        <NewerMessages hasNewer={thread.hasNewer} loading={thread.isFetchingNewer} onLoad={thread.loadNewer} />
      </ol>
      {retryError && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          Retry failed: {retryError.message}
        </p>
      )}
      {cancelError && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          Could not cancel: {cancelError.message}
        </p>
      )}
      <div ref={bottom} />
    </div>
  );
}
