import type { Metadata } from "next";
import { ReplyWindowsBoard } from "@/components/windows/reply-windows-board";

export const metadata: Metadata = { title: "Reply windows · Instagram Inbox" };

export default function ReplyWindowsPage() {
  return (
    <main className="mx-auto h-full max-w-5xl space-y-4 overflow-y-auto p-4 sm:p-6">
      <div>
        <h1 className="text-xl font-semibold">Reply windows</h1>
        <p className="text-sm text-neutral-600">
          Customers waiting for an answer whose 24-hour Instagram window closes within 4 hours, soonest first.
        </p>
      </div>
      <ReplyWindowsBoard />
    </main>
  );
}
