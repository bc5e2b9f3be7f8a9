"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { conversationKeys, fetchConversationPage } from "@/lib/queries/conversations";
import type { TConversationSummary } from "@/lib/queries/conversation-types";

export function ConversationList() {
  const filters = {};
  const query = useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam }) => fetchConversationPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

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

  return (
    <div>
      <ul aria-label="Conversations" className="divide-y divide-neutral-200">
        {conversations.map((conversation) => (
          <ConversationRow key={conversation.id} conversation={conversation} />
        ))}
      </ul>
      {query.hasNextPage && (
        <button
          type="button"
          className="w-full p-3 text-sm font-medium text-blue-700 hover:bg-neutral-100 disabled:text-neutral-400"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? "Loading…" : "Load older conversations"}
        </button>
      )}
    </div>
  );
}

function ConversationRow({ conversation }: { conversation: TConversationSummary }) {
  const name = conversation.contact.name ?? conversation.contact.username ?? conversation.contact.igsid;
  return (
    <li aria-label={name} className="flex items-start gap-3 px-4 py-3">
      <div
        aria-hidden
        className="flex size-10 shrink-0 items-center justify-center rounded-full bg-gradient-to-br from-fuchsia-500 to-amber-400 font-semibold text-white"
      >
        {name.slice(0, 1).toUpperCase()}
      </div>
      <div className="min-w-0 flex-1">
        <div className="flex items-baseline justify-between gap-2">
          <p className="truncate font-medium">
            {name}
            {conversation.contact.username && (
              <span className="ml-1 font-normal text-neutral-500">@{conversation.contact.username}</span>
            )}
          </p>
          <time dateTime={conversation.lastMessageAt} className="shrink-0 text-xs text-neutral-500">
            {formatTime(conversation.lastMessageAt)}
          </time>
        </div>
        <p className="truncate text-sm text-neutral-600">{conversation.lastMessagePreview}</p>
        <p className="text-xs text-neutral-400">{conversation.accountName}</p>
      </div>
    </li>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay
    ? date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" })
    : date.toLocaleDateString(undefined, { day: "numeric", month: "short" });
}
