"use client";

import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * The list beside the open conversation on a wide screen; on a phone one at a time: the list,
 * or the open conversation (its header links back to the list).
 */
export function InboxShell({ list, children }: { list: ReactNode; children: ReactNode }) {
  const open = usePathname().startsWith("/c/");
  return (
    <div className="flex h-full">
      <aside
        className={`${open ? "hidden md:flex" : "flex"} w-full shrink-0 flex-col border-r border-neutral-200 bg-white md:w-80`}
      >
        {list}
      </aside>
      <section className={`${open ? "block" : "hidden md:block"} min-w-0 flex-1`}>{children}</section>
    </div>
  );
}
