import type { Metadata } from "next";
import { SavedRepliesManager } from "@/components/saved-replies/saved-replies-manager";

export const metadata: Metadata = { title: "Saved replies · Instagram Inbox" };

export default function SavedRepliesPage() {
  return (
    <main className="mx-auto h-full max-w-5xl overflow-y-auto p-4 sm:p-6">
      <SavedRepliesManager />
    </main>
  );
}
