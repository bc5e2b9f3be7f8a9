"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useCallback } from "react";
import { conversationKeys, fetchConversationPage } from "@/lib/queries/conversations";
import type { TConversationSummary } from "@/lib/queries/conversation-types";
import { handover, messagingWindow } from "@/lib/channel/rules";
import { contactName, formatTime } from "./format-time";
import { useNow } from "./use-now";
import { useLoadMore } from "./use-load-more";

const FILTERS = {};

export function ConversationList() {
  const pathname = usePathname();
  const now = useNow(60_000);
  const openId = pathname.startsWith("/c/") ? decodeURIComponent(pathname.slice(3)) : null;
  const query = useInfiniteQuery({
    queryKey: conversationKeys.list(FILTERS),
    queryFn: ({ pageParam }) => fetchConversationPage(FILTERS, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const sentinel = useLoadMore<HTMLLIElement>(loadMore, hasNextPage);

  if (query.isPending) {
    return (
      <p role="status" className="p-6 text-sm text-neutral-500">
        Loading conversations…
      </p>
    );
  }
  if (query.isError) {
    return (
      <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>Conversations could not be loaded: {query.error.message}</p>
        <button type="button" className="mt-2 font-medium underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }

  const conversations = query.data.pages.flatMap((page) => page.conversations);
  if (conversations.length === 0) {
    return (
      <div className="p-6 text-sm text-neutral-500">
        <p className="font-medium text-neutral-700">No conversations yet</p>
        <p className="mt-1">
          Conversations start when a customer writes to your Instagram account. New messages appear here at once.
        </p>
      </div>
    );
  }

  // Keyset pages of 50 load as the list scrolls: 10,000 conversations never render at once.
  return (
    <ul aria-label="Conversations" className="divide-y divide-neutral-100">
      {conversations.map((conversation) => (
        <ConversationRow
          key={conversation.id}
          conversation={conversation}
          active={conversation.id === openId}
          now={now}
        />
      ))}
      {hasNextPage && (
        <li ref={sentinel} aria-hidden className="p-3 text-center text-xs text-neutral-400">
          {isFetchingNextPage ? "Loading…" : ""}
        </li>
      )}
    </ul>
  );
}

function ConversationRow({
  conversation,
  active,
  now,
}: {
  conversation: TConversationSummary;
  active: boolean;
  now: Date;
}) {
  const name = contactName(conversation.contact);
  const handedOver = handover(conversation, now).active;
  const windowOpen = messagingWindow(conversation, now).open;
  const unread = active ? 0 : (conversation.unreadCount ?? 0);
  return (
    <li aria-label={name}>
      <Link
        href={`/c/${conversation.id}`}
        aria-current={active ? "page" : undefined}
        className={`flex items-start gap-3 px-4 py-3 ${active ? "bg-blue-50" : "hover:bg-neutral-50"}`}
      >
        <div
          aria-hidden
          className="flex size-10 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-fuchsia-500 to-amber-400 font-semibold text-white"
        >
          {name.slice(0, 1).toUpperCase()}
        </div>
        <div className="min-w-0 flex-1">
          <div className="flex items-baseline justify-between gap-2">
            <p className={`truncate ${unread ? "font-semibold" : "font-medium"}`}>
              {name}
              {conversation.contact.username && (
                <span className="ml-1 font-normal text-neutral-500">@{conversation.contact.username}</span>
              )}
            </p>
            <time dateTime={conversation.lastMessageAt} className="shrink-0 text-xs text-neutral-500">
              {formatTime(conversation.lastMessageAt)}
            </time>
          </div>
          <div className="flex items-center justify-between gap-2">
            <p className={`truncate text-sm ${unread ? "text-neutral-900" : "text-neutral-600"}`}>
              {conversation.lastMessagePreview}
            </p>
            {unread > 0 && (
              <span
                aria-label={`${unread} unread`}
                className="shrink-0 rounded-full bg-blue-600 px-1.5 text-xs font-semibold text-white"
              >
                {unread}
              </span>
            )}
          </div>
          <p className="flex items-center gap-2 text-xs text-neutral-400">
            {conversation.accountName}
            {handedOver && <span className="rounded bg-amber-50 px-1 text-amber-900">Handed over</span>}
            {!windowOpen && <span className="rounded bg-neutral-100 px-1 text-neutral-600">Window closed</span>}
          </p>
        </div>
      </Link>
    </li>
  );
}
