import type { Metadata } from "next";
import { WebhookManager } from "@/components/admin/webhook-manager";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Webhooks · Admin · Instagram Inbox" };

export default async function WebhooksPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">Webhooks</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Other systems learn what happens in the inbox as it happens: each event is POSTed to the endpoints that chose
          it, signed, at least once and in order per conversation, retried for 3 days while a receiver is down.
        </p>
      </div>
      <WebhookManager />
    </main>
  );
}
