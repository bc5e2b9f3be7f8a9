import { Suspense, type ReactNode } from "react";
import { ConversationList } from "@/components/inbox/list/conversation-list";
import { InboxFilters } from "@/components/inbox/list/inbox-filters";
import { InboxShell } from "@/components/inbox/inbox-shell";
import { InboxViews } from "@/components/inbox/list/inbox-views";
import { KeyboardShortcuts } from "@/components/inbox/keyboard-shortcuts";
import { SearchBox } from "@/components/inbox/search/search-box";

/** The inbox: views, filters and conversations on the left, the open one on the right. */
export default function InboxLayout({ children }: { children: ReactNode }) {
  return (
    <InboxShell
      list={
        <Suspense
          fallback={
            <p role="status" className="p-6 text-sm text-neutral-500">
              Loading conversations…
            </p>
          }
        >
          <div className="flex items-center justify-between gap-2 px-4 pt-3 pb-2">
            <h1 className="text-lg font-semibold">Inbox</h1>
            <KeyboardShortcuts />
          </div>
          <SearchBox />
          <InboxViews />
          <InboxFilters />
          <ConversationList />
        </Suspense>
      }
    >
      {children}
    </InboxShell>
  );
}
