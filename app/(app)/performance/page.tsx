import type { Metadata } from "next";
import { Suspense } from "react";
import { MyPerformance } from "@/components/reports/my-performance";

export const metadata: Metadata = { title: "My performance · Instagram Inbox" };

/** Any signed-in user's own figures (the layout checks the session; the API scopes to the user). */
export default function PerformancePage() {
  return (
    <main className="mx-auto max-w-5xl space-y-4 p-6">
      <div>
        <h1 className="text-lg font-semibold">My performance</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Your own figures: the conversations you answered and resolved, how fast, and what customers thought.
        </p>
      </div>
      <Suspense fallback={<p className="text-sm text-neutral-600">Loading…</p>}>
        <MyPerformance />
      </Suspense>
    </main>
  );
}
