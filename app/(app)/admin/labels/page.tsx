import type { Metadata } from "next";
import { LabelManager } from "@/components/labels/label-manager";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Labels · Admin · Instagram Inbox" };

export default async function LabelsPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">Labels</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Agents put labels on conversations (the Labels button in a conversation) and filter the inbox by them.
          Renaming or recolouring a label changes it on every conversation; deleting it takes it off them all.
        </p>
      </div>
      <LabelManager />
    </main>
  );
}
