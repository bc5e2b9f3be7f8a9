import { ConversationList } from "@/components/inbox/conversation-list";
import { ConnectionBadge } from "@/components/realtime/connection-badge";

export default function InboxPage() {
  return (
    <div className="mx-auto flex h-full max-w-3xl flex-col">
      <header className="flex items-center justify-between border-b border-neutral-200 bg-white px-4 py-3">
        <h1 className="text-lg font-semibold">Inbox</h1>
        <ConnectionBadge />
      </header>
      <main className="flex-1 overflow-y-auto bg-white">
        <ConversationList />
      </main>
    </div>
  );
}
