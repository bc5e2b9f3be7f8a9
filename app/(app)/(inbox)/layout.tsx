import type { ReactNode } from "react";
import { ConversationList } from "@/components/inbox/conversation-list";
import { SearchBox } from "@/components/inbox/search-box";

/** The inbox: conversations on the left, the open one on the right. */
export default function InboxLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex h-full">
      <aside className="flex w-80 shrink-0 flex-col border-r border-neutral-200 bg-white">
        <h1 className="px-4 py-3 text-lg font-semibold">Inbox</h1>
        <SearchBox />
        <div className="min-h-0 flex-1 overflow-y-auto border-t border-neutral-200">
          <ConversationList />
        </div>
      </aside>
      <section className="min-w-0 flex-1">{children}</section>
    </div>
  );
}
