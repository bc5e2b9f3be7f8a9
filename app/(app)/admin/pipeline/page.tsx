import type { Metadata } from "next";
import { PipelineOverview } from "@/components/admin/pipeline-overview";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Pipeline · Admin · Instagram Inbox" };

export default async function PipelinePage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">Pipeline</h1>
        <p className="mt-1 text-sm text-neutral-600">
          What CM.com sends us and what we send back, per account. When customers say “you never answered”, look here
          first: a warning says what to check.
        </p>
      </div>
      <PipelineOverview />
    </main>
  );
}
