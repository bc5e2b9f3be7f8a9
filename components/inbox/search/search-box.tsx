"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type KeyboardEvent } from "react";
import { fetchSearchPage, resultHref, searchKeys } from "@/lib/queries/search";
import { SEARCH_MAX_QUERY } from "@/lib/search/schemas";
import { SearchResults, optionId, searchOptions, type TSearchOption } from "./search-results";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";

const DEBOUNCE_MS = 250;

/**
 * One box over contact names, @usernames and message text, in the accounts this agent may
 * see. Results appear under it as the agent types; the arrow keys walk them, Enter or a click
 * opens one (a message opens its conversation at that message), Escape clears the box.
 */
export function SearchBox() {
  const router = useRouter();
  const listId = useId();
  const [text, setText] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const query = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const results = useInfiniteQuery({
    queryKey: searchKeys.results(query),
    queryFn: ({ pageParam }) => fetchSearchPage(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  const pages = query ? (results.data?.pages ?? []) : [];
  const options = searchOptions(pages, query.length > 0 && results.hasNextPage);
  const terms = pages[0]?.terms ?? [];
  const showing = open && text.trim().length > 0;

  const choose = (option: TSearchOption) => {
    if (option.kind === "more") {
      if (!results.isFetchingNextPage) void results.fetchNextPage();
      return;
    }
    setOpen(false);
    setActive(-1);
    router.push(
      option.kind === "contact"
        ? resultHref(option.conversation.id)
        : resultHref(option.hit.conversation.id, option.hit.message.id),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setOpen(true);
      if (!count) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((current) => (current === -1 && step === -1 ? count - 1 : (current + step + count) % count));
    } else if (event.key === "Enter") {
      // Enter without a choice opens the first result.
      const option = options[active] ?? options.find((candidate) => candidate.kind !== "more");
      if (showing && option) {
        event.preventDefault();
        choose(option);
      }
    } else if (event.key === "Escape" && text !== "") {
      // A second Escape, in the empty box, leaves it (components/inbox/keyboard-shortcuts.tsx).
      event.preventDefault();
      setText("");
      setActive(-1);
    }
  };

  return (
    <div
      role="search"
      className="relative px-3 pb-3"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <input
        type="search"
        aria-label="Search conversations"
        aria-keyshortcuts="/"
        placeholder="Search names, @usernames, messages"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_QUERY}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(-1);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        aria-autocomplete="list"
        aria-controls={showing && options.length > 0 ? listId : undefined}
        aria-activedescendant={showing && active >= 0 ? optionId(listId, active) : undefined}
        className="w-full rounded-md border border-neutral-300 bg-neutral-50 px-3 py-1.5 text-sm placeholder:text-neutral-500 focus:border-blue-500 focus:bg-white focus:outline-none"
      />
      {showing && (
        <div className="absolute inset-x-3 top-full z-20 -mt-2 max-h-[70vh] overflow-y-auto rounded-md border border-neutral-200 bg-white shadow-lg">
          <SearchStatus
            query={query}
            pending={results.isPending || query !== text.trim()}
            error={results.isError ? results.error.message : null}
            empty={!results.isPlaceholderData && results.isSuccess && options.length === 0}
            found={options.filter((option) => option.kind !== "more").length}
          />
          {options.length > 0 && (
            <SearchResults
              listId={listId}
              options={options}
              terms={terms}
              activeIndex={active}
              loadingMore={results.isFetchingNextPage}
              onChoose={choose}
              onHover={setActive}
            />
          )}
        </div>
      )}
    </div>
  );
}

function SearchStatus({
  query,
  pending,
  error,
  empty,
  found,
}: {
  query: string;
  pending: boolean;
  error: string | null;
  empty: boolean;
  found: number;
}) {
  if (error) {
    return (
      <p role="alert" className="px-3 py-2 text-sm text-red-800">
        Search failed: {error}
      </p>
    );
  }
  if (empty && !pending) {
    return (
      <p role="status" className="px-3 py-2 text-sm text-neutral-500">
        No conversations match “{query}”
      </p>
    );
  }
  // Screen readers hear how many results there are; the list itself shows them.
  return (
    <p role="status" className={pending ? "px-3 pt-2 text-xs text-neutral-500" : "sr-only"}>
      {pending ? "Searching…" : `${found} ${found === 1 ? "result" : "results"}`}
    </p>
  );
}
