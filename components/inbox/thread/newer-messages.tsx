"use client";

import { useLoadMore } from "@/components/hooks/use-load-more";

/**
 * The end of a thread opened further back (at a search result): newer messages load when
 * this comes into view, or on a click.
 */
export function NewerMessages({
  hasNewer,
  loading,
  onLoad,
}: {
  hasNewer: boolean;
  loading: boolean;
  onLoad: () => void;
}) {
  const sentinel = useLoadMore<HTMLLIElement>(onLoad, hasNewer);
  if (!hasNewer) return null;
  return (
    <li ref={sentinel} className="text-center text-xs">
      <button type="button" onClick={onLoad} disabled={loading} className="text-blue-700 hover:underline">
        {loading ? "Loading newer messages…" : "Show newer messages"}
      </button>
    </li>
  );
}
