"use client";

import type { ReactNode } from "react";
import type { TSearchConversation, TSearchMessageHit, TSearchResults } from "@/lib/search/schemas";
import { formatTime } from "@/components/ui/format-time";
import { HighlightedText } from "./highlighted-text";

export type TSearchOption =
  | { kind: "contact"; conversation: TSearchConversation }
  | { kind: "message"; hit: TSearchMessageHit }
  | { kind: "more" };

/** The options in the order shown and walked with the arrow keys: contacts, messages, "more". */
export function searchOptions(pages: readonly TSearchResults[], hasMore: boolean): TSearchOption[] {
  return [
    ...(pages[0]?.contacts ?? []).map((conversation) => ({ kind: "contact" as const, conversation })),
    ...pages.flatMap((page) => page.messages).map((hit) => ({ kind: "message" as const, hit })),
    ...(hasMore ? [{ kind: "more" as const }] : []),
  ];
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

/**
 * The results under the search box: a listbox whose options the box walks with the arrow keys
 * (aria-activedescendant); focus stays in the box, so options keep it on mouse down.
 */
export function SearchResults({
  listId,
  options,
  terms,
  activeIndex,
  loadingMore,
  onChoose,
  onHover,
}: {
  listId: string;
  options: readonly TSearchOption[];
  terms: readonly string[];
  activeIndex: number;
  loadingMore: boolean;
  onChoose: (option: TSearchOption) => void;
  onHover: (index: number) => void;
}) {
  const option = (index: number, content: ReactNode, className = "") => {
    const entry = options[index];
    if (!entry) return null;
    return (
      <div
        key={index}
        id={optionId(listId, index)}
        role="option"
        aria-selected={index === activeIndex}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onChoose(entry)}
        onMouseMove={() => index !== activeIndex && onHover(index)}
        className={`cursor-pointer px-3 py-2 ${index === activeIndex ? "bg-blue-50" : ""} ${className}`}
      >
        {content}
      </div>
    );
  };
  const indexed = options.map((entry, index) => ({ entry, index }));
  const contacts = indexed.filter(({ entry }) => entry.kind === "contact");
  const messages = indexed.filter(({ entry }) => entry.kind === "message");
  const more = indexed.find(({ entry }) => entry.kind === "more");

  return (
    <div id={listId} role="listbox" aria-label="Search results" className="py-1">
      {contacts.length > 0 && (
        <div role="group" aria-label="Contacts">
          <div
            role="presentation"
            className="px-3 pt-1 text-[11px] font-semibold tracking-wide text-neutral-500 uppercase"
          >
            Contacts
          </div>
          {contacts.map(({ entry, index }) =>
            entry.kind === "contact"
              ? option(index, <ContactResult conversation={entry.conversation} terms={terms} />)
              : null,
          )}
        </div>
      )}
      {messages.length > 0 && (
        <div role="group" aria-label="Messages">
          <div
            role="presentation"
            className="px-3 pt-1 text-[11px] font-semibold tracking-wide text-neutral-500 uppercase"
          >
            Messages
          </div>
          {messages.map(({ entry, index }) =>
            entry.kind === "message" ? option(index, <MessageResult hit={entry.hit} terms={terms} />) : null,
          )}
        </div>
      )}
      {more &&
        option(
          more.index,
          loadingMore ? "Loading more results…" : "Show more results",
          "text-center text-sm font-medium text-blue-700",
        )}
    </div>
  );
}

function Who({ conversation, terms }: { conversation: TSearchConversation; terms: readonly string[] }) {
  return (
    <span className="min-w-0 truncate">
      <span className="font-medium">
        <HighlightedText text={conversation.contactName || conversation.username || "Instagram user"} terms={terms} />
      </span>
      {conversation.username && (
        <span className="ml-1 text-neutral-500">
          @<HighlightedText text={conversation.username} terms={terms} />
        </span>
      )}
    </span>
  );
}

function ContactResult({ conversation, terms }: { conversation: TSearchConversation; terms: readonly string[] }) {
  return (
    <div className="min-w-0 text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <Who conversation={conversation} terms={terms} />
        <time dateTime={conversation.lastMessageAt} className="shrink-0 text-xs text-neutral-500">
          {formatTime(conversation.lastMessageAt)}
        </time>
      </div>
      <p className="text-xs text-neutral-500">{conversation.accountName}</p>
    </div>
  );
}

function MessageResult({ hit, terms }: { hit: TSearchMessageHit; terms: readonly string[] }) {
  return (
    <div className="min-w-0 text-sm">
      <div className="flex items-baseline justify-between gap-2">
        <Who conversation={hit.conversation} terms={terms} />
        <time dateTime={hit.message.sentAt} className="shrink-0 text-xs text-neutral-500">
          {formatTime(hit.message.sentAt)}
        </time>
      </div>
      <p className="line-clamp-2 break-words text-neutral-700">
        {hit.message.direction === "OUTBOUND" && <span className="text-neutral-500">Agent: </span>}
        {hit.message.direction === "INTERNAL" && <span className="text-neutral-500">Note: </span>}
        <HighlightedText text={hit.message.snippet} terms={terms} />
      </p>
      <p className="text-xs text-neutral-500">{hit.conversation.accountName}</p>
    </div>
  );
}
