"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useMemo, useRef, type ReactNode } from "react";
import { filtersToParams, type TView } from "@/lib/conversations/schemas";
import { conversationKeys, fetchConversationPage } from "@/lib/queries/conversations";
import type { TConversationSummary } from "@/lib/conversations/summary";
import { handover, messagingWindow } from "@/lib/channel/rules";
import { LabelChips } from "@/components/labels/label-chips";
import { SlaBadge } from "@/components/sla/sla-badge";
import { contactName } from "@/lib/contacts/contact-name";
import { formatTime } from "@/components/ui/format-time";
import { useNow } from "@/components/hooks/use-now";
import { useInboxAccounts } from "@/lib/queries/inbox-accounts";
import { useListFilters } from "./use-list-filters";

const ROW_HEIGHT = 84;

const EMPTY: Record<TView, { title: string; hint: string }> = {
  mine: {
    title: "Nothing assigned to you",
    hint: "Conversations you assign to yourself, or that are assigned to you, appear here.",
  },
  unassigned: { title: "No unassigned conversations", hint: "Every conversation here has an owner." },
  all: {
    title: "No open conversations",
    hint: "Conversations start when a customer writes to your Instagram account. New messages appear here at once.",
  },
};

export function ConversationList() {
  const pathname = usePathname();
  const now = useNow(60_000);
  const { filters, hrefFor, setFilters } = useListFilters();
  const accounts = useInboxAccounts();
  const openId = pathname.startsWith("/c/") ? decodeURIComponent(pathname.slice(3)) : null;
  const query = useInfiniteQuery({
    queryKey: conversationKeys.list(filters),
    queryFn: ({ pageParam }) => fetchConversationPage(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const conversations = useMemo(() => query.data?.pages.flatMap((page) => page.conversations) ?? [], [query.data]);

  // Only the rows on screen are in the DOM (10,000 conversations scroll as smoothly as 10).
  const scroller = useRef<HTMLDivElement | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- no React Compiler here; it re-renders us on scroll.
  const virtualizer = useVirtualizer({
    count: conversations.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // On a phone the list is hidden (display: none) while a conversation is open, and a hidden
    // row measures 0 px: taken as its size, coming back shifted the list by the rows it
    // "regrew". A row keeps the size it had while it cannot be seen.
    measureElement: (element, _entry, instance) => {
      const height = element.getBoundingClientRect().height;
      if (height > 0) return height;
      return instance.measurementsCache[instance.indexFromElement(element)]?.size ?? ROW_HEIGHT;
    },
    overscan: 8,
    getItemKey: (index) => conversations[index]?.id ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    // The next keyset page loads as the end comes into view.
    if (hasNextPage && !isFetchingNextPage && lastIndex >= conversations.length - 10) void fetchNextPage();
  }, [lastIndex, conversations.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  let body: ReactNode;
  if (query.isPending) {
    body = (
      <p role="status" className="p-6 text-sm text-neutral-500">
        Loading conversations…
      </p>
    );
  } else if (query.isError) {
    body = (
      <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
        <p>Conversations could not be loaded: {query.error.message}</p>
        <button type="button" className="mt-2 font-medium underline" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  } else if (conversations.length === 0) {
    body = <EmptyList filters={filters} setFilters={setFilters} noAccounts={accounts.data?.accounts.length === 0} />;
  } else {
    body = (
      <ul aria-label="Conversations" className="relative" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const conversation = conversations[item.index];
          if (!conversation) return null;
          return (
            <ConversationRow
              key={item.key}
              conversation={conversation}
              active={conversation.id === openId}
              now={now}
              href={hrefFor(`/c/${conversation.id}`)}
              position={{ index: item.index, size: hasNextPage ? -1 : conversations.length, start: item.start }}
              measure={virtualizer.measureElement}
            />
          );
        })}
      </ul>
    );
  }

  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-y-auto border-t border-neutral-200">
      {body}
      {isFetchingNextPage && (
        <p role="status" className="p-3 text-center text-xs text-neutral-500">
          Loading more…
        </p>
      )}
    </div>
  );
}

function ConversationRow({
  conversation,
  active,
  now,
  href,
  position,
  measure,
}: {
  conversation: TConversationSummary;
  active: boolean;
  now: Date;
  href: string;
  /** Where the row sits in the whole list (size -1: more to load), and its offset on screen. */
  position: { index: number; size: number; start: number };
  measure: (element: Element | null) => void;
}) {
  const name = contactName(conversation.contact);
  const handedOver = handover(conversation, now).active;
  const windowOpen = messagingWindow(conversation, now).open;
  const unread = active ? 0 : (conversation.unreadCount ?? 0);
  return (
    <li
      aria-label={name}
      aria-posinset={position.index + 1}
      aria-setsize={position.size}
      data-index={position.index}
      ref={measure}
      className="absolute top-0 left-0 w-full border-b border-neutral-100"
      style={{ transform: `translateY(${position.start}px)` }}
    >
      <Link
        href={href}
        // No prefetch: the list reorders with every message, and each prefetch is a server render
        // of a conversation page (the thread itself comes from the API when it opens).
        prefetch={false}
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
                <span className="ml-1 font-normal text-neutral-600">@{conversation.contact.username}</span>
              )}
            </p>
            <time dateTime={conversation.lastMessageAt} className="shrink-0 text-xs text-neutral-600">
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
          <p className="flex items-center gap-2 text-xs text-neutral-600">
            {conversation.accountName}
            {conversation.status !== "OPEN" && (
              <span className="rounded bg-neutral-100 px-1 text-neutral-700">
                {conversation.status === "SNOOZED" ? "Snoozed" : "Resolved"}
              </span>
            )}
            {conversation.bot && (
              <span className="truncate rounded bg-violet-50 px-1 text-violet-800">Bot: {conversation.bot.name}</span>
            )}
            <SlaBadge conversation={conversation} now={now} />
            {conversation.assignee && <span className="truncate text-neutral-600">→ {conversation.assignee.name}</span>}
            {handedOver && <span className="rounded bg-amber-50 px-1 text-amber-900">Handed over</span>}
            {!windowOpen && <span className="rounded bg-neutral-100 px-1 text-neutral-600">Window closed</span>}
            <LabelChips labels={conversation.labels} className="overflow-hidden" />
          </p>
        </div>
      </Link>
    </li>
  );
}

/** Why the list is empty, and (on the default open list) where the other conversations are. */
function EmptyList({
  filters,
  setFilters,
  noAccounts,
}: { noAccounts: boolean } & Pick<ReturnType<typeof useListFilters>, "filters" | "setFilters">) {
  const filtered = filtersToParams({ ...filters, view: "all" }).toString() !== "";
  const empty = noAccounts
    ? {
        title: "You are not a member of any Instagram account yet",
        hint: "Ask an admin to add you to an account: its conversations then appear here at once.",
      }
    : filtered
      ? { title: "No conversations match these filters", hint: "Change or clear the filters to see more." }
      : EMPTY[filters.view];
  // Open is the list's default: what is not open (with a bot, resolved) is one click away.
  const elsewhere = !noAccounts && !filtered && filters.status === "open";
  const link = "font-medium text-blue-700 underline";
  return (
    <div className="p-6 text-sm text-neutral-500">
      <p className="font-medium text-neutral-700">{empty.title}</p>
      <p className="mt-1">{empty.hint}</p>
      {elsewhere && (
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
          <button type="button" className={link} onClick={() => setFilters({ status: "bot" })}>
            Show conversations with a bot
          </button>
          <button type="button" className={link} onClick={() => setFilters({ status: "resolved" })}>
            Show resolved conversations
          </button>
        </p>
      )}
    </div>
  );
}
