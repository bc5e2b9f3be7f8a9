"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromParams, filtersToParams, type TListFilters } from "@/lib/conversations/schemas";

/**
 * The inbox list's view, filters and order live in the URL: a reload, the back button and a
 * shared link show the same list. Opening a conversation keeps them (`hrefFor`).
 */
export function useListFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);
  const suffix = useMemo(() => {
    const params = filtersToParams(filters).toString();
    return params ? `?${params}` : "";
  }, [filters]);

  const setFilters = useCallback(
    (change: Partial<TListFilters>) => {
      const next = filtersToParams({ ...filters, ...change }).toString();
      // A new view or filter is a new page of history, so Back returns to the previous list.
      router.push(`${pathname}${next ? `?${next}` : ""}`, { scroll: false });
    },
    [filters, pathname, router],
  );
  const hrefFor = useCallback((path: string) => `${path}${suffix}`, [suffix]);
  return { filters, setFilters, hrefFor };
}
