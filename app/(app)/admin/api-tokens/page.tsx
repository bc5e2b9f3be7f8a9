import type { Metadata } from "next";
import { ApiTokenManager } from "@/components/api-tokens/api-token-manager";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "API tokens · Admin · Instagram Inbox" };

export default async function ApiTokensPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">API tokens</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Other systems (a CRM, an order system, a bot) call the inbox&apos;s API at <code>/api/v1</code> with a token:{" "}
          <code>Authorization: Bearer &lt;token&gt;</code>. A token reaches only the accounts and does only what you
          choose here; revoking it refuses its requests at once.
        </p>
      </div>
      <ApiTokenManager />
    </main>
  );
}
