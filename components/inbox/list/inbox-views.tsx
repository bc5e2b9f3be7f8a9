"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId } from "react";
import { VIEWS, filtersToParams, type TView } from "@/lib/conversations/schemas";
import { conversationKeys, fetchViewCounts } from "@/lib/queries/conversations";
import { useListFilters } from "./use-list-filters";

const LABELS: Record<TView, string> = { mine: "Mine", unassigned: "Unassigned", all: "All" };

/** Mine, Unassigned, All: links that switch the list, each with its live count of open conversations. */
export function InboxViews() {
  const { filters } = useListFilters();
  const pathname = usePathname();
  const id = useId();
  const counts = useQuery({
    queryKey: conversationKeys.counts(filters.account),
    queryFn: () => fetchViewCounts(filters.account),
  });
  return (
    <nav aria-label="Views" className="flex gap-1 px-3 pb-2">
      {VIEWS.map((view) => {
        const params = filtersToParams({ ...filters, view }).toString();
        const active = filters.view === view;
        const count = counts.data?.[view];
        return (
          <Link
            key={view}
            href={`${pathname}${params ? `?${params}` : ""}`}
            scroll={false}
            aria-current={active ? "page" : undefined}
            aria-describedby={count === undefined ? undefined : `${id}-${view}`}
            className={`flex flex-1 items-center justify-center gap-1.5 rounded-md px-2 py-1.5 text-sm font-medium ${
              active ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100"
            }`}
          >
            {LABELS[view]}
            {count !== undefined && (
              <span
                id={`${id}-${view}`}
                data-testid={`count-${view}`}
                className={`rounded-full px-1.5 text-xs tabular-nums ${active ? "bg-white/20" : "bg-neutral-200"}`}
              >
                {count}
                <span className="sr-only"> open</span>
              </span>
            )}
          </Link>
        );
      })}
    </nav>
  );
}
