"use client";

import Link from "next/link";
import { useListFilters } from "@/components/inbox/list/use-list-filters";

/** On a phone the open conversation takes the screen: this leads back to the list as it was. */
export function BackToList() {
  const { hrefFor } = useListFilters();
  return (
    <Link href={hrefFor("/")} className="mb-1 inline-block text-sm font-medium text-blue-700 hover:underline md:hidden">
      ← Conversations
    </Link>
  );
}
