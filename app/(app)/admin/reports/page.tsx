import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportsPage } from "@/components/reports/reports-page";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Reports · Instagram Inbox" };

export default async function Reports() {
  await requireAdminPage();
  return (
    <main className="space-y-4">
      <div>
        <h1 className="text-lg font-semibold">Reports</h1>
        <p className="mt-1 text-sm text-neutral-600">
          How fast the team answers, how long until customers are helped, who carries the load, when messages arrive,
          and how satisfied customers are. Every view is in the address: bookmark it or share it.
        </p>
      </div>
      <Suspense fallback={<p className="text-sm text-neutral-600">Loading…</p>}>
        <ReportsPage />
      </Suspense>
    </main>
  );
}
