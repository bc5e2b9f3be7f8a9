import type { Metadata } from "next";
import { AccountList } from "@/components/admin/account-list";
import { LinkAccountForm } from "@/components/admin/link-account-form";
import { requireAdminPage } from "@/lib/http/admin-page";

export const metadata: Metadata = { title: "Instagram accounts · Admin · Instagram Inbox" };

export default async function AccountsPage() {
  await requireAdminPage();
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-lg font-semibold">Instagram accounts</h1>
        <p className="mt-1 text-sm text-neutral-600">
          Each linked account receives its customers&apos; messages through three CM.com webhooks and answers with its
          own product token.
        </p>
      </div>
      <AccountList />
      <LinkAccountForm />
    </main>
  );
}
